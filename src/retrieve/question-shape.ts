/**
 * The shape of a question beyond one figure, read from its wording (pure):
 * - a ranking or filter over published growth rates (`哪个指标增长最快`, `哪些指标下降了`,
 *   `增速超过两位数的指标`, `哪项增速最低`);
 * - a difference of two rates in 个百分点 or of two values (`高了多少个百分点`, `扩大了几个百分点`);
 * - plan vs result (`目标是多少，实际完成多少`);
 * - several asks in one question (`A、B各多少家`, `多少个X，多少名Y`), split into parts.
 * Examples with the value each must give are in tests/retrieve/question-shape.test.ts.
 */

/** A ranking or filter over growth rates. */
export interface RankQuery {
  /** max: the fastest; min: the slowest; fall: the deepest decline; filter: all that pass. */
  order: "max" | "min" | "fall" | "filter";
  /** For filters: keep rates above (`gt`) or below (`lt`) the threshold (percent). */
  threshold: { op: "gt" | "lt"; percent: number } | null;
  /** The question asks about the opening list of main indicators (公报开头, 主要指标). */
  mainOnly: boolean;
}

const WHICH = /哪个|哪些|哪项|哪一项|哪几|什么指标|哪类|的指标(?:有|是)?[?？]?$/u;
const MAX = /增长最快|增速最快|增速最高|增幅最大|增长最多|涨得最多|涨幅最大|增长幅度最大|最快/u;
const MIN = /增速最低|增长最慢|增速最慢|增幅最小|增长最少|最慢|最低/u;
const FALL = /降得最(?:厉害|多|快)|降幅最大|下降最多|下降最快|跌得最多|降幅最深|下滑最多/u;
const FELL = /下降|负增长|降了|下滑|减少/u;
const THRESHOLD =
  /(?:增速|增幅|增长|涨幅)(?:率)?(?:超过|高于|大于|在|达到|过)?(两位数|\d+(?:\.\d+)?%)(?:以上)?|(两位数)(?:以上)?(?:的)?(?:增长|增速)/u;

/** Reads a ranking or filter question, or null. */
export function parseRankQuery(text: string): RankQuery | null {
  if (!WHICH.test(text)) return null;
  const mainOnly = /主要指标|开头|第一部分|综合/u.test(text);
  if (FALL.test(text)) return { order: "fall", threshold: null, mainOnly };
  if (MAX.test(text)) return { order: "max", threshold: null, mainOnly };
  if (MIN.test(text)) return { order: "min", threshold: null, mainOnly };
  const t = text.match(THRESHOLD);
  if (t) {
    const raw = t[1] ?? t[2]!;
    const percent = raw === "两位数" ? 10 : Number(raw.replace("%", ""));
    return { order: "filter", threshold: { op: "gt", percent }, mainOnly };
  }
  if (/哪些/u.test(text) && /指标|数据|方面/u.test(text) && FELL.test(text))
    return { order: "filter", threshold: { op: "lt", percent: 0 }, mainOnly };
  return null;
}

/** A question asking the difference of two figures. */
export interface DifferenceQuery {
  /** Percentage points between two rates (个百分点), or between two values. */
  points: boolean;
  /** The question compares a result with a target (目标, 要求). */
  againstTarget: boolean;
  /** The question speaks of a fall (降幅): a larger fall is 扩大. */
  fall: boolean;
}

const DIFFERENCE =
  /百分点|(?:相差|差距|差)(?:了)?(?:多少|几|多大|是多少|有多大)|(?:多|少|增加|减少)了(?:多少|几)|(?:增速|增幅|增长率|降幅|涨幅)[^，。？?]*?比[^，。？?]*?(?:高|低|快|慢|多|少|扩大|收窄|缩小|差)|比[^，。？?]*?目标[^，。？?]*?(?:高|低|多|少|超|差)/u;

/** Reads a difference question, or null. */
export function parseDifferenceQuery(text: string): DifferenceQuery | null {
  if (!DIFFERENCE.test(text)) return null;
  return {
    points: /百分点|增速|增幅|增长率|降幅|涨幅|率/u.test(text),
    againstTarget: /目标|要求|计划|预期/u.test(text),
    fall: /降幅/u.test(text),
  };
}

/** Whether a question asks a target and the result together (目标是多少，实际完成多少). */
export function asksPlanAndResult(text: string): boolean {
  return (
    /目标|计划|预期|要求/u.test(text) && /实际|完成|做到|实现|达到了/u.test(text) && !DIFFERENCE.test(text)
  );
}

const ASK = /多少|几/gu;

/**
 * Splits a question that asks several things into parts, each a question of its own (the
 * place and period are added by the caller): `A、B和C各多少人` → [A多少人, B多少人, C多少人];
 * `A和B各有多少户、多少人` → [A多少户, A多少人, B多少户, B多少人]; `多少个X，帮扶了多少名Y` →
 * [多少个X, 帮扶了多少名Y]. One part (or none) when the question asks one thing.
 */
export function splitAsks(body: string): string[] {
  const each = body.match(/^(.+?)各(?:有|是|为)?((?:(?:多少|几)[^、，,？?]{0,4}(?:[、和及]|$))+)[?？]?$/u);
  if (each) {
    const subjects = each[1]!.split(/、|和|及|与|以及/u).filter((s) => s.trim() !== "");
    const asks = each[2]!.split(/[、和及]/u).filter((s) => s.trim() !== "");
    if (subjects.length >= 2 || asks.length >= 2)
      return subjects.flatMap((s) => asks.map((a) => `${s.trim()}${a.trim()}`));
  }
  if ((body.match(ASK) ?? []).length < 2) return [body];
  const clauses = body.split(/[，,；;]|(?<=[?？])/u).map((c) => c.replace(/[?？]$/u, "").trim());
  const asking = clauses.filter((c) => /多少|几/u.test(c));
  return asking.length >= 2 && asking.length === clauses.filter((c) => c !== "").length ? asking : [body];
}
