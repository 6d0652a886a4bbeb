/**
 * The year of a work report: the year whose work it plans, read from the report's own words.
 * A report reviews the year before and plans its year; most are delivered in January to March
 * of that year, some in November or December of the year before (`2024年12月25日在张家界市…`
 * plans 2025). Every cue votes for a year with a weight; the year with most weight wins:
 *
 * | cue | year | weight |
 * | --- | --- | --- |
 * | a title's year: `2010年政府工作报告`, `政府工作报告（2019年）`, `…工作报告（2012）` | Y | 3 |
 * | a plan heading: `二、2025年工作安排`, `2019年的主要任务`, `2022年经济社会发展主要预期目标` | Y | 3 |
 * | a review heading: `一、2024年工作回顾`, `2003年政府工作的简要回顾` | Y + 1 | 3 |
 * | a review phrase: `刚刚过去的2007年`, `即将过去的2021年` | Y + 1 | 2 |
 * | the delivery date: `——2021年1月23日在…会议上` (Y); in November or December, Y + 1 | Y / Y + 1 | 2 |
 * | a five-year plan: `今年是“十五”计划的第一年`, `“十五”时期的回顾`, `第十一个五年规划纲要的报告` | its years | 1 |
 *
 * A heading reviewing several years (`2003年以来工作回顾`) or a target reached (`完成2013年目标任务`)
 * is not a plan or review of one year. A title's year of a long-range goal (`2010年远景目标`)
 * is no title year.
 */
import { YEAR, findDates, findYears, readYear } from "./chinese-dates.js";
import { PLAN_NAME, yearsOfPlanName } from "./five-year-plans.js";

/** A year read from a document and the words that show it. */
export interface YearReading {
  year: number;
  evidence: string;
}

interface Cue {
  year: number;
  weight: number;
  words: string;
  why: string;
}

/** A line that is a heading: an ordinal heading, or short and without sentence punctuation. */
function isHeading(line: string): boolean {
  if (/^(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+部分)/u.test(line)) return line.length <= 60;
  return line.length <= 36 && !/[。；，]/u.test(line);
}

const REVIEW_WORDS = /回顾|总结|完成|成绩|成就|进展|情况/u;
const LONG_RANGE = /^(?:远景|年远景|以来|前|后|至|到|—|-|～)/u;
const REVIEW_HEADING = new RegExp(`${YEAR}年(?!以来)[^，。；]{0,16}?(?:回顾|总结)`, "u");
const PLAN_HEADING = new RegExp(
  `${YEAR}年(?:的|全[省市区州县])?(?:政府)?(?:经济社会发展的?|国民经济和社会发展的?)?(?:工作安排|主要任务|工作任务|总体要求|主要目标|预期目标|主要预期目标|工作建议|目标任务|工作部署|重点工作|工作)`,
  "u",
);
const REVIEW_PHRASE = new RegExp(`(?:刚刚过去的|即将过去的|过去的)${YEAR}年`, "u");
const PLAN_FIRST_YEAR = /今年是[^。；]{0,24}?(?:第一年|开局之年|起步之年|首年|开局年)/u;
const PLAN_LAST_YEAR = /今年是[^。；]{0,24}?(?:最后一年|收官之年|收官年)/u;
/** How far into the text the review phrases are read (the review part opens the report). */
const OPENING_CHARS = 6000;

function titleCues(titles: readonly string[]): Cue[] {
  const out: Cue[] = [];
  for (const t of titles) {
    for (const y of findYears(t)) {
      if (LONG_RANGE.test(t.slice(y.index + y.written.length))) continue;
      out.push({ year: y.year, weight: 3, words: t, why: "标题" });
    }
    for (const m of t.matchAll(/[（(]((?:19|20)\d{2})[）)]/gu))
      out.push({ year: Number(m[1]), weight: 3, words: t, why: "标题" });
  }
  return out;
}

function headingCues(text: string): Cue[] {
  const out: Cue[] = [];
  for (const line of text.split("\n")) {
    const l = line.trim();
    if (!l || !isHeading(l)) continue;
    const review = l.match(REVIEW_HEADING);
    if (review) {
      const y = readYear(review[1]!);
      if (y) out.push({ year: y + 1, weight: 3, words: l, why: `回顾${y}年` });
      continue;
    }
    const plan = l.match(PLAN_HEADING);
    if (plan && !REVIEW_WORDS.test(l)) {
      const y = readYear(plan[1]!);
      if (y) out.push({ year: y, weight: 3, words: l, why: `部署${y}年` });
    }
  }
  return out;
}

function phraseCues(text: string, head: string): Cue[] {
  const out: Cue[] = [];
  const opening = text.slice(0, OPENING_CHARS);
  const review = opening.match(REVIEW_PHRASE);
  const y = review ? readYear(review[1]!) : null;
  if (review && y) out.push({ year: y + 1, weight: 2, words: review[0], why: `回顾${y}年` });
  const date = findDates(head)[0];
  if (date) {
    const late = date.month >= 11;
    out.push({
      year: late ? date.year + 1 : date.year,
      weight: 2,
      words: date.written,
      why: late ? `${date.month}月作报告，部署下一年` : "作报告之年",
    });
  }
  return out;
}

function planCues(text: string): Cue[] {
  const out: Cue[] = [];
  for (const [re, end] of [
    [PLAN_FIRST_YEAR, "first"],
    [PLAN_LAST_YEAR, "last"],
  ] as const) {
    const said = text.match(re);
    const plan = said?.[0].match(PLAN_NAME);
    const years = plan ? yearsOfPlanName(plan) : null;
    if (said && years) out.push({ year: years[end], weight: 1, words: said[0], why: "五年计划" });
  }
  for (const line of text.split("\n")) {
    const l = line.trim();
    if (!isHeading(l) || !/回顾|执行情况/u.test(l)) continue;
    const plan = l.match(PLAN_NAME);
    const years = plan ? yearsOfPlanName(plan) : null;
    if (years) out.push({ year: years.last + 1, weight: 1, words: l, why: "回顾上一个五年计划" });
  }
  const report = text
    .slice(0, OPENING_CHARS)
    .match(/第[一二三四五六七八九十]{1,3}个五年(?:计划|规划)[^。]{0,8}的报告/u);
  const years = report ? yearsOfPlanName(report[0].match(PLAN_NAME)!) : null;
  if (report && years) out.push({ year: years.first, weight: 1, words: report[0], why: "五年计划的报告" });
  return out;
}

/**
 * The year a work report plans, with the words that show it, or null when it names no year.
 * `head` is the text of its head lines (titles, subtitle, bylines) where the delivery date is.
 */
export function workReportYear(titles: readonly string[], head: string, text: string): YearReading | null {
  const cues = [...titleCues(titles), ...headingCues(text), ...phraseCues(text, head), ...planCues(text)];
  if (cues.length === 0) return null;
  const votes = new Map<number, number>();
  for (const c of cues) votes.set(c.year, (votes.get(c.year) ?? 0) + c.weight);
  const [year] = [...votes].sort(
    (a, b) => b[1] - a[1] || cues.findIndex((c) => c.year === a[0]) - cues.findIndex((c) => c.year === b[0]),
  )[0]!;
  const shown = cues.filter((c) => c.year === year);
  const unique = [...new Map(shown.map((c) => [`${c.words}${c.why}`, c])).values()].slice(0, 3);
  return { year, evidence: unique.map((c) => `“${c.words}”（${c.why}）`).join("；") };
}
