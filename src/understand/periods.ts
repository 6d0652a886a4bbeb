/**
 * The period dimension: years (2023年, 2023年度, 23年 — Chinese-numeral years are already
 * written out by the wording rules), parts of the year (上半年, 一季度, 1-9月), years relative to
 * now (今年, 去年, 前一年, 上年同期), the same period (同期), every period (这两年, 历年) and the whole year (全年). Each rule takes its
 * words from the question. Example corpus: src/understand/corpus/periods.ts.
 */
import { partLabel } from "../indicators/statement-period.js";
import type { MarkedText } from "./marks.js";
import type { PeriodRef, RelativeYear } from "./question.js";

/**
 * A full year: 2023, 2023年, 2023年度, 1978年 (a year of the last century is read with 年 only),
 * not part of a larger number or a figure (2000多人).
 */
const YEAR = /(?<![\d.])(?:(20\d{2})(?:年度|年|(?![\d.%万亿多余个人元户家项件吨]))|(19\d{2})(?:年度|年))/gu;
/**
 * A two-digit year: 23年 → 2023, 98年 → 1998 (after 30, the last century); not a number of
 * years (近50年, 过去30年, 50多年).
 */
const SHORT_YEAR = /(?<![\d.近前后这多余几第去])(?<!过去)(\d{2})(?:年度|年)(?![多余来间])/gu;
/** Parts of the year as statements name them. */
const PART = /上半年|下半年|前三季度|第?[一二三四1-4]季度|1\s*[-—－～~至到]\s*\d{1,2}\s*月份?/gu;
/** Years relative to now, with their offset from the year meant. */
const RELATIVE: ReadonlyArray<[RegExp, number]> = [
  [/今年|本年度?|当年/u, 0],
  [/(?<![比较于与])(?:去年|上一?年度?|前一年|上一个年度)(?:同期)?/u, -1],
  [/前年/u, -2],
  [/明年|下一年|后一年|次年/u, 1],
  // The same period as the one discussed (同期社零呢), not a basis of comparison (与上年同期相比).
  [/(?<![比较与于年])(?:同期|同一时期|同一年度?|同年)(?!相比|比)/u, 0],
];
/** Every period held. */
const EVERY = /这两年|近两年|这几年|近几年|近年来?|这些年|历年|各年|逐年|每年|两年(?:来|间)?/gu;
/** The whole year, not a part. */
const WHOLE_YEAR = /(?:全年度?|整年|整个年度)(?!的?(?:任务|目标|计划|预期))/gu;

const ARABIC: Record<string, string> = { 1: "一", 2: "二", 3: "三", 4: "四" };

/** A part of the year as a period label: 第一季度 → 一季度, 1季度 → 一季度, 1至9月 → 1-9月. */
function partOf(written: string): string {
  const w = written.replace(/\s+/gu, "").replace(/[至到]/u, "-");
  const quarter = w.match(/^第?([一二三四1-4])季度$/u);
  if (quarter) return `${ARABIC[quarter[1]!] ?? quarter[1]!}季度`;
  return partLabel(w);
}

/** Reads and takes the period words of a question. */
export function readPeriod(text: MarkedText): PeriodRef {
  const years: number[] = [];
  const add = (y: number) => {
    if (!years.includes(y)) years.push(y);
  };
  const found = [
    ...text.takeAll(YEAR).map((t) => ({ at: t.start, year: Number(t.match[1] ?? t.match[2]) })),
    ...text.takeAll(SHORT_YEAR).map((t) => {
      const yy = Number(t.match[1]);
      return { at: t.start, year: yy <= 30 ? 2000 + yy : 1900 + yy };
    }),
  ].sort((a, b) => a.at - b.at);
  for (const f of found) add(f.year);
  const parts = text.takeAll(PART).map((t) => partOf(t.match[0]));
  const part = parts.find((p) => p !== "") ?? null;
  let relative: RelativeYear | null = null;
  for (const [pattern, offset] of RELATIVE) {
    const t = text.takeFirst(pattern);
    if (t && !relative) relative = { word: t.match[0], offset };
  }
  const every = text.takeAll(EVERY).length > 0;
  const wholeYear = text.takeAll(WHOLE_YEAR).length > 0 && part === null;
  return { years, part, relative, every, wholeYear };
}
