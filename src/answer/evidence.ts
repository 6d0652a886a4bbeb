/**
 * Evidence, gathered once per question and shared by every handler: the documents in scope,
 * one hybrid search (one embedding of the question), and the candidate rows. Questions that
 * need no search (task-table questions, rankings, briefings, small talk, unclear input) embed
 * nothing.
 */
import { hybridSearch } from "../retrieve/hybrid-search.js";
import type { DocumentMeta } from "../types.js";
import type { AskKind, Question } from "../understand/question.js";
import { selectRows } from "./select-rows.js";
import type { AnswerContext, Evidence } from "./types.js";

/** Ask kinds whose handlers read the search hits (the rest need no embedding). */
export const SEARCHING_ASKS: ReadonlySet<AskKind> = new Set<AskKind>([
  "value",
  "growth",
  "change",
  "difference",
  "ratio",
  "compare",
  "which",
  "plan",
  "standing",
  "general",
  "multi",
]);

/** Whether answering a question runs the hybrid search. */
export function needsSearch(q: Question): boolean {
  return SEARCHING_ASKS.has(q.ask.kind) && q.text.trim() !== "";
}

/** Gathers the evidence of a question over the documents in scope. */
export async function gatherEvidence(
  q: Question,
  docs: DocumentMeta[],
  ctx: AnswerContext,
  minCoverage: number,
): Promise<Evidence> {
  const docIds = new Set(docs.map((d) => d.id));
  const { searchK, searchCandidates, retrievalBonus } = ctx.defaults;
  const hits = needsSearch(q)
    ? await hybridSearch(ctx.search, q.text, { docIds, k: searchK, candidates: searchCandidates })
    : [];
  const top = hits[0]?.score ?? 1;
  const boosts = new Map(hits.map((h) => [h.position, (retrievalBonus * h.score) / top]));
  return { docs, docIds, hits, boosts, rows: selectRows(q, docIds, ctx), minCoverage };
}

/** The evidence of one part of a multi-part question: the same search, its own rows. */
export function partEvidence(part: Question, whole: Evidence, ctx: AnswerContext): Evidence {
  return { ...whole, rows: selectRows(part, whole.docIds, ctx) };
}
