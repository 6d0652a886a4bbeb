/**
 * Resolves a message, already understood, against the conversation (pure): a follow-up edits
 * the last {@link Question} — place, period, subject or ask — and never re-reads text.
 *
 * - small talk: answered apart, the state is kept;
 * - `原文呢`, `/cite`: the last question again, with its source;
 * - list references (`下一个`, `第3项`, `上面第二项谁牵头`, `总共几个`): the item of the list shown;
 * - a subject and a place of its own: a new question, even after 那 (a place with its parent,
 *   鞍山市铁东区 after 四平市…, always wins);
 * - otherwise what the message does not say comes from the last question: the place; the
 *   period unless the message names its own (a year the new place does not hold is dropped, a
 *   part of the year is kept and refused); the subject when the message names none (`那2021年呢`,
 *   `它去年增长多少`, `增速呢`, `目标完成了没有`, `多少栋楼`), with the message's own ask when it
 *   asks something particular; the last subject as context when it names an aspect
 *   (`安装率呢`, `发现多少隐患`);
 * - 今年 / 去年 in a follow-up are counted from the year being discussed; `比2022年快了多少`
 *   after a 2023 question sets the two years against each other.
 */
import type { ConversationState } from "./conversation.js";
import { place, resolveList } from "./list-refs.js";
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
import { result, type ConversationCorpus, type Resolved } from "./resolved.js";
import { namesSubject } from "./subject.js";

export type { ConversationCorpus, Resolved, ResolvedKind } from "./resolved.js";

/** A measure of the same subject: a short topic ending in a measure noun (安装率, 户数, 占比). */
const MEASURE_TOPIC = /^.{0,5}(?:率|数|量|额|比|占比|比重|面积|金额|人数|户数|个数|规模)$/u;

/** The year a relative word means in a conversation about one year. */
function relativeTo(period: PeriodRef, last: PeriodRef): PeriodRef {
  if (!period.relative || period.years.length > 0 || last.years.length !== 1) return period;
  // 去年 after 2024年上半年 is 2023年上半年: the part discussed is kept unless another is named.
  const part = period.part ?? (period.wholeYear ? null : last.part);
  return { ...period, years: [last.years[0]! + period.relative.offset], part, relative: null };
}

/**
 * The period discussed, with the year the last answer stated when the question named none
 * (`立山区上半年…` answered for 2024年上半年): what 上年同期 and 去年 are counted from.
 */
function periodShown(period: PeriodRef, facts: ConversationState["facts"]): PeriodRef {
  if (period.years.length > 0) return period;
  const years = [
    ...new Set(facts.map((f) => /^(\d{4})年/u.exec(f.period)?.[1]).filter((y) => y !== undefined)),
  ];
  return years.length === 1 ? { ...period, years: [Number(years[0])] } : period;
}

/** A part of the year alone (上半年呢 after 2023年) is of the year discussed, for the same place. */
function partOfLastYear(period: PeriodRef, last: PeriodRef, samePlace: boolean): PeriodRef {
  if (!samePlace || period.part === null || period.years.length > 0 || period.relative) return period;
  return last.years.length === 1 ? { ...period, years: [...last.years] } : period;
}

/** Whether the places (or none) hold a period. */
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

/** The terms a subject is about, for context. */
const contextOf = (s: Subject) => [...new Set([...s.terms, ...s.indicators.flatMap((m) => m.names)])];

/**
 * The subject of an aspect of the same subject (`安装率呢` after 软管, `发现多少隐患` after an
 * inspection, `餐饮场所呢` after 发现多少隐患): its own words (with the noun counted before when
 * it names none), the last subject as context to break ties, a search wording naming both.
 */
function aspectSubject(q: Subject, last: Subject, ownAsk: boolean): Subject {
  // A bare noun phrase (餐饮场所呢) asks what the last question asked of it: the noun counted too.
  const head = q.head ?? (ownAsk ? null : last.head);
  return {
    ...q,
    terms: head && !q.terms.includes(head) ? [...q.terms, head] : q.terms,
    measure: q.measure ?? (/(?:率|占比|比重)$/u.test(q.topic) ? "%" : ownAsk ? null : last.measure),
    head,
    context: contextOf(last),
    wording: `${last.wording.replace(/(?:是|有|为)?(?:多少|几).*$/u, "")}${q.wording || q.topic}`,
  };
}

/**
 * A share asked of nothing named (`占一般公共预算收入的比重呢` after 税收收入): the part is the
 * subject discussed, the whole the message's own; null when the message names its part.
 */
function ratioPartOfLast(q: Question, last: Question): Question | null {
  if (q.ask.kind !== "ratio" || q.ask.part.indicators.length > 0 || namesSubject(q.ask.part.terms))
    return null;
  const part = last.subject;
  if (part.indicators.length === 0 && !namesSubject(part.terms)) return null;
  const subject = {
    ...q.subject,
    indicators: [...part.indicators, ...q.subject.indicators],
    terms: [...new Set([...part.terms, ...q.subject.terms])],
  };
  return { ...q, subject, ask: { ...q.ask, part } };
}

/**
 * Resolves a message (understood on its own) against the chat's state. Pure: the state is not
 * changed; see answer/conversation.ts for the state after the answer.
 */
export function resolveFollowUp(
  state: ConversationState,
  message: Question,
  corpus: ConversationCorpus,
): Resolved {
  let q = message;
  const last = state.last;
  if (q.ask.kind === "chit-chat") return result(q, "chit-chat");
  if ((q.ask.kind === "source" || (q.ask.kind === "unclear" && q.command === "cite")) && last)
    return result({ ...last, command: "cite" }, "cite", [last.text || last.original]);
  const ref = q.ask.kind === "list" ? q.ask.ref : state.list ? q.cues.listRef : undefined;
  if (ref) {
    const listed = resolveList(state, q, ref);
    if (listed) return listed;
    if (q.ask.kind === "list") return result(q, "no-list");
  }
  const withDefault = (): Resolved => {
    const region = state.defaultRegion;
    if (!region || q.scope.places.length > 0 || q.ask.kind === "task" || q.ask.kind === "unclear")
      return result(q, "new");
    return result({ ...q, scope: { ...q.scope, places: [place(region)] } }, "new", [`${region}（默认地区）`]);
  };
  if (!last || q.ask.kind === "unclear" || q.ask.kind === "source" || q.command !== null)
    return withDefault();
  // `市发改委呢` after a unit's tasks asks the same of the other unit (its role too).
  if (
    q.ask.kind === "task" &&
    q.ask.query.by === "unit" &&
    q.cues.marked &&
    last.ask.kind === "task" &&
    last.ask.query.by === "unit"
  ) {
    const { role, countOnly } = last.ask.query;
    const asked = `${{ lead: "牵头", responsible: "作为责任单位", any: "牵头或作为责任单位" }[role]}的任务`;
    const query = { ...q.ask.query, role, countOnly };
    return result({ ...q, text: `${query.unit}${asked}`, ask: { kind: "task", query } }, "follow-up", [
      asked,
    ]);
  }
  if (q.ask.kind === "task" && q.ask.query.by !== "topic") return withDefault();
  const partCarried = ratioPartOfLast(q, last);
  if (partCarried) q = partCarried;

  const ownSubject = q.subject.indicators.length > 0 || (namesSubject(q.subject.terms) && !q.cues.pronoun);
  const ownPlace = q.scope.places.length > 0;
  const ownPeriod = namesPeriod(q.scope.period);
  const measureOnly =
    ownSubject &&
    q.subject.indicators.length === 0 &&
    (q.cues.marked || q.cues.pronoun) &&
    MEASURE_TOPIC.test(q.subject.topic.replace(/\s+/gu, ""));
  // A complete question of its own (subject and place) starts afresh, even after 那; its 去年 or
  // 同期 is still counted from the period discussed.
  if (ownSubject && !measureOnly && ownPlace) {
    const period = relativeTo(q.scope.period, periodShown(last.scope.period, state.facts));
    if (period === q.scope.period) return result(q, "new");
    const scope = { ...q.scope, period };
    return result({ ...q, text: restate({ scope, subject: q.subject }), scope }, "new", [
      `${q.scope.period.relative!.word}即${periodLabel(period)}`,
    ]);
  }

  const carried: string[] = [];
  let subject: Subject;
  let ask: Ask = q.ask;
  let keepsTopic = false;
  if (q.ask.kind === "task" && !ownSubject) {
    // `谁是牵头单位` after a task or a figure: the units of what was just discussed.
    if (last.ask.kind === "task" && last.ask.query.by === "number")
      return result({ ...q, ask: last.ask }, "follow-up", [`第${last.ask.query.number}项`]);
    subject = last.subject;
    carried.push(`“${last.subject.topic || last.subject.wording}”`);
  } else if (!ownSubject) {
    ask = askOf(q, last);
    subject = {
      ...last.subject,
      measure: q.subject.measure ?? last.subject.measure,
      head: q.subject.head ?? last.subject.head,
    };
    keepsTopic = ask.kind === last.ask.kind && q.subject.measure === null;
    if (last.subject.wording || last.subject.topic)
      carried.push(`“${last.subject.indicators[0]?.names[0] ?? last.subject.topic}”`);
  } else if (q.subject.indicators.length === 0 && !ownPlace) {
    // An aspect of the same subject: its own words, the last subject as context.
    const ownAsk = q.ask.kind !== "value" || q.ask.figure || q.subject.measure !== null;
    subject = aspectSubject(q.subject, last.subject, ownAsk);
    if (measureOnly) ask = { kind: "value", nature: "any", achieved: false, figure: true };
  } else {
    subject = { ...q.subject, context: contextOf(last.subject) };
    // `社零呢` after a growth or a comparison asks the same of the new indicator.
    if (
      q.ask.kind === "value" &&
      q.ask.nature === "any" &&
      q.cues.marked &&
      ["growth", "compare"].includes(last.ask.kind)
    )
      ask = last.ask;
  }

  // `和立山区比呢` after a question about 铁东区 sets the two places side by side.
  const lastNames = last.scope.places.map((p) => p.name);
  const alongside =
    ask.kind === "compare" &&
    ownPlace &&
    lastNames.length > 0 &&
    q.scope.places.every((p) => !lastNames.includes(p.name));
  if (alongside) ask = { kind: "compare", across: "places" };
  const places = alongside
    ? [...last.scope.places, ...q.scope.places]
    : ownPlace
      ? q.scope.places
      : last.scope.places;
  if (!ownPlace && places.length > 0) carried.unshift(places.map((p) => p.name).join("、"));
  const shown = periodShown(last.scope.period, state.facts);
  let period = partOfLastYear(relativeTo(q.scope.period, shown), shown, !ownPlace);
  const acrossPeriods =
    ((ask.kind === "compare" || ask.kind === "which") && ask.across === "periods") ||
    (ask.kind === "difference" && ask.between === "periods");
  if (!ownPeriod && !acrossPeriods) {
    const lastPeriod = last.scope.period;
    // A year the new place does not hold is dropped (its own periods answer); a part of the
    // year is kept, and refused when the place has none.
    const keep = alongside
      ? places.every((p) => holds(corpus, [p], lastPeriod))
      : lastPeriod.part !== null || holds(corpus, places, lastPeriod);
    if (keep && (!ownPlace || q.cues.marked || !ownSubject)) {
      period = lastPeriod;
      if (namesPeriod(lastPeriod)) carried.splice(ownPlace ? 0 : 1, 0, periodLabel(lastPeriod));
    }
  } else if (q.scope.period.relative && period.years.length > 0) {
    carried.push(`${q.scope.period.relative.word}即${period.years[0]}年`);
  }
  // `和2022年比呢`, `比2022年快了多少` after a 2023 question set the two years against each other.
  const lastYears = shown.years;
  if (
    acrossPeriods &&
    period.years.length === 1 &&
    lastYears.length === 1 &&
    period.years[0] !== lastYears[0]
  ) {
    period = { ...period, years: [lastYears[0]!, period.years[0]!] };
    carried.push(`${lastYears[0]}年`);
  }
  const scope = { places, period };
  const question: Question = { ...q, text: restate({ scope, subject }), scope, subject, ask };
  return { question, kind: "follow-up", carried, keepsTopic, listPosition: null };
}

/** The line an answer starts with when context was used: `按上一问：铁东区，2023年`. */
export function contextNote(resolved: Resolved): string | null {
  if (resolved.carried.length === 0) return null;
  return `按上一问：${resolved.carried.join("，")}`;
}
