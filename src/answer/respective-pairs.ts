/**
 * `分别` statements: `总产出和户均增加值与“四经普”相比分别增长89.7%、77%` pairs each subject
 * with the figure in the same position. A question about one subject (户均增加值) is answered
 * with its own figure (77%), quoting the statement. Statements are read from the chunks the
 * question's one search retrieved (a constant number, whatever the corpus size).
 */
import type { Question } from "../understand/question.js";
import { CitationBook } from "./citation-book.js";
import { longestSharedRun } from "./shared-run.js";
import type { AnswerContext, Draft, Evidence } from "./types.js";

/** One subject of a 分别 statement with its figure. */
export interface RespectivePair {
  subject: string;
  /** The verb before the figures (增长, 为, 达到), or "". */
  verb: string;
  figure: string;
}

const FIGURE = /-?\d+(?:\.\d+)?(?:%|‰|[万亿]?[\p{Script=Han}]{1,2})?/u;
const FIGURES = new RegExp(`^\\s*(${FIGURE.source}(?:\\s*(?:、|，|,|和|与|及)\\s*${FIGURE.source})+)`, "u");

/** The subject–figure pairs of a statement's `分别` clauses; [] when counts do not match. */
export function respectivePairs(statement: string): RespectivePair[] {
  const out: RespectivePair[] = [];
  for (const m of statement.matchAll(/分别(增长|下降|为|是|达到|达|占|完成|实现)?/gu)) {
    const at = m.index;
    const verb = m[1] ?? "";
    const after = statement.slice(at + m[0].length).match(FIGURES);
    if (!after) continue;
    const figures = after[1]!.split(/\s*(?:、|，|,|和|与|及)\s*/u).filter((f) => f !== "");
    const before =
      statement
        .slice(0, at)
        .split(/[，,；;。：:]/u)
        .pop() ?? "";
    const subjects = before
      .replace(/(?:与|和|同|比|较)[^、和与]{0,14}?(?:相比|比较|同期)$/u, "")
      .split(/、|和|及|以及|与/u)
      .map((s) => s.trim())
      .filter((s) => s !== "");
    if (subjects.length < figures.length || figures.length < 2) continue;
    const own = subjects.slice(subjects.length - figures.length);
    own.forEach((subject, i) => out.push({ subject, verb, figure: figures[i]! }));
  }
  return out;
}

/** Share of the terms' weight a subject carries. */
function subjectCoverage(subject: string, terms: string[], idf: (t: string) => number): number {
  const total = terms.reduce((s, t) => s + idf(t), 0);
  return total === 0 ? 0 : terms.reduce((s, t) => s + (subject.includes(t) ? idf(t) : 0), 0) / total;
}

/** Answers from a `分别` pair whose subject the question names; null when none fits. */
export function answerRespective(q: Question, ev: Evidence, ctx: AnswerContext): Draft | null {
  const terms = q.subject.terms;
  if (terms.length === 0) return null;
  const idf = (t: string) => ctx.reader.idf(t);
  let best: {
    pair: RespectivePair;
    docId: string;
    sectionId: string;
    start: number;
    end: number;
    score: number;
  } | null = null;
  for (const hit of ev.hits.slice(0, ctx.defaults.statementHits)) {
    const chunk = hit.chunk;
    for (const s of ctx.reader.statementsIn(chunk.docId, chunk.start, chunk.end)) {
      const text = ctx.reader.text(chunk.docId, s.start, s.end);
      if (!text.includes("分别")) continue;
      for (const pair of respectivePairs(text)) {
        const own = subjectCoverage(pair.subject, terms, idf);
        const all = subjectCoverage(text, terms, idf);
        if (own === 0 || all < ctx.defaults.minPairCoverage) continue;
        // The subject bound to the question's wording: the longest shared run first.
        const score = longestSharedRun(q.subject.topic, pair.subject) * 10 + own + all;
        if (!best || score > best.score)
          best = { pair, docId: chunk.docId, sectionId: chunk.sectionId, start: s.start, end: s.end, score };
      }
    }
  }
  if (!best) return null;
  const meta = ctx.reader.meta(best.docId)!;
  const book = new CitationBook(ctx.reader);
  const id = book.cite(best.docId, best.sectionId, best.start, best.end, best.pair.figure);
  const { subject, verb, figure } = best.pair;
  const text = `${meta.region}${meta.period}：${subject}${verb}${figure}[${id}]（原文以“分别”列出，按顺序对应）。`;
  return { status: "answered", text, facts: [], book, options: [] };
}
