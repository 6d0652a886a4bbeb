/**
 * Pure formatting of answers, excerpts and source listings for both front ends, as
 * FormattedStrings (rich-text.ts): figures in bold, citation markers [n] kept, the sources
 * listed with each document named once. Buttons are made elsewhere (answer-keyboard.ts);
 * lists with `answer.list` are paged by list-view.ts.
 *
 * No I/O and no grammY runtime imports apart from the parse-mode plugin's FormattedString, so
 * everything here is unit-tested exactly.
 */
import type { Answer, Citation, SourceListing } from "../types.js";
import { bold, FormattedString, italic, line, lines, plain } from "./rich-text.js";
import { NOTICES } from "./texts.js";

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
 * `text` with every occurrence of a figure in bold. Longer figures win over shorter ones they
 * contain; a figure inside a longer number is not marked.
 */
export function markFigures(text: string, figures: readonly string[]): FormattedString {
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
  const parts: FormattedString[] = [];
  let pos = 0;
  for (const [s, e] of taken) {
    if (s > pos) parts.push(plain(text.slice(pos, s)));
    parts.push(bold(text.slice(s, e)));
    pos = e;
  }
  if (pos < text.length) parts.push(plain(text.slice(pos)));
  return line(...parts);
}

/** `《title》`, unless the title already carries the brackets. */
export function bookTitle(title: string): string {
  return title.startsWith("《") ? title : `《${title}》`;
}

/** Where a citation stands in its document: section and page (`一、综合 第3页`). */
export function citationPlace(c: Pick<Citation, "section" | "page">): string {
  return [c.section, c.page ? `第${c.page}页` : ""].filter(Boolean).join(" ");
}

/**
 * The 出处 lines: each document named once, its citations under it. One document:
 * `[1] 《title》 section`; several citations of one document: `《title》` then `[n] section`.
 */
export function sourceLines(citations: readonly Citation[]): FormattedString[] {
  const byTitle = new Map<string, Citation[]>();
  for (const c of citations) byTitle.set(c.title, [...(byTitle.get(c.title) ?? []), c]);
  const out: FormattedString[] = [];
  for (const [title, list] of byTitle) {
    if (list.length === 1) {
      const c = list[0]!;
      out.push(plain(`[${c.id}] ${bookTitle(title)}${citationPlace(c) ? ` ${citationPlace(c)}` : ""}`));
      continue;
    }
    out.push(plain(bookTitle(title)));
    for (const c of list) out.push(plain(`[${c.id}] ${citationPlace(c) || "全文"}`));
  }
  return out;
}

/** Options of {@link answerText}. */
export interface AnswerTextOptions {
  /** Write a clarification's choices as text (the terminal; Telegram shows buttons). */
  optionsAsText?: boolean;
  /** A closing hint in italics (the terminal: how to see the excerpts). */
  hint?: string;
}

/** The answer: text with bold figures, the choices of a clarification, the 出处 list. */
export function answerText(answer: Answer, options: AnswerTextOptions = {}): FormattedString {
  const figures = figureStrings(answer);
  const out: Array<FormattedString | string> = answer.text.split("\n").map((l) => markFigures(l, figures));
  if (answer.status === "clarify" && answer.options.length > 0 && options.optionsAsText) {
    out.push("", bold("可以这样问："), ...answer.options.map((o) => `• ${o}`));
  }
  if (answer.citations.length > 0) out.push("", bold("出处"), ...sourceLines(answer.citations));
  // `/cite 问题`: the sources as they would be cited in an official document.
  if (answer.intent === "cite" && answer.status === "answered" && answer.citations.length > 0)
    out.push("", bold("可直接引用："), ...answer.citations.slice(0, 3).map(pasteReadyCitation));
  if (answer.status === "not_found" && !answer.text.includes("/help")) out.push("", NOTICES.notFoundHint);
  if (options.hint && answer.citations.length > 0) out.push("", italic(options.hint));
  return lines(out);
}

/** A quote as one line: the lines of a task block joined, the closing mark made a full stop. */
function quoteAsSentence(quote: string): string {
  const joined = quote
    .split(/\n+/u)
    .map((l) => l.trim())
    .filter(Boolean)
    .join("；");
  return joined.replace(/[；;，,：:、\s]+$/u, "").replace(/[^。！？]$/u, "$&。");
}

/**
 * A citation ready to paste into an official document:
 * `据《鞍山市铁东区2023年国民经济和社会发展统计公报》（一、综合）显示，社会消费品零售总额完成140.1亿元，同比增长9.1%。`
 */
export function pasteReadyCitation(c: Pick<Citation, "title" | "section" | "page" | "quote">): string {
  // A heading numbered in brackets (（五）…) loses its number, or the brackets would double.
  const top = (c.section.split(" > ")[0]?.trim() ?? "").replace(
    /^[（(][一二三四五六七八九十\d]+[）)]\s*/u,
    "",
  );
  const where = [top, c.page ? `第${c.page}页` : ""].filter(Boolean).join("，");
  return `据${bookTitle(c.title)}${where ? `（${where}）` : ""}显示，${quoteAsSentence(c.quote)}`;
}

/** Marks `【…】` (the figure in an excerpt) in bold, brackets included. */
function markBrackets(text: string): FormattedString {
  const parts: FormattedString[] = [];
  let pos = 0;
  for (const m of text.matchAll(/【[^【】]*】/g)) {
    if (m.index > pos) parts.push(plain(text.slice(pos, m.index)));
    parts.push(bold(m[0]));
    pos = m.index + m[0].length;
  }
  if (pos < text.length) parts.push(plain(text.slice(pos)));
  return line(...parts);
}

/**
 * A citation's excerpt: "原文 [n]", the title and the section unless the excerpt already names
 * them, the excerpt from `AnswerService.excerpt` with the marked figure in bold, and the
 * paste-ready citation.
 */
export function excerptText(citation: Citation, excerpt: string): FormattedString {
  const title = bookTitle(citation.title);
  const header = line(bold(`原文 [${citation.id}]`), excerpt.includes(title) ? "" : ` ${title}`);
  const lastHeading = citation.section.split(" > ").pop()?.trim() ?? "";
  const section = citation.section && !excerpt.includes(lastHeading) ? italic(citation.section) : null;
  return lines([
    header,
    section,
    "",
    ...excerpt.split("\n").map(markBrackets),
    "",
    bold("可直接引用："),
    pasteReadyCitation(citation),
  ]);
}

/** Data-quality notes as staff read them: field names in Chinese, no file names. */
export function noteForStaff(message: string): string {
  const FIELD: Record<string, string> = {
    title: "标题",
    city: "城市",
    district: "区县",
    region: "地区",
    period: "时期",
    kind: "文种",
    year: "年份",
  };
  return message
    .replace(/\b(title|city|district|region|period|kind|year)\b/gu, (w) => FIELD[w] ?? w)
    .replace(/来自\s*[\w.-]+\.json/gu, "为人工补记")
    .replace(/\s*[\w.-]+\.(?:json|txt|pdf|docx|html?|md)\b/gu, "");
}

/** The /sources listing: title, region, period, kind and data-quality notes per document. */
export function sourcesText(sources: readonly SourceListing[]): FormattedString {
  const out: Array<FormattedString | string> = [bold(`资料来源（共 ${sources.length} 份）`)];
  sources.forEach((s, i) => {
    out.push("", bold(`${i + 1}. ${bookTitle(s.title)}`));
    out.push(`地区：${s.region}｜时期：${s.period}｜文种：${s.kind}`);
    for (const note of s.notes) out.push(`⚠ 数据说明：${noteForStaff(note.message)}`);
  });
  return lines(out);
}
