/**
 * Whose figures a statement states. A work report of a city also states the figures of its
 * districts, zones and parks (`高新区生产总值达到120亿元`, `经济区…，生产总值达到56亿元`,
 * `榆神工业区…，完成生产总值200亿元`); a national bulletin those of provinces. Such a figure is
 * never the document's region's: its row keeps the area in its phrase, so it names no
 * region-wide indicator (`高新区生产总值` is not 地区生产总值).
 *
 * Pure. Examples in tests/indicators/statement-subject.test.ts.
 */
import { findPlaces } from "../ingest/find-places.js";
import type { DocumentMeta } from "../types.js";

/** Numbering and dashes before a statement's subject. */
const LEADING_MARKS =
  /^(?:\s|[—―－\-·•]+|\d{1,2}[.．、](?!\d)|[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]+、|其中[，,：:]?)+/u;
/** An area inside a region that the gazetteer does not list: a new district, zone, park or corps. */
const SUB_AREA =
  /^\p{Script=Han}{0,6}?(?:新区|开发区|高新区|经开区|工业区|经济区|工业园区?|产业园区?|园区|兵团|示范区|合作区|试验区|实验区|保税区|综保区|自贸区|片区|港区)(?![内外])/u;
/** How far into a statement its subject may reach. */
const SUBJECT_REACH = 16;

/**
 * The area other than the document's region that a text opens with (`高新区`, `武都区`, `杭州市`
 * in a provincial report), or null when it opens with the region itself or with no place.
 */
export function foreignArea(text: string, meta: Pick<DocumentMeta, "regionCode">): string | null {
  const head = text.replace(LEADING_MARKS, "").slice(0, SUBJECT_REACH);
  const place = findPlaces(head)[0];
  if (place && place.start === 0) {
    if (place.codes.includes(meta.regionCode)) return null;
    return place.written;
  }
  return head.match(SUB_AREA)?.[0] ?? null;
}
