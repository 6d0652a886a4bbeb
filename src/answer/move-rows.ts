/**
 * The rows of a move within a sentence (`由2021年的166个，减少到现在的43个`): the row it starts
 * at ends its phrase with 由/从, the next row read opens with the verb of the move and 到/至.
 */
import type { IndicatorRow } from "../types.js";
import type { AnswerContext } from "./types.js";

/** The phrase of the figure a move starts from: `…占比已由去年`, `从`; group 1 the time named. */
export const FROM = /(?:由|从)([^，。；、由从]{0,6}?)(?:的)?$/u;
/** The phrase of the figure a move ends at: `提升到目前`, `增加至`; group 1 the time named. */
export const TO =
  /^(?:提升|提高|上升|增加|增长|扩大|下降|降低|减少|缩小|回落|升|降|增)(?:到|至)([^，。；、]{0,6}?)(?:的)?$/u;

/** The row a move from `row` ends at: the next row read, in its statement or the one after. */
export function moveEnd(row: IndicatorRow, ctx: AnswerContext): IndicatorRow | null {
  const statement = ctx.reader.rowsOfStatement(row);
  const later = statement.slice(statement.findIndex((r) => r.id === row.id) + 1);
  const next = later[0] ?? ctx.reader.rowsBeside(row, "after")[0];
  return next?.value && TO.test(next.phrase) ? next : null;
}
