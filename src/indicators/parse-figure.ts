/**
 * Reads published figures out of Chinese statistical text: numbers with units
 * (314.6亿元, 22.8万平, 53771元, 1697对, 1.1万余人) and growth rates with their sign
 * (同比增长9.1% → 9.1, 同比下降14.2% → -14.2, 同比增长-26.4% → -26.4). Pure functions; the
 * published strings are kept as written and never rounded.
 */
import type { Growth, PublishedNumber } from "../types.js";

/** Units we read, longest first within each family. Order matters for the regex. */
const UNITS = [
  "亿元",
  "万元",
  "元",
  "万平方米",
  "平方米",
  "万平",
  "平",
  "万人次",
  "人次",
  "万人",
  "人",
  "万户",
  "户",
  "对",
  "个工作日",
  "个百分点",
  "个",
  "项",
  "处",
  "名",
  "场",
  "家次",
  "家",
  "件",
  "次",
  "台（套）",
  "台套",
  "台",
  "辆",
  "栋",
  "株",
  "份",
  "所",
  "批次",
  "吨",
  "公里",
  "米",
  "天",
  "条",
  "间",
  "枚",
  "种",
  "万",
  "%",
];

/** Published unit → unit used to compare figures. */
const CANONICAL_UNIT: Record<string, string> = { 万平: "万平方米", 平: "平方米", 台套: "台（套）" };

const UNIT_PATTERN = UNITS.map((u) => u.replace(/[()]/gu, (c) => `\\${c}`)).join("|");

/**
 * A number with its unit. `平` must not start a word like 平台 and `万` alone only counts
 * when no other unit follows it. A range (`1-2家`, `70-80%`) is one figure whose parsed
 * number is its lower bound. A leading `-` belongs to the number only after 增长.
 */
export const FIGURE_PATTERN = new RegExp(
  `(?<![\\d.])(\\d+(?:\\.\\d+)?(?:[-—~～至]\\d+(?:\\.\\d+)?)?)\\s?(万|亿)?(余|多)?(${UNIT_PATTERN})(?![台安方])`,
  "gu",
);

const GROWTH_PATTERN =
  /(同比|比上年|比去年同期|比上年同期|较上年|与上年相比)?(增长|下降|增加|减少|提高|降低|回落|增幅|增速|增幅为|增速为)(?:了)?(-?\d+(?:\.\d+)?)(%|个百分点)/gu;

const NEGATIVE_VERBS = new Set(["下降", "减少", "降低", "回落"]);

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
    const [whole, numeral, magnitude = "", approx = "", unit] = m;
    const publishedUnit = magnitude + unit!;
    out.push({
      figure: {
        text: whole.replace(/\s/gu, ""),
        numeral: numeral!,
        number: Number(numeral!.split(/[-—~～至]/u)[0]),
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
    const [whole, , verb, numeral, unit] = m;
    const value = Number(numeral);
    const percent = NEGATIVE_VERBS.has(verb!) ? -value : value;
    out.push({
      growth: { text: whole, percent, figure: `${numeral}${unit}` },
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
