/**
 * The typed question: what a message asks, read once from its words by src/understand and
 * never read again as text by the answering layer. Plain serialisable data (a conversation
 * stores the last one).
 *
 *   Question = scope (places with parents, periods) + subject (indicators, topic, measure word)
 *              + ask (a discriminated union: what kind of answer is wanted)
 */

/** A place the question names. */
export interface PlaceRef {
  /** As written, parent included: 鞍山市铁东区, 铁东, 高新区. */
  written: string;
  /** Gazetteer codes it may be; several for a name divisions share; [] for a zone the gazetteer lacks. */
  codes: string[];
  /** The official name when the codes agree on one (铁东区), else as written. */
  name: string;
  /** A parent was written with it (鞍山市铁东区): it names exactly one division. */
  qualified: boolean;
}

/** A year named relative to now (今年, 去年): its word and offset from the year meant. */
export interface RelativeYear {
  word: string;
  offset: number;
}

/** The period a question names. */
export interface PeriodRef {
  /** Years named, in the order written (对比2023年和2022年 → [2023, 2022]). */
  years: number[];
  /** A part of the year as a period label: 上半年, 一季度, 1-9月; null for none. */
  part: string | null;
  /** 今年 / 去年 …, which the corpus alone cannot place; null for none. */
  relative: RelativeYear | null;
  /** Every period held (这两年, 历年, 各年). */
  every: boolean;
  /** 全年 / 整年 was said: a part of the year does not answer. */
  wholeYear: boolean;
}

/** Where and when a question is about. */
export interface QuestionScope {
  places: PlaceRef[];
  period: PeriodRef;
}

/** An indicator the question names. */
export interface IndicatorRef {
  /** As written: 社零, GDP, 规上工业增加值. */
  written: string;
  /** Canonical names it may be. */
  names: string[];
  /**
   * The words of the question that ask for it: its name with the words around it up to the
   * neighbouring names, places blanked (`年末常住人口`, `在职职工养老保险人数`). What the
   * qualifier rule (src/indicators/qualifiers.ts) checks a row against.
   */
  asked: string;
}

/** What the question is about. */
export interface Subject {
  /** Catalogued indicators named, in the order written. */
  indicators: IndicatorRef[];
  /** The words of the subject: scope, ask and question words removed (离婚登记). */
  topic: string;
  /** The topic's words that carry meaning (tokens without generic words). */
  terms: string[];
  /** The words the terms are made of (高速公路里程 → 高速公路, 里程), to find a name written apart. */
  parts: string[];
  /** The measure word asked (多少对 → 对, 安装率 → %), or null. */
  measure: string | null;
  /**
   * The noun the figure counts: after the ask (多少处隐患问题 → 隐患问题) or right before it
   * (罚款多少 → 罚款); a row stating the figure of that noun is preferred. Null when none.
   */
  head: string | null;
  /**
   * The word right before the ask (办结 of 诉求函件办结了多少件): when a statement writes it right
   * before a figure (`办结256件`), that figure is the one asked. Null when none.
   */
  lastWord: string | null;
  /**
   * Terms of the subject the conversation is about (the question before, or the other parts of
   * a multi-part question): never required, they only break ties between equally good rows.
   */
  context: string[];
  /** The question without its places and periods, for restating it (GDP是多少). */
  wording: string;
}

/** Which column of a task table a unit is looked up in. */
export type UnitRole = "lead" | "responsible" | "any";

/** A question about the task table (任务分解方案). */
export type TaskQuery =
  | { by: "number"; number: number }
  | { by: "quote"; quote: string }
  | { by: "unit"; unit: string; role: UnitRole; countOnly: boolean }
  /** The units of the task the subject describes (发布…清单的牵头单位). */
  | { by: "topic"; role: UnitRole };

/** What a reference to a list shown before asks for. */
export type ListWant = "detail" | "lead" | "responsible" | "units";

/** A reference to the list the last answer showed (resolved in a conversation). */
export type ListRef =
  | { to: "item"; position: number; want: ListWant }
  | { to: "next"; steps: number; want: ListWant }
  | { to: "current"; want: ListWant }
  | { to: "count" };

/** Small talk that is answered briefly and never carried into a conversation. */
export type ChitChat = "greeting" | "thanks" | "ack" | "farewell" | "identity" | "chatter";

/** Why a question cannot be read. */
export type UnclearReason = "empty" | "too-long" | "not-chinese" | "no-subject";

/** Which of several figures an extreme or comparison looks at. */
export type Measure = "value" | "growth";

/** What the question asks. */
export type Ask =
  /**
   * A figure: a result, a target, or whichever is published; `achieved` (完成了多少) never takes
   * a target; `figure` says a figure was asked for in so many words (多少, 几, a measure word);
   * `growth` says a target's growth rate is asked (增长目标, 预期增长多少, 增速目标).
   */
  | {
      kind: "value";
      nature: "result" | "target" | "any";
      achieved: boolean;
      figure: boolean;
      growth?: boolean;
    }
  | { kind: "growth" }
  /** The published amount of a change (增加多少, 减少了几户). */
  | { kind: "change" }
  /**
   * The difference of two figures: two periods, two indicators, two places, result vs target,
   * or a place against the wider area it is in (高出全市多少个百分点: `wider`).
   */
  | {
      kind: "difference";
      between: "periods" | "indicators" | "places" | "target" | "wider";
      points: boolean;
      fall: boolean;
    }
  /** One figure as a share of another (占…比重); `whole` null asks a published share (占比). */
  | { kind: "ratio"; part: Subject; whole: Subject | null }
  | { kind: "compare"; across: "periods" | "places" }
  /**
   * Which is higher or lower (A和B哪个高, 哪年最高), pairwise or among all held; `items` are
   * the subjects compared when they are topics rather than indicators (普通食品和食用农产品哪个多).
   */
  | {
      kind: "which";
      across: "periods" | "places" | "indicators" | "topics";
      measure: Measure;
      direction: "higher" | "lower";
      items?: Subject[];
    }
  /** Where a figure stands among others' (在全市排第几, 排名如何): the standing a document states. */
  | { kind: "standing" }
  /** Target and result together; `verdict` asks whether the target was met (目标完成了没有). */
  | { kind: "plan"; verdict: boolean }
  /** Indicators ranked by their published growth (哪个指标增长最快); `targets` ranks a plan's targets. */
  | { kind: "rank"; order: "max" | "min" | "fall"; mainOnly: boolean; targets: boolean }
  /** Indicators whose growth passes a threshold (增速超过两位数的指标). */
  | { kind: "filter"; op: "gt" | "lt"; percent: number; mainOnly: boolean; targets: boolean }
  | { kind: "task"; query: TaskQuery }
  | { kind: "list"; ref: ListRef }
  /** Several asks in one message, each a question of its own sharing the scope. */
  | { kind: "multi"; parts: Question[] }
  /** The main indicators of a place and period (经济怎么样, 主要指标, 概况). */
  | { kind: "briefing" }
  /** What the documents say about a topic (情况, 措施, 哪些). */
  | { kind: "general" }
  /** The source of the previous answer (原文呢, 出处). */
  | { kind: "source" }
  | { kind: "chit-chat"; what: ChitChat }
  | { kind: "unclear"; why: UnclearReason };

/** The kinds of {@link Ask}. */
export type AskKind = Ask["kind"];

/** How a message leans on the one before it. */
export interface FollowUpCues {
  /** Opens with 那/那么/还有/另外/再, or ends with 呢. */
  marked: boolean;
  /** Refers back to the subject (它, 这个指标, 该指标, 刚才那个). */
  pronoun: boolean;
  /**
   * A bare reference to an item (`第三个呢`, `第二个具体要求是什么`): the item of the list the last
   * answer showed, if any (otherwise the message is read as it stands).
   */
  listRef?: ListRef;
}

/** A question, understood. */
export interface Question {
  /** The message as received. */
  original: string;
  /** The normalised question (simplified script, spoken forms written out); the search query. */
  text: string;
  /** `/cite` shows the first citation's excerpt; `/compare` compares periods. */
  command: "cite" | "compare" | null;
  scope: QuestionScope;
  subject: Subject;
  ask: Ask;
  cues: FollowUpCues;
}

/** A period naming nothing. */
export const NO_PERIOD: PeriodRef = { years: [], part: null, relative: null, every: false, wholeYear: false };

/** A subject naming nothing. */
export const NO_SUBJECT: Subject = {
  indicators: [],
  topic: "",
  terms: [],
  parts: [],
  measure: null,
  head: null,
  lastWord: null,
  context: [],
  wording: "",
};

/** Whether a period names anything. */
export function namesPeriod(p: PeriodRef): boolean {
  return p.years.length > 0 || p.part !== null || p.relative !== null || p.every;
}

/** Whether a subject names anything to look up. */
export function namesSubject(s: Subject): boolean {
  return s.indicators.length > 0 || s.terms.length > 0;
}

/** The period as text for messages: `2023年`, `2024年上半年`, `2022年、2023年`. */
export function periodLabel(p: PeriodRef): string {
  const years = p.years.map((y) => `${y}年`).join("、");
  return `${years}${p.part ?? ""}` || (p.relative?.word ?? "");
}

/** The places as text: `铁东区`, `铁东区、立山区`. */
export function placeLabel(places: readonly PlaceRef[]): string {
  return places.map((p) => p.name).join("、");
}

/** The canonical names a subject's indicators name (first reading of each), in order. */
export function indicatorNames(s: Subject): string[] {
  const out: string[] = [];
  for (const ref of s.indicators) for (const n of ref.names) if (!out.includes(n)) out.push(n);
  return out;
}

/** The question restated in words: places, period, then its own wording (for options). */
export function restate(
  q: Pick<Question, "scope" | "subject">,
  period: string = periodLabel(q.scope.period),
): string {
  return `${placeLabel(q.scope.places)}${period}${q.subject.wording || q.subject.topic}`;
}
