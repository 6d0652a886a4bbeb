/**
 * Decides which documents (and which statement periods) a question may be answered from, by
 * the places and period it names, and says what the corpus holds when the answer is
 * "nothing". A place is never dropped: each place the question names must be a region the
 * corpus holds (the very division, by gazetteer code: 鞍山市 is not 铁东区, 鞍山市铁东区 is
 * not 四平市铁东区), otherwise the answer is `not_found` naming the place as written and the
 * nearest regions held; a name that fits two held regions asks which one.
 */
import { divisionOf, divisionPath } from "../ingest/gazetteer.js";
import type { DocumentMeta, IndicatorRow } from "../types.js";
import type { ParsedQuestion } from "./parse-question.js";

/** The documents in scope, or why there are none. */
export type Scope =
  | { ok: true; docs: DocumentMeta[] }
  | { ok: false; reason: "place" | "region" | "period"; message: string }
  | { ok: false; reason: "relative"; message: string; periods: string[] }
  | { ok: false; reason: "ambiguous"; message: string; options: string[] };

/** The periods a document's statements describe (its own when the build has not filled them in). */
export function docPeriods(d: DocumentMeta): string[] {
  return d.periods && d.periods.length > 0 ? d.periods : [d.period];
}

/** The periods the corpus holds per region, e.g. 铁东区 → [2022年, 2023年]. */
export function coverage(docs: DocumentMeta[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const d of docs) {
    const list = out.get(d.region) ?? [];
    for (const p of docPeriods(d)) if (!list.includes(p)) list.push(p);
    out.set(d.region, list.sort());
  }
  return out;
}

/** One line describing the corpus coverage: `铁东区（2022年、2023年）、立山区（2024年上半年）…`. */
export function describeCoverage(docs: DocumentMeta[]): string {
  return [...coverage(docs).entries()]
    .map(([region, periods]) => `${region}（${periods.filter((p) => !p.includes("—")).join("、")}）`)
    .join("、");
}

/**
 * Whether a statement period answers the years and part of year a question names. A question
 * naming a year without a part asks for the whole year: 2024年上半年 does not answer 2024年.
 */
export function periodLabelMatches(period: string, q: Pick<ParsedQuestion, "years" | "partOfYear">): boolean {
  if (q.years.length > 0 && !q.years.some((y) => period.startsWith(`${y}年`))) return false;
  if (q.partOfYear) return period.endsWith(q.partOfYear);
  if (q.years.length > 0) return /^\d{4}年$/u.test(period);
  return true;
}

/** Whether any period a document covers matches the question's. */
export function periodMatches(doc: DocumentMeta, q: Pick<ParsedQuestion, "years" | "partOfYear">): boolean {
  return docPeriods(doc).some((p) => periodLabelMatches(p, q));
}

/** Whether an indicator row's own period matches the question's. */
export function rowInPeriod(row: IndicatorRow, q: Pick<ParsedQuestion, "years" | "partOfYear">): boolean {
  return periodLabelMatches(row.period, q);
}

/** The period a question names, as text for messages: `2021年`, `2024年上半年`. */
export function namedPeriod(q: Pick<ParsedQuestion, "years" | "partOfYear">): string {
  const years = q.years.map((y) => `${y}年`).join("、");
  return `${years}${q.partOfYear ?? ""}`;
}

/** How close a held region is to the asked one: same parent first, then parent/child, province. */
function closeness(asked: string[], held: string): number {
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

/** `已收录的文件中没有青羊区的数据；最接近的有：成都市（2021年、2022年）；另有：…`. */
function notHeldMessage(written: string, codes: string[], docs: DocumentMeta[]): string {
  const regions = [...new Map(docs.map((d) => [d.regionCode, d] as const)).values()];
  const near = regions
    .map((d) => ({ d, c: codes.length > 0 ? closeness(codes, d.regionCode) : 0 }))
    .sort((a, b) => b.c - a.c);
  const nearest = near.filter((x) => x.c > 0 && x.c === near[0]!.c).map((x) => x.d);
  const rest = docs.filter((d) => !nearest.some((n) => n.regionCode === d.regionCode));
  const nearText =
    nearest.length > 0
      ? `最接近的有：${describeCoverage(docs.filter((d) => nearest.some((n) => n.regionCode === d.regionCode)))}；`
      : "";
  const restText =
    rest.length > 0 ? `${nearest.length > 0 ? "另有" : "已收录的文件有"}：${describeCoverage(rest)}。` : "";
  return `已收录的文件中没有${written}的数据。${nearText}${restText}`;
}

/**
 * The documents a question may use. Lead questions (task units) ignore region and period:
 * the task lists are the only source. Each named place must be held (by division code);
 * otherwise a reason and a message naming what the corpus does hold.
 */
export function resolveScope(q: ParsedQuestion, docs: DocumentMeta[]): Scope {
  if (q.intent === "lead") return { ok: true, docs };
  if (q.otherPlaces.length > 0) {
    return { ok: false, reason: "place", message: notHeldMessage(q.otherPlaces.join("、"), [], docs) };
  }
  let regional = docs;
  const named = q.places.filter((p) => p.codes.length > 0);
  if (named.length > 0) {
    const chosen = new Set<string>();
    for (const place of named) {
      const held = docs.filter((d) => place.codes.includes(d.regionCode));
      const codes = [...new Set(held.map((d) => d.regionCode))];
      if (codes.length === 0) {
        return { ok: false, reason: "region", message: notHeldMessage(place.written, place.codes, docs) };
      }
      if (codes.length > 1) {
        const options = codes.map((c) =>
          divisionPath(c)
            .map((d) => d.name)
            .join(""),
        );
        return {
          ok: false,
          reason: "ambiguous",
          message: `“${place.written}”可指${options.join("或")}，请指明是哪一个。`,
          options: options.map((o) => q.text.replace(place.written, o)),
        };
      }
      chosen.add(codes[0]!);
    }
    regional = docs.filter((d) => chosen.has(d.regionCode));
  }
  const inPeriod = regional.filter((d) => periodMatches(d, q));
  if (inPeriod.length === 0) {
    const where = q.regions.join("、");
    const has =
      named.length > 0 ? [...coverage(regional).values()].flat().sort().join("、") : describeCoverage(docs);
    return {
      ok: false,
      reason: "period",
      message: `已收录的文件中没有${where}${namedPeriod(q)}的数据；${named.length > 0 ? "有" : "现有："}${has}。`,
    };
  }
  // 今年/去年 without a year: fine when the rest of the question leaves one period, else ask.
  // The documents' own periods: what a person means by 今年/去年 is a document's year.
  const periods = [...new Set(inPeriod.map((d) => d.period))].sort();
  if (q.relativeYear && q.years.length === 0 && periods.length > 1) {
    return {
      ok: false,
      reason: "relative",
      message: `“${q.relativeYear}”指哪一年？请写明年份。已收录的文件中${q.regions.join("、")}有${periods.join("、")}的数据。`,
      periods,
    };
  }
  return { ok: true, docs: inPeriod };
}
