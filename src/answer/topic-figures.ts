/**
 * Body-text facts found by topic and measure word (离婚登记654对): the candidate rows holding a
 * topic term in their clause, scored by where each term is found around them (match-rows.ts),
 * the search's retrieval score as a tie-breaker; the best rows answer, each cited. The same
 * matching finds a catalogued indicator without rows of its own, under any of its names
 * (棚户区改造 is written 棚改), or by the words of its name written apart (高速公路里程 as
 * `公路总里程…其中：高速公路814公里`).
 */
import { indicatorForms } from "../indicators/aliases.js";
import {
  dedupeRows,
  unitAnswers,
  scoreRowsByTopic,
  sameTerm,
  type RowContext,
  type ScoredRow,
  type TermForms,
} from "../retrieve/match-rows.js";
import { rowInPeriod } from "../retrieve/question-scope.js";
import type { FigureNature, IndicatorRow } from "../types.js";
import { indicatorNames, type Question } from "../understand/question.js";
import { hasWord } from "../understand/subject.js";
import { answerRows, changeOfRows } from "./figures.js";
import { figureAfterWord, withGrowthAfter } from "./growth-after.js";
import { FROM, moveEnd } from "./move-rows.js";
import { answerRespective } from "./respective-pairs.js";
import { decline, type AnswerContext, type Draft, type Evidence, type Outcome } from "./types.js";

/**
 * What scoring reads around a row: its statement, the one before, its heading, retrieval, and
 * how much of the conversation's context (the subject before) stands there.
 */
export function rowContext(
  row: IndicatorRow,
  q: Question,
  ev: Evidence,
  ctx: AnswerContext,
  bonus = 0,
): RowContext {
  const { docId, sectionId, start, end } = row.source;
  const statement = ctx.reader.text(docId, start, end);
  const previous = ctx.reader.statementBefore(docId, sectionId, start);
  const heading = ctx.reader.sectionLabel(sectionId);
  const terms = q.subject.context.filter((t) => !q.subject.terms.includes(t));
  const around = `${previous}${statement}${heading}`;
  // Found around the row, and more so in its own clause (累计制作 of the question before picks
  // `累计制作电子印章81枚` over `电子印章覆盖度实现100%` of the same statement).
  const hits = (text: string) => terms.filter((t) => text.includes(t)).length;
  const context = terms.length === 0 ? 0 : (hits(around) + hits(row.clause)) / (2 * terms.length);
  return {
    statement,
    previous,
    heading,
    retrieval: (ev.boosts.get(ctx.reader.chunkPositionAt(docId, start)) ?? 0) + bonus,
    context,
  };
}

/**
 * The rows of a scored list that match as well as the best one, each shown with its own
 * citation; among them, those whose phrase says least besides the topic (结婚登记 over
 * 补领结婚登记). Nothing when the best coverage is below `minCoverage`.
 */
export function bestRows(
  scored: ScoredRow[],
  terms: string[],
  minCoverage: number,
  max: number,
  preferred: FigureNature | null = null,
): IndicatorRow[] {
  const best = scored[0];
  if (!best || best.coverage < minCoverage) return [];
  let tied = scored.filter((s) => s.coverage >= best.coverage - 1e-9);
  // Among rows matching as well: of the nature asked (a target for 目标), then those standing
  // where the conversation's subject stands.
  if (preferred && tied.some((s) => s.row.nature === preferred))
    tied = tied.filter((s) => s.row.nature === preferred);
  const mostContext = Math.max(...tied.map((s) => s.context));
  const equal = tied.filter((s) => s.context >= mostContext - 1e-9);
  const precision = (phrase: string) =>
    terms.reduce((n, t) => n + (phrase.includes(t) ? t.length : 0), 0) / phrase.length;
  const bestPrecision = Math.max(...equal.map((s) => precision(s.row.phrase)));
  return dedupeRows(
    equal.filter((s) => precision(s.row.phrase) >= bestPrecision - 1e-9).map((s) => s.row),
  ).slice(0, max);
}

/** A statement up to the end of one of its clauses. */
function upToClause(statement: string, clause: string): string {
  const at = statement.indexOf(clause);
  return at < 0 ? statement : statement.slice(0, at + clause.length);
}

/** How {@link byTopic} matches its terms. */
interface TopicOptions {
  /** The ways each term may be written (a catalogued indicator's names). */
  forms?: TermForms;
  /**
   * The terms are the parts of one name: every part must be found, in the row's clause or in
   * its statement before it (where a Chinese subject's qualifiers stand), so the total a
   * statement opens with is never given and 城镇登记失业率 never answers 城镇调查失业率.
   */
  parts?: boolean;
  /**
   * The catalogued indicators the terms name: a row read as another catalogued indicator
   * (单位地区生产总值能耗 for 地区生产总值) or stating a percentage of a quantity that is none
   * (`占GDP比重达28.3%`) is never theirs.
   */
  indicators?: readonly string[];
}

/** Unit kinds whose value is itself a percentage. */
const PERCENT_KINDS = new Set(["percent", "rate", "index"]);

/** Whether a row may state the value of one of the named indicators (see TopicOptions.indicators). */
function mayBeOf(row: IndicatorRow, names: readonly string[], ctx: AnswerContext): boolean {
  if (row.indicator !== null && !names.includes(row.indicator)) return false;
  const percentKind = names.some((n) =>
    PERCENT_KINDS.has(ctx.lexicon.vocabulary.entries.get(n)?.unit ?? "percent"),
  );
  if (percentKind) return true;
  // A share of it (`占GDP比重`), or a percentage or points where the quantity is none.
  if (/^占|比重|占比/u.test(row.phrase)) return false;
  if (!row.value) return !/百分点/u.test(row.growth?.figure ?? "");
  return !/^(?:%|‰|个?百分点)$/u.test(row.value.canonicalUnit);
}

/** Finds body-text facts by topic terms and the measure word asked; null when none matches. */
export function byTopic(
  q: Question,
  ev: Evidence,
  ctx: AnswerContext,
  terms: string[],
  options: TopicOptions = {},
): Draft | null {
  const { forms = sameTerm, parts, indicators } = options;
  if (terms.length === 0) return null;
  const ask = q.ask;
  const target = ask.kind === "value" && ask.nature === "target";
  const resultOnly = !target && ask.kind === "value" && ask.achieved;
  const written = new Set(terms.flatMap(forms));
  const candidates = ev.rows.topic.filter(
    (r) =>
      (!resultOnly || r.nature === "result") &&
      [...written].some((t) => r.clause.includes(t)) &&
      (!indicators || mayBeOf(r, indicators, ctx)),
  );
  const preferred = target ? "target" : "result";
  const before = new Map<IndicatorRow, string>();
  let scored = scoreRowsByTopic(
    candidates,
    terms,
    (t) => ctx.reader.idf(t),
    q.subject.measure,
    (row) => {
      const context = rowContext(row, q, ev, ctx, row.nature === preferred ? ctx.defaults.natureBonus : 0);
      if (!parts) return context;
      const statement = upToClause(context.statement, row.clause);
      before.set(row, statement);
      return { ...context, statement, previous: "" };
    },
    forms,
  ).filter((s) => !parts || terms.every((t) => before.get(s.row)!.includes(t)));
  // The row whose figure follows the very word asked with (排查了多少家 → `完成排查1545家`), else
  // the row stating the figure of the noun counted (罚款多少 → the 罚款 clause), when one does.
  const head = q.subject.head;
  const lastWord = q.subject.lastWord;
  const strong = scored.filter((s) => s.coverage >= ev.minCoverage);
  // (Only when the noun counted follows the ask: the word before it is then the action.)
  const acted = lastWord !== null && head !== null && head !== lastWord;
  const afterWord = (s: ScoredRow) => acted && s.row.phrase.endsWith(lastWord);
  if (strong.some(afterWord) && strong.some((s) => !afterWord(s))) scored = scored.filter(afterWord);
  else if (
    head &&
    strong.some((s) => s.row.clause.includes(head)) &&
    strong.some((s) => !s.row.clause.includes(head))
  )
    scored = scored.filter((s) => s.row.clause.includes(head));
  // A comparison takes the best rows of each period; other questions the best rows overall.
  const groups =
    ask.kind === "compare"
      ? [...new Set(scored.map((s) => s.row.period))].map((p) => scored.filter((s) => s.row.period === p))
      : [scored];
  // Ties go to the nature asked only when one is asked (目标 → a target, 完成了多少 → a result).
  const asked = target ? "target" : resultOnly ? "result" : null;
  let chosen = groups.flatMap((group) =>
    bestRows(group, terms, ev.minCoverage, ctx.defaults.maxTopicRows, asked),
  );

  if (chosen.length === 0) return null;
  // A figure a move starts from (由2021年的166个) is said with where it ended (减少到现在的43个).
  const period = q.scope.period;
  chosen = chosen.flatMap((row) => {
    const end = FROM.test(row.phrase) ? moveEnd(row, ctx) : null;
    return end && !chosen.includes(end) && (period.years.length === 0 || rowInPeriod(end, period))
      ? [row, end]
      : [row];
  });
  // A growth question takes the rate that follows a value in the same statement.
  // A value asked is shown with its own rate (nothing but a basis between).
  if (ask.kind === "growth") chosen = chosen.map((row) => withGrowthAfter(row, ctx.reader));
  else if (ask.kind === "value" && ask.nature !== "target")
    chosen = chosen.map((row) => (row.nature === "result" ? withGrowthAfter(row, ctx.reader, true) : row));
  // A figure asked with a word the row does not carry: the figure the statement writes after it.
  const word = q.subject.lastWord;
  const measure = q.subject.measure;
  const fits = (r: IndicatorRow) => !measure || (r.value !== null && unitAnswers(measure, r.value.unit));
  if (word && ask.kind === "value")
    chosen = dedupeRows(
      chosen.map((row) => {
        const found = figureAfterWord(row, word, ctx.reader);
        return fits(found) ? found : row;
      }),
    );
  return changeOfRows(q, chosen, ctx) ?? answerRows(q, chosen, ctx);
}

/** A named indicator without rows of its own: its name or any catalogued alias in a statement. */
export function namedByForms(q: Question, ev: Evidence, ctx: AnswerContext): Outcome {
  if (q.subject.indicators.length === 0) return decline("no indicator named");
  const mentioned = q.subject.indicators.map((m) => m.written);
  const found = byTopic(q, ev, ctx, mentioned, {
    forms: (t) => indicatorForms(ctx.lexicon.vocabulary, t),
    indicators: indicatorNames(q.subject),
  });
  // A clause listing several subjects' figures (`城乡居民…分别为…`): the figure of the one asked.
  if (found?.text.includes("分别")) {
    const paired = answerRespective(q, ev, ctx);
    if (paired) return paired;
  }
  return found ?? decline("no statement names the indicator under any catalogued name");
}

/** A named indicator found by the words of its name, each before the figure in its statement. */
export function namedByParts(q: Question, ev: Evidence, ctx: AnswerContext): Outcome {
  const words = q.subject.parts;
  if (q.subject.indicators.length === 0) return decline("no indicator named");
  if (!hasWord(words)) return decline("the name has no words to look for apart");
  return (
    byTopic(q, ev, ctx, words, { parts: true, indicators: indicatorNames(q.subject) }) ??
    decline("no statement holds every word of the name")
  );
}

/**
 * Body-text facts of a topic (no indicator named). A fact read from a `分别` statement takes
 * the figure in the position of the subject asked.
 */
export function topicFigures(q: Question, ev: Evidence, ctx: AnswerContext): Outcome {
  if (q.subject.indicators.length > 0) return decline("an indicator is named");
  if (!hasWord(q.subject.terms)) return decline("the topic has no word to match");
  const found = byTopic(q, ev, ctx, q.subject.terms);
  // (A clause shown listing several subjects' figures: the one asked, paired by position.)
  if (!found || found.text.includes("分别")) {
    const paired = answerRespective(q, ev, ctx);
    if (paired) return paired;
  }
  return found ?? decline(`no row covers ${Math.round(ev.minCoverage * 100)}% of the topic`);
}

/**
 * A topic whose words are written apart in the statement (补领结婚证 as `补领结婚登记证424件`):
 * the words of its terms, each before the figure in the statement.
 */
export function topicByWords(q: Question, ev: Evidence, ctx: AnswerContext): Outcome {
  if (q.subject.indicators.length > 0) return decline("an indicator is named");
  const words = q.subject.parts;
  if (!hasWord(words) || words.join() === q.subject.terms.join())
    return decline("the topic's words are its terms");
  return byTopic(q, ev, ctx, words, { parts: true }) ?? decline("no statement holds every word of the topic");
}

/** A `分别` pair whose subject the named indicator is. */
export function respectivePair(q: Question, ev: Evidence, ctx: AnswerContext): Outcome {
  // A topic's rows come first (topicFigures pairs a 分别 clause it would quote whole).
  if (q.subject.indicators.length === 0) return decline("no indicator named: the topic's rows decide");
  return answerRespective(q, ev, ctx) ?? decline("no 分别 statement pairs the subject asked");
}
