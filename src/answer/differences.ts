/**
 * Differences of two rates (个百分点) or two values — two periods, two indicators, two places,
 * or a result against its target — and plan vs result (目标是多少，实际完成多少; 目标完成了没有).
 * Every figure shown is a published one with its citation; differences are computed exactly
 * in decimal and labelled 计算值; a district's result is set against the city's target only
 * when no own target is published, and then labelled as such.
 */
import { decimalDifference, isSingleNumber } from "../indicators/parse-figure.js";
import { unitAnswers } from "../retrieve/match-rows.js";
import type { Fact, IndicatorRow } from "../types.js";
import type { Question } from "../understand/question.js";
import { CitationBook } from "./citation-book.js";
import { citeRow, computedFact, factOf, growthPart, rowLabel, valueText } from "./compose.js";
import { cityDocsOfYear, evidenceIn, namedIndicators, rowsOf } from "./pick-rows.js";
import { targetInSentence } from "./sentence-target.js";
import { decline, type AnswerContext, type Draft, type Evidence, type Outcome } from "./types.js";

/** A row's growth as a signed number string. */
export const signed = (row: IndicatorRow): string => String(row.growth!.percent);
/** Region and period of a row, as answers name them. */
export const where = (row: IndicatorRow) => `${row.region}${row.period}`;

/** The published growth clause of a row with its basis and bound (增长7%左右). */
export const growthText = growthPart;

/** A row's published figures with their bounds: value (`8%以上`) and growth. */
export function figureText(r: IndicatorRow): string {
  return [valueText(r), growthPart(r)].filter(Boolean).join("，");
}

/** The two figures compared and how: growth rates, or values in one unit. */
function comparable(
  a: IndicatorRow,
  b: IndicatorRow,
  points: boolean,
): { x: string; y: string; unit: string } | null {
  if (points && a.growth && b.growth) return { x: signed(a), y: signed(b), unit: "个百分点" };
  // One unit, or counts of one thing in 个 and its own classifier (20个 and 35处 口袋公园).
  const countOf = (x: string, y: string) => x === "个" && !/^[万亿]/u.test(y) && unitAnswers(x, y);
  const same =
    a.value &&
    b.value &&
    (a.value.canonicalUnit === b.value.canonicalUnit ||
      countOf(a.value.canonicalUnit, b.value.canonicalUnit) ||
      countOf(b.value.canonicalUnit, a.value.canonicalUnit));
  if (a.value && b.value && same) {
    if (!isSingleNumber(a.value.numeral) || !isSingleNumber(b.value.numeral)) return null;
    const unit = a.value.canonicalUnit === "%" ? "个百分点" : a.value.canonicalUnit;
    return { x: a.value.numeral, y: b.value.numeral, unit };
  }
  if (a.growth && b.growth) return { x: signed(a), y: signed(b), unit: "个百分点" };
  return null;
}

/** One line stating a row's figure with its citation. */
export function stateRow(r: IndicatorRow, label: string, book: CitationBook, facts: Fact[]): string {
  const id = citeRow(book, r);
  facts.push(factOf(r, id));
  return `- ${label}：${figureText(r)}[${id}]`;
}

/** The signed difference a − b of two rows, exactly, with its unit; null when not comparable. */
export function differenceOf(
  a: IndicatorRow,
  b: IndicatorRow,
  points: boolean,
): { diff: string; unit: string } | null {
  const c = comparable(a, b, points);
  return c ? { diff: decimalDifference(c.y, c.x), unit: c.unit } : null;
}

/** The computed difference line: `前者比后者高72.8个百分点（计算值…）`. */
export function differenceLine(
  a: IndicatorRow,
  b: IndicatorRow,
  nameA: string,
  nameB: string,
  points: boolean,
  fall: boolean,
  facts: Fact[],
): string | null {
  const d = differenceOf(a, b, points);
  if (!d) return null;
  const { diff, unit } = d;
  const abs = diff.replace(/^-/u, "");
  const negative = diff.startsWith("-");
  const bothFall =
    a.growth && b.growth && a.growth.percent < 0 && b.growth.percent < 0 && unit === "个百分点";
  const verb = /^[0.]+$/u.test(abs)
    ? "持平，相差"
    : fall && bothFall
      ? negative
        ? "降幅扩大"
        : "降幅收窄"
      : unit === "个百分点"
        ? negative
          ? "低"
          : "高"
        : a.period === b.period
          ? negative
            ? "少"
            : "多"
          : negative
            ? "减少"
            : "增加";
  const period = a.period === b.period ? a.period : `${b.period}→${a.period}`;
  facts.push(computedFact({ region: a.region, period }, `${nameA}与${nameB}之差`, diff, unit));
  const source = unit === "个百分点" ? "两个公布的百分比" : "两个公布数";
  return `${nameA}比${nameB}${verb}${abs}${unit}（计算值，由${source}相减得出）。`;
}

/** The result and the target of a question, the target the city's when the district sets none. */
function resultAndTarget(
  q: Question,
  ev: Evidence,
  ctx: AnswerContext,
): { result: IndicatorRow; target: IndicatorRow; note: string } | null {
  const result = rowsOf(q, ev, "result", ctx)[0];
  let target = rowsOf(q, ev, "target", ctx)[0];
  let note = "";
  if (result && !target) {
    target = rowsOf(q, evidenceIn(q, ev, cityDocsOfYear(ev.docIds, ctx), ctx), "target", ctx)[0];
    if (target) note = `（注意：${result.region}未公布自己的目标，这是${target.region}的目标。）`;
  }
  // A target the result's own sentence states (接近11%的预定目标).
  if (result && !target) target = targetInSentence(result, ctx.reader) ?? undefined;
  // A region's result set against another region's target (the city's) is labelled as such.
  if (result && target && result.region !== target.region && note === "")
    note = `（注意：这是${result.region}的实际数与${target.region}的目标相比。）`;
  return result && target ? { result, target, note } : null;
}

/**
 * One figure in two periods (or places), in the order asked: the rows of the figure grouped by
 * their own period (or region), else the best rows of each group of documents.
 */
function twoOf(
  q: Question,
  ev: Evidence,
  ctx: AnswerContext,
  across: "periods" | "places",
): [IndicatorRow, IndicatorRow, string, string] | null {
  const label = (r: IndicatorRow) => (across === "places" ? r.region : r.period);
  const order =
    across === "places" ? q.scope.places.map((p) => p.name) : q.scope.period.years.map((y) => `${y}年`);
  const rank = (key: string) => {
    const i = order.findIndex((o) => key.startsWith(o));
    return i < 0 ? 99 : i;
  };
  const firstPer = (rows: IndicatorRow[]) => [
    ...new Map(rows.reverse().map((r) => [label(r), r] as const)).values(),
  ];
  let rows = firstPer(rowsOf(q, ev, "result", ctx));
  if (rows.length < 2) {
    const groups = new Map<string, Set<string>>();
    for (const id of ev.docIds) {
      const m = ctx.reader.meta(id)!;
      const key = across === "places" ? m.region : m.period;
      groups.set(key, (groups.get(key) ?? new Set()).add(id));
    }
    rows = [...groups.values()].flatMap((ids) =>
      rowsOf(q, evidenceIn(q, ev, ids, ctx), "result", ctx).slice(0, 1),
    );
    rows = firstPer(rows);
  }
  if (rows.length < 2) return null;
  rows.sort((a, b) => rank(label(a)) - rank(label(b)) || label(b).localeCompare(label(a)));
  let [a, b] = [rows[0]!, rows[rows.length - 1]!];
  // Periods: the later minus the earlier (2023年比2022年).
  if (across === "periods" && a.period < b.period) [a, b] = [b, a];
  return [a, b, label(a), label(b)];
}

/** Answers the difference of two figures: two indicators, two periods or places, or result vs target. */
export function difference(q: Question, ev: Evidence, ctx: AnswerContext): Outcome {
  if (q.ask.kind !== "difference") return decline("no difference asked");
  const { between, points, fall } = q.ask;
  let pair: [IndicatorRow, IndicatorRow, string, string] | null = null;
  let note = "";
  const named = namedIndicators(q);
  if (between === "target") {
    const found = resultAndTarget(q, ev, ctx);
    if (found) {
      pair = [found.result, found.target, `${found.result.region}实际`, `${found.target.region}目标`];
      note = found.note;
    }
  } else if (between === "indicators" && named.length >= 2) {
    const rows = rowsOf(q, ev, "result", ctx);
    const a = rows.find((r) => r.indicator === named[0]);
    const b = rows.find((r) => r.indicator === named[1] && r.period === a?.period);
    if (a && b) pair = [a, b, rowLabel(a), rowLabel(b)];
  } else if (between !== "wider") {
    pair = twoOf(q, ev, ctx, between === "places" ? "places" : "periods");
  }
  if (!pair) return decline(`no two published figures to set against each other (${between})`);
  const [a, b, nameA, nameB] = pair;
  const book = new CitationBook(ctx.reader);
  const facts: Fact[] = [];
  const title =
    a.indicator && a.indicator === b.indicator
      ? `${between === "places" ? "" : a.region}${rowLabel(a)}：`
      : `${where(a)}：`;
  const lines = [title, stateRow(a, nameA, book, facts), stateRow(b, nameB, book, facts)];
  const diff = differenceLine(a, b, nameA, nameB, points, fall, facts);
  if (!diff) return decline("the two figures are not in one unit");
  lines.push(diff);
  if (note) lines.push(note);
  return answered(lines, facts, book);
}

const answered = (lines: string[], facts: Fact[], book: CitationBook): Draft => ({
  status: "answered",
  text: lines.join("\n"),
  facts,
  book,
  options: [],
});

/** Whether a result meets a target, judged on the published figures (growth, else value). */
function verdictOf(result: IndicatorRow, target: IndicatorRow): string | null {
  const d = differenceOf(result, target, false);
  if (!d) return null;
  const met = !d.diff.startsWith("-");
  const how = /^[0.]+$/u.test(d.diff.replace(/^-/u, "")) ? "正好达到" : met ? "超过" : "低于";
  return `按公布数比较，实际${how}目标${met ? "，目标已完成" : "，未达到目标"}（判断依据为上列两个公布数）。`;
}

/** Answers a target together with its result (目标是多少，实际完成多少; 目标完成了没有). */
export function planAndResult(q: Question, ev: Evidence, ctx: AnswerContext): Outcome {
  if (q.ask.kind !== "plan") return decline("no plan asked");
  const found = resultAndTarget(q, ev, ctx);
  if (!found) return decline("no published target and result to set side by side");
  const { result, target, note } = found;
  const book = new CitationBook(ctx.reader);
  const facts: Fact[] = [];
  const lines = [
    `${where(result)}${rowLabel(result)}：`,
    stateRow(target, `目标（${target.region}）`, book, facts),
    stateRow(result, "实际", book, facts),
  ];
  const diff = differenceLine(result, target, "实际", "目标", false, false, facts);
  if (diff) lines.push(diff);
  if (q.ask.verdict) {
    const verdict = verdictOf(result, target);
    if (verdict) lines.push(verdict);
  }
  if (note) lines.push(note);
  return answered(lines, facts, book);
}
