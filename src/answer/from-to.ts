/**
 * A figure written as one sentence's move from one figure to another (`占比已由去年的48%提升到
 * 目前的58%`, `大班额由2021年的166个，减少到现在的43个`): asked how much it rose or fell, both
 * published figures and their difference, computed and labelled 计算值; asked the figure
 * (还有多少), both figures, the one it ended at last. The two figures are two rows read in a
 * row: the first ends its phrase with 由/从 (and the time it starts from), the next (in the same
 * statement or the one after) opens with the verb of the move and 到/至.
 */
import { rowInPeriod } from "../retrieve/question-scope.js";
import { scoreRowsByTopic } from "../retrieve/match-rows.js";
import type { Fact, IndicatorRow } from "../types.js";
import type { Question } from "../understand/question.js";
import { CitationBook } from "./citation-book.js";
import { differenceLine, stateRow } from "./differences.js";
import { FROM, moveEnd, TO } from "./move-rows.js";
import { rowContext } from "./topic-figures.js";
import { decline, type AnswerContext, type Evidence, type Outcome } from "./types.js";

interface Move {
  from: IndicatorRow;
  to: IndicatorRow;
}

/** The move the question's topic names, ending in the period asked (any when none is named). */
function moveOf(q: Question, ev: Evidence, ctx: AnswerContext): Move | null {
  if (q.subject.terms.length === 0) return null;
  const starts = ctx.reader
    .rowsWithTerms(q.subject.terms, ev.docIds)
    .filter((r) => r.value !== null && FROM.test(r.phrase));
  const scored = scoreRowsByTopic(
    starts,
    q.subject.terms,
    (t) => ctx.reader.idf(t),
    null,
    (row) => rowContext(row, q, ev, ctx),
  );
  const period = q.scope.period;
  for (const s of scored) {
    if (s.coverage < ev.minCoverage) break;
    const to = moveEnd(s.row, ctx);
    if (to && (period.years.length === 0 || rowInPeriod(to, period))) return { from: s.row, to };
  }
  return null;
}

/** Both figures of a move, labelled with the times the sentence names. */
function stateMove(
  move: Move,
  book: CitationBook,
  facts: Fact[],
): { lines: string[]; from: string; to: string } {
  const { from, to } = move;
  const whenFrom = FROM.exec(from.phrase)?.[1]?.trim() || "原来";
  const whenTo = TO.exec(to.phrase)?.[1]?.trim() || "现在";
  const subject = from.phrase.replace(FROM, "").replace(/(?:已经?|均|分别)$/u, "");
  return {
    lines: [
      `${to.region}${to.period}${subject}：`,
      stateRow(from, whenFrom, book, facts),
      stateRow(to, whenTo, book, facts),
    ],
    from: whenFrom,
    to: whenTo,
  };
}

/** How much a figure moved within one sentence (提高了多少个百分点 of `由48%提升到58%`). */
export function fromTo(q: Question, ev: Evidence, ctx: AnswerContext): Outcome {
  if (q.ask.kind !== "difference" && q.ask.kind !== "change") return decline("no change asked");
  if (q.scope.period.years.length >= 2) return decline("two periods named: their own figures answer");
  const move = moveOf(q, ev, ctx);
  if (!move) return decline("no sentence moves the topic from one figure to another");
  const points = q.ask.kind === "difference" && q.ask.points;
  const book = new CitationBook(ctx.reader);
  const facts: Fact[] = [];
  const stated = stateMove(move, book, facts);
  const diff = differenceLine(move.to, move.from, stated.to, stated.from, points, false, facts);
  if (!diff) return decline("the two figures are not in one unit");
  return { status: "answered", text: [...stated.lines, diff].join("\n"), facts, book, options: [] };
}

/** A figure asked (还有多少) that a sentence states as a move: where it started and ended. */
export function moveValue(q: Question, ev: Evidence, ctx: AnswerContext): Outcome {
  if (q.ask.kind !== "value" || q.ask.nature === "target") return decline("no result asked");
  if (q.subject.indicators.length > 0) return decline("an indicator is named: its rows answer");
  const move = moveOf(q, ev, ctx);
  if (!move) return decline("no sentence moves the topic from one figure to another");
  const book = new CitationBook(ctx.reader);
  const facts: Fact[] = [];
  return {
    status: "answered",
    text: stateMove(move, book, facts).lines.join("\n"),
    facts,
    book,
    options: [],
  };
}
