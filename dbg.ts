import { join } from "node:path";
import { loadVocabulary } from "./src/indicators/aliases.js";
import { parseQuestion } from "./src/retrieve/parse-question.js";
const v = loadVocabulary(join("/work/wt/conv", "corpus"));
for (const s of process.argv.slice(2)) {
  const q = parseQuestion(s, v);
  console.log(JSON.stringify({ text: q.text, intent: q.intent, unit: q.unit, topic: q.topic, ind: q.indicators.map((m) => [m.term, m.indicators]) }));
}
