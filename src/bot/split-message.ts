/**
 * Cutting text where a reader would: long replies into messages that fit Telegram's 4096
 * characters, and short titles (inline cards) to a width. Pure and dependency-free apart from
 * the FormattedString it slices (entities are clipped and shifted by its `slice`).
 *
 * Where a cut may fall, in order of preference:
 * 1. at a line break (the break itself is dropped);
 * 2. after a sentence end (。！？；), then after a pause (，、： or whitespace), then between any
 *    two characters;
 * never inside a figure (`159.19亿元`, `9.1%`, `2.3个百分点`), a citation marker (`[17]`), a
 * book title (`《…》`, up to {@link MAX_PROTECTED} characters) or a surrogate pair.
 *
 * Length is counted in UTF-16 code units, as Telegram counts message length and entity offsets.
 */
import type { FormattedString } from "@grammyjs/parse-mode";

/** Telegram's limit on the text of one message. */
export const TELEGRAM_TEXT_LIMIT = 4096;
/** A protected span longer than this (an unclosed 《) may be cut. */
export const MAX_PROTECTED = 120;

const SENTENCE_END = new Set(["。", "！", "？", "；", "!", "?", ";"]);
const PAUSE = new Set(["，", "、", "：", ",", ":", " ", "\t", "\u3000"]);
/** Spans a cut must not fall inside. */
const PROTECTED = [
  /[-+−]?\d+(?:[.,]\d+)*(?:%|‰|个百分点|[万亿]?(?:元|美元|吨|人次|人|户|个|项|家|件|次|场|座|套|公里|平方米|千瓦时)|[万亿])?/gu,
  /\[\d+\]/gu,
  /《[^》\n]*》/gu,
  /“[^”\n]*”/gu,
];

/** blocked[i] is true when a cut before text[i] would fall inside a protected span. */
function blockedCuts(text: string): boolean[] {
  const blocked = new Array<boolean>(text.length + 1).fill(false);
  for (const pattern of PROTECTED) {
    for (const m of text.matchAll(pattern)) {
      if (m[0].length > MAX_PROTECTED) continue;
      for (let i = m.index + 1; i < m.index + m[0].length; i++) blocked[i] = true;
    }
  }
  for (let i = 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xdc00 && code <= 0xdfff) blocked[i] = true;
  }
  return blocked;
}

/** How good a cut before text[i] is: 3 line break, 2 sentence end, 1 pause, 0 any; -1 never. */
function cutQuality(text: string, i: number, blocked: boolean[]): number {
  if (text[i] === "\n") return 3;
  if (blocked[i]) return -1;
  const before = text[i - 1]!;
  if (SENTENCE_END.has(before)) return 2;
  if (PAUSE.has(before)) return 1;
  return 0;
}

/** The best cut in text(start, start + limit]; returns [end, resume]. */
function bestCut(text: string, start: number, limit: number, blocked: boolean[]): [number, number] {
  const last = Math.min(text.length, start + limit);
  if (last === text.length) return [last, last];
  let best = -1;
  let bestQuality = -1;
  // A line break just past the limit is still the best cut (it is dropped).
  if (text[last] === "\n") return [last, last + 1];
  for (let i = last; i > start; i--) {
    const quality = cutQuality(text, i, blocked);
    if (quality > bestQuality) {
      best = i;
      bestQuality = quality;
      if (quality === 3) break;
    }
  }
  if (best <= start) return [last, last];
  return text[best] === "\n" ? [best, best + 1] : [best, best];
}

/**
 * Splits a formatted text into pieces of at most `limit` UTF-16 units (see the module comment
 * for where it cuts). Pieces with nothing visible are left out; [] for empty text.
 */
export function splitMessage(
  message: FormattedString,
  limit: number = TELEGRAM_TEXT_LIMIT,
): FormattedString[] {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError("limit must be a positive integer");
  const text = message.text;
  const blocked = blockedCuts(text);
  const pieces: FormattedString[] = [];
  let start = 0;
  while (start < text.length) {
    while (text[start] === "\n") start++;
    if (start >= text.length) break;
    const [end, resume] = bestCut(text, start, limit, blocked);
    let trimmed = end;
    while (trimmed > start && text[trimmed - 1] === "\n") trimmed--;
    if (text.slice(start, trimmed).trim() !== "") pieces.push(message.slice(start, trimmed));
    start = resume;
  }
  return pieces;
}

/**
 * The text cut to at most `max` UTF-16 units at the best place that is not inside a figure,
 * a citation marker or a title, with `…` added when cut; the text itself when it fits.
 */
export function cutSafely(text: string, max: number): string {
  const flat = text.replace(/\s*\n\s*/gu, " ");
  if (flat.length <= max) return flat;
  const blocked = blockedCuts(flat);
  const [end] = bestCut(flat, 0, max - 1, blocked);
  const head = flat.slice(0, end).replace(/[，、：,:\s]+$/u, "");
  return `${head}…`;
}
