/**
 * A minimal rich-text model shared by the Telegram and terminal front ends: formatters build
 * {@link Line}s once, then {@link renderHtml} gives Telegram HTML (parse_mode "HTML") and
 * {@link renderPlain} gives the same text without markup for the terminal chat.
 *
 * Why a model instead of building HTML directly: escaping happens in exactly one place, and the
 * terminal shows the same answer minus HTML without a second formatter that could drift.
 */

/** A run of text with an optional style. Text is raw (unescaped); renderers escape it. */
export interface Span {
  text: string;
  style?: "b" | "i" | "code";
}

/** One line of output: spans concatenated. An empty array is a blank line. */
export type Line = Span[];

/**
 * Escapes text for Telegram's HTML parse mode. Telegram requires exactly `&`, `<` and `>` to be
 * escaped outside tags; quotes only matter inside attributes, which we never fill with user text.
 */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A line of unstyled text. */
export function plain(text: string): Line {
  return text === "" ? [] : [{ text }];
}

/** Splits multi-line text into unstyled lines (answer and excerpt texts contain newlines). */
export function plainLines(text: string): Line[] {
  return text.split("\n").map(plain);
}

function spanHtml(span: Span): string {
  const body = escapeHtml(span.text);
  if (!span.style || body === "") return body;
  return `<${span.style}>${body}</${span.style}>`;
}

/** Renders lines as Telegram HTML; styled spans never cross a line, so tags never span lines. */
export function renderHtml(lines: readonly Line[]): string {
  return lines.map((line) => line.map(spanHtml).join("")).join("\n");
}

/** Renders lines as plain text (terminal chat, logs). */
export function renderPlain(lines: readonly Line[]): string {
  return lines.map((line) => line.map((s) => s.text).join("")).join("\n");
}
