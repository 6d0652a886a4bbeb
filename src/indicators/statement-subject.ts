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
import { NATION_CODE, isAncestor } from "../ingest/gazetteer.js";
import type { CorpusDocument, DocumentMeta, IndicatorRow } from "../types.js";
import { indicatorsOfPhrase, type IndicatorVocabulary } from "./aliases.js";

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

/** A named zone anywhere in a text: `航空港经济综合实验区`, `兰州新区`, `生产建设兵团`. */
const NAMED_ZONE =
  /\p{Script=Han}{2,8}?(?:新区|开发区|高新区|经开区|实验区|试验区|示范区|合作区|保税区|综保区|自贸区|科学城|兵团)(?![内外])/u;
/** Words of a clause that say a figure is the whole region's (`全市`, `我省`). */
const REGION_WIDE = /全[市省区县州盟旗国]|我[市省区县州盟旗国]|本[市省区县州]/u;
/** How far into a paragraph a zone it is about may begin (after a verb such as 全面推进). */
const ZONE_OPENING = 8;
/** How much of a paragraph's opening tells what it is about. */
const OPENING_REACH = 60;

/**
 * The area a paragraph is about, from its opening words (`开启兰州新区黄金十年发展新征程。…`,
 * `（一）全面推进航空港经济综合实验区建设。…`): a named zone, or a division other than the
 * document's region. Its figures without a word of the whole region (全市, 我省) are the area's.
 */
export function paragraphArea(opening: string, meta: Pick<DocumentMeta, "regionCode">): string | null {
  const head = opening
    .replace(LEADING_MARKS, "")
    .slice(0, OPENING_REACH)
    .split(/[。；！？]/u)[0]!;
  // The zone opens the paragraph (`兰州新区…`, `开启兰州新区…`, `全面推进航空港…实验区建设`),
  // never a designation deep in its first clause (`2021年是建设…示范区的关键之年`).
  const zone = head.match(NAMED_ZONE);
  if (zone && zone.index! <= ZONE_OPENING) return zone[0];
  // A paragraph naming the nation or a region above (`中华人民共和国成立75周年`, `全省`) is not
  // about another area; one naming a district of the region or another place is.
  const other = findPlaces(head).find(
    (p) =>
      p.codes.length > 0 &&
      !p.codes.includes(meta.regionCode) &&
      !p.codes.some((c) => c === NATION_CODE || (meta.regionCode !== "" && isAncestor(c, meta.regionCode))),
  );
  return other?.written ?? null;
}

/** Whether a clause says its figure is the whole region's (`全市地区生产总值`). */
export function saysRegionWide(clause: string): boolean {
  return REGION_WIDE.test(clause);
}

/**
 * Rows of another area than the document's region (`高新区生产总值达到120亿元`, a statement
 * opening with `经济区…`): the area joins the phrase, so it names no region-wide indicator.
 */
export function ofForeignAreas(
  rows: IndicatorRow[],
  statement: string,
  paragraph: string,
  doc: CorpusDocument,
  vocabulary: IndicatorVocabulary,
): IndicatorRow[] {
  if (!rows.some((r) => r.indicator)) return rows;
  const statementArea = foreignArea(statement, doc.meta);
  const ofParagraph = paragraphArea(paragraph, doc.meta);
  for (const row of rows) {
    if (!row.indicator) continue;
    const area =
      foreignArea(row.clause, doc.meta) ??
      statementArea ??
      (ofParagraph && !saysRegionWide(row.clause) ? ofParagraph : null);
    if (!area || row.phrase.includes(area)) continue;
    row.phrase = `${area}${row.phrase}`;
    const named = indicatorsOfPhrase(vocabulary, row.phrase);
    row.indicator = named.length === 1 ? named[0]! : null;
  }
  return rows;
}
