/**
 * Layout of real files, undone before parsing: Markdown and OCR markup (headings `## 一、综合`,
 * bold, image links, `<!-- Page 3 -->` comments), table cells (HTML, Markdown, tab-separated)
 * marked with `｜`, page numbers and running headers, and hard line wraps of PDF text
 * (`全年实现地区生产总` / `值（GDP）20817.5亿元`). Every step is one linear-time rewrite that
 * keeps the offset map to the raw text (see mapped-text.ts).
 */
import { UNIT_LINE, headingMarker } from "./headings.js";
import { rewrite, type MappedText } from "./mapped-text.js";

/** The mark that separates the cells of a table row in normalised text. */
export const CELL = "｜";

const HTML_COMMENT = /<!--[\s\S]*?-->/gu;
const MARKDOWN_IMAGE = /!\[[^\]\n]*\]\([^)\n]*\)/gu;
const MARKDOWN_HEADING = /^[ \t]*#{1,6}[ \t]+/gmu;
const MARKDOWN_BOLD = /\*\*(?=\S)|(?<=\S)\*\*/gu;
/** The rule under a Markdown table's header: `| --- | :---: |`. */
const MARKDOWN_TABLE_RULE = /^[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+[ \t]*:?-*:?[ \t]*$/gmu;
/** A page number on its own line: `— 3 —`, `-1-`, `第3页`, `第 3 页 共 20 页`, `3 / 20`. */
const PAGE_NUMBER =
  /^[ \t]*(?:[-—–－]{1,2}[ \t]*\d{1,3}[ \t]*[-—–－]{1,2}|第[ \t]*\d{1,3}[ \t]*页(?:[ \t]*[,，]?[ \t]*共[ \t]*\d{1,3}[ \t]*页)?|\d{1,3}[ \t]*\/[ \t]*\d{1,3})[ \t]*$/gmu;
const HTML_CELL_END = /<\/t[dh]>\s*(?=<t[dh][\s>])/giu;
const HTML_ROW_END = /<\/tr>\s*/giu;
const HTML_TABLE_START = /<table\b[^>]*>/giu;
/** The pipes of a Markdown table row (a line that starts and ends with `|`). */
const MARKDOWN_ROW = /^[ \t]*\|(.*)\|[ \t]*$/gmu;
/** A line holding a tab (a row of tab-separated cells when two or more cells hold text). */
const TAB_LINE = /^[^\n]*\t[^\n]*$/gmu;

/** Removes markup that is not text and marks table cells; run on the decoded text first. */
export function undoMarkup(t: MappedText): MappedText {
  let out = rewrite(t, HTML_COMMENT, () => "");
  out = rewrite(out, MARKDOWN_IMAGE, () => "");
  out = rewrite(out, MARKDOWN_HEADING, () => "");
  out = rewrite(out, MARKDOWN_BOLD, () => "");
  out = rewrite(out, MARKDOWN_TABLE_RULE, () => "");
  out = rewrite(out, PAGE_NUMBER, () => "");
  out = rewrite(out, HTML_TABLE_START, () => "\n");
  out = rewrite(out, HTML_CELL_END, () => CELL);
  out = rewrite(out, HTML_ROW_END, () => "\n");
  out = rewrite(out, MARKDOWN_ROW, (m) => m[1]!.replace(/\|/gu, CELL));
  out = rewrite(out, TAB_LINE, (m) =>
    m[0].split(/\t+/u).filter((c) => c.trim() !== "").length >= 2 ? m[0].replace(/\t+/gu, CELL) : m[0],
  );
  return out;
}

/** Lines at least this long that occur this often are running headers. */
const RUNNING_HEADER = { minLength: 6, maxLength: 40, minCount: 3 };

/**
 * Removes running headers: a short line without sentence punctuation repeated on many pages
 * (`洛阳市2023年国民经济和社会发展统计公报`). The first occurrence stays (it may be the title).
 */
export function dropRunningHeaders(t: MappedText): MappedText {
  const counts = new Map<string, number>();
  for (const line of t.text.split("\n")) {
    const l = line.trim();
    if (l.length < RUNNING_HEADER.minLength || l.length > RUNNING_HEADER.maxLength) continue;
    if (/[。；，！？：:]/u.test(l) || l.includes(CELL) || UNIT_LINE.test(l)) continue;
    counts.set(l, (counts.get(l) ?? 0) + 1);
  }
  const repeated = new Set([...counts].filter(([, n]) => n >= RUNNING_HEADER.minCount).map(([l]) => l));
  if (repeated.size === 0) return t;
  const seen = new Set<string>();
  return rewrite(t, /^[^\n]*$/gmu, (m) => {
    const l = m[0].trim();
    if (!repeated.has(l)) return m[0];
    if (!seen.has(l)) {
      seen.add(l);
      return m[0];
    }
    return "";
  });
}

/** Marks that end a sentence or a block: a line ending with one was not wrapped. */
const BLOCK_END = /[。！？；：”」）)】…]$/u;
/** Lines that start a block of their own: headings, table/figure captions, notes. */
const BLOCK_START = /^(?:[表图]\s*\d|注[:：]|资料来源|附[:：注])/u;
/** Share of long lines ending mid-sentence from which a text counts as hard-wrapped. */
const HARD_WRAP_SHARE = 0.6;
/** A text needs this many long lines before its layout can be judged. */
const MIN_BODY_LINES = 30;
/** Lines at least this long count when deciding whether a text is hard-wrapped. */
const LONG_LINE = 16;

/** The lines that count when deciding whether a text is hard-wrapped: long body lines. */
function bodyLines(text: string): string[] {
  return text
    .split("\n")
    .filter((l) => l.length >= LONG_LINE && !l.includes(CELL) && !UNIT_LINE.test(l) && !headingMarker(l));
}

/** The median length of long body lines (the page width of PDF text). */
function lineWidth(lines: string[]): number {
  const sorted = lines.map((l) => l.length).sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/**
 * Whether a text's paragraphs were cut into lines of fixed width (PDF text): most long lines
 * end mid-sentence and have about the same length.
 */
export function isHardWrapped(text: string): boolean {
  const lines = bodyLines(text);
  if (lines.length < MIN_BODY_LINES) return false;
  const width = lineWidth(lines);
  const open = lines.filter((l) => !BLOCK_END.test(l)).length;
  const even = lines.filter((l) => l.length >= width * 0.8 && l.length <= width * 1.2).length;
  return open / lines.length >= HARD_WRAP_SHARE && even / lines.length >= HARD_WRAP_SHARE;
}

/**
 * Re-joins lines of hard-wrapped text (PDF): a break (with blank lines from a page break)
 * after a line that does not end a sentence is removed when the next line continues the text
 * (it is no heading, caption or table cell and the line before is not a short cell). Texts
 * written one paragraph a line are left alone.
 */
export function joinHardWraps(t: MappedText): MappedText {
  if (!isHardWrapped(t.text)) return t;
  const width = lineWidth(bodyLines(t.text));
  const text = t.text;
  return rewrite(t, /\n(?:[ \t]*\n)*/gu, (m) => {
    const lineStart = text.lastIndexOf("\n", m.index - 1) + 1;
    const before = text.slice(lineStart, m.index);
    const afterEnd = text.indexOf("\n", m.index + m[0].length);
    const after = text.slice(m.index + m[0].length, afterEnd < 0 ? text.length : afterEnd);
    if (before === "" || after === "" || BLOCK_END.test(before)) return m[0];
    if (headingMarker(after) || headingMarker(before) || BLOCK_START.test(after) || BLOCK_START.test(before))
      return m[0];
    if (before.includes(CELL) || after.includes(CELL) || UNIT_LINE.test(before) || UNIT_LINE.test(after))
      return m[0];
    // A full-width line continues; so does a shorter one cut after a comma (`素后增长5.8%，`).
    const full = before.length >= width * 0.75;
    const openClause = /[，、]$/u.test(before) && m[0] === "\n";
    return full || openClause ? "" : m[0];
  });
}
