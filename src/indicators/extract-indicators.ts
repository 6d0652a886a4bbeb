/**
 * Builds the indicator table: every statement that states a figure becomes one or more rows
 * (region, period, indicator phrase as written, canonical indicator, value, growth with sign,
 * growth basis, result or target, and the source statement).
 *
 * A statement is split into clauses at ， and 、 (outside brackets). A clause with a figure
 * opens a row whose phrase is the text before the figure (or after it, for `6976户居民的…`);
 * a clause holding only a growth rate or a basis (按可比价格计算) completes the row before it.
 */
import { findPlaces } from "../ingest/find-places.js";
import type { CorpusDocument, IndicatorRow, Section } from "../types.js";
import { CELL } from "../ingest/layout.js";
import { sectionAt } from "../sections/parse-sections.js";
import { splitStatements, type Range } from "../sections/sentences.js";
import { indicatorsOfPhrase, type IndicatorVocabulary } from "./aliases.js";
import { degreeAfter, degreeBefore, findFigures, findGrowths, type FoundGrowth } from "./parse-figure.js";
import { findRespectively } from "./respectively.js";
import { partAt, reportParts, reportYears, type ReportPart, type ReportYears } from "./report-parts.js";
import { documentRole, statementPeriod } from "./statement-period.js";
import { ofForeignAreas } from "./statement-subject.js";

/** Words before a figure that say when, where or how, not what: stripped from phrases. */
const LEADING_NOISE =
  /^(?:\d{1,3}[.．、](?!\d)|[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]+、|其中|另外|此外|同时|全年|上半年|下半年|今年以来|年初以来|截至目前|截止目前|截至\d+月末?|截止\d+月末?|目前|现已|已|\d{4}年度?|\d{4}全年|\d{1,2}[-—]\d{1,2}月份?|\d{1,2}月份?|(?:全区|我区|全市|我市|全县|我县|全州|我州|全省|我省|全国|我国|全旗|全盟|区内|市内|辖区内?)|累计完成|累计实现|累计|完成|实现|办理|发生|共计|共有|共|总计|合计|[—―－-]+|(?:经|据)?初步(?:核算|统计|预计)|预计|预期|全力争取|力争|争取|确保|努力|推动|促进|保持|提出|今年|明年|去年|上年|(?:今后|未来|过去)[一二三四五两]年|五年间|到\d{4}年(?:末|底)?|“?十[一二三四五]?五”?(?:时期|期间|末)?|[（(][^（）()]{0,8}下同[）)])+/u;
const TRAILING_NOISE =
  /(?:累计完成|累计实现|累计|完成|实现|达到|达|为|共计|共有|共|有|突破|超过|超|近|约|合计|总计|分别|是|的|不低于|不少于|不超过|不高于|高于|控制在|保持在|稳定在|预计|预期|力争|争取|确保)+$/u;
/** The line that opens the plan part of a plan-execution report (下半年，我们将…). */
const PLAN_PART = /(?:^|\n)下半年[，,]/u;
/** A rate noun at the end of the text between a count and a percentage (…网上可办率100%). */
const RATE_SUFFIX = /\p{Script=Han}{0,4}(?:率|占比|比例|比重)$/u;
/** A rate with no subject (安装率, 竣工率) needs the clause before it to say what it measures. */
const BARE_RATE = /^\p{Script=Han}{0,2}(?:率|占比|比重|比例)$/u;
/** A growth rate at the end of a clause, removed before reading a phrase that follows a figure. */
const GROWTH_TAIL = /(同比|比上年)?(增长|下降).*$/u;
const BASIS = /按可比价格计算|按现价计算|扣除价格因素/u;
/** A verb alone before a figure: what was counted is named after the figure (`购置12辆机扫车`). */
const VERB_ONLY =
  /^(?:新建|建成|购置|购买|配备|改造|新增|培育|引进|打造|创建|建设|开工|实施|签约|招引|安置|救助|发放|培训|举办|整治|修复|铺设|栽植|种植|新开|开通|设立|建立|组建|吸纳|帮助|资助|慰问|走访|排查|查处|办结|受理)$/u;
/** A phrase that states a change against an earlier period (`比上年末增加`), not a subject. */
const CHANGE = /^(?:比|较|同比|与)\p{Script=Han}{0,5}(?:增加|减少|多|少|增|减|提高|下降|上升)$/u;

/**
 * Splits a statement at ，and ： outside brackets and quotes, and at 、 after a segment that
 * holds a figure (so `检查大、中、小型餐饮机构4453户` stays whole while
 * `城乡低保户3084户3854人、特困供养人员223户225人` splits); returns clause ranges.
 */
export function splitClauses(text: string, start: number, end: number): Range[] {
  const out: Range[] = [];
  let depth = 0;
  let s = start;
  for (let i = start; i < end; i++) {
    const c = text[i]!;
    if ("（(《“".includes(c)) depth++;
    else if ("）)》”".includes(c)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && (c === "，" || c === "：" || (c === "、" && /\d/u.test(text.slice(s, i))))) {
      if (i > s) out.push({ start: s, end: i });
      s = i + 1;
    }
  }
  if (end > s) out.push({ start: s, end });
  return out;
}

/**
 * The noun that ends a list of bare figures (`189万平方米棚改任务` after `完成1.8万户、`): the
 * clauses after the first item, while each is only figures, until one ends in a noun. Null when
 * an item has a subject of its own or no item ends in a noun.
 */
function sharedListNoun(text: string, rest: readonly Range[]): { noun: string; end: number } | null {
  for (const item of rest) {
    const itemText = text.slice(item.start, item.end);
    const figures = findFigures(itemText);
    if (figures.length === 0 || cleanPhrase(itemText.slice(0, figures[0]!.index)) !== "") return null;
    const noun = cleanPhrase(itemText.slice(figures[figures.length - 1]!.end).replace(GROWTH_TAIL, ""));
    if (noun !== "") return { noun, end: item.end };
    if (text[item.end] !== "、") return null;
  }
  return null;
}

/** A target recalled by who set it: `年初确定的地区生产总值…` names 地区生产总值. */
const SET_BY = /^.*?(?:确定|提出|下达|制定|设定)的(?=\p{Script=Han}{2})/u;

/** Cleans an indicator phrase: strips time/place prefixes, verbs and trailing punctuation. */
export function cleanPhrase(phrase: string): string {
  let p = phrase
    .replace(/[。；，、：\s]+$/u, "")
    .replace(/^[。；，、：\s]+/u, "")
    .replace(SET_BY, "");
  for (let i = 0; i < 3; i++)
    p = withoutLeadingPlace(p.replace(LEADING_NOISE, "")).replace(TRAILING_NOISE, "");
  return p.replace(/^[一二三四五六七八九十]+是/u, "").replace(/^[和及与]$/u, "");
}

/** How far into a phrase a place name that says where (成都市, 鞍山市铁东区) may reach. */
const PLACE_PREFIX_LENGTH = 16;

/** A phrase without a place it starts with (`铁东区社会消费品零售总额` → 社会消费品零售总额). */
function withoutLeadingPlace(phrase: string): string {
  const first = findPlaces(phrase.slice(0, PLACE_PREFIX_LENGTH))[0];
  return first && first.start === 0 && first.end < phrase.length ? phrase.slice(first.end) : phrase;
}

/**
 * Figures of a bracketed aside after the clause's own figure (`增长5.5%（力争6%以上）`,
 * `1820亿元（预计数）`) are said of it, not of a subject of their own: left out.
 */
function withoutAsides<T extends { index: number }>(
  clause: string,
  figures: T[],
  growths: FoundGrowth[],
): T[] {
  const first = Math.min(figures[0]?.index ?? Infinity, growths[0]?.index ?? Infinity);
  return figures.filter((f) => {
    if (f.index === first) return true;
    const open = Math.max(clause.lastIndexOf("（", f.index), clause.lastIndexOf("(", f.index));
    const close = Math.max(clause.lastIndexOf("）", f.index), clause.lastIndexOf(")", f.index));
    return !(open > close && open > first);
  });
}

function overlaps(a: { index: number; end: number }, growths: FoundGrowth[]): boolean {
  return growths.some((g) => a.index < g.end && g.index < a.end);
}

/** Everything the extractor needs about one document. */
export interface ExtractionContext {
  doc: CorpusDocument;
  sections: Section[];
  vocabulary: IndicatorVocabulary;
}

/** Where the plan part of an execution report starts (`下半年，我们将…`), or -1. */
function planPartStart(doc: CorpusDocument): number {
  return documentRole(doc.meta).execution ? doc.text.search(PLAN_PART) : -1;
}

/** A work report's years and parts (review, plan, spans of years); null for other documents. */
interface ReportReading {
  years: ReportYears;
  parts: ReportPart[];
}

function readReport(doc: CorpusDocument): ReportReading | null {
  if (!documentRole(doc.meta).workReport) return null;
  const years = reportYears(doc.meta.year, doc.text);
  return { years, parts: reportParts(doc.text, years) };
}

/** Where a statement stands in a work report, for {@link statementPeriod}. */
function reportContext(report: ReportReading | null, offset: number) {
  return report ? { years: report.years, part: partAt(report.parts, offset) } : {};
}

/**
 * Rows of the `分别` constructions of a statement (each subject with its own figure); returns
 * the spans they cover (document offsets) so the clause reader skips them.
 */
function respectiveRows(
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
      const slots = figures.length > 0 ? figures : [{ figure: null, index: firstAt, end: growth!.end }];
      let lastPhrase = "";
      slots.forEach((slot, k) => {
        const before = clauseText.slice(k === 0 ? 0 : slots[k - 1]!.end, slot.index);
        const next = slots[k + 1];
        let after = clauseText.slice(slot.end, next?.index ?? clauseText.length);
        // `895项审批事项网上可办率100%`: the rate noun belongs to the percentage after it.
        if (next?.figure?.unit === "%") after = after.replace(RATE_SUFFIX, "") || after;
        const subjectBefore = cleanPhrase(before);
        const nounAfter = cleanPhrase(after.replace(GROWTH_TAIL, ""));
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
        const named = indicatorsOfPhrase(vocabulary, phrase);
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
