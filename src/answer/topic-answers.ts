/**
 * Body-text facts found by topic and measure word (离婚登记654对): candidate rows through the
 * row term index, scored by where each topic term is found around them, with hybrid retrieval
 * as a tie-breaker; the best rows answer, each cited.
 */
import { hybridSearch } from "../retrieve/hybrid-search.js";
import {
  MIN_COVERAGE,
  dedupeRows,
  scoreRowsByTopic,
  type ScoredRow,
  type TermForms,
} from "../retrieve/match-rows.js";
import type { ParsedQuestion } from "../retrieve/parse-question.js";
import type { IndicatorRow } from "../types.js";
import type { AnswerContext, Draft } from "./answer-question.js";
import { answerChangeOfRows } from "./change-questions.js";
import { withGrowthAfter } from "./nearby-figures.js";
import { answerRows } from "./row-answers.js";
import { rowContext, topicCandidates } from "./topic-candidates.js";

/** Score bonus for a fact of the nature asked (results unless the question asks for a target). */
const NATURE_BONUS = 0.05;

/** How many equally good body-text facts an answer lists at most. */
const MAX_TOPIC_ROWS = 4;

/** Wording that asks for an achieved figure, never a target. */
export const ASKS_RESULT = /完成|实现|实际|达到了/u;

/** The fused retrieval score of each chunk position, normalised to 0–0.05, for tie-breaking. */
export async function retrievalBoosts(
  q: ParsedQuestion,
  docIds: Set<string>,
  ctx: AnswerContext,
): Promise<Map<number, number>> {
  const hits = await hybridSearch(ctx.search, q.text, { docIds, k: 12 });
  const top = hits[0]?.score ?? 1;
  return new Map(hits.map((h) => [h.position, (0.05 * h.score) / top]));
}

/**
 * The rows of a scored list that match as well as the best one, each shown with its own
 * citation (3084户 and 3854人 of one clause; the June and July figures of one fund); among
 * them, those whose phrase says least besides the topic (结婚登记 over 补领结婚登记).
 * Nothing when the best coverage is below {@link MIN_COVERAGE}.
 */
export function bestRows(scored: ScoredRow[], terms: string[], minCoverage = MIN_COVERAGE): IndicatorRow[] {
  const best = scored[0];
  if (!best || best.coverage < minCoverage) return [];
  const equal = scored.filter((s) => s.coverage >= best.coverage - 1e-9);
  const precision = (phrase: string) =>
    terms.reduce((n, t) => n + (phrase.includes(t) ? t.length : 0), 0) / phrase.length;
  const bestPrecision = Math.max(...equal.map((s) => precision(s.row.phrase)));
  return dedupeRows(
    equal.filter((s) => precision(s.row.phrase) >= bestPrecision - 1e-9).map((s) => s.row),
  ).slice(0, MAX_TOPIC_ROWS);
}

/** How {@link answerByTopic} matches its terms. */
export interface TopicOptions {
  /** The ways each term may be written (a catalogued indicator's aliases). */
  forms?: TermForms;
  /**
   * The terms are the parts of one name (高速公路, 里程 of 高速公路里程): every part must be
   * found, in the row's clause or in its statement before it (where a Chinese subject's
   * qualifiers stand), so `公路总里程达29479公里，其中：高速公路814公里` gives 814, not the
   * total, and 城镇登记失业率 never answers 城镇调查失业率.
   */
  parts?: boolean;
}

/** A statement up to the end of one of its clauses. */
function upToClause(statement: string, clause: string): string {
  const at = statement.indexOf(clause);
  return at < 0 ? statement : statement.slice(0, at + clause.length);
}

/** Finds body-text facts by topic and measure word. */
export async function answerByTopic(
  q: ParsedQuestion,
  docIds: Set<string>,
  terms: string[],
  ctx: AnswerContext,
  options: TopicOptions = {},
): Promise<Draft | null> {
  const { forms, parts } = options;
  if (terms.length === 0) return null;
  const boosts = await retrievalBoosts(q, docIds, ctx);
  // Only rows whose clause holds a term can score: found by the row term index, not a scan;
  // of those, rows whose own statement period is the one asked, and achieved figures only
  // from results.
  const resultOnly = q.intent !== "target" && ASKS_RESULT.test(q.text);
  const candidates = topicCandidates(q, terms, docIds, ctx, forms).filter(
    (r) => !resultOnly || r.nature === "result",
  );
  const preferred = q.intent === "target" ? "target" : "result";
  const before = new Map<IndicatorRow, string>();
  const scored = scoreRowsByTopic(
    candidates,
    terms,
    ctx.idf,
    q.unit,
    (row) => {
      const context = rowContext(row, boosts, ctx, row.nature === preferred ? NATURE_BONUS : 0);
      if (!parts) return context;
      const statement = upToClause(context.statement, row.clause);
      before.set(row, statement);
      return { ...context, statement, previous: "" };
    },
    forms,
  ).filter((s) => !parts || terms.every((t) => before.get(s.row)!.includes(t)));
  // A comparison takes the best rows of each period; other questions the best rows overall.
  const groups =
    q.intent === "compare"
      ? [...new Set(scored.map((s) => s.row.period))].map((p) => scored.filter((s) => s.row.period === p))
      : [scored];
  let chosen = groups.flatMap((group) => bestRows(group, terms, ctx.minCoverage));
  if (chosen.length === 0) return null;
  // A growth question takes the rate that follows a value in the same statement.
  if (q.intent === "growth") chosen = chosen.map((row) => withGrowthAfter(row, ctx.view));
  return answerChangeOfRows(q, chosen, ctx) ?? answerRows(q, chosen, ctx);
}
