/**
 * The subject of a question: what is left when places, periods, the ask's frame and question
 * words are taken — its topic — with the catalogued indicators named in it and the words that
 * carry meaning (terms, for matching statements). Pure; the tokenizer is the search index's
 * (given by the caller, see {@link Lexicon}).
 */
import type { IndicatorVocabulary } from "../indicators/aliases.js";
import { askedWithin, type PlacedIndicator } from "./indicators.js";
import type { MarkedText } from "./marks.js";
import type { MeasureReading } from "./measure.js";
import type { Subject } from "./question.js";

/** What reading a question needs from the corpus and the search index. */
export interface Lexicon {
  vocabulary: IndicatorVocabulary;
  /** Unit keys of the task tables held (市发展改革委, 海城市政府 …). */
  units: readonly string[];
  /** The regions the corpus holds (铁东区, 鞍山市): their short forms count as places anywhere a word starts. */
  places?: readonly string[];
  /** A text's search terms, as the BM25 index makes them. */
  tokens(text: string): string[];
  /** The words a compound term is made of (高速公路里程 → 高速公路, 里程), as the index splits it. */
  parts(term: string): string[];
}

/** Question words and particles that ask but name nothing. */
export const QUESTION_WORDS =
  /请问|查询|告诉我|是多少|有多少|为多少|一共|总共|多少|是什么|什么|哪个|哪些|哪一|怎么样|怎样|如何|情况|吗|呢|呀|啊|吧|有没有|是否|是不是/gu;

/** Words that carry no topic: scope words, generic verbs and nouns of asking. */
const NON_TOPIC = new Set([
  "年",
  "年度",
  "全年",
  "全区",
  "我区",
  "全市",
  "我市",
  "本区",
  "本市",
  "上半年",
  "下半年",
  "多少",
  "数据",
  "统计",
  "方面",
  "做",
  "做了",
  "工作",
  "哪些",
  "情况",
  "开展",
  "进行",
  "主要",
  "有关",
  "相关",
  "在",
  "方面的",
  "内容",
  "取得",
  "成效",
  "成绩",
  "数",
  "数量",
  "总数",
  "个数",
  "来着",
  "有",
  "是",
  "的",
  "各",
  "分别",
  // single-character function words (比 of 比法定时限, 和 of A和B) name no topic
  "比",
  "较",
  "和",
  "与",
  "及",
  "从",
  "到",
  "在",
  "对",
  "于",
  "为",
  "向",
  "给",
  "把",
  "被",
  // 还有, 仍有, 尚有: what remains is still the thing counted
  "还",
  "仍",
  "尚",
  "还有",
  "仍有",
  "尚有",
]);

/** Words of growth: no topic of their own in a question that asks a growth rate. */
export const GROWTH_WORDS = new Set(["增长", "增速", "增幅", "涨幅", "下降", "降幅", "同比", "增长率"]);

/** Verbs that say how a figure moved or was reached, never what it counts (减少了多少个). */
const VERBS_OF_MOVING = new Set([
  "完成",
  "实现",
  "达到",
  "增加",
  "减少",
  "增长",
  "下降",
  "累计",
  "共计",
  "合计",
  "共有",
]);

/** Verbs a figure is asked with (完成多少, 增加多少, 发放多少): the moving verbs and those of spending or doing. */
const VERBS_OF_ASKING: ReadonlySet<string> = new Set([...VERBS_OF_MOVING, "发放", "支出", "开展", "新增"]);

/** Builds the subject from the free text of `[start, end)` and the indicators inside it. */
export function subjectOf(
  text: MarkedText,
  indicators: readonly PlacedIndicator[],
  reading: MeasureReading,
  lexicon: Lexicon,
  options: { growth?: boolean; start?: number; end?: number; wording: string },
): Subject {
  const start = options.start ?? 0;
  const end = options.end ?? text.text.length;
  const topic = text
    .free(start, end)
    .replace(QUESTION_WORDS, " ")
    .replace(/[^\p{Script=Han}A-Za-z0-9%.]+/gu, " ")
    .replace(/(?<![\p{Script=Han}A-Za-z\d])[.%](?![\p{Script=Han}A-Za-z\d])/gu, " ")
    .trim()
    // 还/仍 before the ask (还有多少个): what remains is the thing itself.
    .replace(/\s*(?:还|仍|尚)$/u, "")
    .replace(/\s+/gu, " ");
  const terms = [...new Set(lexicon.tokens(topic))].filter(
    (t) => !NON_TOPIC.has(t) && !/^\d{4}$/u.test(t) && !(options.growth && GROWTH_WORDS.has(t)),
  );
  // The counted noun: the first word after the ask (多少处隐患问题); without a measure word, the
  // last word before it (罚款多少). With a measure word (多少人) the measure says what is counted.
  const afterWord = reading.after ? lexicon.tokens(reading.after)[0] : undefined;
  const before = reading.before ? lexicon.tokens(reading.before) : [];
  const beforeWords = reading.measure === null ? before : [];
  const lastBefore = before[before.length - 1];
  const lastWord =
    lastBefore && terms.includes(lastBefore) && !VERBS_OF_ASKING.has(lastBefore) ? lastBefore : null;
  const head =
    [afterWord, beforeWords[beforeWords.length - 1]].find(
      (w) => w !== undefined && terms.includes(w) && !VERBS_OF_ASKING.has(w),
    ) ?? null;
  return {
    indicators: indicators
      .filter((m) => m.start >= start && m.start < end)
      .map((m) => ({ written: m.written, names: m.names, asked: askedWithin(m, start, end) })),
    topic,
    terms,
    parts: [...new Set(terms.flatMap((t) => lexicon.parts(t)))],
    measure: reading.measure,
    head,
    lastWord,
    context: [],
    wording: options.wording,
  };
}

/** The topic of a subject has a word: two Han characters, or two Latin letters (GDP). */
export function hasWord(terms: readonly string[]): boolean {
  return terms.some((t) => (t.match(/\p{Script=Han}/gu)?.length ?? 0) >= 2 || /[A-Za-z]{2}/u.test(t));
}

/** The basis a figure is compared with (比上年, 较去年同期, 比年初): when, not what. */
const BASIS_OF_COMPARISON = new Set([
  "上年",
  "去年",
  "上一年",
  "前一年",
  "同期",
  "上年同期",
  "去年同期",
  "年初",
  "上年末",
]);

/**
 * Whether terms name a subject of their own: a word besides the verbs of moving and the basis
 * of a comparison (减少 alone, 比上年增加, 较去年增长 name none).
 */
export function namesSubject(terms: readonly string[]): boolean {
  return hasWord(terms.filter((t) => !VERBS_OF_MOVING.has(t) && !BASIS_OF_COMPARISON.has(t)));
}
