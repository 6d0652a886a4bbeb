/**
 * Which documents (and statement periods) a question may be answered from, by the places and
 * period it names — or why none, as data for the refusal to name. A place is never dropped:
 * each place named must be a region held (the very division, by gazetteer code: 鞍山市 is not
 * 铁东区, 鞍山市铁东区 is not 四平市铁东区); a name that fits two held regions asks which one.
 * Pure.
 */
import { divisionOf, divisionPath } from "../ingest/gazetteer.js";
import type { DocumentMeta, IndicatorRow } from "../types.js";
import type { PeriodRef, PlaceRef } from "../understand/question.js";

/** The documents in scope, or why there are none. */
export type ScopeResult =
  | { ok: true; docs: DocumentMeta[] }
  /** A place no document describes (or a zone the gazetteer lacks). */
  | { ok: false; reason: "place"; place: PlaceRef }
  /** A name held by two regions. */
  | { ok: false; reason: "ambiguous"; place: PlaceRef; options: string[] }
  /** The places are held, the period is not. */
  | { ok: false; reason: "period"; places: string[]; docs: DocumentMeta[] }
  /** 今年/去年 with several periods held. */
  | { ok: false; reason: "relative"; word: string; periods: string[] }
  /** 全年 asked where only parts of the year are held. */
  | { ok: false; reason: "whole-year"; docs: DocumentMeta[] };

/** The periods a document's statements describe (its own when the build has not filled them in). */
export function docPeriods(d: DocumentMeta): string[] {
  return d.periods && d.periods.length > 0 ? d.periods : [d.period];
}

/** The periods held per region, e.g. 铁东区 → [2022年, 2023年] (ranges such as 2017—2021年 left out). */
export function coverage(docs: readonly DocumentMeta[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const d of docs) {
    const list = out.get(d.region) ?? [];
    for (const p of docPeriods(d)) if (!list.includes(p) && !p.includes("—")) list.push(p);
    out.set(d.region, list.sort());
  }
  return out;
}

/**
 * Whether a statement period answers the years and part of year a question names. A question
 * naming a year without a part asks for the whole year: 2024年上半年 does not answer 2024年.
 */
export function periodLabelMatches(label: string, period: Pick<PeriodRef, "years" | "part">): boolean {
  if (period.years.length > 0 && !period.years.some((y) => label.startsWith(`${y}年`))) return false;
  if (period.part) return samePart(label, period.part);
  if (period.years.length > 0) return /^\d{4}年$/u.test(label);
  return true;
}

/** Names of one part of the year (上半年 is 1-6月, 一季度 1-3月, 前三季度 1-9月, 下半年 7-12月). */
const PART_NAMES: ReadonlyArray<readonly string[]> = [
  ["上半年", "1-6月"],
  ["一季度", "1-3月"],
  ["前三季度", "1-9月"],
  ["下半年", "7-12月"],
];

/** Whether a period label ends with the part asked, under any of its names. */
function samePart(label: string, part: string): boolean {
  const names = PART_NAMES.find((n) => n.includes(part)) ?? [part];
  return names.some((n) => label.endsWith(n));
}

/** Whether an indicator row's own period matches the question's. */
export function rowInPeriod(row: IndicatorRow, period: Pick<PeriodRef, "years" | "part">): boolean {
  return periodLabelMatches(row.period, period);
}

/** Whether a label names a part of a year (上半年, 一季度, 1-9月). */
export const isPartOfYear = (label: string) => /半年|季度|\d{1,2}月|月份/u.test(label);

/** How close a held region is to the places asked: same parent first, then parent/child, province. */
export function closeness(asked: readonly string[], held: string): number {
  const h = divisionPath(held).map((d) => d.code);
  let best = 0;
  for (const a of asked) {
    const p = divisionPath(a).map((d) => d.code);
    let shared = 0;
    while (shared < Math.min(p.length, h.length) && p[shared] === h[shared]) shared++;
    const sibling = divisionOf(a).parent === divisionOf(held).parent ? 1 : 0;
    best = Math.max(best, shared * 2 + sibling);
  }
  return best;
}

/** The documents a question may use, by its places and period. */
export function scopeOf(
  places: readonly PlaceRef[],
  period: PeriodRef,
  docs: readonly DocumentMeta[],
): ScopeResult {
  let regional: DocumentMeta[] = [...docs];
  const chosen = new Set<string>();
  for (const place of places) {
    const held = docs.filter(
      (d) => place.codes.includes(d.regionCode) || (place.codes.length === 0 && d.region === place.name),
    );
    const codes = [...new Set(held.map((d) => d.regionCode))];
    if (codes.length === 0) return { ok: false, reason: "place", place };
    if (codes.length > 1) {
      const options = codes.map((c) =>
        divisionPath(c)
          .map((d) => d.name)
          .join(""),
      );
      return { ok: false, reason: "ambiguous", place, options };
    }
    chosen.add(codes[0]!);
  }
  if (chosen.size > 0) regional = docs.filter((d) => chosen.has(d.regionCode));
  const inPeriod = regional.filter((d) => docPeriods(d).some((p) => periodLabelMatches(p, period)));
  if (inPeriod.length === 0)
    return { ok: false, reason: "period", places: places.map((p) => p.name), docs: regional };
  if (period.wholeYear && period.part === null) {
    const whole = inPeriod.filter((d) => !isPartOfYear(d.period));
    if (whole.length === 0) return { ok: false, reason: "whole-year", docs: inPeriod };
    return relative(period, whole);
  }
  return relative(period, inPeriod);
}

/** 今年/去年 without a year: fine when the documents leave one period, else ask which. */
function relative(period: PeriodRef, docs: DocumentMeta[]): ScopeResult {
  const periods = [...new Set(docs.map((d) => d.period))].sort();
  if (period.relative && period.years.length === 0 && periods.length > 1)
    return { ok: false, reason: "relative", word: period.relative.word, periods };
  return { ok: true, docs };
}
