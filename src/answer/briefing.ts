/**
 * A briefing of a place and period (经济怎么样, 主要指标, 概况): its main catalogued indicators,
 * each with its published value and growth and a citation — results, or the targets a plan
 * sets when it publishes no results. A place named without a period is briefed on its latest
 * period held, and the others are offered.
 */
import { rowInPeriod } from "../retrieve/question-scope.js";
import type { Fact, IndicatorRow } from "../types.js";
import type { Question } from "../understand/question.js";
import { CitationBook } from "./citation-book.js";
import { citeRow, factOf, rowLabel } from "./compose.js";
import { figureText, where } from "./differences.js";
import { firstPerIndicator } from "./extremes.js";
import {
  decline,
  type AnswerContext,
  type Draft,
  type DraftList,
  type Evidence,
  type Outcome,
} from "./types.js";

/** The briefing rows of one region: its latest period's canonical rows, main section first. */
function rowsOfRegion(rows: IndicatorRow[]): IndicatorRow[] {
  const latest = rows
    .map((r) => r.period)
    .sort()
    .pop();
  const own = rows.filter((r) => r.period === latest);
  const results = own.filter((r) => r.nature === "result");
  const chosen = firstPerIndicator(results.length > 0 ? results : own);
  const count = new Map<string, number>();
  for (const r of chosen) count.set(r.source.sectionId, (count.get(r.source.sectionId) ?? 0) + 1);
  // The document's opening list (the section holding most of them) first, then document order.
  return [...chosen].sort(
    (a, b) => (count.get(b.source.sectionId) ?? 0) - (count.get(a.source.sectionId) ?? 0),
  );
}

/** The main indicators of the place and period asked, each cited. */
export function briefing(q: Question, ev: Evidence, ctx: AnswerContext): Outcome {
  const all = ctx.reader
    .indicatorRowsOfDocs(ev.docIds)
    .filter((r) => rowInPeriod(r, q.scope.period) && !r.period.includes("—") && (r.value || r.growth));
  if (all.length === 0) return decline("no catalogued indicator rows in scope");
  const regions = [...new Set(all.map((r) => r.region))];
  if (regions.length > 1 && q.scope.places.length === 0) {
    const options = regions.flatMap((region) => {
      const latest = all
        .filter((r) => r.region === region)
        .map((r) => r.period)
        .sort()
        .pop();
      return [`${region}${latest}主要指标`];
    });
    const text = `已收录的资料涉及多个地区，请指明地区：\n${options.map((o) => `- ${o}`).join("\n")}`;
    return { status: "clarify", text, facts: [], book: null, options };
  }
  const book = new CitationBook(ctx.reader);
  const facts: Fact[] = [];
  const lines: string[] = [];
  const items: DraftList["items"] = [];
  for (const region of regions) {
    const rows = rowsOfRegion(all.filter((r) => r.region === region)).slice(0, ctx.defaults.briefingItems);
    const first = rows[0]!;
    const docs = [...new Set(rows.map((r) => r.source.docId))].map(
      (id) => `《${ctx.reader.meta(id)!.title}》`,
    );
    const targets = rows.every((r) => r.nature === "target");
    lines.push(`${where(first)}${targets ? "主要预期目标" : "主要指标"}（据${docs.join("、")}）：`);
    for (const r of rows) {
      const id = citeRow(book, r);
      facts.push(factOf(r, id));
      const figure = figureText(r);
      lines.push(`- ${rowLabel(r)}：${figure}[${id}]`);
      items.push({
        label: `${rowLabel(r)}：${figure}`,
        citation: id,
        ref: { indicator: rowLabel(r), region: r.region, period: r.period },
      });
    }
    const others = [
      ...new Set(all.filter((r) => r.region === region && r.period !== first.period).map((r) => r.period)),
    ].sort();
    if (others.length > 0 && q.scope.period.years.length === 0 && q.scope.period.part === null)
      lines.push(
        `另有${region}${others.join("、")}的数据，可以问“${region}${others[others.length - 1]}主要指标”。`,
      );
  }
  const draft: Draft = { status: "answered", text: lines.join("\n"), facts, book, options: [] };
  const source =
    new Set(all.map((r) => r.source.docId)).size === 1 ? ctx.reader.meta(all[0]!.source.docId)!.title : null;
  return { ...draft, list: { title: lines[0]!.replace(/（据.*$/u, ""), source, items } };
}
