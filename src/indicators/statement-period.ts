/**
 * The period and nature (result or target) of one statement, read as Chinese documents are
 * written rather than taken from the document:
 *
 * - A work report (工作报告) of year N reviews N−1 (一、2018年工作回顾, 过去一年, 上年, 一年来):
 *   those are results of N−1; a review of several years (过去五年, 以来的四年) is a period of its
 *   own (2017—2021年); the plans and targets (工作安排, 预期目标, 今年) are targets for N.
 * - A statement that opens with a year (`2021年，…`, `2018年全区…`) is about that year; one that
 *   opens with a part of the year (上半年, 前三季度, 1—9月, 一季度) is about that part, never 全年.
 * - A plan (方案, 规划, 要点, 计划 other than an execution report) states targets; the plan part
 *   of an execution report (`下半年，我们将…`) too; elsewhere cue words decide (力争, 预计, 目标 …).
 *
 * Pure: no I/O, no state. Properties are read from the words of the title and kind label, so
 * a kind nobody listed still gets the rules its words imply.
 */
import type { DocumentMeta, FigureNature } from "../types.js";
import {
  announcesTargets,
  spanLabel,
  spanOfWords,
  type PeriodSpan,
  type ReportPart,
  type ReportYears,
} from "./report-parts.js";

/** What the words of a document's title and kind say about how to read its statements. */
export interface DocumentRole {
  /** A plan or task list: every figure is a target of the document's period. */
  plan: boolean;
  /** A work report of year N: reviews N−1 and plans N. */
  workReport: boolean;
  /** A report on the execution of a plan: results, then the plan for the rest of the period. */
  execution: boolean;
}

/** Reads a document's role from its title and kind label. */
export function documentRole(meta: Pick<DocumentMeta, "title" | "kind">): DocumentRole {
  const words = `${meta.kind} ${meta.title}`;
  const execution = /执行情况/u.test(words);
  const plan =
    !execution && /任务分解|责任分工|方案|规划|要点|工作安排|(?<!执行)计划(?!执行)/u.test(meta.kind);
  return { plan, workReport: !plan && !execution && /工作报告/u.test(words), execution };
}

/** Where a statement stands and what precedes its figure. */
export interface StatementContext {
  meta: Pick<DocumentMeta, "title" | "kind" | "period" | "year">;
  /** Headings from the top-level section down to the statement's section. */
  headings: string[];
  /** The statement's text. */
  statement: string;
  /** The statement's text up to the end of the figure's clause (cue words of a target). */
  before: string;
  /** The figure's own clause, when known: `由2021年的166个` names its year, `今年…` the document's. */
  clause?: string;
  /** The statement lies in the plan part of an execution report (after `下半年，我们将…`). */
  inPlanPart: boolean;
  /** A work report's part holding the statement (see report-parts.ts); absent elsewhere. */
  part?: ReportPart | null;
  /** A work report's planned and delivered years; absent means delivered in its year. */
  years?: ReportYears;
}

/** The period a statement describes and whether its figures are results or targets. */
export interface StatementPeriod {
  period: string;
  nature: FigureNature;
}

/** Cues that a statement states a plan or target rather than a result. */
export const TARGET_CUES = /计划(?!生育)|力争|预计|目标|确保|拟|不低于|不少于|左右/u;
const CHINESE_DIGITS = "〇一二三四五六七八九十";
const PART = String.raw`上半年|下半年|前三季度|[一二三四]季度|第[一二三四]季度|1[-—－～~]\d{1,2}月份?`;
/** A statement's opening period: `2018年`, `到2025年`, `2024年上半年`, `上半年`, `1-9月`. */
const OPENING = new RegExp(
  String.raw`^(?:\d{1,2}[.．、](?!\d)|[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]+、|其中[，,]?)*(到|至|截至|截止)?(?:(\d{4})年(?:度|末|底)?)?(${PART})?(?:末|底)?`,
  "u",
);
const REVIEW_HEADING = /回顾|过去|年来|以来|工作总结|主要成绩|取得的成绩/u;
const PLAN_HEADING = /安排|任务|目标|要求|打算|思路|重点|建议|计划|部署|举措/u;
const REVIEW_WORDS = /过去一年|过去的一年|一年来|去年/u;
const MULTI_YEAR = /过去([二三四五两])年|([二三四五两])年来|以来的([二三四五两])年/u;

/** A part of the year as a period label: 第一季度 → 一季度, 1—12月 → "" (the whole year). */
export function partLabel(part: string | undefined): string {
  if (!part) return "";
  const p = part
    .replace(/^第/u, "")
    .replace(/[—－～~]/u, "-")
    .replace(/份$/u, "");
  return p === "1-12月" ? "" : p;
}

/**
 * A year that opens a clause before the figure (`2021年应建…`, `经最终核实，2022年全市…`,
 * `到2025年`, `建议2022年全州…预期目标为`), not a base of comparison (比2020年) nor an attribute inside a clause (审批2022年…档案).
 */
const CLAUSE_YEAR =
  /(?:^|[，,。；;：:\s]|建议|提出|确定|安排)(到|至|截至|截止)?(\d{4})年(?![以—－\-~～\d、])/gu;
/** A year the figure's own clause gives it: `由2021年的166个`. */
const CLAUSE_ATTRIBUTE_YEAR = /(?<![比较于与\d])(\d{4})年的/u;

/** The year the text before a figure names as the statement's own, with 到/至 when it looks ahead. */
function namedYear(
  before: string,
  clause: string | undefined,
): { year: string; toward: string | undefined } | null {
  if (clause !== undefined) {
    if (/今年|本年|当年/u.test(clause)) return null;
    const own = clause.match(CLAUSE_ATTRIBUTE_YEAR);
    if (own) return { year: own[1]!, toward: undefined };
  }
  const found = [...before.matchAll(CLAUSE_YEAR)];
  const last = found[found.length - 1];
  return last ? { year: last[2]!, toward: last[1] } : null;
}

function yearsIn(word: string): number {
  return word === "两" ? 2 : CHINESE_DIGITS.indexOf(word);
}

/**
 * Whether a work report's statement reviews the past: its own words (过去一年, 去年) or else
 * the nearest heading that says review (回顾, 过去五年) or plan (安排, 目标); plan by default.
 */
function isReview(headings: string[], statement: string): boolean {
  if (REVIEW_WORDS.test(statement)) return true;
  if (/今年|明年/u.test(statement)) return false;
  for (const h of [...headings].reverse()) {
    if (REVIEW_HEADING.test(h)) return true;
    if (PLAN_HEADING.test(h)) return false;
  }
  return false;
}

/** In a review, a figure is a target only when its own clause says so (`年初确定的增长8%的目标`). */
const REVIEWED_TARGET = /目标|计划(?!生育|单列)|预期/u;

/** A work report's statement: its own year, else its own words, else its part. */
function workReportPeriod(
  ctx: StatementContext,
  year: number | null,
  toward: string | undefined,
  partOfYear: string,
): StatementPeriod {
  const { meta, statement } = ctx;
  const years = ctx.years ?? { planned: meta.year, delivered: meta.year };
  const n = years.planned;
  const clause = ctx.clause ?? ctx.before;
  const reviewNature = (): FigureNature => (REVIEWED_TARGET.test(clause) ? "target" : "result");
  const averaged = /年均|年平均/u.test(clause);
  if (year !== null && averaged) {
    // `到2025年，…年均增长7.5%`: an average over the years up to 2025, never 2025's growth.
    if (year >= n) return { period: spanLabel({ from: n, to: year }), nature: "target" };
    const part = ctx.part && ctx.part.from !== ctx.part.to && ctx.part.to === year ? ctx.part : null;
    return { period: spanLabel(part ?? { from: year - 4, to: year }), nature: reviewNature() };
  }
  if (year !== null) {
    const ahead =
      year > years.delivered || (year >= n && year !== years.delivered) || toward === "到" || toward === "至";
    const nature = ahead || year >= n ? "target" : reviewNature();
    return { period: `${year}年${partOfYear}`, nature };
  }
  const own = ownSpan(ctx.before, years) ?? multiYear(ctx, years);
  // `经济社会发展的主要预期目标是：…` announces the planned year's targets wherever it stands.
  const announced: PeriodSpan | null =
    !own && ctx.part?.role !== "plan" && announcesTargets(ctx.before, years)
      ? { role: "plan", from: n, to: n }
      : null;
  const span: PeriodSpan | null = own ?? announced ?? ctx.part ?? null;
  if (span) {
    const label = span.from === span.to && !span.soFar ? `${span.from}年${partOfYear}` : spanLabel(span);
    return { period: label, nature: span.role === "review" ? reviewNature() : "target" };
  }
  if (isReview(ctx.headings, statement)) {
    const multi = `${ctx.headings.join(" ")} ${statement}`.match(MULTI_YEAR);
    const k = multi ? yearsIn(multi[1] ?? multi[2] ?? multi[3]!) : 1;
    if (!REVIEW_WORDS.test(statement) && k > 1) return { period: `${n - k}—${n - 1}年`, nature: "result" };
    return { period: `${n - 1}年${partOfYear}`, nature: reviewNature() };
  }
  return { period: `${n}年${partOfYear}`, nature: "target" };
}

/**
 * The span the statement's own words name before a figure: the opening words of its clauses,
 * nearest the figure first (`过去五年，…，地区生产总值年均增长8%`; `今年，…`). Words inside a
 * clause (`巩固过去一年的成果`) are an attribute, not the statement's period.
 */
function ownSpan(before: string, years: ReportYears): PeriodSpan | null {
  const clauses = before.split(/[，,；;：:]/u);
  for (let i = clauses.length - 1; i >= 0; i--) {
    const span = spanOfWords(clauses[i]!.replace(/^[\s—―－\-“"]+/u, ""), years, "start");
    if (span) return span;
  }
  return null;
}

/** `年均增长` with no span named: the span of the part, else five years back or ahead. */
function multiYear(ctx: StatementContext, years: ReportYears): PeriodSpan | null {
  if (!/年均|年平均/u.test(ctx.clause ?? ctx.before)) return null;
  const part = ctx.part;
  if (part && part.from !== part.to) return part;
  return part?.role === "plan"
    ? { role: "plan", from: years.planned, to: years.planned + 4 }
    : { role: "review", from: years.planned - 5, to: years.planned - 1 };
}

/** The period and nature of one statement (see the module comment for the rules). */
export function statementPeriod(ctx: StatementContext): StatementPeriod {
  const { meta, statement } = ctx;
  const role = documentRole(meta);
  const cue = TARGET_CUES.test(ctx.before);
  const opening = statement.match(OPENING)!;
  const [, openingToward, openingYear, part] = opening;
  const named = openingYear || part ? null : namedYear(ctx.before, ctx.clause);
  const toward = openingToward ?? named?.toward;
  const yearText = openingYear ?? named?.year;
  const year = yearText ? Number(yearText) : null;
  const partOfYear = partLabel(part);
  const docPart = meta.period.slice(String(meta.year).length + 1);
  if (role.plan) return { period: meta.period, nature: "target" };
  if (role.workReport) return workReportPeriod(ctx, year, toward, partOfYear);
  const nature: FigureNature =
    ctx.inPlanPart || cue || (toward && year !== null && year > meta.year) ? "target" : "result";
  if (year !== null && (year !== meta.year || partOfYear))
    return { period: `${year}年${partOfYear}`, nature };
  if (partOfYear && partOfYear !== docPart) return { period: `${meta.year}年${partOfYear}`, nature };
  return { period: meta.period, nature };
}
