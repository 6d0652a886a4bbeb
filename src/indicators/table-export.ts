/**
 * Serialises the indicator and task tables for spreadsheets and scripts: CSV (UTF-8 with a
 * BOM so Excel/WPS open Chinese correctly, RFC 4180 quoting) and JSON.
 */
import type { IndicatorRow, TaskRow } from "../types.js";

/** Byte-order mark that makes spreadsheet programs read the CSV as UTF-8. */
export const UTF8_BOM = "\uFEFF";

/** Quotes a CSV field when it holds a comma, quote or line break. */
export function csvField(value: string | number | null): string {
  const s = value === null ? "" : String(value);
  return /[",\r\n]/u.test(s) ? `"${s.replace(/"/gu, '""')}"` : s;
}

function csv(header: string[], rows: Array<Array<string | number | null>>): string {
  return UTF8_BOM + [header, ...rows].map((r) => r.map(csvField).join(",")).join("\r\n") + "\r\n";
}

/** The indicator table as CSV; `sourceQuote` is the statement each row was read from. */
export function indicatorsToCsv(rows: IndicatorRow[], quoteOf: (row: IndicatorRow) => string): string {
  return csv(
    [
      "region",
      "period",
      "indicator",
      "phrase",
      "value",
      "number",
      "unit",
      "growth",
      "growth_percent",
      "basis",
      "nature",
      "qualifier",
      "doc",
      "source_quote",
    ],
    rows.map((r) => [
      r.region,
      r.period,
      r.indicator,
      r.phrase,
      r.value?.text ?? null,
      r.value ? r.value.numeral : null,
      r.value?.unit ?? null,
      r.growth?.text ?? null,
      r.growth?.percent ?? null,
      r.basis,
      r.nature,
      r.qualifier,
      r.source.docId,
      quoteOf(r),
    ]),
  );
}

/** The task table as CSV. */
export function tasksToCsv(tasks: TaskRow[]): string {
  return csv(
    ["number", "task", "lead", "responsible", "section", "doc"],
    tasks.map((t) => [t.number, t.text, t.lead, t.responsible, t.path.join(" > "), t.docId]),
  );
}
