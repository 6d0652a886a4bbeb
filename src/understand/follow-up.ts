/**
 * Resolves a message, already understood, against the conversation (pure): a follow-up edits
 * the last {@link Question} — place, period, subject or ask — and never re-reads text.
 *
 * - small talk: answered apart, the state is kept;
 * - `原文呢`, `/cite`: the last question again, with its source;
 * - list references (`下一个`, `第3项`, `上面第二项谁牵头`, `总共几个`): the item of the list shown;
 * - a subject of its own: kept; a place of its own (鞍山市铁东区 after 四平市…) always wins; a
 *   period of its own too; what it does not name is taken from the last question (the place,
 *   and the period when the question names no place of its own or is marked 那/呢);
 * - no subject of its own (`那2022年呢`, `它去年增长多少`, `增速呢`, `目标完成了没有`): the last
 *   subject, with the message's own ask when it asks something particular;
 * - a measure of the same subject (`安装率呢`, `占比呢`): the last topic with the new measure;
 * - 今年 / 去年 in a follow-up are counted from the year being discussed.
 */
import type { ConversationState, ListItemRef } from "./conversation.js";
import {
  namesPeriod,
  periodLabel,
  restate,
  type Ask,
  type PeriodRef,
  type PlaceRef,
  type Question,
  type Subject,
} from "./question.js";
import { hasWord } from "./subject.js";

/** How a message relates to the conversation. */
export type ResolvedKind = "new" | "follow-up" | "cite" | "chit-chat" | "list-item" | "list-count" | "no-list";

/** The question to answer for a message, and what was taken from the conversation. */
export interface Resolved {
  question: Question;
  kind: ResolvedKind;
  /** What was taken from context, for the note `按上一问：铁东区，2023年`; empty for a new question. */
  carried: string[];
  /** Only the scope changed: the established topic may match with less coverage. */
  keepsTopic: boolean;
  /** The list position the question is about (list references), else null. */
  listPosition: number | null;
}

/** What the resolver needs from the corpus: the periods held for a region. */
export interface ConversationCorpus {
  periodsOf(region: string): string[];
}

/** A measure of the same subject: a short topic ending in a measure noun (安装率, 户数, 占比). */
const MEASURE_TOPIC = /^.{0,5}(?:率|数|量|额|比|占比|比重|面积|金额|人数|户数|个数|规模)$/u;

const result = (question: Question, kind: ResolvedKind, carried: string[] = []): Resolved => ({
  question,
  kind,
  carried,
  keepsTopic: false,
  listPosition: null,
});

/** The question an item of a list asks (a task by number, or an indicator's figure). */
function itemQuestion(item: ListItemRef, base: Question): Question {
  if ("task" in item) {
    return { ...base, scope: { places: [], period: base.scope.period }, subject: base.subject, ask: { kind: "task", query: { by: "number", number: item.task } } };
  }
  const place: PlaceRef = { written: item.region, codes: [], name: item.region, qualified: false };
  const year = Number(item.period.slice(0, 4));
  const part = item.period.slice(5) || null;
  return {
    ...base,
    text: `${item.region}${item.period}${item.indicator}`,
    scope: {
      places: [place],
      period: { years: Number.isFinite(year) ? [year] : [], part, relative: null, every: false, wholeYear: false },
    },
    subject: {
      indicators: [{ written: item.indicator, names: [item.indicator] }],
      topic: item.indicator,
      terms: [item.indicator],
      parts: [],
      measure: null,
      context: [],
      wording: item.indicator,
    },
    ask: { kind: "value", nature: "any", achieved: false, figure: true },
  };
}

/** Resolves a list reference against the list shown. */
function resolveList(state: ConversationState, q: Question): Resolved | null {
  if (q.ask.kind !== "list") return null;
  const ref = q.ask.ref;
  const list = state.list;
  if (!list) {
    const last = state.last;
    // After one task, `下一个` is the next task of the table; `它由谁牵头` is that task.
    if (last?.ask.kind === "task") {
      const query = last.ask.query;
      if (ref.to === "next" && query.by === "number") {
        const next = itemQuestion({ task: query.number + ref.steps }, q);
        return result(next, "list-item", [`第${query.number}项的${ref.steps > 0 ? "下" : "上"}一项`]);
      }
      if (ref.to === "current") return result({ ...last, command: null }, "follow-up", ["上一问的任务"]);
    }
    return result(q, "no-list");
  }
  if (ref.to === "count") return { ...result(q, "list-count"), listPosition: list.cursor };
  const position =
    ref.to === "item"
      ? ref.position < 0
        ? list.items.length
        : ref.position
      : ref.to === "next"
        ? Math.max(1, list.cursor + ref.steps)
        : Math.max(1, list.cursor);
  const item = list.items[position - 1];
  if (!item) return { ...result(q, "no-list"), listPosition: position };
  return { ...result(itemQuestion(item, q), "list-item", [`${list.title}第${position}项`]), listPosition: position };
}

/** The year a relative word means in a conversation about `years`. */
function relativeTo(period: PeriodRef, last: PeriodRef): PeriodRef {
  if (!period.relative || period.years.length > 0 || last.years.length !== 1) return period;
  return { ...period, years: [last.years[0]! + period.relative.offset], relative: null };
}

/** Whether the region (or none) holds a period label. */
function holds(corpus: ConversationCorpus, places: readonly PlaceRef[], period: PeriodRef): boolean {
  if (places.length === 0 || !namesPeriod(period)) return true;
  const label = periodLabel(period);
  const held = places.flatMap((p) => corpus.periodsOf(p.name));
  return held.length === 0 || held.some((h) => h.startsWith(label) || label.startsWith(h));
}

/** The ask of a follow-up without a subject of its own: its own when particular, else the last. */
function askOf(q: Question, last: Question): Ask {
  const own = q.ask;
  const plain = own.kind === "value" && own.nature === "any" && !own.achieved;
  return plain && q.subject.measure === null ? last.ask : own;
}

/**
 * The subject of an aspect of the same subject (`安装率呢` after 软管, `发现多少隐患` after an
 * inspection): its own words, with the last subject's terms as context to break ties, and a
 * search wording that names both.
 */
function aspectSubject(q: Subject, last: Subject): Subject {
  return {
    ...q,
    measure: q.measure ?? (/(?:率|占比|比重)$/u.test(q.topic) ? "%" : null),
    context: [...new Set([...last.terms, ...last.indicators.flatMap((m) => m.names)])],
    wording: `${last.wording.replace(/(?:是|有|为)?(?:多少|几).*$/u, "")}${q.wording || q.topic}`,
  };
}

/**
 * Resolves a message (understood on its own) against the chat's state. Pure: the state is not
 * changed; see answer/conversation.ts for the state after the answer.
 */
export function resolveFollowUp(state: ConversationState, q: Question, corpus: ConversationCorpus): Resolved {
  const last = state.last;
  if (q.ask.kind === "chit-chat") return result(q, "chit-chat");
  if ((q.ask.kind === "source" || (q.ask.kind === "unclear" && q.command === "cite")) && last)
    return result({ ...last, command: "cite" }, "cite", [last.original]);
  const listed = resolveList(state, q);
  if (listed) return listed;
  // A bare `第3项…` after a list shown is its third item.
  if (state.list && q.ask.kind === "task" && q.ask.query.by === "number" && q.ask.query.number <= state.list.items.length && !/任务分解|分解方案|方案/u.test(q.text)) {
    const position = q.ask.query.number;
    const item = state.list.items[position - 1]!;
    return { ...result(itemQuestion(item, q), "list-item", [`${state.list.title}第${position}项`]), listPosition: position };
  }
  const withDefault = (): Resolved => {
    const region = state.defaultRegion;
    if (!region || q.scope.places.length > 0 || q.ask.kind === "task" || q.ask.kind === "unclear") return result(q, "new");
    const place: PlaceRef = { written: region, codes: [], name: region, qualified: false };
    return result({ ...q, scope: { ...q.scope, places: [place] } }, "new", [`${region}（默认地区）`]);
  };
  if (!last || q.ask.kind === "unclear" || q.ask.kind === "source" || q.command !== null) return withDefault();
  if (last.ask.kind === "chit-chat" || last.ask.kind === "unclear") return withDefault();

  const ownSubject = q.subject.indicators.length > 0 || (hasWord(q.subject.terms) && !q.cues.pronoun);
  const measureOnly =
    ownSubject && q.subject.indicators.length === 0 && (q.cues.marked || q.cues.pronoun) && MEASURE_TOPIC.test(q.subject.topic.replace(/\s+/gu, ""));
  const taskAsk = q.ask.kind === "task" || q.ask.kind === "rank" || q.ask.kind === "filter";
  if (taskAsk && q.ask.kind === "task" && q.ask.query.by !== "topic") return withDefault();
  const ownPlace = q.scope.places.length > 0;
  const ownPeriod = namesPeriod(q.scope.period);
  // A complete question of its own (subject and place) starts afresh, even after 那.
  if (ownSubject && !measureOnly && ownPlace) return result(q, "new");

  const carried: string[] = [];
  let subject = q.subject;
  let ask: Ask = q.ask;
  let keepsTopic = false;
  if (q.ask.kind === "task" && q.ask.query.by === "topic" && !ownSubject) {
    // `牵头单位是谁` after a task or a figure: the units of what was just discussed.
    if (last.ask.kind === "task" && last.ask.query.by === "number") return result({ ...q, ask: last.ask }, "follow-up", [`第${last.ask.query.number}项`]);
    subject = last.subject;
    carried.push(`“${last.subject.topic || last.subject.wording}”`);
  } else if (measureOnly || (ownSubject && !ownPlace && !ownPeriod && q.subject.indicators.length === 0)) {
    // An aspect of the same subject: its own words, the last subject as context.
    subject = aspectSubject(q.subject, last.subject);
    if (measureOnly) ask = { kind: "value", nature: "any", achieved: false, figure: true };
  } else if (!ownSubject) {
    subject = last.subject;
    ask = askOf(q, last);
    keepsTopic = ask.kind === last.ask.kind;
    if (last.subject.wording || last.subject.topic) carried.push(`“${last.subject.indicators[0]?.names[0] ?? last.subject.topic}”`);
  } else if (q.ask.kind === "value" && q.ask.nature === "any" && q.cues.marked && ["growth", "compare"].includes(last.ask.kind)) {
    // `社零呢` after a growth or a comparison asks the same of the new indicator.
    ask = last.ask;
  }

  const places = ownPlace ? q.scope.places : last.scope.places;
  if (!ownPlace && places.length > 0) carried.unshift(places.map((p) => p.name).join("、"));
  let period = relativeTo(q.scope.period, last.scope.period);
  const acrossPeriods = (ask.kind === "compare" && ask.across === "periods") || (ask.kind === "which" && ask.across === "periods");
  if (!ownPeriod && !acrossPeriods) {
    const lastPeriod = last.scope.period;
    if (holds(corpus, places, lastPeriod) && (!ownPlace || q.cues.marked || !ownSubject)) {
      period = lastPeriod;
      if (namesPeriod(lastPeriod)) carried.splice(ownPlace ? 0 : 1, 0, periodLabel(lastPeriod));
    }
  } else if (q.scope.period.relative && period.years.length > 0) {
    carried.push(`${q.scope.period.relative.word}即${period.years[0]}年`);
  }
  // `和2022年比呢` after a 2023 question compares the two years.
  if (ask.kind === "compare" && period.years.length === 1 && last.scope.period.years.length === 1 && period.years[0] !== last.scope.period.years[0])
    period = { ...period, years: [last.scope.period.years[0]!, period.years[0]!] };
  const scope = { places, period };
  const question: Question = { ...q, text: restate({ scope, subject }), scope, subject, ask };
  return { question, kind: "follow-up", carried, keepsTopic, listPosition: null };
}

/** The line an answer starts with when context was used: `按上一问：铁东区，2023年`. */
export function contextNote(resolved: Resolved): string | null {
  if (resolved.carried.length === 0) return null;
  return `按上一问：${resolved.carried.join("，")}`;
}
