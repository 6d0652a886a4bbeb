/**
 * Writes an export table (export-table.ts) as CSV — UTF-8 with BOM and CRLF, as Excel and WPS
 * open it — or as XLSX: the table on a named sheet with a bold, frozen header, set column
 * widths and numbers as numbers, and a second sheet `来源` listing the documents. XLSX is
 * written by write-excel-file (maintained, one small dependency; SheetJS on npm is outdated).
 */
import writeExcelFile from "write-excel-file/node";
import { csvField, UTF8_BOM } from "../indicators/table-export.js";
import type { Cell, ExportTable } from "./export-table.js";

/** The file formats offered. */
export type ExportFormat = "csv" | "xlsx";

/** The second sheet's name and header. */
export const SOURCES_SHEET = "来源";
const SOURCES_HEADER = ["序号", "文件", "地区", "时期", "文种", "行数"];

/** A file name from the title: what a person would save it as (`铁东区2023年主要指标.xlsx`). */
export function fileName(table: ExportTable, format: ExportFormat): string {
  const stem = table.title.replace(/[\\/:*?"<>|\s]+/gu, "_").slice(0, 80) || "导出";
  return `${stem}.${format}`;
}

/** CSV text: UTF-8 BOM, RFC 4180 quoting, CRLF; the table only (sources are in the caption). */
export function toCsv(table: ExportTable): string {
  return UTF8_BOM + [table.header, ...table.rows].map((r) => r.map(csvField).join(",")).join("\r\n") + "\r\n";
}

const headerCell = (value: string) => ({ value, fontWeight: "bold" as const });
const cell = (value: Cell) =>
  value === null ? null : { value, type: typeof value === "number" ? Number : String };

/** A sheet name Excel accepts (at most 31 characters, none of []:*?/\). */
const sheetName = (name: string) => name.replace(/[[\]:*?/\\]/gu, "").slice(0, 31) || "数据";

/** XLSX bytes: the table and its sources, each with a bold frozen header. */
export async function toXlsx(table: ExportTable): Promise<Buffer> {
  const sources = table.sources.map((s, i) => [i + 1, s.title, s.region, s.period, s.kind, s.rows]);
  return writeExcelFile([
    {
      data: [table.header.map(headerCell), ...table.rows.map((r) => r.map(cell))],
      sheet: sheetName(table.sheet),
      columns: table.widths.map((width) => ({ width })),
      stickyRowsCount: 1,
    },
    {
      data: [SOURCES_HEADER.map(headerCell), ...sources.map((r) => r.map(cell))],
      sheet: SOURCES_SHEET,
      columns: [6, 60, 10, 14, 16, 8].map((width) => ({ width })),
      stickyRowsCount: 1,
    },
  ]).toBuffer();
}

/** The file of a table in a format. */
export async function exportFile(
  table: ExportTable,
  format: ExportFormat,
): Promise<{ name: string; bytes: Buffer }> {
  const bytes = format === "csv" ? Buffer.from(toCsv(table), "utf8") : await toXlsx(table);
  return { name: fileName(table, format), bytes };
}

/** The document's caption: the title, how many rows, how many documents. */
export function exportCaption(table: ExportTable): string {
  const docs = table.sources.length;
  return `${table.title}\n共${table.rows.length}行，出自${docs}份文件${docs === 1 ? `：《${table.sources[0]!.title}》` : ""}`;
}
