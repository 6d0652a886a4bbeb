/**
 * Reads published figures out of Chinese statistical text: numbers with units
 * (314.6亿元, 22.8万平, 53771元, 1697对, 1.1万余人) and growth rates with their sign
 * (同比增长9.1% → 9.1, 同比下降14.2% → -14.2, 同比增长-26.4% → -26.4). Pure functions; the
 * published strings are kept as written and never rounded.
 */
import type { Growth, PublishedNumber } from "../types.js";

/**
 * Units we read after a number (a magnitude 万/亿/千 before them is read apart). Order
 * matters: the regex takes the first alternative that matches, so longer units come first.
 */
const UNITS = [
  "平方公里",
  "平方米",
  "立方米",
  "千瓦时",
  "千瓦小时",
  "千瓦",
  "个工作日",
  "个百分点",
  "重量箱",
  "吨公里",
  "人公里",
  "标准箱",
  "公顷",
  "公里",
  "千米",
  "美元",
  "人次",
  "家次",
  "批次",
  "台（套）",
  "台套",
  "千升",
  "元",
  "平",
  "人",
  "户",
  "对",
  "个",
  "项",
  "处",
  "名",
  "场",
  "家",
  "件",
  "次",
  "起",
  "座",
  "台",
  "套",
  "辆",
  "栋",
  "株",
  "份",
  "所",
  "吨",
  "亩",
  "斤",
  "米",
  "天",
  "条",
  "间",
  "枚",
  "种",
  "块",
  "支",
  "双",
  "艘",
  "架",
  "张",
  "头",
  "只",
  "部",
  "篇",
  "册",
  "位",
  "例",
  "宗",
  "班",
  "盏",
  "倍",
  "成",
  "%",
  "‰",
];

/** Published unit → unit used to compare figures. */
const CANONICAL_UNIT: Record<string, string> = {
  万平: "万平方米",
  平: "平方米",
  台套: "台（套）",
  千瓦小时: "千瓦时",
  亿千瓦小时: "亿千瓦时",
  万千瓦小时: "万千瓦时",
};

/** `成` (tenths) only ends a figure: `3成`, `3成以上`, not `3成都` or `5成为`. */
const UNIT_PATTERN = UNITS.map((u) =>
  u === "成" ? "成(?![都立为果员本交就效熟绩功长])" : u.replace(/[()]/gu, (c) => `\\${c}`),
).join("|");

/** Chinese numerals as written in text: 一千二百, 两万, 二〇二三, 十三. */
const HAN_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const HAN_SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const HAN_NUMERAL = "[零〇一二两三四五六七八九十百千]";

/**
 * The value of a Chinese numeral: positional (`二〇二三` → 2023) or with unit characters
 * (`一千二百` → 1200, `十三` → 13, `三百零五` → 305); null when it is not one.
 */
export function parseHanNumeral(text: string): number | null {
  if (!new RegExp(`^${HAN_NUMERAL}+$`, "u").test(text)) return null;
  if (!/[十百千]/u.test(text)) {
    return Number([...text].map((c) => HAN_DIGITS[c]!).join(""));
  }
  let total = 0;
  let digit = 0;
  for (const c of text) {
    const unit = HAN_SMALL_UNITS[c];
    if (unit === undefined) {
      digit = HAN_DIGITS[c]!;
      continue;
    }
    total += (digit === 0 && unit === 10 ? 1 : digit) * unit;
    digit = 0;
  }
  return total + digit;
}

/** A number as written: digits with optional thousands separators and decimals. */
const ARABIC = "\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?";
/** A range between two numbers (the first may repeat the percent sign: `6%-7%`). */
const RANGE_JOIN = "%?\\s?[-—~～至到]\\s?";

/**
 * A number with its unit. `平` must not start a word like 平台, `成` only ends a figure
 * (`3成`, not `3成都`), and `万` alone only counts when no other unit follows it. A range
 * (`1-2家`, `70-80%`) is one figure whose parsed number is its lower bound. A Chinese numeral
 * (`一千二百人`) is read when it is not an ordinal (`第一个`) or a lone 一 (`一个`, `一项`).
 */
export const FIGURE_PATTERN = new RegExp(
  `(?<![\\d.,])((?:${ARABIC})(?:${RANGE_JOIN}(?:${ARABIC}))?|(?<![第${HAN_NUMERAL.slice(1, -1)}])${HAN_NUMERAL}{2,}(?=[万亿]?(?:${UNIT_PATTERN})))\\s?(万|亿|千)?(余|多)?(${UNIT_PATTERN}|万|亿)(?![台安方])`,
  "gu",
);

/** Words of degree between a growth verb and its number, kept in the growth's text. */
const GROWTH_DEGREE =
  "不低于|不少于|不超过|不高于|保持在|控制在|稳定在|保持|达到|超过|高于|低于|在|达|为|约|近";

/**
 * A growth rate: an optional basis (同比, 比上年, 年均), a verb, optional words of degree before
 * the number (不低于, 保持在, 达到), the number or a range (`6%—6.5%`, `8-8.5%`) and its unit.
 */
const GROWTH_PATTERN = new RegExp(
  String.raw`(同比|比上年末?|比去年同期|比上年同期|比去年|较上年末?|较去年|与上年相比|年均|年平均)?(增长|下降|增加|减少|提高|降低|回落|上涨|下跌|上升|增产|减产|增幅|增速|增幅为|增速为)(?:了)?(?:${GROWTH_DEGREE})?\s?(-?\d+(?:\.\d+)?)((?:%|个百分点)?\s?[-—－~～─–至到]\s?\d+(?:\.\d+)?)?(%|个百分点|倍)`,
  "gu",
);

const NEGATIVE_VERBS = new Set(["下降", "减少", "降低", "回落", "下跌", "减产"]);

/** A figure found in a text, with its offsets in that text. */
export interface FoundFigure {
  figure: PublishedNumber;
  index: number;
  end: number;
}

/** A growth rate found in a text, with its offsets. */
export interface FoundGrowth {
  growth: Growth;
  index: number;
  end: number;
}

/** Parses one published figure such as `314.6亿元` or `1.1万余人`; null when it is not one. */
export function parseFigure(text: string): PublishedNumber | null {
  const found = findFigures(text);
  return found.length === 1 && found[0]!.index === 0 && found[0]!.end === text.length
    ? found[0]!.figure
    : null;
}

/** Every number-with-unit in a text (growth percentages included: callers skip those). */
export function findFigures(text: string): FoundFigure[] {
  const out: FoundFigure[] = [];
  for (const m of text.matchAll(FIGURE_PATTERN)) {
    const [whole, written, magnitudeOrNone = "", approx = "", unitOrMagnitude] = m;
    // `72.90万` has a magnitude and no unit: the magnitude is the unit.
    const magnitude = magnitudeOrNone;
    const unit = unitOrMagnitude!;
    const publishedUnit = magnitude + unit;
    const numeral = written!.replace(/\s/gu, "").replace(/%(?=[-—~～至到])/u, "");
    const first = numeral.split(/(?<=\d|[零〇一二两三四五六七八九十百千])[-—~～至到]/u)[0]!;
    const number = /\d/u.test(first) ? Number(first.replace(/,/gu, "")) : parseHanNumeral(first);
    if (number === null || Number.isNaN(number)) continue;
    out.push({
      figure: {
        text: whole.replace(/\s/gu, ""),
        numeral,
        number,
        unit: approx ? `${magnitude}${approx}${unit}` : publishedUnit,
        canonicalUnit: CANONICAL_UNIT[publishedUnit] ?? publishedUnit,
      },
      index: m.index,
      end: m.index + whole.length,
    });
  }
  return out;
}

/** Every growth rate in a text, sign resolved from the verb and the number. */
export function findGrowths(text: string): FoundGrowth[] {
  const out: FoundGrowth[] = [];
  for (const m of text.matchAll(GROWTH_PATTERN)) {
    const [whole, , verb, numeral, range = "", unit] = m;
    const value = Number(numeral);
    const percent = NEGATIVE_VERBS.has(verb!) ? -value : value;
    out.push({
      growth: {
        text: whole.replace(/\s/gu, ""),
        percent,
        figure: `${numeral}${range.replace(/\s/gu, "")}${unit}`,
      },
      index: m.index,
      end: m.index + whole.length,
    });
  }
  return out;
}

/** Parses one growth phrase such as `同比下降14.2%`; null when it is not one. */
export function parseGrowth(text: string): Growth | null {
  const found = findGrowths(text);
  return found.length === 1 ? found[0]!.growth : null;
}

/** Whether a numeral is a single number (not a range such as `1-2`). */
export function isSingleNumber(numeral: string): boolean {
  return /^\d+(?:\.\d+)?$/u.test(numeral);
}

/**
 * The difference b − a of two published numerals, computed exactly in decimal
 * (20.57 and 13.3 → "-7.27"), as a string with the larger number of decimals.
 */
export function decimalDifference(a: string, b: string): string {
  const decimals = Math.max(a.split(".")[1]?.length ?? 0, b.split(".")[1]?.length ?? 0);
  const scale = 10n ** BigInt(decimals);
  const toScaled = (s: string) => {
    const [int, frac = ""] = s.replace("-", "").split(".");
    const v = BigInt(int!) * scale + BigInt((frac + "0".repeat(decimals)).slice(0, decimals) || "0");
    return s.startsWith("-") ? -v : v;
  };
  const diff = toScaled(b) - toScaled(a);
  const sign = diff < 0n ? "-" : "";
  const abs = diff < 0n ? -diff : diff;
  const int = abs / scale;
  const frac = (abs % scale).toString().padStart(decimals, "0");
  return decimals > 0 ? `${sign}${int}.${frac}` : `${sign}${int}`;
}

/** Words after a figure that bound it (`8%以上`, `7%左右`, `3%以内`), kept with a target as published. */
const DEGREE_AFTER = /^\s?(左右|以上|以内|以下|上下)/u;
/** Words before a figure that bound it (`不低于60%`, `约200亿元`), when no growth verb carries them. */
const DEGREE_BEFORE = /(不低于|不少于|不超过|不高于|超过|高于|约|近)\s?$/u;

/** The bound written right after a figure (`以上` of `8%以上`), or null. */
export function degreeAfter(textAfterFigure: string): string | null {
  return textAfterFigure.match(DEGREE_AFTER)?.[1] ?? null;
}

/** The bound written right before a figure (`不低于` of `不低于60%`), or null. */
export function degreeBefore(textBeforeFigure: string): string | null {
  return textBeforeFigure.match(DEGREE_BEFORE)?.[1] ?? null;
}

/** A figure with its bound as published: `8%以上`, `不低于60%`; the figure alone without one. */
export function withDegree(figure: string, degree: string | null): string {
  if (!degree) return figure;
  return DEGREE_AFTER.test(degree) ? `${figure}${degree}` : `${degree}${figure}`;
}
