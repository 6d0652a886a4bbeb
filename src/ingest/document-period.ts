/**
 * The period of a document other than a work report (see work-report-year.ts):
 *
 * - a title's period: `2024年上半年`, `2023年1-9月`, `2023年`, `关于一九七八年国民经济计划执行结果
 *   的公报` (Chinese numerals) — a year that is part of a full date (`1979年6月27日`, the day a
 *   bulletin was issued) is no period;
 * - else a line that is only a year (`2024`, `2024 [1]`: a title banner cut to its year);
 * - else the opening paragraph's year: `2023年，全市…`, `一九七八年，我国…`;
 * - else the first year the head names apart from dates.
 */
import { YEAR, findYears, readYear } from "./chinese-dates.js";
import type { DocumentHead } from "./document-head.js";
import type { YearReading } from "./work-report-year.js";

/** A period read from a document and the words that show it. */
export interface PeriodReading extends YearReading {
  /** As published: `2023年`, `2024年上半年`, `2023年1-9月`. */
  period: string;
}

const PART = /^(?:度)?(上半年|下半年|前三季度|第?[一二三四]季度|1[-—～~]\d{1,2}月)/u;
const LONG_RANGE = /^(?:远景|年远景|以来|前|后|至|到|—|-|～)/u;

/** The period a title names: `2024年上半年`, `2023年1-9月`, `2023年`, or null. */
export function detectPeriod(title: string): string | null {
  return periodIn(title)?.period ?? null;
}

function periodIn(text: string): PeriodReading | null {
  for (const y of findYears(text)) {
    const after = text.slice(y.index + y.written.length);
    if (LONG_RANGE.test(after)) continue;
    const part = (after.match(PART)?.[1] ?? "").replace(/^第/u, "").replace(/[—～~]/u, "-");
    return { year: y.year, period: `${y.year}年${part === "1-12月" ? "" : part}`, evidence: text };
  }
  return null;
}

const OPENING = new RegExp(`^${YEAR}年(?:[，,]|(?:全|我)|[^，。]{0,12}[，,])`, "u");

/** The period of a document that is not a work report, with its evidence, or null. */
export function documentPeriod(
  titles: readonly string[],
  head: DocumentHead,
  text: string,
): PeriodReading | null {
  for (const t of titles) {
    const p = periodIn(t);
    if (p) return p;
  }
  for (const line of head.yearLines) {
    const y = readYear(line);
    if (y) return { year: y, period: `${y}年`, evidence: line };
  }
  const opening = head.firstParagraph?.match(OPENING);
  const y = opening ? readYear(opening[1]!) : null;
  if (opening && y) return { year: y, period: `${y}年`, evidence: head.firstParagraph!.slice(0, 40) };
  for (const part of [...head.subtitles, ...head.bylines, text.slice(0, 2000)]) {
    const p = periodIn(part);
    if (p) return { ...p, evidence: p.evidence.slice(0, 80) };
  }
  return null;
}
