/**
 * Where a question becomes an answer: its scope is resolved (a place or period not held is
 * answered at once), its evidence gathered once (one search, candidate rows), then the route
 * table's handlers for its ask are tried in order. A multi-part question is answered part by
 * part over the same evidence and the parts are merged, each keeping its citations.
 */
import { scopeOf } from "../retrieve/question-scope.js";
import type { Question } from "../understand/question.js";
import { CitationBook, formatExcerpt } from "./citation-book.js";
import { gatherEvidence, partEvidence } from "./evidence.js";
import { scopeReply } from "./refusals.js";
import { ROUTES } from "./routes.js";
import { isDecline, type AnswerContext, type Draft, type Evidence } from "./types.js";

/** A draft with the route that produced it and why the handlers before it declined. */
export interface Routed {
  draft: Draft;
  route: string;
  declines: Array<{ handler: string; reason: string }>;
}

/** Ask kinds answered without documents (and so without scope or search). */
const WITHOUT_DOCUMENTS = new Set(["chit-chat", "unclear", "list", "source"]);

const NO_EVIDENCE: Evidence = {
  docs: [],
  docIds: new Set(),
  hits: [],
  boosts: new Map(),
  rows: { named: [], namedAnyPeriod: [], topic: [] },
  minCoverage: 1,
};

/** Runs the route table for one question (not multi) over its evidence. */
function route(q: Question, ev: Evidence, ctx: AnswerContext): Routed {
  const kind = q.ask.kind === "multi" ? "value" : q.ask.kind;
  const declines: Routed["declines"] = [];
  for (const r of ROUTES[kind]) {
    const outcome = r.handle(q, ev, ctx);
    if (!isDecline(outcome)) return { draft: outcome, route: r.name, declines };
    declines.push({ handler: r.name, reason: outcome.reason });
  }
  throw new Error(`no handler answered a ${kind} question`);
}

/** Merges part answers into one: texts in order, citations renumbered, facts remapped. */
function merge(parts: Routed[], ctx: AnswerContext): Routed {
  const book = new CitationBook(ctx.reader);
  const lines: string[] = [];
  const facts: Draft["facts"] = [];
  for (const { draft } of parts) {
    const map = new Map<number, number>();
    for (const c of draft.book?.citations() ?? []) map.set(c.id, book.adopt(c));
    const text = draft.text.replace(/\[(\d+)\]/gu, (m, n: string) =>
      map.has(Number(n)) ? `[${map.get(Number(n))}]` : m,
    );
    for (const line of text.split("\n")) if (!lines.includes(line)) lines.push(line);
    for (const f of draft.facts)
      facts.push({ ...f, citation: f.citation === null ? null : (map.get(f.citation) ?? null) });
  }
  const drafts = parts.map((p) => p.draft);
  const status = drafts.some((p) => p.status === "answered")
    ? "answered"
    : drafts.every((p) => p.status === "clarify")
      ? "clarify"
      : "not_found";
  return {
    draft: { status, text: lines.join("\n"), facts, book, options: drafts.flatMap((p) => p.options) },
    route: `multi(${parts.map((p) => p.route).join(",")})`,
    declines: parts.flatMap((p) => p.declines),
  };
}

/** Adds the excerpt of the first citation to a `/cite` answer. */
function withExcerpt(q: Question, routed: Routed): Routed {
  const first = routed.draft.book?.citations()[0];
  if (q.command !== "cite" || !first) return routed;
  return {
    ...routed,
    draft: { ...routed.draft, text: [routed.draft.text, "", "原文摘录：", formatExcerpt(first)].join("\n") },
  };
}

/**
 * Answers an understood (and, in a conversation, resolved) question. `minCoverage` is the topic
 * coverage a body-text match needs (lower for a follow-up on an established topic).
 */
export async function answerQuestion(
  q: Question,
  ctx: AnswerContext,
  minCoverage = ctx.defaults.minCoverage,
): Promise<Routed> {
  if (WITHOUT_DOCUMENTS.has(q.ask.kind)) return route(q, NO_EVIDENCE, ctx);
  const metas = ctx.reader.metas();
  if (q.ask.kind === "task")
    return withExcerpt(
      q,
      route(
        q,
        { ...NO_EVIDENCE, docs: [...metas], docIds: new Set(metas.map((m) => m.id)), minCoverage },
        ctx,
      ),
    );
  const scope = scopeOf(q.scope.places, q.scope.period, metas);
  if (!scope.ok)
    return {
      draft: scopeReply(q, scope, ctx),
      route: "scope",
      declines: [{ handler: "scope", reason: scope.reason }],
    };
  const ev = await gatherEvidence(q, scope.docs, ctx, minCoverage);
  if (q.ask.kind !== "multi") return withExcerpt(q, route(q, ev, ctx));
  return withExcerpt(
    q,
    merge(
      q.ask.parts.map((part) => route(part, partEvidence(part, ev, ctx), ctx)),
      ctx,
    ),
  );
}
