/**
 * What the corpus holds, for front ends that let people browse it (the bot's /catalog) and
 * offer next steps under an answer (the neighbouring year held, the parent region): places ×
 * years × kinds of documents, the indicators of one place and period, the periods an
 * indicator is published for, and a region's parent division when the corpus holds it.
 *
 * Pure functions over document metadata and indicator rows; answer-service.ts binds them to
 * one loaded build (computed on demand, nothing grows with the question).
 */
import type { DocumentKind, DocumentMeta, IndicatorRow } from "../types.js";

/** One document as the catalogue lists it. */
export interface Holding {
  region: string;
  /** Names from the province down to the region ([辽宁省, 鞍山市, 铁东区]). */
  regionPath: string[];
  year: number;
  /** The document's own period as published (`2023年`, `2024年上半年`). */
  period: string;
  kind: DocumentKind;
  title: string;
  docId: string;
  /** Every period its statements describe (reviewed years included), own period first. */
  periods: string[];
}

/** The periods before and after one, for the same indicator and region. */
export interface NeighbouringPeriods {
  earlier: string | null;
  later: string | null;
}

/** Periods of the same kind (whole years, first halves …) share what follows the year. */
export const periodKind = (period: string): string => period.replace(/^\d{4}年/u, "");
const periodYear = (period: string): number => Number(/^(\d{4})年/u.exec(period)?.[1] ?? 0);

/** The documents held, ordered by region, year, period and kind. */
export function holdingsOf(metas: readonly DocumentMeta[]): Holding[] {
  return metas
    .map((m) => ({
      region: m.region,
      regionPath: m.regionPath,
      year: m.year,
      period: m.period,
      kind: m.kind,
      title: m.title,
      docId: m.id,
      periods: [...new Set([m.period, ...(m.periods ?? [])])],
    }))
    .sort(
      (a, b) =>
        a.region.localeCompare(b.region, "zh") ||
        a.year - b.year ||
        a.period.localeCompare(b.period, "zh") ||
        a.kind.localeCompare(b.kind, "zh"),
    );
}

/** A published result (value or growth) of a catalogued indicator. */
const published = (r: IndicatorRow): r is IndicatorRow & { indicator: string } =>
  r.indicator !== null && r.nature === "result" && (r.value !== null || r.growth !== null);

/** The catalogued indicators published for a region and period, in order of first mention. */
export function indicatorsOf(rows: readonly IndicatorRow[], region: string, period: string): string[] {
  const names = new Set<string>();
  for (const r of rows)
    if (published(r) && r.region === region && r.period === period) names.add(r.indicator);
  return [...names];
}

/** The periods a region's indicator is published for, oldest first. */
export function periodsOf(rows: readonly IndicatorRow[], region: string, indicator: string): string[] {
  const periods = new Set<string>();
  for (const r of rows)
    if (published(r) && r.region === region && r.indicator === indicator) periods.add(r.period);
  return [...periods].sort((a, b) => periodYear(a) - periodYear(b) || a.localeCompare(b, "zh"));
}

/**
 * The nearest earlier and later periods of the same kind (2022年 ↔ 2023年; 2023年上半年 ↔
 * 2024年上半年) for which the region's indicator is published.
 */
export function neighbouringPeriods(
  rows: readonly IndicatorRow[],
  region: string,
  indicator: string,
  period: string,
): NeighbouringPeriods {
  const kind = periodKind(period);
  const year = periodYear(period);
  const same = periodsOf(rows, region, indicator).filter((p) => periodKind(p) === kind && periodYear(p) > 0);
  const earlier = same.filter((p) => periodYear(p) < year).at(-1) ?? null;
  const later = same.find((p) => periodYear(p) > year) ?? null;
  return { earlier, later };
}

/** The division above a region (铁东区 → 鞍山市) when the corpus holds documents of it; else null. */
export function parentRegion(metas: readonly DocumentMeta[], region: string): string | null {
  const held = new Set(metas.map((m) => m.region));
  for (const m of metas) {
    if (m.region !== region) continue;
    const at = m.regionPath.lastIndexOf(region);
    const parent = at > 0 ? m.regionPath[at - 1] : undefined;
    if (parent && held.has(parent)) return parent;
  }
  return null;
}
