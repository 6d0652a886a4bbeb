/**
 * Where a statement stands in its document, for {@link statementPeriod}: the plan part of an
 * execution report (`下半年，我们将…`), a work report's years and parts.
 */
import type { CorpusDocument } from "../types.js";
import { partAt, reportParts, reportYears, type ReportPart, type ReportYears } from "./report-parts.js";
import { documentRole } from "./statement-period.js";

/** The line that opens the plan part of a plan-execution report (下半年，我们将…). */
const PLAN_PART = /(?:^|\n)下半年[，,]/u;
/** Where the plan part of an execution report starts (`下半年，我们将…`), or -1. */
export function planPartStart(doc: CorpusDocument): number {
  return documentRole(doc.meta).execution ? doc.text.search(PLAN_PART) : -1;
}

/** A work report's years and parts (review, plan, spans of years); null for other documents. */
export interface ReportReading {
  years: ReportYears;
  parts: ReportPart[];
}

export function readReport(doc: CorpusDocument): ReportReading | null {
  if (!documentRole(doc.meta).workReport) return null;
  const years = reportYears(doc.meta.year, doc.text);
  return { years, parts: reportParts(doc.text, years) };
}

/** Where a statement stands in a work report, for {@link statementPeriod}. */
export function reportContext(report: ReportReading | null, offset: number) {
  return report ? { years: report.years, part: partAt(report.parts, offset) } : {};
}
