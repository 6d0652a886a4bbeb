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
  /** The statement lies in the plan part of an execution report (after `下半年，我们将…`). */
  inPlanPart: boolean;
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

/** The period and nature of one statement (see the module comment for the rules). */
export function statementPeriod(ctx: StatementContext): StatementPeriod {
  const { meta, statement } = ctx;
  const role = documentRole(meta);
  const cue = TARGET_CUES.test(ctx.before);
  const opening = statement.match(OPENING)!;
  const [, toward, yearText, part] = opening;
  const year = yearText ? Number(yearText) : null;
  const partOfYear = partLabel(part);
  const docPart = meta.period.slice(String(meta.year).length + 1);
  if (role.plan) return { period: meta.period, nature: "target" };
  if (role.workReport) {
    const n = meta.year;
    if (year !== null) {
      const nature = year >= n || toward ? "target" : "result";
      return {
        period: `${year}年${partOfYear}`,
        nature: nature === "result" && cue && !REVIEW_WORDS.test(statement) ? "target" : nature,
      };
    }
    if (isReview(ctx.headings, statement)) {
      const multi = `${ctx.headings.join(" ")} ${statement}`.match(MULTI_YEAR);
      const k = multi ? yearsIn(multi[1] ?? multi[2] ?? multi[3]!) : 1;
      if (!REVIEW_WORDS.test(statement) && k > 1) return { period: `${n - k}—${n - 1}年`, nature: "result" };
      return { period: `${n - 1}年${partOfYear}`, nature: "result" };
    }
    return { period: `${n}年${partOfYear}`, nature: "target" };
  }
  const nature: FigureNature =
    ctx.inPlanPart || cue || (toward && year !== null && year > meta.year) ? "target" : "result";
  if (year !== null && (year !== meta.year || partOfYear))
    return { period: `${year}年${partOfYear}`, nature };
  if (partOfYear && partOfYear !== docPart) return { period: `${meta.year}年${partOfYear}`, nature };
  return { period: meta.period, nature };
}
