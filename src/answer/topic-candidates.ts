/**
 * The rows a body-text question can match and what scoring reads around each: shared by the
 * one-figure path (answer-question.ts) and the plan, difference and multi-part paths
 * (indicator-questions.ts), so both see the same candidates and the same context.
 */
import { qualifiersAgree } from "../indicators/qualifiers.js";
import { rowsWithTerms, rowTermIndexOf } from "../retrieve/row-term-index.js";
import { sameTerm, type RowContext, type TermForms } from "../retrieve/match-rows.js";
import type { ParsedQuestion } from "../retrieve/parse-question.js";
import { rowInPeriod } from "../retrieve/scope.js";
import type { IndicatorRow } from "../types.js";
import type { AnswerContext } from "./answer-question.js";

/**
 * The rows a topic can match: in scope, of the period asked, and holding a topic term (in one of
 * its forms) in their own clause (found through the row term index, so the cost follows the rows that match).
 */
export function topicCandidates(
  q: ParsedQuestion,
  terms: readonly string[],
  docIds: ReadonlySet<string>,
  ctx: AnswerContext,
  forms: TermForms = sameTerm,
): IndicatorRow[] {
  // Qualifiers decide (src/indicators/qualifiers.ts): 国际集装箱航线 never takes 国内 or 集装箱航线.
  const ask = { words: q.topic, indicators: q.indicators.flatMap((m) => m.indicators) };
  return rowsWithTerms(rowTermIndexOf(ctx.view.artefacts.rows), terms.flatMap(forms), docIds).filter(
    (r) => rowInPeriod(r, q) && qualifiersAgree(ask, r, ctx.vocabulary),
  );
}

/** What topic scoring reads around a row: its statement, the one before, its heading, retrieval. */
export function rowContext(
  row: IndicatorRow,
  boosts: Map<number, number>,
  ctx: AnswerContext,
  bonus = 0,
): RowContext {
  const { docId, sectionId, start, end } = row.source;
  return {
    statement: ctx.view.doc(docId).text.slice(start, end),
    previous: ctx.view.statementBefore(docId, sectionId, start),
    heading: ctx.view.sectionLabel(sectionId),
    retrieval: (boosts.get(ctx.view.chunkPositionAt(docId, start)) ?? 0) + bonus,
  };
}
