/**
 * Differences of two rates (个百分点) or two values, and plan vs result. Every figure shown is a
 * published one with its citation; differences are computed exactly in decimal and labelled
 * 计算值; a district's result is compared with the city's target only when no own target is
 * published, and then labelled as such.
 */
import { decimalDifference, isSingleNumber } from "../indicators/parse-figure.js";
import type { ParsedQuestion } from "../retrieve/parse-question.js";
import type { DifferenceQuery } from "../retrieve/question-shape.js";
import type { Fact, IndicatorRow } from "../types.js";
import type { AnswerContext, Draft } from "./answer-question.js";
import { CitationBook } from "./citations.js";
import { citeRow, factOf, rowLabel } from "./compose.js";
import { growthText, namedIndicators, rowsOf, signed, where } from "./indicator-questions.js";

/** City-level documents of the same year as the given ones (for a district's target). */
function cityDocsOfYear(docIds: Set<string>, ctx: AnswerContext): Set<string> {
  const years = new Set(
    ctx.view
      .metas()
      .filter((m) => docIds.has(m.id))
      .map((m) => m.year),
  );
  return new Set(
    ctx.view
      .metas()
      .filter((m) => m.district === null && years.has(m.year) && !docIds.has(m.id))
      .map((m) => m.id),
  );
}

/** The two figures compared and how: growth rates, or values in one unit. */
function comparable(
  a: IndicatorRow,
  b: IndicatorRow,
  points: boolean,
): { x: string; y: string; unit: string } | null {
  if (points && a.growth && b.growth) return { x: signed(a), y: signed(b), unit: "个百分点" };
  if (a.value && b.value && a.value.canonicalUnit === b.value.canonicalUnit) {
    if (!isSingleNumber(a.value.numeral) || !isSingleNumber(b.value.numeral)) return null;
    const unit = a.value.canonicalUnit === "%" ? "个百分点" : a.value.canonicalUnit;
    return { x: a.value.numeral, y: b.value.numeral, unit };
  }
  if (a.growth && b.growth) return { x: signed(a), y: signed(b), unit: "个百分点" };
  return null;
}

/** One line stating a row's figure with its citation. */
function stateRow(r: IndicatorRow, label: string, book: CitationBook, facts: Fact[]): string {
  const id = citeRow(book, r);
  facts.push(factOf(r, id));
  const figure = [r.value?.text, r.growth ? growthText(r) : ""].filter(Boolean).join("，");
  return `- ${label}：${figure}[${id}]`;
}

/** The computed difference line: `前者比后者高72.8个百分点（计算值…）`. */
function differenceLine(
  a: IndicatorRow,
  b: IndicatorRow,
  nameA: string,
  nameB: string,
  d: DifferenceQuery,
  facts: Fact[],
): string | null {
  const c = comparable(a, b, d.points);
  if (!c) return null;
  const diff = decimalDifference(c.y, c.x); // a − b
  const abs = diff.replace(/^-/u, "");
  const negative = diff.startsWith("-");
  const bothFall =
    a.growth && b.growth && a.growth.percent < 0 && b.growth.percent < 0 && c.unit === "个百分点";
  const verb = /^[0.]+$/u.test(abs)
    ? "持平，相差"
    : d.fall && bothFall
      ? negative
        ? "降幅扩大"
        : "降幅收窄"
      : c.unit === "个百分点"
        ? negative
          ? "低"
          : "高"
        : // Two periods of one figure grew or shrank; two figures of one period differ.
          a.period === b.period
          ? negative
            ? "少"
            : "多"
          : negative
            ? "减少"
            : "增加";
  facts.push({
    region: a.region,
    period: a.period === b.period ? a.period : `${b.period}→${a.period}`,
    indicator: `${nameA}与${nameB}之差`,
    value: `${diff}${c.unit}`,
    number: Number(diff),
    unit: c.unit,
    growth: null,
    growthPercent: null,
    nature: "result",
    computed: true,
    citation: null,
  });
  const source = c.unit === "个百分点" ? "两个公布的百分比" : "两个公布数";
  return `${nameA}比${nameB}${verb}${abs}${c.unit}（计算值，由${source}相减得出）。`;
}

/** Answers the difference of two figures: two indicators, two periods, or result vs target. */
export async function answerDifference(
  q: ParsedQuestion,
  d: DifferenceQuery,
  docIds: Set<string>,
  terms: string[],
  ctx: AnswerContext,
): Promise<Draft | null> {
  const named = namedIndicators(q, ctx);
  let pair: [IndicatorRow, IndicatorRow, string, string] | null = null;
  let note = "";
  if (d.againstTarget) {
    const result = (await rowsOf(q, terms, docIds, "result", ctx))[0];
    let target = (await rowsOf(q, terms, docIds, "target", ctx))[0];
    if (result && !target) target = (await rowsOf(q, terms, cityDocsOfYear(docIds, ctx), "target", ctx))[0];
    // A region's result set against another region's target (the city's) is labelled as such.
    if (result && target && result.region !== target.region)
      note = `（注意：这是${result.region}的实际数与${target.region}的目标相比。）`;
    if (result && target) pair = [result, target, `${result.region}实际`, `${target.region}目标`];
  } else if (named.length >= 2) {
    const rows = await rowsOf(q, terms, docIds, "result", ctx);
    const a = rows.find((r) => r.indicator === named[0]);
    const b = rows.find((r) => r.indicator === named[1] && r.period === a?.period);
    if (a && b) pair = [a, b, rowLabel(a), rowLabel(b)];
  } else {
    // One figure in two periods: the best rows of each period's documents.
    const byPeriod = new Map<string, Set<string>>();
    for (const m of ctx.view.metas().filter((m) => docIds.has(m.id)))
      byPeriod.set(m.period, (byPeriod.get(m.period) ?? new Set()).add(m.id));
    const periods = [...byPeriod.keys()].sort();
    if (periods.length >= 2) {
      const later = (await rowsOf(q, terms, byPeriod.get(periods[periods.length - 1]!)!, "result", ctx))[0];
      const earlier = (await rowsOf(q, terms, byPeriod.get(periods[0]!)!, "result", ctx))[0];
      if (later && earlier) pair = [later, earlier, later.period, earlier.period];
    }
  }
  if (!pair) return null;
  const [a, b, nameA, nameB] = pair;
  const book = new CitationBook(ctx.view);
  const facts: Fact[] = [];
  const title = a.indicator && a.indicator === b.indicator ? `${a.region}${rowLabel(a)}：` : `${where(a)}：`;
  const lines = [title, stateRow(a, nameA, book, facts), stateRow(b, nameB, book, facts)];
  const diff = differenceLine(a, b, nameA, nameB, d, facts);
  if (!diff) return null;
  lines.push(diff);
  if (note) lines.push(note);
  return { status: "answered", text: lines.join("\n"), facts, book, options: [] };
}

/** Answers a target together with its result (目标是多少，实际完成多少). */
export async function answerPlanAndResult(
  q: ParsedQuestion,
  docIds: Set<string>,
  terms: string[],
  ctx: AnswerContext,
): Promise<Draft | null> {
  const result = (await rowsOf(q, terms, docIds, "result", ctx))[0];
  let target = (await rowsOf(q, terms, docIds, "target", ctx))[0];
  let note = "";
  if (result && !target) {
    target = (await rowsOf(q, terms, cityDocsOfYear(docIds, ctx), "target", ctx))[0];
    if (target) note = `（注意：${result.region}未公布自己的目标，这是${target.region}的目标。）`;
  }
  if (!result || !target) return null;
  const book = new CitationBook(ctx.view);
  const facts: Fact[] = [];
  const lines = [
    `${where(result)}${rowLabel(result)}：`,
    stateRow(target, `目标（${target.region}）`, book, facts),
    stateRow(result, "实际", book, facts),
  ];
  const diff = differenceLine(
    result,
    target,
    "实际",
    "目标",
    { points: false, againstTarget: true, fall: false },
    facts,
  );
  if (diff) lines.push(diff);
  if (note) lines.push(note);
  return { status: "answered", text: lines.join("\n"), facts, book, options: [] };
}
