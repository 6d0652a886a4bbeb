/**
 * The one place a question's candidate rows are selected: the rows of the indicators it names
 * and the rows whose clause holds its topic (or a catalogued name of a named indicator, or the
 * words of that name), in the documents in scope. Every handler reads these, none selects its
 * own. Where the qualifiers a question asks (登记/调查, 常住/户籍, 城镇/农村 …) are checked
 * against a row's is {@link rowAgrees} — the seam for src/indicators/qualifiers.ts.
 */
import { indicatorForms } from "../indicators/aliases.js";
import { rowInPeriod } from "../retrieve/question-scope.js";
import type { IndicatorRow } from "../types.js";
import { indicatorNames, type Question } from "../understand/question.js";
import type { AnswerContext, CandidateRows } from "./types.js";

/**
 * Whether a row's qualifiers agree with what the question asks. Today every row agrees: the
 * catalogue names (人均, 限上, 规上 …) already keep such indicators apart, and topic matching
 * requires each word of a name. When src/indicators/qualifiers.ts lands, it is called here.
 */
export function rowAgrees(_q: Question, _row: IndicatorRow): boolean {
  return true;
}

/** The ways the named indicators may be written in a statement (their catalogued names). */
export function namedForms(q: Question, ctx: AnswerContext): string[] {
  const forms = q.subject.indicators.flatMap((m) => indicatorForms(ctx.lexicon.vocabulary, m.written));
  return [...new Set(forms)];
}

/**
 * The indicators a share is taken of when the question names no whole (`在职养老保险人数占比`):
 * the catalogued parent (税收收入 of 一般公共预算收入), and the variants of the same parent that
 * include the others (养老保险人数（含离退休职工） for 养老保险人数（在职））, in that order.
 */
export function impliedWholes(q: Question, ctx: AnswerContext): string[] {
  if (q.ask.kind !== "ratio" || q.ask.whole !== null) return [];
  const entries = ctx.lexicon.vocabulary.entries;
  const out: string[] = [];
  for (const name of indicatorNames(q.ask.part)) {
    const entry = entries.get(name);
    const parent = entry ? (entry.partOf ?? entry.subsetOf ?? null) : null;
    if (!parent) continue;
    const siblings = [...entries.values()]
      .filter((e) => e.name !== name && (e.subsetOf ?? e.partOf) === parent && /（含/u.test(e.name))
      .map((e) => e.name);
    for (const n of [parent, ...siblings]) if (!out.includes(n)) out.push(n);
  }
  return out;
}

/** Selects the candidate rows of a question in the documents in scope. */
export function selectRows(q: Question, docIds: ReadonlySet<string>, ctx: AnswerContext): CandidateRows {
  const period = q.scope.period;
  const names = [...indicatorNames(q.subject), ...impliedWholes(q, ctx)];
  const namedAnyPeriod =
    names.length > 0 ? ctx.reader.rowsOfIndicators(names, docIds).filter((r) => rowAgrees(q, r)) : [];
  const terms = [...q.subject.terms, ...namedForms(q, ctx), ...q.subject.parts];
  const topic =
    terms.length > 0
      ? ctx.reader
          .rowsWithTerms([...new Set(terms)], docIds)
          .filter((r) => rowInPeriod(r, period) && rowAgrees(q, r))
      : [];
  return { named: namedAnyPeriod.filter((r) => rowInPeriod(r, period)), namedAnyPeriod, topic };
}
