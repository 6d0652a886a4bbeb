/**
 * A place against the wider area it is in (高出全市多少个百分点, 比全省平均低多少): the gap as
 * the document publishes it (`增幅20.1%；高于全市指标5.1个百分点`) — the figure compared, then
 * the clause stating the gap, both cited. The wider area's own figure is not computed with: the
 * document's comparison is the answer.
 */
import { scoreRowsByTopic } from "../retrieve/match-rows.js";
import type { Fact, IndicatorRow } from "../types.js";
import type { Question } from "../understand/question.js";
import { CitationBook } from "./citation-book.js";
import { rowLabel } from "./compose.js";
import { stateRow, where } from "./differences.js";
import { rowContext } from "./topic-figures.js";
import { decline, type AnswerContext, type Draft, type Evidence, type Outcome } from "./types.js";

/** A clause setting a figure against the wider area's: `高于全市指标5.1个百分点`, `比全省平均低0.3个百分点`. */
const GAP =
  /^[^，。；]{0,8}?(?:(?:比|较)(?:全国|全省|全市|全区|全县)[^，。；]{0,6}?(?:高|低|快|慢|多|少)|(?:高于|低于|快于|慢于|高出|超出|超过|领先|落后)于?(?:全国|全省|全市|全区|全县|(?:全[国省市区县])?平均))/u;

/** The gap clause after a row (in its statement or the next), or null. */
function gapAfter(row: IndicatorRow, ctx: AnswerContext): IndicatorRow | null {
  const statement = ctx.reader.rowsOfStatement(row);
  const later = statement.slice(statement.findIndex((r) => r.id === row.id) + 1);
  return [...later, ...ctx.reader.rowsBeside(row, "after")].find((r) => GAP.test(r.clause)) ?? null;
}

/** The figure a gap clause compares: the last one stated before it (its statement or the one before). */
function figureBefore(gap: IndicatorRow, ctx: AnswerContext): IndicatorRow | null {
  const statement = ctx.reader.rowsOfStatement(gap);
  const earlier = statement.slice(
    0,
    statement.findIndex((r) => r.id === gap.id),
  );
  return [...ctx.reader.rowsBeside(gap, "before"), ...earlier].at(-1) ?? null;
}

/** The answer: the figure compared (under its indicator, else `label`) and the published gap. */
function stateGap(label: string, row: IndicatorRow | null, gap: IndicatorRow, ctx: AnswerContext): Draft {
  const book = new CitationBook(ctx.reader);
  const facts: Fact[] = [];
  const lines = [`${where(gap)}：`];
  if (row) lines.push(stateRow(row, row.indicator ?? label, book, facts));
  const id = book.cite(gap.source.docId, gap.source.sectionId, gap.source.start, gap.source.end, null);
  lines.push(`- 与上级比较：${gap.clause.replace(/[。；;，,]$/u, "")}[${id}]`);
  return { status: "answered", text: lines.join("\n"), facts, book, options: [] };
}

/** How far a place's figure is above or below the wider area's, as published beside it. */
export function widerGap(q: Question, ev: Evidence, ctx: AnswerContext): Outcome {
  if (q.ask.kind !== "difference" || q.ask.between !== "wider") return decline("no wider area asked");
  // A named indicator: the gap stated after one of its rows.
  for (const row of ev.rows.named.filter((r) => r.nature === "result")) {
    const gap = gapAfter(row, ctx);
    if (gap) return stateGap(rowLabel(row), row, gap, ctx);
  }
  if (q.subject.indicators.length > 0) return decline("no gap to the wider area stated after the indicator");
  // A topic: the best rows of the topic (their clause, statement or heading holding it) that a
  // gap clause follows; the figure shown is the one the gap compares (the last before it).
  const scored = scoreRowsByTopic(
    ev.rows.topic.filter((r) => r.nature === "result"),
    q.subject.terms,
    (t) => ctx.reader.idf(t),
    null,
    (row) => rowContext(row, q, ev, ctx),
  );
  for (const s of scored) {
    if (s.coverage < ev.minCoverage) break;
    const gap = gapAfter(s.row, ctx);
    if (gap) return stateGap(q.subject.topic || "所比较的数字", figureBefore(gap, ctx) ?? s.row, gap, ctx);
  }
  return decline("no statement sets the figure asked against the wider area's");
}
