/**
 * The wording dimension: how people type a question, rewritten the way documents write it,
 * before any other rule reads it. Each rule is data (a pattern and its replacement); the
 * example corpus is src/understand/corpus/wording.ts and its test tests/understand/wording.test.ts.
 *
 * - script and width: traditional → simplified, full-width digits, HTML and control characters
 *   (normaliseQuestion of src/ingest, shared with documents), spaces between words dropped;
 * - openers and fillers that carry no meaning: 请问, 帮我查一下, 麻烦问下, 我想知道, 大概 …;
 * - endings: 啊, 呀, 吧, trailing punctuation;
 * - years: 二〇二三年 → 2023年, 二三年 → 23年, 截至2023年底 → 2023年, 从2022年到2023年 → 2022年和2023年;
 * - colloquial verbs: 涨了多少 → 增长多少, 降了多少 → 下降多少, 发了 → 发放, 花了 → 支出;
 * - English abbreviations upper-cased (the catalogue names GDP, CPI, PPI).
 */
import { normaliseQuestion } from "../ingest/normalise.js";

/** One rewrite rule: what is matched and what it becomes. */
export interface WordingRule {
  /** What the rule is for, shown in test names. */
  name: string;
  pattern: RegExp;
  replacement: string | ((match: string, ...groups: string[]) => string);
}

const DIGIT: Record<string, string> = {
  〇: "0",
  零: "0",
  一: "1",
  二: "2",
  两: "2",
  三: "3",
  四: "4",
  五: "5",
  六: "6",
  七: "7",
  八: "8",
  九: "9",
};

/** A year written digit by digit in Chinese numerals: 二〇二三 → 2023. */
export function chineseDigitsToArabic(text: string): string {
  return [...text].map((c) => DIGIT[c] ?? c).join("");
}

const CN_DIGIT = "[〇零一二三四五六七八九]";
/** Verbs and nouns a polite opener may ask with: 查, 问, 看, 了解. */
const OPENER =
  "(?:请问一下|请问|请帮我|请帮忙|麻烦(?:你|您)?(?:帮我|帮忙)?(?:查询一下|查一下|查下|问一下|问下|看一下|看下|问问)?|帮(?:我|忙)(?:查询一下|查一下|查查|查下|查|看一下|看看|看下|问一下|问下)?|我想(?:知道|问一下|问下|问|了解一下|了解)|想(?:知道|了解一下|了解|问一下|问下|问)|(?:能|可以)(?:不能)?告诉我|告诉我|查询一下|查一下|查查|看一下|看看|了解一下)";

/** The rules, applied in order. */
export const WORDING_RULES: WordingRule[] = [
  {
    name: "Chinese-numeral year",
    pattern: new RegExp(`((?:${CN_DIGIT}){4}|(?:${CN_DIGIT}){2}(?=年))(?=年)`, "gu"),
    replacement: (m) => chineseDigitsToArabic(m),
  },
  { name: "space before 年", pattern: /(?<=\d)\s+(?=年)/gu, replacement: "" },
  { name: "year end", pattern: /(?:截至|截止到?|到)\s*((?:20)?\d{2}年)(?:年?底|年?末)/gu, replacement: "$1" },
  { name: "year end without 截至", pattern: /((?:20)?\d{2}年)(?:底|末)(?!\d)/gu, replacement: "$1" },
  { name: "polite openers", pattern: new RegExp(`${OPENER}[，,：:\\s]*`, "gu"), replacement: " " },
  { name: "short openers at the start", pattern: /^(?:问下|问一下|查下|看下)[，,\s]*/gu, replacement: "" },
  { name: "approximation fillers", pattern: /大概|大约|大致|差不多/gu, replacement: "" },
  { name: "一下 after a verb", pattern: /(?<=[\p{Script=Han}])一下|^一下/gu, replacement: "" },
  { name: "涨了", pattern: /(?:上涨|涨)了?(?:有|是)?(多少|几)/gu, replacement: "增长$1" },
  { name: "降了", pattern: /(?<!下)降了(?:有|是)?(多少|几)/gu, replacement: "下降$1" },
  {
    name: "from year to year",
    pattern: /从\s*((?:20)?\d{2}年)\s*(?:到|至)\s*((?:20)?\d{2}年)/gu,
    replacement: "$1和$2",
  },
  { name: "咋样", pattern: /咋样|咋地|咋的/gu, replacement: "怎么样" },
  { name: "咋", pattern: /咋(?=回事|办|弄|搞|做|会)/gu, replacement: "怎么" },
  { name: "搞 (a verb of doing, names nothing)", pattern: /搞(?!活|好|定)了?|弄了/gu, replacement: "" },
  {
    // 经济增长 of a place is its GDP growth (经济增长目标, 经济增速); not 经济增长点/极/方式/质量.
    name: "经济增长 is GDP growth",
    pattern: /(?<![国民])经济(增长|增速)(?!点|极|方式|质量|动力|引擎|模式|潜力|新动能)/gu,
    replacement: "地区生产总值$1",
  },
  { name: "参保多少人 as documents write it", pattern: /参保了?(多少|几)个?人/gu, replacement: "参保人数$1" },
  { name: "营收 as documents write it", pattern: /营收(?!入)/gu, replacement: "营业收入" },
  { name: "发了", pattern: /发了/gu, replacement: "发放" },
  { name: "花了", pattern: /花了|花费了|花掉/gu, replacement: "支出" },
  { name: "verb with 了 before the ask", pattern: /(?<![多少])了(?:有|是)?(?=多少|几)/gu, replacement: "" },
  {
    name: "有 between a verb of change and the ask",
    pattern: /(?<=增加|减少|相差|差距|差|增长|下降|提高|降低)(?:有|是|为)(?=多少|几)/gu,
    replacement: "",
  },
  { name: "English abbreviations", pattern: /\b(gdp|cpi|ppi)\b/giu, replacement: (m) => m.toUpperCase() },
  { name: "conditional 的话 before the end", pattern: /的话(?=呢?[？?]?$)/gu, replacement: "" },
  { name: "endings", pattern: /(?:来着|啊|呀|吧|哈|嘛|哦|噢)*[？?！!。.~～\s]*$/gu, replacement: "" },
  {
    name: "spaces beside Chinese",
    pattern: /(?<=\p{Script=Han})\s+(?=[\p{Script=Han}\d])|(?<=[\d%])\s+(?=\p{Script=Han})/gu,
    replacement: "",
  },
];

/** Applies every wording rule to text already normalised as documents are. */
export function applyWordingRules(text: string): string {
  let t = text;
  for (const rule of WORDING_RULES) {
    t =
      typeof rule.replacement === "string"
        ? t.replace(rule.pattern, rule.replacement)
        : t.replace(rule.pattern, rule.replacement as (m: string, ...g: string[]) => string);
  }
  return t
    .replace(/^[\s，,、：:]+/u, "")
    .replace(/\s{2,}/gu, " ")
    .trim();
}

/** A message as documents write it: normalised like a document, then {@link WORDING_RULES}. */
export function writtenForm(message: string): string {
  return applyWordingRules(normaliseQuestion(message));
}
