/**
 * Tables become indicator rows: a table whose cells the layout step marked with `｜` (HTML,
 * Markdown, tab-separated rows), or one flattened one cell per line after its caption (PDF
 * text). Each data row gives one row: its label as the phrase, the first value column with a
 * unit as the value, a 增长/% column as the growth, and the table context (caption, header
 * line, column headers) for the citation, which quotes caption, header and row verbatim.
 */
import { CELL } from "../ingest/layout.js";
import { sectionAt } from "../sections/parse-sections.js";
import type { CorpusDocument, IndicatorRow, Section } from "../types.js";
import type { Range } from "../sections/sentences.js";
import { indicatorsOfPhrase, type IndicatorVocabulary } from "./aliases.js";
import { findFigures } from "./parse-figure.js";
import { statementPeriod } from "./statement-period.js";

/** A cell: its text (trimmed) and where it stands in the document. */
interface Cell extends Range {
  text: string;
}

/** A table as read: caption, header cells by column, data rows of cells. */
interface Table {
  caption: Cell | null;
  headerRange: Range | null;
  header: string[];
  rows: Cell[][];
}

const CAPTION = /^(?:附?表\s*\d+|表[一二三四五六七八九十]+)/u;
const NUMERIC = /^-?\d[\d,]*(?:\.\d+)?$/u;
const GROWTH_COLUMN = /增长|增速|涨跌|增减|比上年|%|％/u;
const UNIT_IN_HEADER = /[（(]([^（）()]{1,6})[）)]/u;
const UNIT_LINE = /^-?单位[:：]\s*(\S{1,6})$/u;
/** Marks in front of a row label: sub-items (`#住宅`, `其中：城镇`) and list numbers. */
const LABEL_PREFIX = /^(?:#|＃|其中[:：]?|[（(][一二三四五六七八九十\d]{1,2}[）)]|\d{1,2}[.．、])+/u;

function lineCells(text: string, start: number, end: number): Cell[] {
  const cells: Cell[] = [];
  let from = start;
  for (let i = start; i <= end; i++) {
    if (i === end || text[i] === CELL) {
      const raw = text.slice(from, i);
      const lead = raw.length - raw.trimStart().length;
      const trimmed = raw.trim();
      cells.push({ text: trimmed, start: from + lead, end: from + lead + trimmed.length });
      from = i + 1;
    }
  }
  return cells;
}

interface Line extends Range {
  text: string;
}

function linesOf(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (const part of text.split("\n")) {
    out.push({ text: part, start, end: start + part.length });
    start += part.length + 1;
  }
  return out;
}

/** The caption above line i: the nearest non-empty line within three, if it names a table. */
function captionAbove(lines: Line[], i: number): Cell | null {
  for (let k = i - 1, seen = 0; k >= 0 && seen < 3; k--) {
    const l = lines[k]!;
    if (l.text.trim() === "") continue;
    seen++;
    if (CAPTION.test(l.text.trim())) return { text: l.text.trim(), start: l.start, end: l.end };
    if (l.text.includes(CELL) || /[。；]/u.test(l.text)) return null;
  }
  return null;
}

/** Tables whose cells are marked with ｜, one row a line. */
function markedTables(lines: Line[]): Table[] {
  const tables: Table[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.text.includes(CELL)) continue;
    const block: Line[] = [];
    let j = i;
    for (; j < lines.length && (lines[j]!.text.includes(CELL) || lines[j]!.text.trim() === ""); j++) {
      if (lines[j]!.text.includes(CELL)) block.push(lines[j]!);
    }
    const caption = captionAbove(lines, i);
    const rows = block.map((l) =>
      lineCells(l.text, 0, l.text.length).map((c) => ({
        ...c,
        start: c.start + l.start,
        end: c.end + l.start,
      })),
    );
    const firstData = rows.findIndex((r) => r.slice(1).some((c) => NUMERIC.test(c.text)));
    if (firstData >= 0) {
      const headerRows = rows.slice(0, firstData);
      // A header line without cells between caption and table (`绝对数（亿元）比上年增长（%）`).
      const plain = lines.slice(
        caption ? lines.indexOf(lines.find((l) => l.start === caption.start)!) + 1 : i,
        i,
      );
      const width = rows[firstData]!.length;
      const header = Array.from({ length: width }, (_, col) =>
        headerRows
          .map((r) => r[col - (width - r.length)]?.text ?? "")
          .filter(Boolean)
          .join(" "),
      );
      const unitLine = plain.map((l) => l.text.trim().match(UNIT_LINE)?.[1]).find(Boolean);
      if (unitLine) for (let c = 1; c < width; c++) header[c] = `${header[c]}（${unitLine}）`;
      const headerLine = headerRows[0] ?? null;
      tables.push({
        caption,
        headerRange: headerLine
          ? { start: headerLine[0]!.start, end: headerLine[headerLine.length - 1]!.end }
          : null,
        header,
        rows: rows.slice(firstData),
      });
    }
    i = j - 1;
  }
  return tables;
}

/** Tables flattened one cell per line after a caption (pdftotext output). */
function flattenedTables(lines: Line[]): Table[] {
  const tables: Table[] = [];
  for (let i = 0; i < lines.length; i++) {
    const captionLine = lines[i]!;
    if (!CAPTION.test(captionLine.text.trim()) || captionLine.text.includes(CELL)) continue;
    const cells: Cell[] = [];
    for (let j = i + 1; j < lines.length; j++) {
      const t = lines[j]!.text.trim();
      if (t === "") continue;
      if (t.length > 24 || /[。；]/u.test(t) || /^[图表]\s*\d/u.test(t) || t.includes(CELL)) break;
      cells.push({ text: t, start: lines[j]!.start, end: lines[j]!.end });
    }
    // The first label followed by numbers fixes the number of value columns.
    let first = -1;
    let width = 0;
    for (let k = 0; k < cells.length && first < 0; k++) {
      if (NUMERIC.test(cells[k]!.text)) continue;
      let n = 0;
      while (k + 1 + n < cells.length && NUMERIC.test(cells[k + 1 + n]!.text)) n++;
      if (n > 0) [first, width] = [k, n];
    }
    if (first < 0) continue;
    const headerCells = cells.slice(0, first);
    const header = Array.from(
      { length: width + 1 },
      (_, col) => headerCells[col - (width + 1 - headerCells.length)]?.text ?? "",
    );
    const rows: Cell[][] = [];
    for (let k = first; k + width < cells.length + 1;) {
      const row = cells.slice(k, k + width + 1);
      if (
        row.length < width + 1 ||
        NUMERIC.test(row[0]!.text) ||
        !row.slice(1).every((c) => NUMERIC.test(c.text))
      )
        break;
      rows.push(row);
      k += width + 1;
    }
    if (rows.length === 0) continue;
    tables.push({
      caption: { text: captionLine.text.trim(), start: captionLine.start, end: captionLine.end },
      headerRange:
        headerCells.length > 0
          ? { start: headerCells[0]!.start, end: headerCells[headerCells.length - 1]!.end }
          : null,
      header,
      rows,
    });
  }
  return tables;
}

/** Everything the table reader needs about one document. */
export interface TableContext {
  doc: CorpusDocument;
  sections: Section[];
  vocabulary: IndicatorVocabulary;
}

/**
 * Whether a table row label names a catalogued indicator there: its own name, or an alias
 * whose parent the caption or header names (`第一产业` under 地区生产总值 is 第一产业增加值,
 * under 固定资产投资 it is not).
 */
function tableIndicator(vocabulary: IndicatorVocabulary, label: string, context: string): string | null {
  const named = indicatorsOfPhrase(vocabulary, label);
  if (named.length !== 1) return null;
  const entry = vocabulary.entries.get(named[0]!)!;
  if (label === entry.name || context.includes(entry.name)) return entry.name;
  const parent = entry.partOf ?? entry.subsetOf ?? entry.perCapitaOf;
  return parent && context.includes(parent) ? entry.name : null;
}

/** The indicator rows of a document's tables. */
export function extractTableRows({ doc, sections, vocabulary }: TableContext): IndicatorRow[] {
  const text = doc.text;
  const lines = linesOf(text);
  const out: IndicatorRow[] = [];
  for (const table of [...markedTables(lines), ...flattenedTables(lines)]) {
    const context = `${table.caption?.text ?? ""} ${table.header.join(" ")}`;
    const unitColumn = table.header.findIndex((h) => /^单位/u.test(h));
    let parent = "";
    for (const row of table.rows) {
      const rawLabel = row[0]!.text;
      const label = rawLabel
        .replace(LABEL_PREFIX, "")
        .replace(/\[\d{1,2}\]$/u, "")
        .trim();
      if (label === "") continue;
      const sub = rawLabel !== label && /^(?:#|＃|其中)/u.test(rawLabel);
      if (!sub) parent = label;
      let value: IndicatorRow["value"] = null;
      let growth: IndicatorRow["growth"] = null;
      let valueColumn = -1;
      for (let c = 1; c < row.length; c++) {
        const cell = row[c]!.text;
        if (!NUMERIC.test(cell) || c === unitColumn) continue;
        const head = table.header[c] ?? "";
        if (GROWTH_COLUMN.test(head) && !/比重|构成|占/u.test(head)) {
          if (!growth) growth = { text: `增长${cell}%`, percent: Number(cell), figure: `${cell}%` };
          continue;
        }
        if (value) continue;
        const unit = unitColumn > 0 ? (row[unitColumn]?.text ?? "") : (head.match(UNIT_IN_HEADER)?.[1] ?? "");
        const figure = findFigures(`${cell}${unit}`)[0];
        if (figure && figure.index === 0 && figure.end === cell.length + unit.length) {
          value = figure.figure;
          valueColumn = c;
        }
      }
      if (!value && !growth) continue;
      const section = sectionAt(sections, row[0]!.start);
      const { period, nature } = statementPeriod({
        meta: doc.meta,
        headings: section.path,
        statement: table.caption?.text ?? "",
        before: table.caption?.text ?? "",
        inPlanPart: false,
      });
      const start = row[0]!.start;
      const end = row[row.length - 1]!.end;
      const column = table.header[valueColumn >= 0 ? valueColumn : row.length - 1] ?? "";
      out.push({
        id: `${doc.meta.id}:t${out.length}`,
        region: doc.meta.region,
        period,
        indicator: tableIndicator(vocabulary, label, context),
        phrase: sub && parent !== label ? `${parent}中${label}` : label,
        value,
        growth,
        basis: null,
        nature,
        qualifier: null,
        clause: text.slice(start, end),
        source: { docId: doc.meta.id, sectionId: section.id, start, end },
        table: {
          caption: table.caption ? { start: table.caption.start, end: table.caption.end } : null,
          header: table.headerRange,
          path: [table.caption?.text ?? "表", table.header[0] || "指标", column].filter(Boolean),
        },
      });
    }
  }
  return out;
}
