/**
 * Questions about the amount of a change: `城镇居民人均可支配收入增加多少`,
 * `年末常住人口比上年末减少了多少`. Bulletins and work reports publish such amounts beside the
 * growth rate (`城乡居民人均可支配收入分别增加2279元和1762元，分别增长6.3%和9.9%`,
 * `年末常住人口……比上年末增加2.1万人`). Extraction keeps each as a change row: its phrase is the
 * subject followed by the change wording, and it names no indicator, because a change is never
 * the indicator's level. This answers with the change row read from the same statement as a row
 * of the asked indicator, together with the growth that statement publishes for it.
 */
import { indicatorsOfPhrase } from "../indicators/aliases.js";
import type { ParsedQuestion } from "../retrieve/parse-question.js";
import { rowsOfIndicators, rowsOfStatement } from "../retrieve/row-lookup.js";
import { rowInPeriod } from "../retrieve/scope.js";
import type { Fact, IndicatorRow } from "../types.js";
import type { AnswerContext, Draft } from "./answer-question.js";
import { CitationBook } from "./citations.js";
import { citeRow, factOf } from "./compose.js";

/** Wording that asks for the amount of a change: 增加多少, 减少了几户, 净增多少. */
export const ASKS_CHANGE = /(?:增加|减少|净增|净减)了?(?:多少|几)/u;

/** The change wording that ends a change row's phrase: `增加`, `比上年末增加`, `较上年减少`. */
const CHANGE_TAIL = /(?:(?:比|较|同比|与)\p{Script=Han}{0,5}?)?(?:增加|减少|净增|净减)$/u;

/** A change row of one indicator, with the row of the indicator read from the same statement. */
interface ChangeOf {
  change: IndicatorRow;
  of: IndicatorRow;
  /** The change wording as published (`比上年末增加`). */
  tail: string;
}

/** The change rows stated beside the rows of `indicators` in the question's scope. */
export function changeRows(
  q: ParsedQuestion,
  indicators: ReadonlySet<string>,
  docIds: ReadonlySet<string>,
  ctx: AnswerContext,
): ChangeOf[] {
  const rows = ctx.view.artefacts.rows;
  const found = new Map<string, ChangeOf>();
  for (const of of rowsOfIndicators(rows, indicators, docIds)) {
    if (of.nature !== "result" || !rowInPeriod(of, q)) continue;
    for (const change of rowsOfStatement(rows, of)) {
      if (change.indicator !== null || !change.value || change.period !== of.period) continue;
      const tail = CHANGE_TAIL.exec(change.phrase)?.[0];
      if (!tail || found.has(change.id)) continue;
      const subject = change.phrase.slice(0, -tail.length);
      if (indicatorsOfPhrase(ctx.vocabulary, subject).includes(of.indicator!))
        found.set(change.id, { change, of, tail });
    }
  }
  return [...found.values()];
}

/** The change row stated right after `row` about the same subject (`货物进出口顺差29180亿元，比上年增加5932亿元`). */
function changeOfRow(row: IndicatorRow, ctx: AnswerContext): ChangeOf | null {
  for (const change of rowsOfStatement(ctx.view.artefacts.rows, row)) {
    if (change === row || change.indicator !== null || !change.value) continue;
    const tail = CHANGE_TAIL.exec(change.phrase)?.[0];
    if (tail && change.phrase === `${row.phrase}${tail}`) return { change, of: row, tail };
  }
  return null;
}

/** States each change with its subject and the growth published for it, citing the statement. */
function composeChanges(found: readonly ChangeOf[], ctx: AnswerContext): Draft {
  const book = new CitationBook(ctx.view);
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
 * Answers a question asking how much an indicator increased or decreased with the published
 * change amount; null when the question does not ask for one or no statement publishes it (the
 * caller then answers with the level and growth rate).
 */
export function answerChange(
  q: ParsedQuestion,
  indicators: ReadonlySet<string>,
  docIds: ReadonlySet<string>,
  ctx: AnswerContext,
): Draft | null {
  if (!ASKS_CHANGE.test(q.text)) return null;
  const found = changeRows(q, indicators, docIds, ctx);
  return found.length > 0 ? composeChanges(found, ctx) : null;
}

/**
 * For a change question answered by topic: the changes published right after the chosen rows
 * (in their place), or null when the question asks for no change or none is published.
 */
export function answerChangeOfRows(
  q: ParsedQuestion,
  rows: readonly IndicatorRow[],
  ctx: AnswerContext,
): Draft | null {
  if (!ASKS_CHANGE.test(q.text)) return null;
  const found = rows.flatMap((row) => changeOfRow(row, ctx) ?? []);
  return found.length > 0 ? composeChanges(found, ctx) : null;
}
