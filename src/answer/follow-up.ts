/**
 * Conversation context, pure: a chat's {@link ConversationState} and a new message in, the
 * question to answer out. A follow-up that changes one thing (`那2022年呢`, `立山区呢`,
 * `增速呢`, `安装率呢`, `牵头单位是谁`, `原文呢`, bare `/cite`) takes the rest from the previous
 * question of the chat; a question that names its own topic and region or period starts
 * afresh. What was taken from context is returned so the answer can say so
 * ("按上一问：铁东区，2023年"). Used by the CLI (`--batch` lines with a chat) and the bot.
 *
 * Works on the ParsedQuestion fields `regions`, `years`, `partOfYear`, `relativeYear`,
 * `intent` and `topic`; the merged question is plain text, parsed again by the caller.
 */
import type { ParsedQuestion } from "../retrieve/parse-question.js";

/** What a chat remembers between questions. Plain data; the caller owns and stores it. */
export interface ConversationState {
  /** The last question as answered, context already applied; null before the first. */
  lastQuestion: string | null;
  /** The chat's default region (`/region 铁东区`), used when a question names none. */
  defaultRegion: string | null;
}

/** The empty state of a new chat. */
export const NEW_CONVERSATION: ConversationState = { lastQuestion: null, defaultRegion: null };

/** How a message relates to the conversation. */
export type FollowUpKind = "new" | "follow-up" | "cite";

/** The question to answer for a message. */
export interface ResolvedQuestion {
  /** The question to answer, complete (context applied). */
  question: string;
  kind: FollowUpKind;
  /** The parts taken from context, e.g. ["铁东区", "2023年"]; empty for a new question. */
  carried: string[];
  /** The follow-up keeps the previous topic and intent and changes only place or period. */
  sameTopic?: boolean;
}

/** Parses a question (parseQuestion with the vocabulary bound). */
export type ParseFn = (question: string) => ParsedQuestion;

/** Periods the corpus holds for a region (`立山区` → [`2024年上半年`]); [] when unknown. */
export type PeriodsOf = (region: string) => string[];

/** A request for the source of the previous answer. */
const SOURCE_REQUEST =
  /^(?:那|那么)?(?:它的|这个的?|上面的?)?(?:原文|出处|来源|原话|原句|引文|依据)(?:呢|是什么|在哪里?|是哪句话?|给我看看|看看)?[?？。!！]*$/u;
/** Words of a follow-up that carry no topic of their own. */
const FOLLOW_UP_FILLER = /那么|那|呢|吗|呀|吧|是谁|谁|又|还有|的|了|是|有|对比|比较|相比|和|跟|与|比/gu;
/** Markers that make a message a follow-up even when it names a topic. */
const FOLLOW_UP_MARK = /^(?:那么?|还有|再|另外)|呢[?？]?$/u;
/** A short topic of a follow-up that names a measure of the same subject (安装率, 户数). */
const MEASURE_TOPIC = /^.{1,5}(?:率|数|量|额|比|占比|比重|面积|金额|人数|户数|个数|增速|规模)$/u;
const YEAR_PATTERN = /(?<!\d)20\d{2}(?!\d)年?度?(?:(?:和|、|与|至|到|及)(?=20\d{2}))?/gu;
const PART_PATTERN = /上半年|下半年|前三季度|第一季度|一季度|全年/gu;
const RELATIVE_PATTERN = /今年|去年|前年|本年|上年度?|当年/gu;
/** The question tail of a value question, replaced when a follow-up asks another aspect. */
const VALUE_TAIL =
  /(?:一共|总共|共)?(?:是|有|为|达到|完成了?)?(?:多少|几)[\p{Script=Han}]{0,3}[?？]?$|(?:是|为)?什么[?？]?$|(?:是谁|由谁\S*)[?？]?$|[?？。]$/u;

/** An ask inside a question (投放多少套城乡健身路径), dropped when the ask changes. */
const MID_ASK = /(?:多少|几)\p{Script=Han}?(?=\p{Script=Han})/gu;

/** The period a parsed question names, as text: `2023年`, `2024年上半年`, `今年`. */
export function periodText(q: ParsedQuestion): string {
  return `${q.years.map((y) => `${y}年`).join("和")}${q.partOfYear ?? ""}` || (q.relativeYear ?? "");
}

const namesPeriod = (q: ParsedQuestion) =>
  q.years.length > 0 || q.partOfYear !== null || q.relativeYear !== null;

/** What a follow-up says beyond region, period, intent words and fillers. */
function residueOf(q: ParsedQuestion): string {
  return q.topic.replace(FOLLOW_UP_FILLER, "").replace(/\s+/gu, "");
}

/** A question's text without its regions and periods (the rest is its subject and ask). */
function subjectOf(q: ParsedQuestion, names: (region: string) => string[]): string {
  let t = q.text;
  for (const r of q.regions) for (const n of names(r)) t = t.split(n).join("");
  return t.replace(YEAR_PATTERN, "").replace(PART_PATTERN, "").replace(RELATIVE_PATTERN, "").trim();
}

/** The intent words a follow-up adds to the previous subject. */
function intentSuffix(q: ParsedQuestion): string | null {
  if (q.intent === "growth") return "增速是多少";
  if (q.intent === "lead") return /责任单位|负责/u.test(q.text) ? "的责任单位" : "的牵头单位";
  if (q.intent === "target") return "的目标是多少";
  return null;
}

/** The names of a region as they may be written in a question, longest first. */
function regionNames(region: string): string[] {
  const short = region.replace(/(?:满族自治县|自治县|区|县|市)$/u, "");
  return short.length >= 2 && short !== region ? [region, short] : [region];
}

/**
 * Resolves a message against the chat's state. `parse` is the question parser; `periodsOf`
 * lets a region change drop a period the new region does not have (铁东区2023年 → 立山区呢 asks
 * about 立山区's own period).
 */
export function resolveFollowUp(
  state: ConversationState,
  message: string,
  parse: ParseFn,
  periodsOf: PeriodsOf = () => [],
): ResolvedQuestion {
  const q = parse(message);
  const last = state.lastQuestion;
  const bareCite = q.command === "cite" && q.text.trim() === "";
  if (last && (bareCite || (q.command === null && SOURCE_REQUEST.test(q.text.trim())))) {
    return { question: `/cite ${last}`, kind: "cite", carried: [last] };
  }
  const withDefault = (): ResolvedQuestion => {
    const region = state.defaultRegion;
    if (
      !region ||
      q.regions.length > 0 ||
      q.otherPlaces.length > 0 ||
      q.command !== null ||
      q.intent === "lead"
    )
      return { question: message, kind: "new", carried: [] };
    return { question: `${region}${q.text}`, kind: "new", carried: [`${region}（默认地区）`] };
  };
  if (!last || q.command !== null) return withDefault();

  const p = parse(last);
  const residue = residueOf(q);
  const ownPeriod = namesPeriod(q);
  const ownRegion = q.regions.length > 0 || q.otherPlaces.length > 0;
  const marked = FOLLOW_UP_MARK.test(q.text.trim());
  if (residue !== "") {
    // A message with a topic of its own is new unless it is marked or short (安装率呢, GDP呢).
    if (ownRegion && ownPeriod) return withDefault();
    if ((ownRegion || ownPeriod) && !marked) return withDefault();
    if (!marked && residue.length > 6) return withDefault();
  }

  // Region: the new one, else the previous one.
  const regions = ownRegion ? q.regions : p.regions;
  // Period: the new one; else the previous one unless the new region does not hold it.
  let period = ownPeriod ? periodText(q) : periodText(p);
  // 对比一下2022年 after a 2023 question compares the two periods.
  if (
    ownPeriod &&
    /比/u.test(q.text) &&
    q.years.length === 1 &&
    p.years.length === 1 &&
    p.years[0] !== q.years[0]
  )
    period = `${periodText(p)}和${periodText(q)}`;
  if (!ownPeriod && ownRegion && period !== "") {
    const held = regions.flatMap((r) => periodsOf(r));
    if (held.length > 0 && !held.some((h) => h.startsWith(period) || period.startsWith(h))) period = "";
  }
  let subject = subjectOf(p, regionNames);
  if (residue !== "") {
    const measure = MEASURE_TOPIC.test(residue) && q.indicators.length === 0;
    const ownText = subjectOf(q, regionNames).replace(/^(?:那么|那|还有|另外|再)/u, "");
    subject = measure
      ? `${subject.replace(VALUE_TAIL, "").replace(/[了过]$/u, "")}${residue}是多少`
      : ownText.replace(/呢([?？]?)$/u, "$1");
  } else {
    const suffix = intentSuffix(q);
    // 计划投放多少套城乡健身路径 + 牵头单位是谁 → 计划投放城乡健身路径的牵头单位是谁.
    if (suffix && q.intent !== p.intent)
      subject = `${subject.replace(VALUE_TAIL, "").replace(MID_ASK, "")}${suffix}`;
  }
  const carried: string[] = [];
  if (!ownRegion && regions.length > 0) carried.push(regions.join("、"));
  if (!ownPeriod && period !== "") carried.push(period);
  if (residue === "" && q.intent === p.intent) carried.push(`“${subject.replace(/[?？]$/u, "")}”`);
  if (residue === "" && q.intent !== p.intent)
    carried.push(`“${subjectOf(p, regionNames).replace(VALUE_TAIL, "")}”`);
  const sameTopic = residue === "" && q.intent === p.intent;
  return { question: `${regions.join("")}${period}${subject}`, kind: "follow-up", carried, sameTopic };
}

/** The state after a message was answered. A source request keeps the question it cited. */
export function nextState(state: ConversationState, resolved: ResolvedQuestion): ConversationState {
  if (resolved.kind === "cite") return state;
  const question = resolved.question.replace(/^\/cite\s*/u, "");
  return { ...state, lastQuestion: question === "" ? state.lastQuestion : question };
}

/** The line an answer starts with when context was used: `按上一问：铁东区，2023年`. */
export function contextNote(resolved: ResolvedQuestion): string | null {
  if (resolved.carried.length === 0) return null;
  if (resolved.kind === "cite") return `按上一问：${resolved.carried[0]}`;
  return `按上一问：${resolved.carried.join("，")}`;
}
