/**
 * Linear-time scanners for the normalisation steps whose natural regexes backtrack
 * quadratically on long lines (issue 12, item 3): hidden HTML elements, script/style elements
 * and wrapped line breaks. Each returns the spans to replace, sorted and non-overlapping, for
 * {@link replaceSpans}. Every forward search is cached, so each character is looked at a
 * bounded number of times whatever the line length or the number of unclosed tags.
 */
import type { Span } from "./mapped-text.js";

const HIDDEN_TAGS = ["span", "div", "p", "font"] as const;
const SCRIPT_TAGS = ["script", "style"] as const;
const DISPLAY_NONE = /display\s*:\s*none/giu;

/** Whether the character at i is an ASCII word character (what `\b` tests). */
function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return (
    (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 // 0-9 A-Z a-z _
  );
}

/** The tag name of `names` starting at i (case-insensitive, ending at a word boundary). */
function tagNameAt(text: string, i: number, names: readonly string[]): string | null {
  for (const name of names) {
    if (text.slice(i, i + name.length).toLowerCase() === name && !isWordChar(text, i + name.length)) {
      return name;
    }
  }
  return null;
}

/**
 * The next match of a global regex at or after a position, remembered until the position
 * passes it, so that repeated searches for the same thing cost linear time in total.
 */
class NextMatch {
  private found = -2;
  private foundEnd = -1;
  constructor(
    private readonly text: string,
    private readonly pattern: RegExp,
  ) {}

  /** Start and end of the next match at or after `from`, or null. */
  at(from: number): { start: number; end: number } | null {
    if (this.found === -1) return null;
    if (this.found < from) {
      this.pattern.lastIndex = from;
      const m = this.pattern.exec(this.text);
      this.found = m ? m.index : -1;
      this.foundEnd = m ? m.index + m[0].length : -1;
      if (!m) return null;
    }
    return { start: this.found, end: this.foundEnd };
  }
}

/**
 * Hidden HTML content: an element (`span`, `div`, `p`, `font`; also after a garbled `?` for
 * `<`) whose opening tag, on one line, says `display:none`, up to its end tag on the same line
 * or else to the line end. Same matches as the former regex
 * `[<?](span|div|p|font)\b[^>\n]*display\s*:\s*none[^>\n]*>[^\n]*?(?:<\/\1>|(?=\n)|$)`.
 */
export function hiddenElementSpans(text: string): Span[] {
  const spans: Span[] = [];
  const tagEnd = new NextMatch(text, /[>\n]/gu);
  const lineEnd = new NextMatch(text, /\n/gu);
  const closers = new Map<string, NextMatch>(
    HIDDEN_TAGS.map((n) => [n, new NextMatch(text, new RegExp(`</${n}>`, "giu"))]),
  );
  let displayNoneSegment = -1;
  let lastDisplayNone = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== "<" && c !== "?") continue;
    const name = tagNameAt(text, i + 1, HIDDEN_TAGS);
    if (!name) continue;
    const nameEnd = i + 1 + name.length;
    const gt = tagEnd.at(nameEnd);
    if (!gt || text[gt.start] !== ">") continue;
    if (displayNoneSegment !== gt.start) {
      // The last display:none inside this tag's text; later tag starts in the same text only
      // need to know whether one begins after their name.
      displayNoneSegment = gt.start;
      lastDisplayNone = -1;
      const attrs = text.slice(nameEnd, gt.start);
      for (const m of attrs.matchAll(DISPLAY_NONE)) lastDisplayNone = nameEnd + m.index;
    }
    if (lastDisplayNone < nameEnd) continue;
    const eol = lineEnd.at(gt.start + 1)?.start ?? text.length;
    const close = closers.get(name)!.at(gt.start + 1);
    const end = close && close.start < eol ? close.end : eol;
    spans.push({ start: i, end, replacement: "" });
    i = end - 1;
  }
  return spans;
}

/**
 * Script and style elements, from the opening tag to the matching end tag (possibly lines
 * later); an element never closed is left alone. Same matches as the former regex
 * `<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>`.
 */
export function scriptElementSpans(text: string, replacement: string): Span[] {
  const spans: Span[] = [];
  const tagEnd = new NextMatch(text, />/gu);
  const closers = new Map<string, NextMatch>(
    SCRIPT_TAGS.map((n) => [n, new NextMatch(text, new RegExp(`</${n}\\s*>`, "giu"))]),
  );
  for (let i = text.indexOf("<"); i !== -1 && i < text.length; i = text.indexOf("<", i + 1)) {
    const name = tagNameAt(text, i + 1, SCRIPT_TAGS);
    if (!name) continue;
    const gt = tagEnd.at(i + 1 + name.length);
    if (!gt) break;
    const close = closers.get(name)!.at(gt.start + 1);
    if (!close) continue;
    spans.push({ start: i, end: close.end, replacement });
    i = close.end - 1;
  }
  return spans;
}

/**
 * The runs of line breaks that `joins(lineBefore, lineAfter)` says wrap a paragraph; each is
 * removed. Same matches as the former look-behind regex
 * `(?<=(?:^|\n)([^\n]*))\n+(?=([^\n]*))`, without rescanning the line before at every break.
 */
export function wrappedLineBreakSpans(
  text: string,
  joins: (before: string, after: string) => boolean,
): Span[] {
  const spans: Span[] = [];
  let lineStart = 0;
  let i = text.indexOf("\n");
  while (i !== -1) {
    let runEnd = i;
    while (text[runEnd] === "\n") runEnd++;
    const nextBreak = text.indexOf("\n", runEnd);
    const after = text.slice(runEnd, nextBreak === -1 ? text.length : nextBreak);
    if (joins(text.slice(lineStart, i), after)) spans.push({ start: i, end: runEnd, replacement: "" });
    lineStart = runEnd;
    i = nextBreak;
  }
  return spans;
}
