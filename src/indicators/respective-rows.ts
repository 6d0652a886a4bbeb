/**
 * Rows of the `分别` constructions of a statement (`…分别增长5%和3.2%`): each subject with its
 * own figure, read by respectively.ts.
 */
import type { CorpusDocument, IndicatorRow, Section } from "../types.js";
import type { Range } from "../sections/sentences.js";
import { indicatorsOfPhrase, type IndicatorVocabulary } from "./aliases.js";
import { cleanPhrase } from "./indicator-phrase.js";
import { findRespectively } from "./respectively.js";
import { reportContext, type ReportReading } from "./statement-context.js";
import { statementPeriod } from "./statement-period.js";

/**
 * Rows of the `分别` constructions of a statement (each subject with its own figure); returns
 * the spans they cover (document offsets) so the clause reader skips them.
 */
export function respectiveRows(
  doc: CorpusDocument,
  vocabulary: IndicatorVocabulary,
  section: Section,
  st: Range,
  planStart: number,
  out: IndicatorRow[],
  offset: number,
  report: ReportReading | null,
): Range[] {
  const statement = doc.text.slice(st.start, st.end);
  const covered: Range[] = [];
  for (const found of findRespectively(statement)) {
    const { period, nature } = statementPeriod({
      meta: doc.meta,
      headings: section.path,
      statement,
      before: statement.slice(0, found.end),
      inPlanPart: planStart >= 0 && st.start > planStart,
      ...reportContext(report, st.start),
    });
    const clause = statement.slice(found.start, found.end);
    for (const pair of found.pairs) {
      const phrase = cleanPhrase(pair.subject);
      if (phrase === "") continue;
      const named = indicatorsOfPhrase(vocabulary, phrase);
      const row = (
        rowPhrase: string,
        indicator: string | null,
        value: IndicatorRow["value"],
        growth: IndicatorRow["growth"],
      ) =>
        out.push({
          id: `${doc.meta.id}:${offset + out.length}`,
          region: doc.meta.region,
          period,
          indicator,
          phrase: rowPhrase,
          value,
          growth,
          basis: null,
          nature,
          qualifier: null,
          clause,
          source: { docId: doc.meta.id, sectionId: section.id, start: st.start, end: st.end },
        });
      const indicator = named.length === 1 ? named[0]! : null;
      if (found.change && pair.figure) {
        // `分别增加2279元`: a change is never the indicator's level; its growth rate is.
        row(`${phrase}${found.change}`, null, pair.figure, null);
        if (pair.growth) row(phrase, indicator, null, pair.growth);
      } else row(phrase, indicator, pair.figure, pair.growth);
    }
    // The statement's closing mark (`…分别为5%和3.2%。`) belongs to the construction it closes.
    const closed = /^[。；！？\s]*$/u.test(statement.slice(found.end)) ? statement.length : found.end;
    covered.push({ start: st.start + found.start, end: st.start + closed });
  }
  return covered;
}
