/**
 * General questions about the text (`立山区上半年的招商引资情况`): the statements of the best
 * retrieved chunks that hold most of the topic, quoted and cited, grouped by document.
 */
import { periodLabelMatches } from "../retrieve/question-scope.js";
import type { Question } from "../understand/question.js";
import { hasWord } from "../understand/subject.js";
import { CitationBook } from "./citation-book.js";
import { decline, type AnswerContext, type Evidence, type Outcome } from "./types.js";

/** Quotes the statements of the best retrieved chunks that hold most of the topic. */
export function generalStatements(q: Question, ev: Evidence, ctx: AnswerContext): Outcome {
  const terms = q.subject.terms;
  if (terms.length === 0 || !hasWord(terms)) return decline("no topic to look for");
  const { generalHits, minGeneralCoverage, headingWeight, maxGeneralStatements } = ctx.defaults;
  const idf = (t: string) => ctx.reader.idf(t);
  const total = terms.reduce((s, t) => s + idf(t), 0);
  const period = q.scope.period;
  const datedQuestion = period.years.length > 0 || period.part !== null;
  const candidates: Array<{
    docId: string;
    sectionId: string;
    start: number;
    end: number;
    coverage: number;
  }> = [];
  for (const hit of ev.hits.slice(0, generalHits)) {
    const { docId, sectionId } = hit.chunk;
    const section = ctx.reader.section(sectionId);
    for (const st of ctx.reader.statementsIn(docId, hit.chunk.start, hit.chunk.end)) {
      const headingOnly =
        section &&
        section.level > 0 &&
        st.start === section.start &&
        st.end - st.start <= section.heading.length + 1;
      if (headingOnly) continue;
      // A statement whose figures describe another period than the one asked is not quoted
      // (a 2019 report's review of 2018 does not answer a question about 2019).
      const periods = ctx.reader.statementPeriods(docId, st.start);
      if (datedQuestion && periods.length > 0 && !periods.some((p) => periodLabelMatches(p, period)))
        continue;
      const text = ctx.reader.text(docId, st.start, st.end);
      const heading = hit.chunk.path.join(" ");
      const weight = (t: string) => (text.includes(t) ? 1 : heading.includes(t) ? headingWeight : 0);
      const coverage = terms.reduce((s, t) => s + weight(t) * idf(t), 0) / total;
      if (coverage >= minGeneralCoverage) candidates.push({ docId, sectionId, ...st, coverage });
    }
  }
  if (candidates.length === 0)
    return decline(`no retrieved statement holds ${minGeneralCoverage * 100}% of the topic`);
  const chosen = candidates
    .sort((a, b) => b.coverage - a.coverage)
    .slice(0, maxGeneralStatements)
    .sort((a, b) => a.docId.localeCompare(b.docId) || a.start - b.start);
  const book = new CitationBook(ctx.reader);
  const lines: string[] = [];
  let lastHeader = "";
  for (const c of chosen) {
    const meta = ctx.reader.meta(c.docId)!;
    const header = `${meta.region}${meta.period}《${meta.title}》${ctx.reader.sectionLabel(c.sectionId)}：`;
    if (header !== lastHeader) lines.push(header);
    lastHeader = header;
    const id = book.cite(c.docId, c.sectionId, c.start, c.end, null);
    lines.push(`- ${ctx.reader.text(c.docId, c.start, c.end)}[${id}]`);
  }
  return { status: "answered", text: lines.join("\n"), facts: [], book, options: [] };
}
