/**
 * `分别` statements: `总产出和户均增加值与“四经普”相比分别增长89.7%、77%` pairs each subject
 * with the figure in the same position. A question about one subject (户均增加值) is answered
 * with its own figure (77%), quoting the statement. Statements are read from the chunks the
 * question's one search retrieved (a constant number, whatever the corpus size).
 */
import { periodLabelMatches } from "../retrieve/question-scope.js";
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
const FIGURES = new RegExp(
  `^\\s*(${FIGURE.source}(?:\\s*(?:、|，|,|和|与|及)\\s*${FIGURE.source})+)(左右|以上|以内|以下)?`,
  "u",
);

/**
 * The subjects written before a 分别 clause: `A、B和C`; `城乡居民…` is 城镇居民… and 农村居民…
 * when two figures follow (城乡居民人均可支配收入分别为80587元和48180元).
 */
function subjectsBefore(before: string, figures: number): string[] {
  const subjects = before
    .replace(/(?:与|和|同|比|较)[^、和与]{0,14}?(?:相比|比较|同期)$/u, "")
    .split(/、|和|及|以及|与/u)
    .map((s) => s.trim())
    .filter((s) => s !== "");
  const [only] = subjects;
  if (subjects.length === 1 && figures === 2 && only!.startsWith("城乡"))
    return [`城镇${only!.slice(2)}`, `农村${only!.slice(2)}`];
  return subjects;
}

/**
 * The subjects of the clause before a 分别 clause that states one figure for each
 * (`城市居民人均可支配收入20400元、农民人均纯收入7400元`); [] unless there are `count` of them.
 */
function subjectsWithFigures(before: string, count: number): string[] {
  const clauses = before.replace(/[，,；;\s]+$/u, "").split(/[，,；;。：:]/u);
  const subjectOf = (p: string) =>
    /^([\p{Script=Han}]{2,}?)(?:为|达到?|是|完成|实现)?\s*\d/u.exec(p.trim())?.[1] ?? "";
  // One clause listing them (`A 20400元、B 7400元`), or a clause each (`A 5380万人次，B达626亿元`).
  for (const pieces of [clauses.at(-1)!.split(/、|和|及/u), clauses.slice(-count)]) {
    const subjects = pieces.map(subjectOf);
    if (subjects.length === count && subjects.every((s) => s.length >= 2)) return subjects;
  }
  return [];
}

/**
 * The subject–figure pairs of a statement's `分别` clauses; [] when counts do not match. A 分别
 * clause right after another (`分别为80587元和48180元，分别增长4.6%和6.6%`) has its subjects; a
 * bound after the last figure (`分别增长6%、7%左右`) is every figure's.
 */
export function respectivePairs(statement: string): RespectivePair[] {
  const out: RespectivePair[] = [];
  let previous: { end: number; subjects: string[] } | null = null;
  for (const m of statement.matchAll(/分别(增长|下降|为|是|达到|达|占|完成|实现)?/gu)) {
    const at = m.index;
    const verb = m[1] ?? "";
    const after = statement.slice(at + m[0].length).match(FIGURES);
    if (!after) continue;
    const bound = after[2] ?? "";
    const figures = after[1]!
      .split(/\s*(?:、|，|,|和|与|及)\s*/u)
      .filter((f) => f !== "")
      .map((f) => `${f}${bound}`);
    const before =
      statement
        .slice(0, at)
        .split(/[，,；;。：:]/u)
        .pop() ?? "";
    const joined = previous && /^[，,]?$/u.test(statement.slice(previous.end, at).trim());
    let subjects = subjectsBefore(before, figures.length);
    if (subjects.length === 0 && joined && previous!.subjects.length === figures.length)
      subjects = previous!.subjects;
    // `A 20400元、B 7400元，分别增长14%和12%`: the subjects of the clause before, each with its figure.
    if (subjects.length === 0) subjects = subjectsWithFigures(statement.slice(0, at), figures.length);
    previous = { end: at + m[0].length + after[0].length, subjects: [] };
    if (subjects.length < figures.length || figures.length < 2) continue;
    const own = subjects.slice(subjects.length - figures.length);
    previous.subjects = own;
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
    when: string | null;
  } | null = null;
  const period = q.scope.period;
  const dated = period.years.length > 0 || period.part !== null;
  for (const hit of ev.hits.slice(0, ctx.defaults.statementHits)) {
    const chunk = hit.chunk;
    for (const s of ctx.reader.statementsIn(chunk.docId, chunk.start, chunk.end)) {
      const text = ctx.reader.text(chunk.docId, s.start, s.end);
      if (!text.includes("分别")) continue;
      // The statement's own period (a 2007 report's review of 2006 answers 2006, never 2007).
      const periods = ctx.reader.statementPeriods(chunk.docId, s.start);
      const when = dated ? periods.find((p) => periodLabelMatches(p, period)) : periods[0];
      const docPeriod = ctx.reader.meta(chunk.docId)?.period ?? "";
      if (dated && !when && (periods.length > 0 || !periodLabelMatches(docPeriod, period))) continue;
      for (const pair of respectivePairs(text)) {
        const own = subjectCoverage(pair.subject, terms, idf);
        const all = subjectCoverage(text, terms, idf);
        if (own === 0 || all < ctx.defaults.minPairCoverage) continue;
        // The subject bound to the question's wording: the longest shared run first.
        const score = longestSharedRun(q.subject.topic, pair.subject) * 10 + own + all;
        if (!best || score > best.score)
          best = {
            pair,
            docId: chunk.docId,
            sectionId: chunk.sectionId,
            start: s.start,
            end: s.end,
            score,
            when: when ?? null,
          };
      }
    }
  }
  if (!best) return null;
  const meta = ctx.reader.meta(best.docId)!;
  const book = new CitationBook(ctx.reader);
  const { subject } = best.pair;
  // Every figure the statement pairs with that subject (为48180元, 增长6.6%), in order.
  const statement = ctx.reader.text(best.docId, best.start, best.end);
  const own = respectivePairs(statement).filter((p) => p.subject === subject);
  const id = book.cite(best.docId, best.sectionId, best.start, best.end, own[0]!.figure);
  const figures = own.map((p) => `${p.verb}${p.figure}`).join("，");
  const text = `${meta.region}${best.when ?? meta.period}：${subject}${figures}[${id}]（原文以“分别”列出，按顺序对应）。`;
  return { status: "answered", text, facts: [], book, options: [] };
}
