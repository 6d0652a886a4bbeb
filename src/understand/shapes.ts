/**
 * The shape grammar: the frame a question is asked in decides its {@link Ask}, and the frame's
 * words are taken so they never reach the topic. Frames, first match wins:
 *   rank / filter   哪个指标增长最快, 有哪些指标是下降的, 增速超过两位数的指标
 *   which           A和B哪个高, 哪年GDP最高, 哪个区社零多, 是A高还是B高
 *   plan            目标是多少，实际完成多少; 目标完成了没有, 是否达到目标
 *   difference      A比B高多少(个百分点), 相差多少, 少了几项, 降幅扩大了几个百分点
 *   ratio           A占B的比重, A在B中的占比
 *   compare         对比, 比较, 变化, 这两年, two years or two places
 *   change          增加多少, 减少了几户
 *   growth          增速, 增长率, 同比增长多少
 *   target          目标, 预期, 计划
 *   briefing        a place and period with nothing asked but 经济/情况/主要指标/概况
 *   general         哪些, 情况, 措施, 怎样 without a figure asked
 *   value           anything else
 * Example corpus: src/understand/corpus/shapes.ts.
 */
import { MEASURE_WORDS } from "./measure.js";
import type { MarkedText } from "./marks.js";
import { readRank, readStanding, WHICH_PERIOD, WHICH_PLACE } from "./rank-frames.js";
import { readRatio } from "./ratio-frames.js";
import type { ShapeContext, ShapeReading } from "./shape-types.js";
import type { Ask, Measure } from "./question.js";

const GROWTH_CUE = /增速|增长率|增幅|涨幅|降幅|增长|快|慢/u;
const HIGHER = /高|大|多|快|好|强|领先/u;

// --- which is higher -------------------------------------------------------------------------
const WHICH_PAIR =
  /(哪个|哪一个|哪项|哪一项|谁|哪一?年|哪个年份|哪个(?:区|县|市|地区)|哪里)([^，。？?哪]{0,6}?)((?:更|比较|相对)?(?:高|大|多(?!少)|快|好|强|低|小|(?<!多)少|慢|差|弱)(?:一些|一点|些)?)|(?:更|最)(?:高|大|多|快|好|低|小|少|慢)(?:的)?(?:是)?(?:哪一?年|哪个(?:区|县|市|地区)?|哪项|谁)/du;
/** Coordinated topics compared (普通食品和食用农产品): two or more, each of two characters or more. */
const COORDINATED = /[和与及、跟]|以及/gu;
const EITHER_OR = /(?:是)?(.+?)(高|大|多|快|低|少|慢)还是(.+?)(高|大|多|快|低|少|慢)/u;

function readWhich(text: MarkedText, ctx: ShapeContext): ShapeReading | null {
  const t = text.blanked();
  const pair = WHICH_PAIR.exec(t);
  const either = pair ? null : EITHER_OR.exec(t);
  if (!pair && !either) return null;
  const frame = (pair ?? either)![0];
  let across: "periods" | "places" | "indicators" | "topics";
  let sides: ShapeReading["items"];
  if (WHICH_PERIOD.test(frame) || ctx.period.years.length >= 2 || ctx.period.every) across = "periods";
  else if (WHICH_PLACE.test(frame) || ctx.places.length >= 2) across = "places";
  else if (ctx.indicators.length >= 2) across = "indicators";
  else if (/哪一?年/u.test(t)) across = "periods";
  else {
    // Topics coordinated before the frame: 普通食品和食用农产品哪个…多.
    const end = pair ? pair.index : 0;
    const start = t.slice(0, end).search(/\S/u);
    const items: Array<[number, number]> = [];
    let from = start;
    for (const m of t.slice(0, end).matchAll(COORDINATED)) {
      if (m.index! > from) items.push([from, m.index!]);
      from = m.index! + m[0].length;
    }
    if (from < end) items.push([from, end]);
    if (start < 0 || items.length < 2 || items.some(([a, b]) => t.slice(a, b).trim().length < 2)) return null;
    across = "topics";
    sides = items;
  }
  const measure: Measure = GROWTH_CUE.test(t) ? "growth" : "value";
  const direction = HIGHER.test(either ? either[2]! : (pair?.[3] ?? frame)) ? "higher" : "lower";
  if (pair?.indices && pair[1]) {
    // The which-word and the comparative go; what stands between them (抽样批次) is the subject.
    text.take(...pair.indices[1]!);
    text.take(...pair.indices[3]!);
  }
  text.takeAll(
    /还是|相比|比较|之间|两者|两个|二者|和|与|跟|增速|增长率|增幅|增长|涨幅|(?:高|大|多|快|低|少|慢)(?=还是|$)/gu,
  );
  return { ask: { kind: "which", across, measure, direction }, ...(sides ? { items: sides } : {}) };
}

// --- plan vs result --------------------------------------------------------------------------
const VERDICT =
  /(?:目标|任务|计划)[^，。？?]{0,6}?(?:完成|达到|实现|达成)(?:了)?(?:没有|没|吗|与否)|(?:是否|有没有|能否|有无)(?:已经)?(?:完成|达到|实现|达成|超过)[^，。？?]{0,12}?(?:目标|任务|计划)?|(?:完成|达到|实现|达成|超过|超额完成)(?:了)?[^，。？?多几]{0,12}?(?:目标|任务|计划)(?:了)?(?:没有|没|吗|与否)|目标(?:完成得?)?(?:怎么样|如何|情况)|(?:完成|达到|实现)(?:了)?(?:没有|吗|没)$|双过半/u;
const TARGET_WORD = /目标|计划|预期|要求/u;
const RESULT_WORD = /实际|做到|实现|达到了|完成/u;
const PLAN_WORDS =
  /[“"]?双过半[”"]?(?:目标)?|(?:年度|全年)?的?(?:目标|计划|预期|要求)(?:值)?(?:是|为)?|(?:实际上?|最终)?(?:完成|做到|实现|达到|达成)(?:了|得)?(?:情况)?|没有|没|与否|是否|有没有|吗/gu;

/** The text with the indicator names blanked (实际 in 实际利用外资 is no word of a frame). */
function withoutNames(t: string, ctx: ShapeContext): string {
  let out = t;
  for (const m of ctx.indicators)
    out = out.slice(0, m.start) + " ".repeat(m.end - m.start) + out.slice(m.end);
  return out;
}

function readPlan(text: MarkedText, ctx: ShapeContext): ShapeReading | null {
  const t = withoutNames(text.blanked(), ctx);
  const verdict = VERDICT.test(t);
  if (!verdict && !(TARGET_WORD.test(t) && RESULT_WORD.test(t) && !DIFFERENCE.test(t))) return null;
  text.takeAll(new RegExp(VERDICT.source, "gu"));
  text.takeAll(PLAN_WORDS);
  return { ask: { kind: "plan", verdict } };
}

// --- difference ------------------------------------------------------------------------------
const DIFFERENCE =
  /百分点|(?:比|较)(?:上年|去年|上一年)末?(?:多|少|高|低|快|慢)(?:出|了)?(?:多少|几)|(?:扩大|收窄|缩小)了?(?:多少|几)|(?:相差|差距|差)(?:了)?(?:多少|几|多大|是多少|有多大)|(?<![增减])(?:多|少)了(?:多少|几)|(?:增速|增幅|增长率|降幅|涨幅)[^，。？?]*?比[^，。？?]*?(?:高|低|快|慢|多|少|扩大|收窄|缩小|差)|(?<!占|百分|对|相|之)比(?!上年|去年|同期)[^，。？?]*?(?<![增减])(?:高|低|快|慢|多|少|大|小)(?:出|了)?(?:多少|几)|(?<!占|百分|对|相|之)比[^，。？?]*?目标[^，。？?]*?(?:高|低|多|少|超|差)/u;
const DIFFERENCE_FRAME = new RegExp(
  `(?:比|较)(?:上年|去年|上一年)末?(?:多|少|高|低|快|慢)(?:出|了)?(?:多少|几)(?:${MEASURE_WORDS})?|(?:(?<!占|百分|对|相|之)比|较)(?!上年|去年|同期)([^，。？?]*?)(?<![增减])(?:高|低|快|慢|多|少|大|小|扩大|收窄|缩小|增加|减少|提高|提升|加快|放缓|回落|下降|差)(?:出|了)?(?:多少|几)?(?:个百分点|个点|百分点|${MEASURE_WORDS})?|(?:相差|差距|差)(?:了)?(?:多少|几|多大|是多少|有多大)(?:个百分点|${MEASURE_WORDS})?|(?<![增减])(?:多|少|高|低)了(?:多少|几)(?:个百分点|${MEASURE_WORDS})?|(?:扩大|收窄|缩小|提高|提升|下降|加快|放缓|回落)了?(?:多少|几)?个?百分点`,
  "gdu",
);

/** A place set against the wider area it is in: 高出全市多少个百分点, 比全省平均低多少. */
const WIDER_GAP = new RegExp(
  `(?:比|较)?(?:高出|高于|低于|快于|慢于|超出|超过|领先|落后)于?(?:全国|全省|全市|全区|全县|(?:全[国省市区县])?平均)(?:的)?(?:平均)?(?:水平|指标|增速)?(?:多少|几)(?:个百分点|个点|百分点|${MEASURE_WORDS})?|(?:比|较)(?:全国|全省|全市|全区|全县)(?:平均)?(?:水平)?(?:高|低|快|慢|多|少)(?:出|了)?(?:多少|几)(?:个百分点|个点|百分点)?`,
  "gu",
);

function readDifference(text: MarkedText, ctx: ShapeContext): ShapeReading | null {
  const t = text.blanked();
  const wider = text.takeAll(WIDER_GAP).length > 0;
  if (!wider && !DIFFERENCE.test(t)) return null;
  const frames = text.takeAll(DIFFERENCE_FRAME);
  const other = frames.map((f) => f.match[1] ?? "").join("");
  const side = frames.find((f) => f.match[1] && f.match.indices?.[1]);
  const sides = side
    ? { part: [0, side.start] as [number, number], whole: side.match.indices![1]! as [number, number] }
    : undefined;
  const points = /百分点|增速|增幅|增长率|降幅|涨幅|率/u.test(t);
  const fall = /降幅/u.test(t);
  let between: "periods" | "indicators" | "places" | "target" | "wider";
  if (wider) between = "wider";
  else if (TARGET_WORD.test(other) || /目标|要求/u.test(t)) {
    between = "target";
    text.takeAll(
      /(?:市政府|省政府|政府|上级|市里|省里)?(?:要求|定|制定|确定|下达|提出|设定)?的?(?:增长|年度)?(?:目标|要求|计划)(?:值)?/gu,
    );
  } else if (ctx.indicators.length >= 2) between = "indicators";
  else if (ctx.places.length >= 2) between = "places";
  else between = "periods";
  text.takeAll(/增速|增幅|增长率|降幅|涨幅|百分点|和|与|跟|相比/gu);
  return { ask: { kind: "difference", between, points, fall }, ...(sides ? { sides } : {}) };
}

// --- the simple asks ---------------------------------------------------------------------------
const COMPARE =
  /对比|比较|相比|比一比|对照|变化|增减|变动|有何不同|有什么不同|差别|不同|(?:和|跟|与|同)[^，。？?]{0,10}比(?:呢|一下)?$/u;
const CHANGE = /(?:增加|减少|净增|净减)了?(?:多少|几)/u;
const GROWTH =
  /增速|增长率|增幅|增长多少|增长了多少|同比|下降多少|涨幅|增长情况|增长幅度|增长几|增长速度|增长怎么样|增长得怎么样/u;
/** Words that set a target: 目标, 预期, 计划, 预计, 力争; 要 before a verb of reaching (要增长多少). */
const TARGET =
  /目标|预期|计划|预计|力争|争取|(?<![需只主重想])要(?=增长|达到|实现|控制|完成|新增|突破|提高)/u;
const ACHIEVED = /完成|实现|实际|达到了/u;
/** A target's growth rate asked (增长目标, 预期增长多少, 增速目标). */
const TARGET_GROWTH = /增长|增速|增幅|涨幅/u;
const GENERAL = /哪些|什么|怎样|怎么|如何|情况|做了|介绍|概况|举措|措施|进展/u;
const ASKS_FIGURE = /多少|几/u;

/** The ask of a question of a simple shape (after the two-sided frames found nothing). */
function readSimple(text: MarkedText, ctx: ShapeContext, command: "cite" | "compare" | null): Ask {
  const t = text.blanked();
  const periods = ctx.period.years.length + (ctx.period.every ? 2 : 0);
  if (command === "compare" || COMPARE.test(t) || periods >= 2) {
    text.takeAll(
      /对比一下|对比|比较一下|比较|相比|比一比|对照|变化(?:大吗|大不大|多少|情况)?|增减|变动|有何不同|有什么不同|差别|不同|比(?:呢|一下)?$|是增加了还是减少了|增加了还是减少了/gu,
    );
    return { kind: "compare", across: ctx.places.length >= 2 && periods < 2 ? "places" : "periods" };
  }
  if (CHANGE.test(t)) return { kind: "change" };
  if (TARGET.test(t)) {
    text.takeAll(
      /(?:年初|年度|全年|当年)?(?:定|制定|确定|设定|提出|下达)?的?(?:增长)?目标|预期(?:增长)?|计划|预计/gu,
    );
    const growth = TARGET_GROWTH.test(t);
    return { kind: "value", nature: "target", achieved: false, figure: ASKS_FIGURE.test(t), growth };
  }
  if (GROWTH.test(t)) {
    text.takeAll(/增速|增长率|增幅|增长多少|同比|下降多少|涨幅|增长情况|增长幅度|增长速度|增长/gu);
    return { kind: "growth" };
  }
  if (GENERAL.test(t) && !ASKS_FIGURE.test(t)) return { kind: "general" };
  return { kind: "value", nature: "any", achieved: ACHIEVED.test(t), figure: ASKS_FIGURE.test(t) };
}

/** Reads a two-sided frame (rank, which, plan, difference, ratio), taking its words; else null. */
export function readFrame(text: MarkedText, ctx: ShapeContext): ShapeReading | null {
  return (
    readStanding(text) ??
    readRank(text, ctx) ??
    readWhich(text, ctx) ??
    readPlan(text, ctx) ??
    readDifference(text, ctx) ??
    readRatio(text, ctx)
  );
}

/** Reads the frame of a question (taking its words) and returns its ask. */
export function readShape(
  text: MarkedText,
  ctx: ShapeContext,
  command: "cite" | "compare" | null,
): ShapeReading {
  return readFrame(text, ctx) ?? { ask: readSimple(text, ctx, command) };
}
