/**
 * The ratio frames: one figure as a share of another (A占B的比重, A在B中占多少, B里A占比多少,
 * A相当于B的百分之多少), and a share of the subject's implied whole (在职养老保险人数占比).
 * Example corpus: src/understand/corpus/asks.ts.
 */
import type { MarkedText } from "./marks.js";
import { NO_SUBJECT } from "./question.js";
import type { ShapeContext, ShapeReading } from "./shape-types.js";

const RATIO =
  /占(?!比)([^，。？?]+?)(?:的)?(?:比重|比例|份额|百分比|比率|多少|几成|百分之几|多大比例|多大比重)/du;
const RATIO_IN =
  /在([^，。？?]+?)(?:中|里|里面|当中)(?:的)?(?:占比|比重|所占比例|所占比重|份额|占(?:多大|多少)?(?:比例|比重)?)/du;
const RATIO_OF = /相当于([^，。？?]+?)的(?:百分之多少|百分之几|多少|几成|几倍)/du;
/** `新冠疫苗接种的人里60岁以上老人占比多少`: the whole first, then the part. */
const RATIO_AMONG = /^\s*([^，。？?]+?)(?:中|里|里面|当中)(?=[^，。？?]+?(?:的)?(?:占比|比重|所占比例))/du;
/** `在职养老保险人数占比多少`, `税收收入占多大比例`: a share of the subject's whole (its catalogued parent). */
const SHARE =
  /(?:的)?(?:占比|所占比重|所占比例|占(?:多大|多少|几成)(?:的)?(?:比例|比重|份额)?)(?:是|为|有)?(?:多少|几)?$/du;

export function readRatio(text: MarkedText, ctx: ShapeContext): ShapeReading | null {
  const b = text.blanked();
  const among = RATIO_AMONG.exec(b);
  if (among?.indices) {
    const [wholeStart, wholeEnd] = among.indices[1]!;
    const partStart = among.index + among[0].length;
    const share = /(?:的)?(?:占比|比重|所占比例)(?:是|为|有)?(?:多少|几)?/du.exec(b.slice(partStart))!;
    const frameStart = partStart + share.index;
    text.take(wholeEnd, partStart);
    text.take(frameStart, frameStart + share[0].length);
    return {
      ask: { kind: "ratio", part: NO_SUBJECT, whole: NO_SUBJECT },
      sides: { part: [partStart, frameStart], whole: [wholeStart, wholeEnd] },
    };
  }
  const inside = RATIO_IN.exec(b);
  const shared = inside ? null : SHARE.exec(b);
  if (shared && !/占(?!比)/u.test(b.slice(0, shared.index)) && ctx.indicators.length > 0) {
    text.take(shared.index, shared.index + shared[0].length);
    return {
      ask: { kind: "ratio", part: NO_SUBJECT, whole: null },
      sides: { part: [0, shared.index], whole: null },
    };
  }
  const m = inside ?? RATIO_OF.exec(b) ?? RATIO.exec(b);
  if (!m || !m.indices) return null;
  const [frameStart, frameEnd] = m.indices[0]!;
  const [wholeStart, wholeEnd] = m.indices[1]!;
  const clauseStart = Math.max(0, text.text.lastIndexOf("，", frameStart) + 1);
  text.take(frameStart, wholeStart);
  text.take(wholeEnd, frameEnd);
  return {
    ask: { kind: "ratio", part: NO_SUBJECT, whole: NO_SUBJECT },
    sides: { part: [clauseStart, frameStart], whole: [wholeStart, wholeEnd] },
  };
}
