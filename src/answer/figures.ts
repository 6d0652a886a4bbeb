/**
 * Figures of the indicators a question names, from the indicator table: one line per row, or
 * period by period for a comparison; results unless a target is asked; a question that names no
 * region while the rows come from several gets `clarify` listing them. Also the published
 * amount of a change (`增加多少`), read from the statement that states the indicator.
 */
import { indicatorsOfPhrase } from "../indicators/aliases.js";
import { dedupeRows } from "../retrieve/match-rows.js";
import type { Fact, IndicatorRow } from "../types.js";
import { indicatorNames, type Question } from "../understand/question.js";
import { CitationBook } from "./citation-book.js";
import { citeRow, composeComparison, composeRows, factOf, rowLabel } from "./compose.js";
import { withGrowthAfter } from "./growth-after.js";
import { decline, type AnswerContext, type Draft, type Evidence, type Outcome } from "./types.js";

/**
 * The rows of the nature asked: targets for a target question (those stating a growth when a
 * growth is asked: 增长目标 is never a level set elsewhere), else results (targets when none).
 */
export function byNature(q: Question, rows: readonly IndicatorRow[]): IndicatorRow[] {
  const ask = q.ask;
  if (ask.kind === "value" && ask.nature === "target") {
    const targets = rows.filter((r) => r.nature === "target");
    const growths = targets.filter((r) => r.growth);
    return ask.growth && growths.length > 0 ? growths : targets;
  }
  const results = rows.filter((r) => r.nature === "result");
  // A question that asks what was achieved (完成了多少) is not answered with a target.
  if (results.length === 0 && ask.kind === "value" && ask.achieved) return [];
  return results.length > 0 ? results : [...rows];
}

/** Rows from more than one region when the question named none: ask which. */
function clarifyRegions(q: Question, rows: IndicatorRow[]): Draft | null {
  const regions = [...new Set(rows.map((r) => r.region))];
  if (q.scope.places.length > 0 || regions.length < 2) return null;
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
export function answerRows(q: Question, rows: IndicatorRow[], ctx: AnswerContext): Draft {
  const clarify = clarifyRegions(q, rows);
  if (clarify) return clarify;
  if (q.ask.kind === "compare" && q.ask.across === "places") return comparePlaces(q, rows, ctx);
  const book = new CitationBook(ctx.reader);
  const periods = new Set(rows.map((r) => r.period));
  const lines: string[] = [];
  const facts: Fact[] = [];
  const compare = q.ask.kind === "compare";
  if (compare && periods.size >= 2) {
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
    if (compare) {
      const asked = q.scope.period.years
        .map((y) => `${y}年`)
        .filter((p) => ![...periods].some((have) => have.startsWith(p)));
      if (asked.length > 0) lines.push(`已收录的文件中没有${asked.join("、")}的该项数据，无法比较。`);
    }
  }
  return { status: "answered", text: lines.join("\n"), facts, book, options: [] };
}

/** Places side by side: each place's latest published figure, the periods said when they differ. */
function comparePlaces(q: Question, rows: IndicatorRow[], ctx: AnswerContext): Draft {
  const latest = new Map<string, IndicatorRow>();
  for (const r of rows) {
    const key = `${r.region}|${rowLabel(r)}`;
    const held = latest.get(key);
    if (!held || r.period > held.period) latest.set(key, r);
  }
  const order = (r: IndicatorRow) => q.scope.places.findIndex((p) => p.name === r.region);
  const chosen = [...latest.values()].sort((a, b) => order(a) - order(b));
  const book = new CitationBook(ctx.reader);
  const part = composeRows(chosen, book);
  const periods = [...new Set(chosen.map((r) => r.period))];
  const note =
    periods.length > 1 ? [`注意：各地区公布的时期不同（${periods.join("、")}），比较仅供参考。`] : [];
  return {
    status: "answered",
    text: [...part.lines, ...note].join("\n"),
    facts: part.facts,
    book,
    options: [],
  };
}

/** The figures of the named indicators in the period asked (results, or targets when asked). */
export function indicatorFigures(q: Question, ev: Evidence, ctx: AnswerContext): Outcome {
  if (q.subject.indicators.length === 0) return decline("no indicator named");
  // A value's own rate written after it, which the table did not join (`1720亿元，比增9.8%`).
  const rows = dedupeRows(byNature(q, ev.rows.named)).map((r) =>
    r.nature === "result" ? withGrowthAfter(r, ctx.reader, true) : r,
  );
  if (rows.length === 0)
    return decline(
      `no ${q.ask.kind === "value" && q.ask.nature === "target" ? "target" : "result"} rows of ${indicatorNames(q.subject).join("、")} in the period asked`,
    );
  return answerRows(q, rows, ctx);
}

/** The change wording that ends a change row's phrase: `增加`, `比上年末增加`, `较上年减少`. */
const CHANGE_TAIL = /(?:(?:比|较|同比|与)\p{Script=Han}{0,5}?)?(?:增加|减少|净增|净减)$/u;

/** A change row of one indicator, with the row of the indicator read from the same statement. */
interface ChangeOf {
  change: IndicatorRow;
  of: IndicatorRow;
  /** The change wording as published (`比上年末增加`). */
  tail: string;
}

/** The change rows stated beside the given rows (of a named indicator, or the rows themselves). */
function changesBeside(
  rows: readonly IndicatorRow[],
  ctx: AnswerContext,
  sameSubject: (change: IndicatorRow, of: IndicatorRow, subject: string) => boolean,
): ChangeOf[] {
  const found = new Map<string, ChangeOf>();
  for (const of of rows) {
    if (of.nature !== "result") continue;
    for (const change of ctx.reader.rowsOfStatement(of)) {
      if (change === of || change.indicator !== null || !change.value || change.period !== of.period)
        continue;
      const tail = CHANGE_TAIL.exec(change.phrase)?.[0];
      if (!tail || found.has(change.id)) continue;
      if (sameSubject(change, of, change.phrase.slice(0, -tail.length)))
        found.set(change.id, { change, of, tail });
    }
  }
  return [...found.values()];
}

/** States each change with its subject and the growth published for it, citing the statement. */
function composeChanges(found: readonly ChangeOf[], ctx: AnswerContext): Draft {
  const book = new CitationBook(ctx.reader);
  const lines: string[] = [];
  const facts: Fact[] = [];
  for (const { change, of, tail } of found) {
    const id = citeRow(book, change);
    const subject = `${of.indicator ?? of.phrase}${tail}`;
    const growth = of.growth ? `，${of.growth.text}` : "";
    lines.push(`${change.region}${change.period}${subject}${change.value!.text}${growth}[${id}]。`);
    facts.push({
      ...factOf(change, id),
      indicator: subject,
      growth: of.growth?.text ?? null,
      growthPercent: of.growth?.percent ?? null,
    });
  }
  return { status: "answered", text: lines.join("\n"), facts, book, options: [] };
}

/**
 * `城镇居民人均可支配收入增加多少`: the change published beside a named indicator
 * (`分别增加2279元和1762元`, `比上年末减少0.4万人`), with its growth; declines when none is
 * published (the figures then answer with the level and growth rate).
 */
export function publishedChange(q: Question, ev: Evidence, ctx: AnswerContext): Outcome {
  if (q.ask.kind !== "change") return decline("no change asked");
  if (q.subject.indicators.length === 0) return decline("no indicator named");
  const names = indicatorNames(q.subject);
  const found = changesBeside(
    ev.rows.named,
    ctx,
    (_c, of, subject) =>
      indicatorsOfPhrase(ctx.lexicon.vocabulary, subject).includes(of.indicator!) &&
      names.includes(of.indicator!),
  );
  return found.length > 0 ? composeChanges(found, ctx) : decline("no change published beside the indicator");
}

/** For a change asked by topic: the changes published right after the chosen rows, or null. */
export function changeOfRows(q: Question, rows: readonly IndicatorRow[], ctx: AnswerContext): Draft | null {
  if (q.ask.kind !== "change") return null;
  const found = changesBeside(rows, ctx, (_change, of, subject) => subject === of.phrase);
  return found.length > 0 ? composeChanges(found, ctx) : null;
}
