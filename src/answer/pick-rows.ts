/**
 * The rows two-sided answers (differences, plan vs result, which is higher, ratios) compare:
 * those of the named indicators (the first reading of each name), or else the best rows of the
 * topic, of one nature, in given documents. Reads only the candidate rows of the evidence, or
 * selects them for other documents (a city's target) through the one row selection.
 */
import { MIN_COVERAGE, scoreRowsByTopic } from "../retrieve/match-rows.js";
import type { FigureNature, IndicatorRow } from "../types.js";
import type { Question } from "../understand/question.js";
import { selectRows } from "./select-rows.js";
import { longestSharedRun } from "./shared-run.js";
import { bestRows, rowContext } from "./topic-figures.js";
import type { AnswerContext, Evidence } from "./types.js";

/** The canonical indicators a question names, one reading each, in the order named. */
export function namedIndicators(q: Question): string[] {
  const out: string[] = [];
  for (const m of q.subject.indicators) {
    const first = m.names[0];
    if (first && !out.includes(first)) out.push(first);
  }
  return out;
}

/** The evidence restricted to some documents (rows selected anew when they lie outside the scope). */
export function evidenceIn(
  q: Question,
  ev: Evidence,
  docIds: ReadonlySet<string>,
  ctx: AnswerContext,
): Evidence {
  const inside = [...docIds].every((id) => ev.docIds.has(id));
  const rows = inside
    ? {
        named: ev.rows.named.filter((r) => docIds.has(r.source.docId)),
        namedAnyPeriod: ev.rows.namedAnyPeriod.filter((r) => docIds.has(r.source.docId)),
        topic: ev.rows.topic.filter((r) => docIds.has(r.source.docId)),
      }
    : selectRows(q, docIds, ctx);
  return { ...ev, docIds, rows };
}

/** The best rows of the topic of one nature (body-text facts), bound to the noun asked. */
function topicRows(q: Question, ev: Evidence, nature: FigureNature, ctx: AnswerContext): IndicatorRow[] {
  const terms = q.subject.terms.filter(
    (t) => !(t.length === 1 && "和了少多高低快慢比的与及从到较".includes(t)),
  );
  if (terms.length === 0) return [];
  const rows = ev.rows.topic.filter((r) => r.nature === nature);
  const scored = scoreRowsByTopic(
    rows,
    terms,
    (t) => ctx.reader.idf(t),
    null,
    (row) => rowContext(row, q, ev, ctx),
  );
  const max = ctx.defaults.maxTopicRows;
  // The row bound to the noun asked: the longest run of the topic found in its own clause
  // (公办率56.17% over 普惠率89.33% for 幼儿园公办率), then the score.
  const strong = scored.filter((s) => s.coverage >= MIN_COVERAGE);
  if (strong.length === 0) return bestRows(scored, terms, ev.minCoverage, max);
  const run = (clause: string) => longestSharedRun(q.subject.topic, clause);
  const best = Math.max(...strong.map((s) => run(s.row.clause)));
  return bestRows(
    strong.filter((s) => run(s.row.clause) === best),
    terms,
    ev.minCoverage,
    max,
  );
}

/** Rows of the named indicators (or the topic) of one nature, in the evidence's documents. */
export function rowsOf(q: Question, ev: Evidence, nature: FigureNature, ctx: AnswerContext): IndicatorRow[] {
  const named = namedIndicators(q);
  if (named.length > 0)
    return ev.rows.named.filter((r) => named.includes(r.indicator ?? "") && r.nature === nature);
  return topicRows(q, ev, nature, ctx);
}

/** City-level documents of the same year as the given ones (a district's target is the city's). */
export function cityDocsOfYear(docIds: ReadonlySet<string>, ctx: AnswerContext): Set<string> {
  const metas = ctx.reader.metas();
  const years = new Set(metas.filter((m) => docIds.has(m.id)).map((m) => m.year));
  return new Set(
    metas.filter((m) => m.district === null && years.has(m.year) && !docIds.has(m.id)).map((m) => m.id),
  );
}
