/**
 * Which is higher, and rankings: indicators ranked by their published growth (哪个指标增长最快,
 * 哪些指标下降了, 增速超过两位数的指标) among a document's main indicators or those named; and one
 * figure across the periods or places held, or two indicators (哪年高, A和B哪个高, 哪个区最多).
 * Every figure is published and cited; a difference is computed and labelled 计算值.
 */
import { rowInPeriod } from "../retrieve/question-scope.js";
import type { Fact, IndicatorRow } from "../types.js";
import type { Question } from "../understand/question.js";
import { CitationBook } from "./citation-book.js";
import { citeRow, computedFact, factOf, rowLabel } from "./compose.js";
import { differenceOf, growthText, stateRow, where } from "./differences.js";
import { evidenceIn, namedIndicators, rowsOf } from "./pick-rows.js";
import { decline, type AnswerContext, type DraftList, type Evidence, type Outcome } from "./types.js";

/** The rows of a document's opening list: the section holding most canonical rows. */
function mainSectionRows(rows: IndicatorRow[]): IndicatorRow[] {
  const bySection = new Map<string, number>();
  for (const r of rows) bySection.set(r.source.sectionId, (bySection.get(r.source.sectionId) ?? 0) + 1);
  const mainOf = new Map<string, string>();
  for (const [section, n] of bySection) {
    const doc = rows.find((r) => r.source.sectionId === section)!.source.docId;
    const current = mainOf.get(doc);
    if (!current || n > bySection.get(current)!) mainOf.set(doc, section);
  }
  return rows.filter((r) => mainOf.get(r.source.docId) === r.source.sectionId);
}

/** First row per region, period and indicator (document order). */
export function firstPerIndicator(rows: IndicatorRow[]): IndicatorRow[] {
  const seen = new Set<string>();
  return rows.filter((r) => {
    const key = `${r.region}|${r.period}|${r.indicator}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The main indicators' rows of the latest place-and-period in scope (or the named ones). */
export function mainRows(
  q: Question,
  ev: Evidence,
  ctx: AnswerContext,
  keep: (r: IndicatorRow) => boolean,
): IndicatorRow[] {
  let rows = ctx.reader
    .indicatorRowsOfDocs(ev.docIds)
    .filter((r) => rowInPeriod(r, q.scope.period) && !r.period.includes("—") && keep(r));
  const named = namedIndicators(q);
  // A plan lists its targets one to a section: all of them count; a bulletin's main list is one section.
  const targets = rows.length > 0 && rows.every((r) => r.nature === "target");
  rows = firstPerIndicator(
    named.length >= 2
      ? rows.filter((r) => named.includes(r.indicator!))
      : targets
        ? rows
        : mainSectionRows(rows),
  );
  // One place and period: the latest period held when the question names none.
  if (new Set(rows.map((r) => r.region)).size !== 1) return [];
  const latest = rows
    .map((r) => r.period)
    .sort()
    .pop();
  return rows.filter((r) => r.period === latest);
}

/**
 * A growth clause where declines are listed: a negative growth published as `同比增长-26.4%` is
 * said `同比下降26.4%` (the citation keeps the published wording).
 */
const listedGrowth = (row: IndicatorRow): string => growthText(row).replace(/增长\s*[-−](?=\d)/u, "下降");

/** Ranks or filters the published growth rates of the main (or named) indicators in scope. */
export function rankGrowth(q: Question, ev: Evidence, ctx: AnswerContext): Outcome {
  const ask = q.ask;
  if (ask.kind !== "rank" && ask.kind !== "filter") return decline("no ranking asked");
  const nature = ask.targets ? "target" : "result";
  const rows = mainRows(q, ev, ctx, (r) => r.growth !== null && r.nature === nature);
  if (rows.length === 0) return decline("no published growth rates of main indicators in scope");
  const sorted = [...rows].sort((a, b) => b.growth!.percent - a.growth!.percent);
  const book = new CitationBook(ctx.reader);
  const facts: Fact[] = [];
  const items: DraftList["items"] = [];
  const item = (r: IndicatorRow) => {
    const id = citeRow(book, r);
    facts.push(factOf(r, id));
    items.push({
      label: `${rowLabel(r)}：${listedGrowth(r)}`,
      citation: id,
      ref: { indicator: rowLabel(r), region: r.region, period: r.period },
    });
    return `- ${rowLabel(r)}：${listedGrowth(r)}[${id}]`;
  };
  const named = namedIndicators(q).length >= 2;
  const head = `${where(rows[0]!)}${named ? `所问${rows.length}项指标` : ask.targets ? "主要预期目标" : "主要指标"}`;
  const lines: string[] = [];
  if (ask.kind === "filter") {
    const kept = sorted.filter((r) =>
      ask.op === "gt" ? r.growth!.percent >= ask.percent : r.growth!.percent < ask.percent,
    );
    const what =
      ask.op === "lt"
        ? ask.percent === 0
          ? "下降的"
          : `增速低于${ask.percent}%的`
        : ask.percent === 0
          ? "增长的"
          : ask.percent === 10
            ? "增速达到两位数的"
            : `增速超过${ask.percent}%的`;
    if (kept.length === 0) lines.push(`${head}中没有${what}（共查看${rows.length}项公布增速）。`);
    else lines.push(`${head}中${what}有${kept.length}项：`, ...kept.map(item));
  } else {
    const pick = ask.order === "max" ? sorted[0]! : sorted[sorted.length - 1]!;
    if (ask.order === "fall" && pick.growth!.percent >= 0)
      lines.push(`${head}中没有下降的，增速最低的是${rowLabel(pick)}。`);
    const word = ask.order === "max" ? "增长最快" : ask.order === "fall" ? "降幅最大" : "增速最低";
    const id = citeRow(book, pick);
    lines.push(
      `${head}中${word}的是${rowLabel(pick)}，${listedGrowth(pick)}[${id}]。`,
      "各项公布增速（由高到低）：",
    );
    lines.push(...sorted.map(item));
  }
  const list: DraftList = {
    title: head,
    source: ctx.reader.meta(rows[0]!.source.docId)?.title ?? null,
    items,
  };
  return { status: "answered", text: lines.join("\n"), facts, book, options: [], list };
}

/** The figure compared: the value in one unit, else the growth rate. */
function figureOf(r: IndicatorRow, growth: boolean): number | null {
  if (growth) return r.growth?.percent ?? null;
  return r.value?.number ?? null;
}

/** The candidates of a which-question: one row per period, place or indicator. */
function candidates(
  q: Question,
  ev: Evidence,
  ctx: AnswerContext,
  across: "periods" | "places" | "indicators" | "topics",
): IndicatorRow[] {
  const named = namedIndicators(q);
  if (across === "topics") {
    const items = q.ask.kind === "which" ? (q.ask.items ?? []) : [];
    return items.flatMap((item) => rowsOf({ ...q, subject: item }, ev, "result", ctx).slice(0, 1));
  }
  if (across === "indicators") {
    const rows = rowsOf(q, ev, "result", ctx);
    return named.flatMap((n) => rows.find((r) => r.indicator === n) ?? []);
  }
  const keyOf = (id: string) =>
    across === "places" ? ctx.reader.meta(id)!.region : ctx.reader.meta(id)!.period;
  const groups = new Map<string, Set<string>>();
  for (const id of ev.docIds) groups.set(keyOf(id), (groups.get(keyOf(id)) ?? new Set()).add(id));
  const out: IndicatorRow[] = [];
  for (const [key, ids] of groups) {
    const rows = rowsOf(q, evidenceIn(q, ev, ids, ctx), "result", ctx);
    const own = across === "periods" ? rows.filter((r) => r.period === key) : rows;
    const row = (own.length > 0 ? own : rows)[0];
    if (row && !out.some((o) => where(o) === where(row))) out.push(row);
  }
  return out.sort((a, b) => a.period.localeCompare(b.period) || a.region.localeCompare(b.region));
}

/** Which of the periods, places or indicators held is higher (or lower). */
export function whichIsHigher(q: Question, ev: Evidence, ctx: AnswerContext): Outcome {
  if (q.ask.kind !== "which") return decline("no which-is-higher asked");
  const { across, direction } = q.ask;
  let growth = q.ask.measure === "growth";
  const rows = candidates(q, ev, ctx, across);
  if (!growth && rows.some((r) => !r.value) && rows.every((r) => r.growth)) growth = true;
  const units = new Set(rows.map((r) => r.value?.canonicalUnit));
  if (!growth && units.size > 1) return decline("the values are in different units");
  const comparable = rows.filter((r) => figureOf(r, growth) !== null);
  if (comparable.length < 2) return decline(`fewer than two published figures across ${across}`);
  const sorted = [...comparable].sort((a, b) => figureOf(b, growth)! - figureOf(a, growth)!);
  const pick = direction === "higher" ? sorted[0]! : sorted[sorted.length - 1]!;
  const other = direction === "higher" ? sorted[sorted.length - 1]! : sorted[0]!;
  const name = (r: IndicatorRow) =>
    across === "periods" ? r.period : across === "places" ? `${r.region}（${r.period}）` : rowLabel(r);
  const book = new CitationBook(ctx.reader);
  const facts: Fact[] = [];
  const subject =
    across === "indicators" || across === "topics"
      ? where(pick)
      : `${across === "places" ? "" : pick.region}${rowLabel(pick)}`;
  const what = growth ? "增速" : "";
  const lines = [`${subject}${what}：`, ...sorted.map((r) => stateRow(r, name(r), book, facts))];
  const percent = growth || pick.value?.canonicalUnit === "%";
  const word =
    direction === "higher"
      ? growth
        ? "增长更快"
        : percent
          ? "更高"
          : "更多"
      : growth
        ? "增长更慢"
        : percent
          ? "更低"
          : "更少";
  const most = word.replace("更", "最");
  const tie = figureOf(pick, growth) === figureOf(other, growth);
  lines.push(
    tie ? `${name(pick)}与${name(other)}持平。` : `${name(pick)}${sorted.length > 2 ? most : word}。`,
  );
  const d = differenceOf(pick, other, growth);
  if (d && !tie) {
    const abs = d.diff.replace(/^-/u, "");
    const points = d.unit === "个百分点";
    const verb = d.diff.startsWith("-") ? (points ? "低" : "少") : points ? "高" : "多";
    const source = points ? "两个公布的百分比" : "两个公布数";
    lines.push(`${name(pick)}比${name(other)}${verb}${abs}${d.unit}（计算值，由${source}相减得出）。`);
    facts.push(computedFact(pick, `${name(pick)}与${name(other)}之差`, d.diff, d.unit));
  }
  if (across === "places" && new Set(sorted.map((r) => r.period)).size > 1)
    lines.push("注意：各地区公布的时期不同，比较仅供参考。");
  return { status: "answered", text: lines.join("\n"), facts, book, options: [] };
}
