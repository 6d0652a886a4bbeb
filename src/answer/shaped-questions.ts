/**
 * Dispatches questions of a shape beyond one figure (src/retrieve/question-shape.ts): plan vs
 * result, differences, rankings, and several asks in one question. A multi-part question is
 * answered part by part through the normal pipeline and the parts are merged, each part
 * keeping its own citations (renumbered in one book).
 */
import type { ParsedQuestion } from "../retrieve/parse-question.js";
import {
  asksPlanAndResult,
  parseDifferenceQuery,
  parseRankQuery,
  splitAsks,
} from "../retrieve/question-shape.js";
import type { AnswerContext, Draft } from "./answer-question.js";
import { CitationBook } from "./citations.js";
import { periodText } from "./follow-up.js";
import { answerDifference, answerPlanAndResult } from "./difference-answers.js";
import { answerRank } from "./indicator-questions.js";

/** Answers one part question (the caller's full pipeline). */
export type AnswerPart = (question: string) => Promise<Draft>;

/** A question's text without the regions and the period it names. */
function bodyOf(q: ParsedQuestion): string {
  let t = q.text;
  for (const r of q.regions) {
    const short = r.replace(/(?:区|县|市)$/u, "");
    t = t.split(r).join("");
    if (short.length >= 2) t = t.split(short).join("");
  }
  return t
    .replace(/(?<!\d)20\d{2}(?!\d)年?度?/gu, "")
    .replace(/上半年|下半年|前三季度|第一季度|一季度/gu, "")
    .replace(/^[，,、的\s]+/u, "")
    .trim();
}

/** Merges part answers into one: texts in order, citations renumbered, facts remapped. */
export function mergeDrafts(parts: Draft[], ctx: AnswerContext): Draft {
  const book = new CitationBook(ctx.view);
  const lines: string[] = [];
  const facts: Draft["facts"] = [];
  for (const part of parts) {
    const map = new Map<number, number>();
    for (const c of part.book?.citations() ?? []) map.set(c.id, book.adopt(c));
    const text = part.text.replace(/\[(\d+)\]/gu, (m, n: string) =>
      map.has(Number(n)) ? `[${map.get(Number(n))}]` : m,
    );
    for (const line of text.split("\n")) if (!lines.includes(line)) lines.push(line);
    for (const f of part.facts)
      facts.push({ ...f, citation: f.citation === null ? null : (map.get(f.citation) ?? null) });
  }
  const answered = parts.some((p) => p.status === "answered");
  return {
    status: answered ? "answered" : parts.every((p) => p.status === "clarify") ? "clarify" : "not_found",
    text: lines.join("\n"),
    facts,
    book,
    options: parts.flatMap((p) => p.options),
  };
}

/**
 * Answers a question of a special shape, or null when it has none (the caller goes on with
 * the one-figure pipeline). `docIds` is the question's scope.
 */
export async function answerShapedQuestion(
  q: ParsedQuestion,
  docIds: Set<string>,
  terms: string[],
  ctx: AnswerContext,
  answerPart: AnswerPart,
): Promise<Draft | null> {
  if (q.intent === "lead") return null;
  if (asksPlanAndResult(q.text)) {
    const plan = await answerPlanAndResult(q, docIds, terms, ctx);
    if (plan) return plan;
  }
  const difference = parseDifferenceQuery(q.text);
  if (difference) {
    const d = await answerDifference(q, difference, docIds, terms, ctx);
    if (d) return d;
  }
  const rank = parseRankQuery(q.text);
  if (rank) {
    const r = answerRank(q, rank, docIds, ctx);
    if (r) return r;
  }
  const parts = splitAsks(bodyOf(q));
  if (parts.length < 2) return null;
  const prefix = `${q.regions.join("")}${periodText(q)}`;
  const drafts: Draft[] = [];
  for (const part of parts) drafts.push(await answerPart(`${prefix}${part}`));
  return mergeDrafts(drafts, ctx);
}
