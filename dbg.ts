import { join } from "node:path";
import { loadVocabulary } from "./src/indicators/aliases.js";
import { parseQuestion } from "./src/retrieve/parse-question.js";
import { createTokenizer } from "./src/index/tokenize.js";
const v = loadVocabulary(join("/work/wt/conv", "corpus"));
const t = createTokenizer(v.terms);
for (const s of process.argv.slice(2)) {
  const q = parseQuestion(s, v);
  console.log(JSON.stringify({ text: q.text, regions: q.regions, years: q.years, part: q.partOfYear, intent: q.intent, unit: q.unit, topic: q.topic, ind: q.indicators.map((m) => [m.term, m.indicators]) }), t.tokens(q.topic));
}
import { findIndicatorMentions } from "./src/indicators/aliases.js";
console.log(findIndicatorMentions(v, "全口径社零"), findIndicatorMentions(v, "社零"));
