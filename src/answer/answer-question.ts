/**
 * Answers one parsed question from the loaded artefacts. The order of attempts:
 *   1. scope (region/period) — a place or period the corpus lacks is `not_found`;
 *   2. task units (牵头单位) from the task table;
 *   3. canonical indicators named through the alias file, answered from the table exactly;
 *   4. body-text facts matched by topic and measure word, helped by hybrid retrieval;
 *   5. general questions answered with the best retrieved statements.
 * Nothing is guessed: without a match above the thresholds the answer is `not_found`.
 */
import { indicatorForms, type IndicatorVocabulary } from "../indicators/aliases.js";
import { agreesWithMentions } from "../indicators/qualifiers.js";
import type { Tokenizer } from "../index/tokenize.js";
import type { ChunkSearchIndex } from "../retrieve/hybrid-search.js";
import { MIN_COVERAGE, dedupeRows, scoreTasks, type Idf } from "../retrieve/match-rows.js";
import { parseQuestion, restateWithPeriod, type ParsedQuestion } from "../retrieve/parse-question.js";
import { rowsOfIndicators } from "../retrieve/row-lookup.js";
import { resolveScope, rowInPeriod } from "../retrieve/scope.js";
import { isMeaningfulTopic } from "../retrieve/topic-check.js";
import type { AnswerList, AnswerStatus, DocumentMeta, Fact, IndicatorRow } from "../types.js";
import { EXAMPLES } from "./check-question.js";
import { CitationBook, formatExcerpt, type CorpusView } from "./citations.js";
import { composeTask } from "./compose.js";
import { answerChange } from "./change-questions.js";
import { answerRows } from "./row-answers.js";
import { answerWordedTarget } from "./worded-targets.js";
import { ASKS_RESULT, answerByTopic } from "./topic-answers.js";
import { answerGeneral, notFoundText } from "./general.js";
import { answerRespective } from "./respective-pairs.js";
import { answerShapedQuestion } from "./shaped-questions.js";
import { answerFromTaskText, answerTaskTable } from "./task-answers.js";

/** Everything answering needs, built once per process. */
export interface AnswerContext {
  view: CorpusView;
  vocabulary: IndicatorVocabulary;
  tokenizer: Tokenizer;
  search: ChunkSearchIndex;
  idf: Idf;
  /**
   * Minimum topic coverage of a body-text match (default {@link MIN_COVERAGE}). A follow-up
   * that keeps the previous topic and changes only the place or period may ask with less:
   * the topic is established, only its wording in the other document differs.
   */
  minCoverage?: number;
}

/** An answer before timing and the question are attached. */
export interface Draft {
  status: AnswerStatus;
  text: string;
  facts: Fact[];
  book: CitationBook | null;
  options: string[];
  /** The list the text shows, item by item (task lists), for front ends that page it. */
  list?: AnswerList;
}

const notFound = (text: string): Draft => ({ status: "not_found", text, facts: [], book: null, options: [] });

/** Wording of a question about the text rather than one figure. */
const GENERAL_QUESTION = /哪些|什么|怎样|怎么|如何|情况|做了|介绍|概况|举措|措施|进展/u;

/** Words that carry no topic: periods, places and generic verbs already handled elsewhere. */
const NON_TOPIC = new Set([
  "年",
  "年度",
  "全年",
  "全区",
  "我区",
  "全市",
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
]);

/** Words that ask for a growth rate; no topic in a growth question. */
const GROWTH_WORDS = new Set(["增长", "增速", "增幅", "涨幅", "下降", "降幅"]);

/** The topic terms of a question: tokens of its topic minus non-topic words. */
export function topicTerms(q: ParsedQuestion, tokenizer: Tokenizer): string[] {
  return [...new Set(tokenizer.tokens(q.topic))].filter(
    (t) => !NON_TOPIC.has(t) && !/^\d{4}$/u.test(t) && !(q.intent === "growth" && GROWTH_WORDS.has(t)),
  );
}

/**
 * The topic terms of a task-unit question: task texts name indicators canonically
 * (地区生产总值增长6%左右), so an alias in the question (GDP) is replaced by its indicator.
 */
function leadTerms(q: ParsedQuestion, tokenizer: Tokenizer): string[] {
  if (q.indicators.length === 0) return topicTerms(q, tokenizer);
  let topic = q.topic;
  for (const m of q.indicators) if (m.indicators[0]) topic = topic.split(m.term).join(` ${m.indicators[0]} `);
  return topicTerms({ ...q, topic }, tokenizer);
}

/** The canonical indicators the question names. */
function chosenIndicators(q: ParsedQuestion): Set<string> {
  return new Set(q.indicators.flatMap((m) => m.indicators));
}

/** Words that ask for a growth rate. */
const ASKS_GROWTH = /增长|增速|增幅|涨幅|增加多少/u;

/** Prefers results over targets unless the question asks for a target. */
function byNature(q: ParsedQuestion, rows: IndicatorRow[]): IndicatorRow[] {
  if (q.intent === "target") {
    const targets = rows.filter((r) => r.nature === "target");
    // A growth target asked (增长目标): the targets that state a growth, not a level set elsewhere.
    const growths = targets.filter((r) => r.growth);
    return ASKS_GROWTH.test(q.text) && growths.length > 0 ? growths : targets;
  }
  const results = rows.filter((r) => r.nature === "result");
  // A question that asks what was achieved (完成了多少) is not answered with a target.
  if (results.length === 0 && ASKS_RESULT.test(q.text)) return [];
  return results.length > 0 ? results : rows;
}

/** Not-found text for a target the corpus does not set, pointing at the published results. */
function noTargetText(q: ParsedQuestion, indicators: string[]): string {
  const where = `${q.regions.join("、")}${q.years.map((y) => `${y}年`).join("、")}${q.partOfYear ?? ""}`;
  const names = indicators.join("、");
  return `已收录的文件中没有${where}${names}的预期目标；文件中有实际完成数，可以问“${where}${names}是多少”。`;
}

/**
 * A target stated without a figure (6.居民收入增长与经济增长基本同步): the task of the city's
 * task list whose text names the indicator, quoted as the target.
 */
function answerTargetTask(docIds: Set<string>, names: string[], ctx: AnswerContext): Draft | null {
  const task = ctx.view.artefacts.tasks.find(
    (t) => docIds.has(t.docId) && names.some((n) => t.text.startsWith(n)),
  );
  if (!task) return null;
  const meta = ctx.view.doc(task.docId).meta;
  const book = new CitationBook(ctx.view);
  const id = book.cite(task.docId, task.sectionId, task.start, task.end, null);
  const text = `${meta.region}${meta.period}预期目标：${task.text.replace(/。$/u, "")}[${id}]（第${task.number}项）。`;
  return { status: "answered", text, facts: [], book, options: [] };
}

/**
 * A question with nothing to look up (人, 水, %铁, 的): no indicator and less than two Chinese
 * characters of topic. Asked to say more, never answered with a figure.
 */
function vagueQuestion(q: ParsedQuestion): Draft | null {
  if (q.indicators.length > 0) return null;
  const han = q.topic.match(/\p{Script=Han}/gu)?.length ?? 0;
  if (han >= 2) return null;
  return askForTopic();
}

/** The clarify answer to a question that names nothing to look up; it never echoes the input. */
function askForTopic(): Draft {
  const text = `这个问题没有说明要查询的指标或事项，请补充，例如：${EXAMPLES[0]}`;
  return { status: "clarify", text, facts: [], book: null, options: [...EXAMPLES] };
}

/** A question that says 全年 is not answered from a part-year document (上半年, 1-6月). */
function wholeYearDocs(q: ParsedQuestion, docs: DocumentMeta[]): DocumentMeta[] {
  if (!/全年|整年/u.test(q.text) || q.partOfYear) return docs;
  return docs.filter((d) => !/半年|季度|\d{1,2}月|月份/u.test(d.period));
}

/** Answers a question already parsed; `/cite …` adds the excerpt of the first citation. */
export async function answerParsed(q: ParsedQuestion, ctx: AnswerContext): Promise<Draft> {
  const draft = await draftAnswer(q, ctx);
  const first = draft.book?.citations()[0];
  if (q.command !== "cite" || !first) return draft;
  return { ...draft, text: [draft.text, "", "原文摘录：", formatExcerpt(first)].join("\n") };
}

/** The answer before any /cite excerpt. */
async function draftAnswer(q: ParsedQuestion, ctx: AnswerContext): Promise<Draft> {
  const table = answerTaskTable(q.text, ctx);
  if (table) return table;
  const vague = vagueQuestion(q);
  if (vague) return vague;
  const metas = ctx.view.metas();
  const scope = resolveScope(q, metas);
  if (!scope.ok && scope.reason === "relative") {
    const options = scope.periods.map((p) => restateWithPeriod(q, p));
    return { status: "clarify", text: scope.message, facts: [], book: null, options };
  }
  if (!scope.ok && scope.reason === "ambiguous") {
    return { status: "clarify", text: scope.message, facts: [], book: null, options: scope.options };
  }
  if (!scope.ok) return notFound(scope.message);
  const wholeYear = wholeYearDocs(q, scope.docs);
  if (wholeYear.length === 0) {
    const held = [...new Set(scope.docs.map((d) => `${d.region}${d.period}`))].join("、");
    return notFound(`问的是全年，但已收录的文件中只有${held}的数据，不能当作全年数。`);
  }
  const docIds = new Set(wholeYear.map((d) => d.id));
  const terms = topicTerms(q, ctx.tokenizer);
  const shaped = await answerShapedQuestion(q, docIds, terms, ctx, (part) =>
    draftAnswer(parseQuestion(part, ctx.vocabulary), ctx),
  );
  if (shaped) return shaped;

  if (q.intent === "lead") {
    const tasks = ctx.view.artefacts.tasks;
    const best = scoreTasks(tasks, leadTerms(q, ctx.tokenizer), ctx.idf)[0];
    if (!best || best.coverage < MIN_COVERAGE) {
      return notFound(
        `任务分解方案的${tasks.length}项任务中没有找到与“${q.topic}”相符的任务，请换个说法或给出任务原文中的关键词。`,
      );
    }
    const book = new CitationBook(ctx.view);
    const part = composeTask(best.task, ctx.view.doc(best.task.docId).meta.title, book);
    return { status: "answered", text: part.lines.join("\n"), facts: part.facts, book, options: [] };
  }

  const indicators = chosenIndicators(q);
  if (indicators.size > 0) {
    const change = answerChange(q, indicators, docIds, ctx);
    if (change) return change;
    // Qualifiers decide (src/indicators/qualifiers.ts): 登记 never takes 调查, 在职 never 含离退休.
    const inPeriod = rowsOfIndicators(ctx.view.artefacts.rows, indicators, docIds).filter(
      (r) => rowInPeriod(r, q) && agreesWithMentions(q.text, q.indicators, r, ctx.vocabulary, q.places),
    );
    const rows = dedupeRows(byNature(q, inPeriod));
    if (rows.length > 0) return answerRows(q, rows, ctx);
    const mentioned = q.indicators.map((m) => m.term);
    if (q.intent === "target") {
      const target = answerTargetTask(docIds, [...mentioned, ...indicators], ctx);
      if (target) return target;
      const worded = await answerWordedTarget(q, docIds, mentioned, ctx);
      if (worded) return worded;
      // Asked for a target the documents do not set: say so, and where the results are.
      const results = inPeriod;
      if (results.length > 0) return notFound(noTargetText(q, [...indicators]));
    }
    // A catalogued indicator without rows of its own: its name or any alias in a statement.
    const byTerm = await answerByTopic(q, docIds, mentioned, ctx, {
      forms: (term) => indicatorForms(ctx.vocabulary, term),
    });
    if (byTerm) return byTerm;
    const paired = await answerRespective(q, docIds, terms, ctx);
    if (paired) return paired;
    // The name's words apart (高速公路里程: `公路总里程…其中：高速公路814公里`), as any body-text question.
    const words = [...new Set(terms.flatMap((t) => ctx.tokenizer.parts(t)))];
    const byWords = isMeaningfulTopic(words)
      ? await answerByTopic(q, docIds, words, ctx, { parts: true })
      : null;
    if (byWords) return byWords;
    return notFound(notFoundText(q, scope.docs, [...indicators], ctx.view.artefacts.rows));
  }

  // `人`, `水`, `%铁`: single characters match rows by accident; ask what is meant instead.
  if (!isMeaningfulTopic(terms)) return askForTopic();
  const general = GENERAL_QUESTION.test(q.text) && !/多少|几/u.test(q.text);
  const byTopic = general ? null : await answerByTopic(q, docIds, terms, ctx);
  // A fact read from a 分别 statement takes the figure in the position of the subject asked.
  const respective = !byTopic || byTopic.book?.citations().some((c) => c.quote.includes("分别"));
  const paired = general || !respective ? null : await answerRespective(q, docIds, terms, ctx);
  if (paired) return paired;
  if (byTopic) return byTopic;
  const planned = general ? null : answerFromTaskText(q, docIds, terms, ctx);
  if (planned) return planned;
  if (q.unit || /多少|几/u.test(q.text))
    return notFound(notFoundText(q, scope.docs, [], ctx.view.artefacts.rows));
  return answerGeneral(q, docIds, terms, ctx);
}
