/**
 * Spoken wording: rewrites the way staff talk into the way bulletins are written, before a
 * question is parsed. Each rule is data (a pattern and its replacement) and the example corpus
 * in tests/retrieve/spoken.test.ts is this dimension's test, Duckling style.
 *
 * - fillers that carry no meaning: 请问, 帮我查一下, 麻烦, 我想知道, 大概, 大约, 一下;
 * - Chinese-numeral years: 二〇二三年 → 2023年, 二零二二年 → 2022年;
 * - 截至2023年底 / 截止到2023年末 → 2023年 (a bulletin's year-end figure is the year's);
 * - colloquial verbs: 涨了多少 → 增长多少, 降了多少 → 下降多少, 发了 → 发放, 花了 → 支出;
 * - English abbreviations stay as written: the alias file maps GDP, CPI, PPI (upper-cased here).
 */

/** One rewrite rule: what is matched and what it becomes. */
export interface SpokenRule {
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

/** The rules, applied in order. */
export const SPOKEN_RULES: SpokenRule[] = [
  {
    name: "Chinese-numeral year",
    pattern: new RegExp(`((?:${CN_DIGIT}){4}|(?:${CN_DIGIT}){2}(?=年))(?=年)`, "gu"),
    replacement: (m) => chineseDigitsToArabic(m),
  },
  { name: "year end", pattern: /(?:截至|截止到?|到)\s*((?:20)?\d{2}年)(?:年?底|年?末)/gu, replacement: "$1" },
  { name: "year end without 截至", pattern: /((?:20)?\d{2}年)(?:底|末)/gu, replacement: "$1" },
  {
    name: "polite and search fillers",
    pattern:
      /请问一下|请问|请帮我|帮我查一下|帮我查查|帮我查|帮忙查一下|帮忙查|麻烦查一下|麻烦问一下|麻烦|我想知道|我想问一下|我想问|想了解一下|想了解|查一下|查查|看一下|看看|了解一下/gu,
    replacement: " ",
  },
  { name: "approximation fillers", pattern: /大概|大约|大致|差不多/gu, replacement: "" },
  { name: "一下 after a verb", pattern: /(?<=[\p{Script=Han}])一下|^一下/gu, replacement: "" },
  { name: "涨了", pattern: /(?:上涨|涨)了?(多少|几)/gu, replacement: "增长$1" },
  { name: "降了", pattern: /(?<!下)降了(多少|几)/gu, replacement: "下降$1" },
  {
    name: "from year to year",
    pattern: /从\s*((?:20)?\d{2}年)\s*(?:到|至)\s*((?:20)?\d{2}年)/gu,
    replacement: "$1和$2",
  },
  { name: "发了", pattern: /发了/gu, replacement: "发放" },
  { name: "花了", pattern: /花了|花费了|花掉/gu, replacement: "支出" },
  { name: "verb with 了 before the ask", pattern: /(?<![多少])了(?=多少|几)/gu, replacement: "" },
  { name: "English abbreviations", pattern: /\b(gdp|cpi|ppi)\b/giu, replacement: (m) => m.toUpperCase() },
];

/** Applies every spoken-wording rule to a normalised question. */
export function normaliseSpoken(text: string): string {
  let t = text;
  for (const rule of SPOKEN_RULES) {
    t =
      typeof rule.replacement === "string"
        ? t.replace(rule.pattern, rule.replacement)
        : t.replace(rule.pattern, rule.replacement as (m: string, ...g: string[]) => string);
  }
  return t
    .replace(/^[\s，,、]+/u, "")
    .replace(/\s{2,}/gu, " ")
    .trim();
}
