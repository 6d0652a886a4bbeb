/**
 * The one place a question's candidate rows are selected: the rows of the indicators it names
 * and the rows whose clause holds its topic (or a catalogued name of a named indicator, or the
 * words of that name), in the documents in scope. Every handler reads these, none selects its
 * own. The qualifiers a question asks (登记/调查, 常住/户籍, 城镇/农村 …) are checked against a
 * row's here, through src/indicators/qualifiers.ts ({@link namedRowAgrees}, {@link topicRowAgrees}).
 */
import { indicatorForms } from "../indicators/aliases.js";
import { qualifiersAgree, qualifierValues } from "../indicators/qualifiers.js";
import { rowInPeriod } from "../retrieve/question-scope.js";
import type { IndicatorRow } from "../types.js";
import { indicatorNames, type Question, type Subject } from "../understand/question.js";
import { withReviewYears } from "./review-rows.js";
import type { AnswerContext, CandidateRows } from "./types.js";

/** The subjects a row may answer: both sides of a ratio (the whole named or implied), else the subject. */
function subjectsOf(q: Question, ctx: AnswerContext): Subject[] {
  if (q.ask.kind !== "ratio") return [q.subject];
  const whole = wholeOf(q, ctx);
  return whole ? [q.ask.part, whole] : [q.ask.part];
}

/** Whether a row agrees with the qualifiers one subject asks (src/indicators/qualifiers.ts). */
export function subjectAgrees(s: Subject, row: IndicatorRow, ctx: AnswerContext): boolean {
  const vocabulary = ctx.lexicon.vocabulary;
  // A row read as no indicator whose phrase writes a named one under a catalogued name
  // (`全国公共财政收入[5]117210亿元` for 财政收入) is read as that indicator.
  // Not when the phrase's own words contradict the name (全口径财政收入 is no 一般公共预算收入).
  const dims = vocabulary.qualifiers;
  const own = qualifierValues(row.phrase, dims);
  const fits = (n: string) => {
    const named = qualifierValues(n, dims);
    return [...own].every(([d, v]) => !named.has(d) || named.get(d) === v);
  };
  const as =
    row.indicator ??
    indicatorNames(s).find(
      (n) => fits(n) && indicatorForms(vocabulary, n).some((f) => row.phrase.includes(f)),
    ) ??
    null;
  const refs = s.indicators.filter((r) => as !== null && r.names.includes(as));
  if (refs.length > 0)
    return refs.some((r) =>
      qualifiersAgree({ words: r.asked, indicators: r.names }, { ...row, indicator: as }, vocabulary),
    );
  return qualifiersAgree({ words: s.topic, indicators: indicatorNames(s) }, row, vocabulary);
}

/**
 * Whether a row of a named indicator agrees with the qualifiers of the words that named it
 * (登记 never takes 调查, 在职 never 含离退休, 地区生产总值 never 人均…). A row of an indicator
 * no subject names agrees.
 */
export function namedRowAgrees(q: Question, row: IndicatorRow, ctx: AnswerContext): boolean {
  const subjects = subjectsOf(q, ctx).filter((s) =>
    s.indicators.some((r) => row.indicator !== null && r.names.includes(row.indicator)),
  );
  return subjects.length === 0 || subjects.some((s) => subjectAgrees(s, row, ctx));
}

/**
 * Whether a row found by the topic's words agrees with the qualifiers the topic says
 * (国际集装箱航线 never takes 国内 or bare 集装箱航线), or, when it writes a named indicator,
 * with the words that named it.
 */
export function topicRowAgrees(q: Question, row: IndicatorRow, ctx: AnswerContext): boolean {
  return subjectsOf(q, ctx).some((s) => subjectAgrees(s, row, ctx));
}

/** The ways the named indicators may be written in a statement (their catalogued names). */
export function namedForms(q: Question, ctx: AnswerContext): string[] {
  const forms = q.subject.indicators.flatMap((m) => indicatorForms(ctx.lexicon.vocabulary, m.written));
  return [...new Set(forms)];
}

/**
 * Whether the words asking for an indicator narrow it to a part along a dimension that has a
 * whole (在职 of `在职养老保险人数`, which the name itself does not say).
 */
function narrowed(asked: string, name: string, ctx: AnswerContext): boolean {
  const dims = ctx.lexicon.vocabulary.qualifiers;
  const said = qualifierValues(asked, dims);
  const own = qualifierValues(name, dims);
  return dims.some((d) => {
    const v = said.get(d.dimension);
    return d.whole !== undefined && v !== undefined && v !== d.whole && !own.has(d.dimension);
  });
}

/**
 * The indicators a share is taken of when the question names no whole (`税收收入占比`): the
 * catalogued parent (一般公共预算收入 of 税收收入), or the indicator itself when the question
 * narrows it by a qualifier (`在职养老保险人数占比`: of all insured).
 */
export function impliedWholes(q: Question, ctx: AnswerContext): string[] {
  if (q.ask.kind !== "ratio" || q.ask.whole !== null) return [];
  const entries = ctx.lexicon.vocabulary.entries;
  const out: string[] = [];
  for (const ref of q.ask.part.indicators) {
    for (const name of ref.names) {
      const entry = entries.get(name);
      const parent = entry ? (entry.partOf ?? entry.subsetOf ?? null) : null;
      const whole = parent ?? (narrowed(ref.asked, name, ctx) ? name : null);
      if (whole && !out.includes(whole)) out.push(whole);
    }
  }
  return out;
}

/** The whole of a share: the one named, else the implied one (its name alone: no qualifier asked). */
export function wholeOf(q: Question, ctx: AnswerContext): Subject | null {
  if (q.ask.kind !== "ratio") return null;
  if (q.ask.whole) return q.ask.whole;
  const names = impliedWholes(q, ctx);
  if (names.length === 0) return null;
  const indicators = names.map((name) => ({ written: name, names: [name], asked: name }));
  return { ...q.ask.part, indicators, topic: names.join(" "), terms: names, parts: [], head: null };
}

/** Selects the candidate rows of a question in the documents in scope. */
export function selectRows(q: Question, docIds: ReadonlySet<string>, ctx: AnswerContext): CandidateRows {
  const period = q.scope.period;
  const names = [...indicatorNames(q.subject), ...impliedWholes(q, ctx)];
  const namedAnyPeriod =
    names.length > 0
      ? withReviewYears(ctx.reader.rowsOfIndicators(names, docIds), ctx.reader).filter((r) =>
          namedRowAgrees(q, r, ctx),
        )
      : [];
  const terms = [...q.subject.terms, ...namedForms(q, ctx), ...q.subject.parts];
  const topic =
    terms.length > 0
      ? withReviewYears(ctx.reader.rowsWithTerms([...new Set(terms)], docIds), ctx.reader).filter(
          (r) => rowInPeriod(r, period) && topicRowAgrees(q, r, ctx),
        )
      : [];
  return { named: namedAnyPeriod.filter((r) => rowInPeriod(r, period)), namedAnyPeriod, topic };
}
