/**
 * Answers that are not a single figure: general questions about the text (the best
 * retrieved statements, quoted), and the "not found" texts that say what the corpus holds.
 */
import { hybridSearch } from "../retrieve/hybrid-search.js";
import type { ParsedQuestion } from "../retrieve/parse-question.js";
import { namedPeriod, periodLabelMatches } from "../retrieve/scope.js";
import type { DocumentMeta, IndicatorRow } from "../types.js";
import type { AnswerContext, Draft } from "./answer-question.js";
import { CitationBook } from "./citations.js";

/** Minimum share of topic weight a statement must hold to be quoted as a general answer. */
export const MIN_GENERAL_COVERAGE = 0.5;
/** A topic term found only in the heading path counts this much. */
const HEADING_WEIGHT = 0.6;
/** How many statements a general answer quotes at most. */
const MAX_STATEMENTS = 3;

/** The canonical indicators with rows in the given documents, in alias-file order. */
function heldIndicators(docs: DocumentMeta[], rows: IndicatorRow[]): string[] {
  const ids = new Set(docs.map((d) => d.id));
  return [...new Set(rows.filter((r) => r.indicator && ids.has(r.source.docId)).map((r) => r.indicator!))];
}

/** Not-found text: what is missing, then what the same region and period do hold. */
export function notFoundText(
  q: ParsedQuestion,
  docs: DocumentMeta[],
  indicators: string[],
  rows: IndicatorRow[],
): string {
  const where = q.regions.length > 0 ? q.regions.join("、") : "";
  const when = namedPeriod(q);
  const what = indicators.length > 0 ? indicators.join("、") : `“${q.topic || q.text}”`;
  const held = heldIndicators(docs, rows);
  const pointer =
    held.length > 0
      ? `${where}${when}可查的主要指标有：${held.join("、")}。`
      : "可以换个说法，或发送 /sources 查看收录的文件。";
  return `已收录的文件中没有${where}${when}${what}的数据。${pointer}`;
}

/** The periods of each statement's figures (`docId:start` → periods), built once per row table. */
const periodsByStatement = new WeakMap<IndicatorRow[], Map<string, string[]>>();
function statementPeriods(rows: IndicatorRow[]): Map<string, string[]> {
  let map = periodsByStatement.get(rows);
  if (!map) {
    map = new Map();
    for (const r of rows) {
      const key = `${r.source.docId}:${r.source.start}`;
      const list = map.get(key) ?? [];
      if (!list.includes(r.period)) list.push(r.period);
      map.set(key, list);
    }
    periodsByStatement.set(rows, map);
  }
  return map;
}

/**
 * Quotes the statements of the best retrieved chunks that hold most of the topic; null
 * coverage means not found (a question about something the corpus does not discuss).
 */
export async function answerGeneral(
  q: ParsedQuestion,
  docIds: Set<string>,
  terms: string[],
  ctx: AnswerContext,
): Promise<Draft> {
  const none: Draft = {
    status: "not_found",
    text: `没有在相关文件中找到与“${q.topic || q.text}”有关的内容。可以换个说法，或发送 /help 查看提问示例。`,
    facts: [],
    book: null,
    options: [],
  };
  if (terms.length === 0) return none;
  const total = terms.reduce((s, t) => s + ctx.idf(t), 0);
  const hits = await hybridSearch(ctx.search, q.text, { docIds, k: 4 });
  const candidates: Array<{
    docId: string;
    sectionId: string;
    start: number;
    end: number;
    coverage: number;
  }> = [];
  for (const hit of hits) {
    const section = ctx.view.sections.get(hit.chunk.sectionId);
    for (const st of ctx.view.statementsOf(hit.chunk.docId)) {
      if (st.start < hit.chunk.start || st.end > hit.chunk.end) continue;
      const isHeadingOnly =
        section &&
        section.level > 0 &&
        st.start === section.start &&
        st.end - st.start <= section.heading.length + 1;
      if (isHeadingOnly) continue;
      // A statement whose figures describe another period than the one asked is not quoted
      // (a 2019 report's review of 2018 does not answer a question about 2019).
      const periods = statementPeriods(ctx.view.artefacts.rows).get(`${hit.chunk.docId}:${st.start}`);
      if (periods && (q.years.length > 0 || q.partOfYear) && !periods.some((p) => periodLabelMatches(p, q)))
        continue;
      const text = ctx.view.doc(hit.chunk.docId).text.slice(st.start, st.end);
      const heading = hit.chunk.path.join(" ");
      const weight = (t: string) => (text.includes(t) ? 1 : heading.includes(t) ? HEADING_WEIGHT : 0);
      const coverage = terms.reduce((s, t) => s + weight(t) * ctx.idf(t), 0) / total;
      if (coverage >= MIN_GENERAL_COVERAGE) {
        candidates.push({ docId: hit.chunk.docId, sectionId: hit.chunk.sectionId, ...st, coverage });
      }
    }
  }
  if (candidates.length === 0) return none;
  const chosen = candidates
    .sort((a, b) => b.coverage - a.coverage)
    .slice(0, MAX_STATEMENTS)
    .sort((a, b) => a.docId.localeCompare(b.docId) || a.start - b.start);
  const book = new CitationBook(ctx.view);
  const lines: string[] = [];
  let lastHeader = "";
  for (const c of chosen) {
    const meta = ctx.view.doc(c.docId).meta;
    const header = `${meta.region}${meta.period}《${meta.title}》${ctx.view.sectionLabel(c.sectionId)}：`;
    if (header !== lastHeader) lines.push(header);
    lastHeader = header;
    const id = book.cite(c.docId, c.sectionId, c.start, c.end, null);
    lines.push(`- ${ctx.view.doc(c.docId).text.slice(c.start, c.end)}[${id}]`);
  }
  return { status: "answered", text: lines.join("\n"), facts: [], book, options: [] };
}
