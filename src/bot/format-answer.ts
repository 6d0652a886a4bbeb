/**
 * Pure formatting of answers, excerpts and source listings for both front ends.
 *
 * - {@link formatAnswer}: Answer → Telegram HTML (figures in bold, corpus text escaped, markers
 *   [n] kept, a "出处" list) plus an inline keyboard with one "原文 [n]" button per citation.
 * - {@link answerLines} / {@link excerptLines} / {@link sourcesLines}: the same content as
 *   {@link Line}s, rendered as plain text by the terminal chat.
 * - {@link citeButtonData} / {@link parseCiteButton}: the ≤64-byte callback data of the buttons.
 *
 * No I/O and no grammY runtime imports, so everything here is unit-tested exactly.
 */
import type { InlineKeyboardButton, InlineKeyboardMarkup } from "grammy/types";
import type { Answer, Citation, SourceListing } from "../types.js";
import { plain, renderHtml, type Line, type Span } from "./rich-text.js";
import { NOTICES } from "./texts.js";

/** Identifies one stored answer: the store's epoch (one per process) and the answer's id. */
export interface AnswerRef {
  epoch: string;
  answerId: number;
}

/** What a "原文 [n]" button points at. */
export interface CiteButton extends AnswerRef {
  citationId: number;
}

/** Buttons per keyboard row. */
const BUTTONS_PER_ROW = 4;

/** Encodes a button as `c:<epoch>:<answerId>:<citationId>` (well under Telegram's 64 bytes). */
export function citeButtonData(button: CiteButton): string {
  return `c:${button.epoch}:${button.answerId}:${button.citationId}`;
}

/** Decodes {@link citeButtonData}; null for anything else (old formats, other bots' data). */
export function parseCiteButton(data: string): CiteButton | null {
  const m = /^c:([a-z0-9]{1,12}):(\d{1,15}):(\d{1,4})$/.exec(data);
  if (!m) return null;
  return { epoch: m[1]!, answerId: Number(m[2]), citationId: Number(m[3]) };
}

/** Items ("- " lines) per page of a long list answer (tasks of a unit, a ranking). */
export const PAGE_SIZE = 10;

/** What a page button points at. */
export interface PageButton extends AnswerRef {
  page: number;
}

/** Encodes a page button as `p:<epoch>:<answerId>:<page>`. */
export function pageButtonData(button: PageButton): string {
  return `p:${button.epoch}:${button.answerId}:${button.page}`;
}

/** Decodes {@link pageButtonData}; null for anything else. */
export function parsePageButton(data: string): PageButton | null {
  const m = /^p:([a-z0-9]{1,12}):(\d{1,15}):(\d{1,4})$/.exec(data);
  if (!m) return null;
  return { epoch: m[1]!, answerId: Number(m[2]), page: Number(m[3]) };
}

const isItem = (line: string) => line.startsWith("- ");

/** How many pages an answer has (1 unless it lists more than {@link PAGE_SIZE} items). */
export function pageCount(answer: Pick<Answer, "text">): number {
  const items = answer.text.split("\n").filter(isItem).length;
  return Math.max(1, Math.ceil(items / PAGE_SIZE));
}

/**
 * One page of a long list answer: the lines around the list, the page's items, and only the
 * citations those lines refer to (ids unchanged, so 原文 buttons still find them).
 */
export function answerPage(answer: Answer, page: number): Answer {
  const pages = pageCount(answer);
  if (pages === 1) return answer;
  const lines = answer.text.split("\n");
  let item = -1;
  const kept = lines.filter((line) => {
    if (!isItem(line)) return true;
    item++;
    return Math.floor(item / PAGE_SIZE) === page;
  });
  kept.push(`（第${page + 1}/${pages}页）`);
  const text = kept.join("\n");
  const used = new Set([...text.matchAll(/\[(\d+)\]/gu)].map((m) => Number(m[1])));
  return { ...answer, text, citations: answer.citations.filter((c) => used.has(c.id)) };
}

/**
 * The strings to bold in an answer: its facts' values and growths, plus each citation's
 * `figure` (for answers without facts, e.g. a task's lead unit). Longest first, no repeats.
 * A signed value also yields its unsigned form: a computed `-7.27亿元` reads "减少7.27亿元".
 */
export function figureStrings(answer: Pick<Answer, "facts" | "citations">): string[] {
  const all = [
    ...answer.facts.flatMap((f) => [f.value, f.growth]),
    ...answer.citations.map((c) => c.figure),
  ].filter((s): s is string => !!s?.trim());
  const unsigned = all.filter((s) => /^[-+−]\d/.test(s)).map((s) => s.slice(1));
  return [...new Set([...all, ...unsigned])].sort((a, b) => b.length - a.length);
}

const isDigit = (ch: string | undefined) => ch !== undefined && ch >= "0" && ch <= "9";

/** True when text[start, end) is a whole number, not part of a longer one (9.1% inside 19.1%). */
function standsAlone(text: string, start: number, end: number): boolean {
  const before = text[start - 1];
  if (isDigit(text[start]) && (isDigit(before) || before === ".")) return false;
  if (isDigit(text[end - 1])) {
    const after = text[end];
    if (isDigit(after) || (after === "." && isDigit(text[end + 1]))) return false;
  }
  return true;
}

/**
 * Splits `text` into spans with every occurrence of a figure in bold. Longer figures win over
 * shorter ones they contain; a figure inside a longer number is not marked.
 */
export function markFigures(text: string, figures: readonly string[]): Span[] {
  const taken: Array<[number, number]> = [];
  for (const figure of [...figures].sort((a, b) => b.length - a.length)) {
    for (let at = text.indexOf(figure); at !== -1; at = text.indexOf(figure, at + 1)) {
      const end = at + figure.length;
      if (!standsAlone(text, at, end)) continue;
      if (taken.some(([s, e]) => at < e && end > s)) continue;
      taken.push([at, end]);
    }
  }
  taken.sort((a, b) => a[0] - b[0]);
  const spans: Span[] = [];
  let pos = 0;
  for (const [s, e] of taken) {
    if (s > pos) spans.push({ text: text.slice(pos, s) });
    spans.push({ text: text.slice(s, e), style: "b" });
    pos = e;
  }
  if (pos < text.length) spans.push({ text: text.slice(pos) });
  return spans;
}

/** `《title》`, unless the title already carries the brackets. */
export function bookTitle(title: string): string {
  return title.startsWith("《") ? title : `《${title}》`;
}

/** Options of {@link answerLines}. */
export interface AnswerLinesOptions {
  /** A closing hint in italics, e.g. how to see the excerpts in the terminal. */
  hint?: string;
}

/** The answer as lines: text with bold figures, choices for `clarify`, the citation list. */
export function answerLines(answer: Answer, options: AnswerLinesOptions = {}): Line[] {
  const figures = figureStrings(answer);
  const lines: Line[] = answer.text.split("\n").map((line) => markFigures(line, figures));
  if (answer.status === "clarify" && answer.options.length > 0) {
    lines.push([], [{ text: "可以这样问：", style: "b" }], ...answer.options.map((o) => plain(`• ${o}`)));
  }
  if (answer.citations.length > 0) {
    lines.push([], [{ text: "出处", style: "b" }]);
    for (const c of answer.citations) {
      lines.push(
        plain(
          `[${c.id}] ${bookTitle(c.title)}${c.page ? ` 第${c.page}页` : ""}${c.section ? " " + c.section : ""}`,
        ),
      );
    }
  }
  if (answer.status === "not_found" && !answer.text.includes("/help"))
    lines.push([], plain(NOTICES.notFoundHint));
  if (options.hint && answer.citations.length > 0) lines.push([], [{ text: options.hint, style: "i" }]);
  return lines;
}

/** Telegram rendering of an answer. */
export interface FormattedAnswer {
  html: string;
  /** One "原文 [n]" button per citation; undefined when there are no citations or no ref. */
  keyboard: InlineKeyboardMarkup | undefined;
}

/**
 * Formats an answer for Telegram. Pass the {@link AnswerRef} under which the answer was stored
 * so the buttons can find it again; without one, no buttons are made.
 */
export function formatAnswer(full: Answer, ref?: AnswerRef, page = 0): FormattedAnswer {
  const pages = ref ? pageCount(full) : 1;
  const answer = pages > 1 ? answerPage(full, Math.min(page, pages - 1)) : full;
  const html = renderHtml(answerLines(answer));
  if (!ref || (answer.citations.length === 0 && pages === 1)) return { html, keyboard: undefined };
  const buttons: InlineKeyboardButton[] = answer.citations.map((c) => ({
    text: `原文 [${c.id}]`,
    callback_data: citeButtonData({ ...ref, citationId: c.id }),
  }));
  const rows: InlineKeyboardButton[][] = [];
  for (let i = 0; i < buttons.length; i += BUTTONS_PER_ROW) rows.push(buttons.slice(i, i + BUTTONS_PER_ROW));
  if (pages > 1) {
    const nav: InlineKeyboardButton[] = [];
    if (page > 0) nav.push({ text: "‹ 上一页", callback_data: pageButtonData({ ...ref, page: page - 1 }) });
    if (page < pages - 1)
      nav.push({ text: "下一页 ›", callback_data: pageButtonData({ ...ref, page: page + 1 }) });
    rows.push(nav);
  }
  return { html, keyboard: { inline_keyboard: rows } };
}

/** Marks `【…】` (the figure in an excerpt) in bold, brackets included. */
function markBrackets(line: string): Span[] {
  const spans: Span[] = [];
  let pos = 0;
  for (const m of line.matchAll(/【[^【】]*】/g)) {
    if (m.index > pos) spans.push({ text: line.slice(pos, m.index) });
    spans.push({ text: m[0], style: "b" });
    pos = m.index + m[0].length;
  }
  if (pos < line.length) spans.push({ text: line.slice(pos) });
  return spans;
}

/**
 * A citation's excerpt: "原文 [n]", the title and the section unless the excerpt already names
 * them, then the excerpt from `AnswerService.excerpt` with the marked figure in bold.
 */
export function excerptLines(citation: Citation, excerpt: string): Line[] {
  const title = bookTitle(citation.title);
  const header: Line = [{ text: `原文 [${citation.id}]`, style: "b" }];
  if (!excerpt.includes(title)) header.push({ text: ` ${title}` });
  const lines: Line[] = [header];
  const lastHeading = citation.section.split(" > ").pop()?.trim() ?? "";
  if (citation.section && !excerpt.includes(lastHeading))
    lines.push([{ text: citation.section, style: "i" }]);
  lines.push([], ...excerpt.split("\n").map(markBrackets));
  return lines;
}

/** The /sources listing: title, region, period, kind, file and data-quality notes per document. */
export function sourcesLines(sources: readonly SourceListing[]): Line[] {
  const lines: Line[] = [[{ text: `资料来源（共 ${sources.length} 份）`, style: "b" }]];
  sources.forEach((s, i) => {
    lines.push([], [{ text: `${i + 1}. ${bookTitle(s.title)}`, style: "b" }]);
    lines.push(plain(`地区：${s.region}｜时期：${s.period}｜类型：${s.kind}`));
    lines.push([{ text: `文件：${s.file}`, style: "i" }]);
    for (const note of s.notes) lines.push(plain(`⚠ 数据质量：${note.message}`));
  });
  return lines;
}
