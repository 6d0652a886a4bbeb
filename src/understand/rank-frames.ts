/**
 * The ranking frames: indicators ranked or filtered by their published growth (哪个指标增长最快,
 * 有哪些指标是下降的, 增速超过两位数的指标, over a plan's targets too), and the standing a
 * document states (在全市排第几, 排名如何). Example corpus: src/understand/corpus/asks.ts.
 */
import type { MarkedText } from "./marks.js";
import type { Ask } from "./question.js";
import type { ShapeContext, ShapeReading } from "./shape-types.js";

/** A question about a year or a place (哪年, 哪个区): not a ranking of indicators. */
export const WHICH_PERIOD = /哪一?年|哪个年份|哪年度|哪个时期/u;
export const WHICH_PLACE = /哪个(?:区|县|市|地区|地方)|哪[个些]?地区|哪里|哪边/u;

const WHICH_ITEM = /哪个|哪些|哪项|哪一项|哪几|什么指标|哪类|的指标(?:有|是)?$/u;
const RANK_MAX = /增长最快|增速最快|增速最高|增幅最大|增长最多|涨得最多|涨幅最大|增长幅度最大|最快|最高/u;
const RANK_MIN = /增速最低|增长最慢|增速最慢|增幅最小|增长最少|最慢|最低/u;
const RANK_FALL = /降得最(?:厉害|多|快)|降幅最大|下降最多|下降最快|跌得最多|降幅最深|下滑最多/u;
const FELL = /下降|负增长|降了|下滑|减少/u;
const THRESHOLD =
  /(?:增速|增幅|增长|涨幅)?(?:率)?(超过|高于|大于|在|达到|过|低于|小于|不到|不足)(两位数|\d+(?:\.\d+)?%)(?:以上|以下)?|(两位数)(?:以上)?(?:的)?(?:增长|增速)/u;
const RISE = /正增长|增长的|是增长/u;
const MAIN_LIST = /主要指标|主要经济指标|开头|第一部分|综合/u;

export function readRank(text: MarkedText, ctx: ShapeContext): ShapeReading | null {
  const t = text.blanked();
  if (!WHICH_ITEM.test(t) || WHICH_PERIOD.test(t) || WHICH_PLACE.test(t)) return null;
  const mainOnly = MAIN_LIST.test(t);
  const targets = /目标|预期|计划/u.test(t);
  const take = () => {
    text.takeAll(/哪个|哪些|哪项|哪一项|哪几项?|什么|指标|主要|经济|公报|开头|列的|里|中|的|是|有/gu);
  };
  let ask: Ask | null = null;
  if (RANK_FALL.test(t)) ask = { kind: "rank", order: "fall", mainOnly, targets };
  else if (RANK_MAX.test(t)) ask = { kind: "rank", order: "max", mainOnly, targets };
  else if (RANK_MIN.test(t)) ask = { kind: "rank", order: "min", mainOnly, targets };
  else {
    const m = THRESHOLD.exec(t);
    if (m && (m[2] ?? m[3])) {
      const raw = m[2] ?? m[3]!;
      const op = /低于|小于|不到|不足/u.test(m[1] ?? "") ? "lt" : "gt";
      ask = {
        kind: "filter",
        op,
        percent: raw === "两位数" ? 10 : Number(raw.replace("%", "")),
        mainOnly,
        targets,
      };
    } else if (/哪些/u.test(t) && /指标|数据|方面/u.test(t) && FELL.test(t))
      ask = { kind: "filter", op: "lt", percent: 0, mainOnly, targets };
    else if (/哪些/u.test(t) && /指标|数据|方面/u.test(t) && RISE.test(t))
      ask = { kind: "filter", op: "gt", percent: 0, mainOnly, targets };
  }
  if (!ask) return null;
  // Two indicators asked which is higher are a pairwise comparison, not a ranking.
  if (ctx.indicators.length === 2 && ask.kind === "rank" && !/[、，]/u.test(t)) return null;
  take();
  text.takeAll(
    new RegExp(
      `${RANK_FALL.source}|${RANK_MAX.source}|${RANK_MIN.source}|${THRESHOLD.source}|${FELL.source}`,
      "gu",
    ),
  );
  return { ask };
}

const STANDING =
  /(?:在)?(?:全市|全省|全国|全区|同类地区)?(?:中)?(?:排(?:在)?(?:全市|全省|全国)?(?:第几|多少名|几名|前几|什么位置)|排名(?:第几|如何|怎么样|怎样|多少|情况|靠前吗|怎么样了)?|位列第几|排位|名次)/gu;

export function readStanding(text: MarkedText): ShapeReading | null {
  if (text.takeAll(STANDING).length === 0) return null;
  return { ask: { kind: "standing" } };
}
