/**
 * The years of China's five-year plans as documents name them: `“十五”计划` (the tenth,
 * 2001–2005), `“十一五”时期`, `“九五”`, `第七个五年计划`. From the third plan (1966–1970) on,
 * the Nth plan runs from 1966 + 5·(N − 3) for five years. Pure arithmetic, no table.
 */
import { readCount } from "./chinese-dates.js";

/** The first and last year of the Nth five-year plan, or null before the third. */
export function planYears(ordinal: number): { first: number; last: number } | null {
  if (ordinal < 3 || ordinal > 30) return null;
  const first = 1966 + 5 * (ordinal - 3);
  return { first, last: first + 4 };
}

/**
 * The ordinal of a plan's short name: `十五` → 10 (the plan's ordinal, then 五 for 五年),
 * `十一五` → 11, `九五` → 9, `十五五` → 15.
 */
export function planOrdinal(shortName: string): number | null {
  const m = shortName.match(/^([一二三四五六七八九十]{1,3})五$/u);
  return m ? readCount(m[1]!) : null;
}

/** `“十一五”`, `"九五"`, `第七个五年` — group 1 the short name, group 2 the ordinal in words. */
export const PLAN_NAME = /[“"‘']([一二三四五六七八九十]{1,3}五)[”"’']|第([一二三四五六七八九十]{1,3})个五年/u;

/** The years of the plan a match of {@link PLAN_NAME} names. */
export function yearsOfPlanName(m: RegExpMatchArray): { first: number; last: number } | null {
  const ordinal = m[1] ? planOrdinal(m[1]) : readCount(m[2] ?? "");
  return ordinal === null ? null : planYears(ordinal);
}
