/**
 * `npm run bench:scale`: the speed targets of issue 12 on generated inputs, as a benchmark
 * (the tests check the same things with generous bounds):
 * - normalising a 5 MB document in one line (target ≤ 5 s) and 200 KB of unclosed tags;
 * - a 200k-character `<script>` question refused before answering starts (target ≤ 100 ms);
 * - topic matching over 36k rows (one 5 MB document's worth) with the row term index, against
 *   the former scan of every row.
 */
import { loadVocabulary } from "../indicators/aliases.js";
import { normaliseDocument } from "../ingest/normalise.js";
import { scoreRowsByTopic } from "../retrieve/match-rows.js";
import { buildRowTermIndex, rowsWithTerms } from "../retrieve/row-term-index.js";
import type { IndicatorRow } from "../types.js";
import { understand } from "../understand/understand.js";

function time(label: string, work: () => unknown, runs = 1): void {
  const started = performance.now();
  for (let i = 0; i < runs; i++) work();
  console.log(`${label}: ${((performance.now() - started) / runs).toFixed(2)} ms`);
}

const SENTENCE = "全年社会消费品零售总额完成140.1亿元，同比增长9.1%；规模以上工业增加值增长5.2%。";
const line = SENTENCE.repeat(Math.ceil((5 * 1024 * 1024) / Buffer.byteLength(SENTENCE)));
time(`normalise a ${(Buffer.byteLength(line) / 1024 / 1024).toFixed(1)} MB single line`, () =>
  normaliseDocument(line),
);
const tags = `<span style="display:none">x<script>y<style>`.repeat(5000);
time(`normalise ${Math.round(tags.length / 1000)}k characters of unclosed tags`, () =>
  normaliseDocument(tags),
);
const question = `铁东区<script>${"a<script>".repeat(20_000)}2023年社零总额`;
const lexicon = { vocabulary: loadVocabulary(), units: [], tokens: () => [], parts: () => [] };
time(`refuse a ${Math.round(question.length / 1000)}k-character question`, () =>
  understand(question, lexicon),
);

const han = (n: number) =>
  Array.from({ length: 4 }, (_, k) => String.fromCodePoint(0x4e00 + ((n * 7 + k * 331) % 6000))).join("");
const rows = Array.from({ length: 36_000 }, (_, i): IndicatorRow => ({
  id: `r${i}`,
  region: "铁东区",
  period: "2023年",
  indicator: null,
  phrase: `${han(i)}完成`,
  value: { text: `${i}万元`, numeral: `${i}`, number: i, unit: "万元", canonicalUnit: "万元" },
  growth: null,
  basis: null,
  nature: "result",
  qualifier: null,
  clause: `${han(i)}完成${i}万元`,
  source: { docId: "d", sectionId: "d#1", start: 0, end: 10 },
}));
const terms = [`${han(7)}`, "社零"];
const ctx = () => ({ statement: "", heading: "", retrieval: 0 });
const docs = new Set(["d"]);
let index = buildRowTermIndex([]);
time("build the row term index over 36k rows", () => (index = buildRowTermIndex(rows)));
time(
  "topic match, 36k rows, indexed",
  () => scoreRowsByTopic(rowsWithTerms(index, terms, docs), terms, () => 1, "元", ctx),
  200,
);
time(
  "topic match, 36k rows, scan of every row (before)",
  () => scoreRowsByTopic(rows, terms, () => 1, "元", ctx),
  20,
);
