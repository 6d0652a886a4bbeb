/**
 * The lexicon the understanding tests read questions with: the real indicator catalogue and
 * tokenizer, and task-table units as a task breakdown writes them (by key).
 */
import { loadVocabulary } from "../../src/indicators/aliases.js";
import { createTokenizer } from "../../src/index/tokenize.js";
import type { Question } from "../../src/understand/question.js";
import type { Lexicon } from "../../src/understand/subject.js";
import { understand } from "../../src/understand/understand.js";

const vocabulary = loadVocabulary();
const tokenizer = createTokenizer(vocabulary.terms);

/** Units by key, as task tables name them. */
export const UNITS = [
  "市发展改革委",
  "市卫生健康委",
  "市教育局",
  "市商务局",
  "市财政局",
  "市住房城乡建设局",
  "市城投集团",
  "市建投集团",
  "海城市政府",
  "台安县政府",
  "辽宁科技大学",
  "各县区政府",
  "市大数据管理局",
];

export const LEXICON: Lexicon = {
  vocabulary,
  units: UNITS,
  tokens: (text) => tokenizer.tokens(text),
  parts: (term) => tokenizer.parts(term),
};

/** A message read with the test lexicon. */
export const read = (message: string): Question => understand(message, LEXICON);
