/**
 * Decides which documents a question may be answered from, by the region and period it
 * names, and says what the corpus holds when the answer is "nothing".
 */
import type { DocumentMeta } from "../types.js";
import type { ParsedQuestion } from "./parse-question.js";

/** The documents in scope, or why there are none. */
export type Scope =
  | { ok: true; docs: DocumentMeta[] }
  | { ok: false; reason: "place" | "region" | "period"; message: string }
  | { ok: false; reason: "relative"; message: string; periods: string[] };

/** The periods the corpus holds per region, e.g. 铁东区 → [2022年, 2023年]. */
export function coverage(docs: DocumentMeta[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const d of docs) {
    const list = out.get(d.region) ?? [];
    if (!list.includes(d.period)) list.push(d.period);
    out.set(d.region, list.sort());
  }
  return out;
}

/** One line describing the corpus coverage: `铁东区（2022年、2023年）、立山区（2024年上半年）…`. */
export function describeCoverage(docs: DocumentMeta[]): string {
  return [...coverage(docs).entries()]
    .map(([region, periods]) => `${region}（${periods.join("、")}）`)
    .join("、");
}

/** Whether a document's period matches the years and part of year a question names. */
export function periodMatches(doc: DocumentMeta, q: Pick<ParsedQuestion, "years" | "partOfYear">): boolean {
  if (q.years.length > 0 && !q.years.includes(doc.year)) return false;
  if (q.partOfYear && !doc.period.includes(q.partOfYear)) return false;
  return true;
}

/** The period a question names, as text for messages: `2021年`, `2024年上半年`. */
export function namedPeriod(q: Pick<ParsedQuestion, "years" | "partOfYear">): string {
  const years = q.years.map((y) => `${y}年`).join("、");
  return `${years}${q.partOfYear ?? ""}`;
}

/**
 * The documents a question may use. Lead questions (task units) ignore region and period:
 * the city's task list is the only source. A named place outside the corpus, a region
 * without documents or a period the region lacks gives a reason and a message naming what
 * the corpus does hold.
 */
export function resolveScope(q: ParsedQuestion, docs: DocumentMeta[]): Scope {
  if (q.intent === "lead") return { ok: true, docs };
  const held = coverage(docs);
  if (q.otherPlaces.length > 0) {
    return {
      ok: false,
      reason: "place",
      message: `语料中没有${q.otherPlaces.join("、")}的数据；本系统只收录鞍山市的文件：${describeCoverage(docs)}。`,
    };
  }
  const missingRegions = q.regions.filter((r) => !held.has(r));
  if (q.regions.length > 0 && missingRegions.length === q.regions.length) {
    return {
      ok: false,
      reason: "region",
      message: `语料中没有${missingRegions.join("、")}的数据；现有：${describeCoverage(docs)}。`,
    };
  }
  const regional = q.regions.length > 0 ? docs.filter((d) => q.regions.includes(d.region)) : docs;
  const inPeriod = regional.filter((d) => periodMatches(d, q));
  if (inPeriod.length === 0) {
    const where = q.regions.length > 0 ? q.regions.join("、") : "";
    const has =
      q.regions.length > 0
        ? [...new Set(regional.map((d) => d.period))].sort().join("、")
        : describeCoverage(docs);
    return {
      ok: false,
      reason: "period",
      message: `语料中没有${where}${namedPeriod(q)}的数据；${q.regions.length > 0 ? "有" : "现有："}${has}。`,
    };
  }
  // 今年/去年 without a year: fine when the rest of the question leaves one period, else ask.
  const periods = [...new Set(inPeriod.map((d) => d.period))].sort();
  if (q.relativeYear && q.years.length === 0 && periods.length > 1) {
    return {
      ok: false,
      reason: "relative",
      message: `“${q.relativeYear}”指哪一年？请写明年份。语料中${q.regions.join("、")}有${periods.join("、")}的数据。`,
      periods,
    };
  }
  return { ok: true, docs: inPeriod };
}
