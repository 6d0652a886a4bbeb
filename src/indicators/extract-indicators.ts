/**
 * Builds the indicator table: every statement that states a figure becomes one or more rows
 * (region, period, indicator phrase as written, canonical indicator, value, growth with sign,
 * growth basis, result or target, and the source statement).
 *
 * A statement is split into clauses at ， and 、 (outside brackets). A clause with a figure
 * opens a row whose phrase is the text before the figure (or after it, for `6976户居民的…`);
 * a clause holding only a growth rate or a basis (按可比价格计算) completes the row before it.
 */
import type { CorpusDocument, IndicatorRow, PublishedNumber, Section } from "../types.js";
import { CELL } from "../ingest/layout.js";
import { sectionAt } from "../sections/parse-sections.js";
import { splitStatements, type Range } from "../sections/sentences.js";
import { indicatorOfGrowthSubject, indicatorsOfPhrase, type IndicatorVocabulary } from "./aliases.js";
import {
  nounAfterFigure,
  overlaps,
  sharedListNoun,
  splitClauses,
  subjectOfChange,
  withoutAsides,
  withoutBound,
} from "./clauses.js";
import { cleanPhrase } from "./indicator-phrase.js";
import {
  degreeAfter,
  degreeBefore,
  findFigures,
  findGrowths,
  withDegree,
  type FoundFigure,
  type FoundGrowth,
} from "./parse-figure.js";
import { respectiveRows } from "./respective-rows.js";
import { planPartStart, readReport, reportContext } from "./statement-context.js";
import { statementPeriod } from "./statement-period.js";
import { ofForeignAreas } from "./statement-subject.js";

/** A rate noun at the end of the text between a count and a percentage (…网上可办率100%). */
const RATE_SUFFIX = /\p{Script=Han}{0,4}(?:率|占比|比例|比重)$/u;
/** A rate with no subject (安装率, 竣工率) needs the clause before it to say what it measures. */
const BARE_RATE = /^\p{Script=Han}{0,2}(?:率|占比|比重|比例)$/u;
const BASIS = /按可比价格计算|按现价计算|扣除价格因素/u;
/** A verb alone before a figure: what was counted is named after the figure (`购置12辆机扫车`). */
const VERB_ONLY =
  /^(?:新建|建成|购置|购买|配备|改造|新增|培育|引进|打造|创建|建设|开工|实施|签约|招引|安置|救助|发放|培训|举办|整治|修复|铺设|栽植|种植|新开|开通|设立|建立|组建|吸纳|帮助|资助|慰问|走访|排查|查处|办结|受理)$/u;
/** A phrase that states a change against an earlier period (`比上年末增加`), not a subject. */
const CHANGE = /^(?:比|较|同比|与)\p{Script=Han}{0,5}(?:增加|减少|多|少|增|减|提高|下降|上升)$/u;
/** Words that name the subject of the growth before them again (`增长5.4%，总量超过7100亿元`). */
const SAME_SUBJECT = /^(?:总量|总额|总值|规模|总规模|经济总量)?$/u;

/**
 * The level of a clause that follows a growth of its subject (`…增长6%（预计数，下同），达到
 * 1900亿元以上`, `增长5.4%，总量超过7100亿元`): its figure alone, with no subject of its own.
 * The row's bound is its growth's, so the level keeps its own bound in its text (`1900亿元以上`).
 */
function levelAfterGrowth(
  clause: string,
  figures: readonly FoundFigure[],
  growth: FoundGrowth | null,
  previous: IndicatorRow,
): { value: PublishedNumber; bound: string | null } | null {
  if (growth || figures.length !== 1 || !previous.growth || previous.value) return null;
  const { figure, index, end } = figures[0]!;
  // `增长30%，力争40%`: a percentage after a growth in percent is a higher growth, not a level;
  // after a change in points (`提高1.6个百分点，达到45%`) it is the rate's level.
  if (figure.unit === "%" && !previous.growth.text.includes("百分点")) return null;
  // A verb or a size word says it is a level (`达到`, `总量超过`); a bare `、87.8%` is a growth.
  const before = clause.slice(0, index);
  if (before.trim() === "" || !SAME_SUBJECT.test(cleanPhrase(before))) return null;
  if (cleanPhrase(withoutBound(clause.slice(end))) !== "") return null;
  const bound = degreeAfter(clause.slice(end)) ?? degreeBefore(before);
  return { value: { ...figure, text: withDegree(figure.text, bound) }, bound };
}

/** Everything the extractor needs about one document. */
export interface ExtractionContext {
  doc: CorpusDocument;
  sections: Section[];
  vocabulary: IndicatorVocabulary;
}

/** Extracts the indicator rows of one document. */
export function extractIndicators({ doc, sections, vocabulary }: ExtractionContext): IndicatorRow[] {
  const rows: IndicatorRow[] = [];
  const text = doc.text;
  const planStart = planPartStart(doc);
  const report = readReport(doc);
  for (const st of splitStatements(text)) {
    const statement = text.slice(st.start, st.end);
    // Table rows (cells marked ｜ by the layout step) are read by extract-table-rows.ts.
    if (!/\d/u.test(statement) || statement.includes(CELL)) continue;
    const section = sectionAt(sections, st.start);

    const statementRows: IndicatorRow[] = [];
    const covered = respectiveRows(
      doc,
      vocabulary,
      section,
      st,
      planStart,
      statementRows,
      rows.length,
      report,
    );
    let pendingBasis: string | null = null;
    let previousClause: Range | null = null;
    const clauses = splitClauses(text, st.start, st.end);
    for (const [clauseIndex, clause] of clauses.entries()) {
      if (covered.some((c) => clause.start >= c.start && clause.end <= c.end)) continue;
      const precedingClause = previousClause;
      previousClause = clause;
      const clauseText = text.slice(clause.start, clause.end);
      const basis = clauseText.match(BASIS)?.[0] ?? null;
      const growths = findGrowths(clauseText);
      const figures = withoutAsides(
        clauseText,
        findFigures(clauseText).filter((f) => !overlaps(f, growths)),
        growths,
      );
      const growth = growths[0] ?? null;
      if (figures.length === 0 && !growth) {
        if (basis) pendingBasis = basis;
        continue;
      }
      const firstAt = Math.min(figures[0]?.index ?? Infinity, growth?.index ?? Infinity);
      // A growth clause completes the last subject row, not a change row (比上年末增加…).
      const previous = [...statementRows]
        .reverse()
        .find((r) => !CHANGE.test(r.phrase.replace(/^.*?(?=比|较)/u, "")));
      const { period, nature } = statementPeriod({
        meta: doc.meta,
        headings: section.path,
        statement,
        before: text.slice(st.start, clause.end),
        clause: clauseText,
        inPlanPart: planStart >= 0 && st.start > planStart,
        ...reportContext(report, st.start),
      });
      if (
        figures.length === 0 &&
        cleanPhrase(clauseText.slice(0, firstAt)) === "" &&
        previous &&
        !previous.growth
      ) {
        // `到2025年，地区生产总值达到620亿元、年均增长6.5%`: the level is 2025's, the average
        // growth the span's; it becomes a row of its own period.
        if (period !== previous.period) {
          statementRows.push({
            ...previous,
            id: `${doc.meta.id}:${rows.length + statementRows.length}`,
            period,
            nature,
            value: null,
            growth: growth!.growth,
            basis: pendingBasis ?? basis,
            qualifier: degreeAfter(clauseText.slice(growth!.end)),
            clause: clauseText,
          });
          pendingBasis = null;
          continue;
        }
        previous.growth = growth!.growth;
        previous.basis = previous.basis ?? pendingBasis ?? basis;
        // The row's bound is its growth's now (`增长8%左右`); a bound of its value alone is
        // left to the quote (`超过5000亿元，增长9%`).
        previous.qualifier = degreeAfter(clauseText.slice(growth!.end));
        pendingBasis = null;
        continue;
      }
      // `地区生产总值增长6%（预计数，下同），达到1900亿元以上`: the level of the growth before it.
      const level =
        previous &&
        precedingClause &&
        previous.clause === text.slice(precedingClause.start, precedingClause.end)
          ? levelAfterGrowth(clauseText, figures, growth, previous)
          : null;
      if (level && previous) {
        if (period === previous.period) {
          previous.value = level.value;
          previous.clause = text.slice(precedingClause!.start, clause.end);
        } else
          statementRows.push({
            ...previous,
            id: `${doc.meta.id}:${rows.length + statementRows.length}`,
            period,
            nature,
            value: level.value,
            growth: null,
            basis: null,
            qualifier: level.bound,
            clause: clauseText,
          });
        continue;
      }
      const slots = figures.length > 0 ? figures : [{ figure: null, index: firstAt, end: growth!.end }];
      let lastPhrase = "";
      slots.forEach((slot, k) => {
        const before = clauseText.slice(k === 0 ? 0 : slots[k - 1]!.end, slot.index);
        const next = slots[k + 1];
        let after = clauseText.slice(slot.end, next?.index ?? clauseText.length);
        // `895项审批事项网上可办率100%`: the rate noun belongs to the percentage after it.
        if (next?.figure?.unit === "%") after = after.replace(RATE_SUFFIX, "") || after;
        // `由1500亿元增加到2300亿元`: the later figure is the subject's own.
        const changed =
          k > 0
            ? subjectOfChange(clauseText.slice(k === 1 ? 0 : slots[k - 2]!.end, slots[k - 1]!.index), before)
            : null;
        const subjectBefore = changed ?? cleanPhrase(before);
        const nounAfter = nounAfterFigure(after);
        // `购置12辆机扫车、4辆洒水车`: after a bare verb, the noun after the figure is its subject.
        let phrase =
          (VERB_ONLY.test(subjectBefore) && /^\p{Script=Han}{2,12}$/u.test(nounAfter)
            ? nounAfter
            : subjectBefore) ||
          nounAfter ||
          lastPhrase;
        // `比上年末增加24.5万人` is a change of the subject before it, not a subject of its own.
        const subject = [...statementRows].reverse().find((r) => !CHANGE.test(r.phrase));
        if (CHANGE.test(phrase) && subject) phrase = `${subject.phrase}${phrase}`;
        let rowClause: string | null = null;
        // `完成1.8万户、189万平方米棚改任务`: a bare figure listed before others shares the noun
        // that ends the list; its clause runs to that noun.
        if (phrase === "" && !next && text[clause.end] === "、") {
          const shared = sharedListNoun(text, clauses.slice(clauseIndex + 1));
          if (shared) {
            phrase = shared.noun;
            rowClause = text.slice(clause.start, shared.end);
          }
        }
        if (phrase === "") return;
        lastPhrase = phrase;
        // `经济增长5%左右`: a subject named only by a rate of it (the catalogue's growth aliases).
        const ofGrowth =
          !slot.figure && k === 0 && growth ? indicatorOfGrowthSubject(vocabulary, phrase) : null;
        const named = ofGrowth ? [ofGrowth] : indicatorsOfPhrase(vocabulary, phrase);
        statementRows.push({
          id: `${doc.meta.id}:${rows.length + statementRows.length}`,
          region: doc.meta.region,
          period,
          indicator: named.length === 1 ? named[0]! : null,
          phrase,
          value: slot.figure,
          growth: k === 0 && growth ? growth.growth : null,
          basis: k === 0 && growth ? (basis ?? pendingBasis) : null,
          nature,
          // A growth's bound follows it (`增长8%以上`; words before its number are in its text);
          // a figure's stands after or before it (`2700亿元以上`, `不低于60%`).
          qualifier:
            k === 0 && growth
              ? degreeAfter(clauseText.slice(growth.end))
              : slot.figure
                ? (degreeAfter(clauseText.slice(slot.end)) ?? degreeBefore(clauseText.slice(0, slot.index)))
                : null,
          // A bare rate (`安装率100%`) keeps the clause before it as its subject.
          clause:
            rowClause ??
            (BARE_RATE.test(phrase) && precedingClause
              ? text.slice(precedingClause.start, clause.end)
              : clauseText),
          source: { docId: doc.meta.id, sectionId: section.id, start: st.start, end: st.end },
        });
      });
      if (growth) pendingBasis = null;
    }
    const lineEnd = text.indexOf("\n", st.start);
    const paragraph = text.slice(text.lastIndexOf("\n", st.start) + 1, lineEnd < 0 ? text.length : lineEnd);
    rows.push(...ofForeignAreas(statementRows, statement, paragraph, doc, vocabulary));
  }
  return rows;
}
