/**
 * Answers made of indicator rows: a comparison across periods when the question compares and
 * the rows span periods, otherwise one line per row; a question that named no region while the
 * rows come from several gets `clarify` listing them.
 */
import type { ParsedQuestion } from "../retrieve/parse-question.js";
import type { Fact, IndicatorRow } from "../types.js";
import type { AnswerContext, Draft } from "./answer-question.js";
import { CitationBook } from "./citations.js";
import { composeComparison, composeRows, rowLabel } from "./compose.js";

/** Rows from more than one region when the question named none: ask which. */
function clarifyRegions(q: ParsedQuestion, rows: IndicatorRow[]): Draft | null {
  const regions = [...new Set(rows.map((r) => r.region))];
  if (q.regions.length > 0 || regions.length < 2) return null;
  const options = [...new Set(rows.map((r) => `${r.region}${r.period}${rowLabel(r)}`))];
  return {
    status: "clarify",
    text: `“${rowLabel(rows[0]!)}”在多个地区都有数据，请指明地区：\n${options.map((o) => `- ${o}`).join("\n")}`,
    facts: [],
    book: null,
    options,
  };
}

/** Answers with rows: a comparison across periods, or one line per row. */
export function answerRows(q: ParsedQuestion, rows: IndicatorRow[], ctx: AnswerContext): Draft {
  const clarify = clarifyRegions(q, rows);
  if (clarify) return clarify;
  const book = new CitationBook(ctx.view);
  const periods = new Set(rows.map((r) => r.period));
  const lines: string[] = [];
  const facts: Fact[] = [];
  if (q.intent === "compare" && periods.size >= 2) {
    const groups = new Map<string, IndicatorRow[]>();
    for (const r of rows)
      groups.set(`${r.region}|${rowLabel(r)}`, [...(groups.get(`${r.region}|${rowLabel(r)}`) ?? []), r]);
    for (const group of groups.values()) {
      const firstPerPeriod = [...new Map(group.map((r) => [r.period, r] as const)).values()].reverse();
      const part =
        firstPerPeriod.length >= 2 ? composeComparison(firstPerPeriod, book) : composeRows(group, book);
      lines.push(...part.lines);
      facts.push(...part.facts);
    }
  } else {
    const part = composeRows(rows, book);
    lines.push(...part.lines);
    facts.push(...part.facts);
    if (q.intent === "compare") {
      const asked = q.years
        .map((y) => `${y}年`)
        .filter((p) => ![...periods].some((have) => have.startsWith(p)));
      if (asked.length > 0) lines.push(`已收录的文件中没有${asked.join("、")}的该项数据，无法比较。`);
    }
  }
  return { status: "answered", text: lines.join("\n"), facts, book, options: [] };
}
