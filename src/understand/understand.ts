/**
 * Reads a message into a typed {@link Question}: the only code that reads a question's words.
 *
 *   message → written form (wording.ts) → command, small talk, follow-up marks (cues.ts)
 *           → periods, indicators, places (each takes its words) → task table (tasks.ts)
 *           → two-sided frames (shapes.ts) → parts (multi.ts) → simple ask → subject (subject.ts)
 *
 * Every rule reads what earlier rules left; the topic is what none took. A follow-up's missing
 * parts are filled by the conversation (follow-up.ts), never by re-reading text.
 */
import { findPlaces } from "../ingest/find-places.js";
import { readChitChat, withoutLeadingChitChat } from "./chit-chat.js";
import { isSourceRequest, readFollowUpMark, readListRef, takePronouns } from "./cues.js";
import { completeSide } from "./coordinated-mentions.js";
import { indicatorMask, readIndicators, withAskingWords, type PlacedIndicator } from "./indicators.js";
import { MarkedText } from "./marks.js";
import { readMeasure } from "./measure.js";
import { splitParts, type Part } from "./multi.js";
import { readPeriod } from "./periods.js";
import { readPlaces } from "./places.js";
import {
  NO_PERIOD,
  NO_SUBJECT,
  type Ask,
  type FollowUpCues,
  type PlaceRef,
  type Question,
  type Subject,
  type UnclearReason,
} from "./question.js";
import type { ShapeContext, ShapeReading } from "./shape-types.js";
import { readFrame, readShape } from "./shapes.js";
import { hasWord, subjectOf, type Lexicon } from "./subject.js";
import { readTaskQuery, readUnitsAsked } from "./tasks.js";
import { writtenForm } from "./wording.js";

/** Longest message read as a question, in characters. */
export const MAX_QUESTION_CHARS = 300;

/** Topic words of a briefing: the economy, main indicators, an overview — nothing in particular. */
const BRIEFING_TERMS = new Set([
  "经济",
  "发展",
  "经济发展",
  "社会发展",
  "经济社会",
  "国民经济",
  "总体",
  "整体",
  "指标",
  "经济指标",
  "主要指标",
  "概况",
  "基本",
  "形势",
  "经济形势",
  "运行",
  "经济运行",
  "表现",
  "状况",
  "公报",
  "亮点",
  "家底",
  "好不好",
  "咋样",
  "概括",
  "总结",
  "总体情况",
  "基本情况",
  "整体情况",
]);

/** An ending that asks how something went (怎么样, 如何, 好不好), not for a figure. */
const HOW_IT_WENT = /(?:怎么样|怎样|如何|好不好|好吗)$/u;
/** Words of results that, with {@link HOW_IT_WENT}, still ask for an overview (完成得怎么样). */
const RESULT_TERMS = new Set(["完成", "得", "完成情况", "实现", "进展"]);

const NO_CUES: FollowUpCues = { marked: false, pronoun: false };

function bare(original: string, text: string, ask: Ask, cues: FollowUpCues = NO_CUES): Question {
  return {
    original,
    text,
    command: null,
    scope: { places: [], period: NO_PERIOD },
    subject: NO_SUBJECT,
    ask,
    cues,
  };
}

/** The question without its places and periods: what clarify options put a period before. */
function wordingOf(body: string, places: readonly PlaceRef[]): string {
  let t = body;
  for (const p of places) t = t.split(p.written).join("");
  const marked = new MarkedText(t);
  readPeriod(marked);
  return marked.free().replace(/\s+/gu, "");
}

type ReadContext = Omit<ShapeContext, "indicators"> & {
  indicators: readonly PlacedIndicator[];
  lexicon: Lexicon;
  wording: string;
};

/** Reads one part (or the whole question) into its ask and subject; `framed` if already read. */
function readPart(
  part: Part,
  ctx: ReadContext,
  command: Question["command"],
  framed: ShapeReading | null = null,
): { ask: Ask; subject: Subject } {
  const { text } = part;
  const indicators = ctx.indicators.filter(
    (m: PlacedIndicator) => m.start >= part.start && m.start < part.end,
  );
  const units = framed ? null : readUnitsAsked(text);
  const shape: ShapeReading = units
    ? { ask: { kind: "task", query: units } }
    : (framed ?? readShape(text, { ...ctx, indicators }, command));
  const reading = readMeasure(text);
  const measure = reading.measure;
  const kind = shape.ask.kind;
  const growth = kind === "growth" || kind === "difference" || kind === "rank" || kind === "which";
  const build = (start: number, end: number) =>
    subjectOf(text, indicators, reading, ctx.lexicon, { growth, start, end, wording: ctx.wording });
  if (shape.ask.kind === "ratio" && shape.sides) {
    const p = build(...shape.sides.part);
    const w = shape.sides.whole ? build(...shape.sides.whole) : null;
    // The question's subject is both sides: the rows of both are its candidates.
    const subject = {
      ...p,
      indicators: [...p.indicators, ...(w?.indicators ?? [])],
      terms: [...new Set([...p.terms, ...(w?.terms ?? [])])],
    };
    return { ask: { kind: "ratio", part: p, whole: w }, subject };
  }
  const subject = build(part.start, part.end);
  if (shape.ask.kind === "which" && shape.items) {
    // Each topic compared, with the words they share (普通食品和食用农产品哪个抽样批次多 → 抽样, 批次).
    const items = shape.items.map(([a, b]) => build(a, b));
    const own = new Set(items.flatMap((i) => i.terms));
    const shared = subject.terms.filter((t) => !own.has(t));
    const withShared = items.map((i) => ({ ...i, terms: [...i.terms, ...shared] }));
    return { ask: { ...shape.ask, items: withShared }, subject };
  }
  // A general question about a named indicator asks its figures.
  if (shape.ask.kind === "general" && subject.indicators.length > 0)
    return { ask: { kind: "value", nature: "any", achieved: false, figure: true }, subject };
  if (shape.ask.kind === "value" && measure !== null) return { ask: { ...shape.ask, figure: true }, subject };
  return { ask: shape.ask, subject };
}

/**
 * The final ask of a whole question: a place or period with nothing particular asked (or only
 * the economy, main indicators, an overview) is a briefing; a message of nothing (人, %铁) is
 * unclear; a follow-up keeps its ask for the conversation to complete.
 */
function classify(ask: Ask, subject: Subject, cues: FollowUpCues, scoped: boolean, body: string): Ask {
  if (cues.marked || cues.pronoun || cues.listRef || subject.indicators.length > 0) return ask;
  if (ask.kind !== "value" && ask.kind !== "general") return ask;
  // A stray character (人, 水, %铁) names nothing; `多少栋楼` asks a figure of the subject before.
  if (!hasWord(subject.terms) && subject.terms.length > 0 && subject.measure === null)
    return { kind: "unclear", why: "no-subject" };
  // `几项主要指标完成得怎么样` asks how they went, not how many: 几项 and 完成 count no figure.
  const howItWent = HOW_IT_WENT.test(body);
  const overview =
    (subject.measure === null || (howItWent && subject.measure === "项")) &&
    subject.terms.every((t) => BRIEFING_TERMS.has(t) || (howItWent && RESULT_TERMS.has(t)));
  const figure = ask.kind === "value" && (ask.figure || ask.achieved) && !howItWent;
  if (overview && !figure && (scoped || subject.terms.length > 0)) return { kind: "briefing" };
  if (subject.terms.length === 0 && !scoped && !figure) return { kind: "unclear", why: "no-subject" };
  return ask;
}

/**
 * A difference whose second side names its indicator by the tail it shares with the first
 * (`销售额降幅比销售面积降幅`): the side's indicator is added and the difference is of indicators.
 */
function completeFrame(
  framed: ShapeReading | null,
  ctx: ReadContext,
  body: string,
  lexicon: Lexicon,
): ShapeReading | null {
  if (framed?.ask.kind !== "difference" || framed.ask.between === "target" || !framed.sides?.whole)
    return framed;
  const [start, end] = framed.sides.whole;
  const inside = ctx.indicators.filter((m) => m.start >= start && m.start < end);
  const before = ctx.indicators.filter((m) => m.start < start);
  if (inside.length > 0 || before.length !== 1) return framed;
  const found = completeSide(lexicon.vocabulary, before[0]!.names[0]!, body.slice(start, end));
  if (!found) return framed;
  ctx.indicators = [
    ...ctx.indicators,
    { ...found, asked: body.slice(start, end), askedAt: start, start, end },
  ];
  return { ...framed, ask: { ...framed.ask, between: "indicators" } };
}

/** Reads a message into a question. `lexicon` gives the vocabulary, the units held and the tokenizer. */
export function understand(message: string, lexicon: Lexicon): Question {
  const unclear = (why: UnclearReason) => bare(message, "", { kind: "unclear", why });
  if (message.length > MAX_QUESTION_CHARS) return unclear("too-long");
  let text = writtenForm(message);
  const cmd = /^\/(cite|compare)(?:@\w+)?\s*/iu.exec(text);
  const command = cmd ? (cmd[1]!.toLowerCase() as "cite" | "compare") : null;
  if (cmd) text = text.slice(cmd[0].length);
  if (text === "") return { ...unclear("empty"), command };
  if (!/\p{Script=Han}/u.test(text)) return unclear("not-chinese");
  const small = readChitChat(text, true);
  if (small) return bare(message, text, { kind: "chit-chat", what: small });
  text = withoutLeadingChitChat(text);
  const startsWithPlace = findPlaces(text)[0]?.start === 0;
  const { text: body, marked } = readFollowUpMark(text, startsWithPlace);
  if (isSourceRequest(body)) return bare(message, body, { kind: "source" }, { marked, pronoun: true });
  const list = readListRef(body);
  if (list?.explicit) return bare(message, body, { kind: "list", ref: list.ref }, { marked, pronoun: true });

  const mt = new MarkedText(body);
  const pronoun = takePronouns(mt);
  // A bare `第三个…` refers to a list shown, if any; a task table's own words make it a task number.
  const bareRef = list && !/任务分解|分解方案|方案/u.test(body) ? { listRef: list.ref } : {};
  const cues: FollowUpCues = { marked, pronoun, ...bareRef };
  const period = readPeriod(mt);
  const read = readIndicators(lexicon.vocabulary, mt.blanked());
  const places = readPlaces(mt, indicatorMask(body.length, read), message, lexicon.places);
  const indicators = withAskingWords(read, body, places);
  const anchored =
    places.length > 0 || indicators.length > 0 || period.years.length > 0 || period.part !== null;
  const chatter = readChitChat(body, anchored);
  if (chatter) return bare(message, body, { kind: "chit-chat", what: chatter });
  const question = (ask: Ask, subject: Subject): Question => ({
    original: message,
    text: body,
    command,
    scope: { places, period },
    subject,
    ask,
    cues,
  });

  const task = readTaskQuery(mt, lexicon.units);
  if (task) return question({ kind: "task", query: task }, NO_SUBJECT);
  const ctx: ReadContext = { indicators, places, period, lexicon, wording: wordingOf(body, places) };
  const framed = completeFrame(readFrame(mt, ctx), ctx, body, lexicon);
  // `2023年…比上年多了多少`: the year before the one named is the other side.
  if (
    framed?.ask.kind === "difference" &&
    period.years.length === 1 &&
    /(?:比|较)(?:上年末?|去年|上一年)/u.test(body)
  )
    period.years.push(period.years[0]! - 1);
  const split = framed ? null : splitParts(mt);
  if (split) {
    // Distributive parts (A和B各多少) share the ask the whole question is put in.
    const shared = split.kind === "distributive" ? readShape(mt.clone(), ctx, command) : null;
    const read = split.parts.map((p) => readPart(p, ctx, command, shared));
    const questions: Question[] = [];
    read.forEach((r, i) => {
      // A part without a subject of its own (同比增长多少) asks about the part before it.
      const previous = questions[questions.length - 1];
      const own = r.subject.indicators.length > 0 || hasWord(r.subject.terms);
      const others = read.filter((_, j) => j !== i).flatMap((o) => o.subject.terms);
      const subject = own || !previous ? r.subject : { ...previous.subject, measure: r.subject.measure };
      questions.push(question(r.ask, { ...subject, context: [...new Set(others)] }));
    });
    return question({ kind: "multi", parts: questions }, questions[0]!.subject);
  }
  const { ask, subject } = readPart({ text: mt, start: 0, end: body.length }, ctx, command, framed);
  const scoped = anchored || period.relative !== null || period.every;
  return question(classify(ask, subject, cues, scoped, body), subject);
}
