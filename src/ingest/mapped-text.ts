/**
 * Text that remembers where each of its characters came from. Normalisation is a series of
 * regex rewrites over a {@link MappedText}; at the end the per-character map is compressed
 * into {@link OffsetRuns} so citations can quote the source file faithfully.
 */
import type { OffsetRuns } from "../types.js";

/** A string plus, for each UTF-16 unit, its offset in the original (raw) text. */
export interface MappedText {
  text: string;
  /** map[i] is the raw offset of text[i]. */
  map: number[];
}

/** Starts a mapping: every character maps to itself. */
export function identity(raw: string): MappedText {
  const map = new Array<number>(raw.length);
  for (let i = 0; i < raw.length; i++) map[i] = i;
  return { text: raw, map };
}

/**
 * Replaces every match of a global regex. A replacement of the same length maps character
 * for character; one of another length maps all its characters to the match's first raw
 * offset; an empty replacement drops the characters and their mapping.
 */
export function rewrite(
  input: MappedText,
  pattern: RegExp,
  replacer: (match: RegExpExecArray) => string,
): MappedText {
  if (!pattern.global) throw new Error(`rewrite needs a global regex, got ${pattern}`);
  let text = "";
  const map: number[] = [];
  let last = 0;
  pattern.lastIndex = 0;
  // Nothing to replace (the usual case for most steps): the input as it is, without copying.
  if (!pattern.test(input.text)) return input;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(input.text); m !== null; m = pattern.exec(input.text)) {
    if (m[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    text += input.text.slice(last, m.index);
    for (let i = last; i < m.index; i++) map.push(input.map[i]!);
    const replacement = replacer(m);
    text += replacement;
    if (replacement.length === m[0].length) {
      for (let i = 0; i < replacement.length; i++) map.push(input.map[m.index + i]!);
    } else {
      for (let i = 0; i < replacement.length; i++) map.push(input.map[m.index]!);
    }
    last = m.index + m[0].length;
  }
  text += input.text.slice(last);
  for (let i = last; i < input.text.length; i++) map.push(input.map[i]!);
  return { text, map };
}

/**
 * Applies a whole-text conversion that is expected to keep the length (e.g. OpenCC
 * traditional → simplified, which converts character for character). When the length
 * changes, converts line by line so that only the lines that changed length lose precision.
 */
export function convertKeepingLength(input: MappedText, convert: (s: string) => string): MappedText {
  const whole = convert(input.text);
  if (whole.length === input.text.length) return { text: whole, map: input.map };
  return rewrite(input, /[^\n]+/g, (m) => convert(m[0]));
}

/** Compresses a per-character map into runs of consecutive offsets. */
export function toRuns(mapped: MappedText): OffsetRuns {
  const runs: OffsetRuns = [];
  for (let i = 0; i < mapped.map.length; i++) {
    const raw = mapped.map[i]!;
    const run = runs[runs.length - 1];
    if (run && run[0] + run[2] === i && run[1] + run[2] === raw) run[2]++;
    else runs.push([i, raw, 1]);
  }
  return runs;
}

/** The raw offset of a normalised offset (binary search over the runs). */
export function rawOffset(runs: OffsetRuns, offset: number): number {
  let lo = 0;
  let hi = runs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (runs[mid]![0] <= offset) lo = mid;
    else hi = mid - 1;
  }
  const run = runs[lo];
  if (!run) return 0;
  return run[1] + Math.min(Math.max(0, offset - run[0]), run[2] - 1);
}

/** The raw text behind the normalised range [start, end). */
export function rawSlice(raw: string, runs: OffsetRuns, start: number, end: number): string {
  if (end <= start) return "";
  return raw.slice(rawOffset(runs, start), rawOffset(runs, end - 1) + 1);
}

/**
 * The runs of the normalised range [start, end), re-based so the range starts at 0: the map of
 * one document cut out of a file that holds several (its raw offsets still index the file).
 */
export function sliceRuns(runs: OffsetRuns, start: number, end: number): OffsetRuns {
  const out: OffsetRuns = [];
  for (const [norm, raw, length] of runs) {
    const from = Math.max(norm, start);
    const to = Math.min(norm + length, end);
    if (to > from) out.push([from - start, raw + (from - norm), to - from]);
  }
  return out;
}

/** A range [start, end) of a text to replace, and its replacement. */
export interface Span {
  start: number;
  end: number;
  replacement: string;
}

/**
 * Replaces spans found by a scanner (sorted, non-overlapping), mapping characters the same
 * way as {@link rewrite}. Used where a regex would backtrack quadratically on long lines.
 */
export function replaceSpans(input: MappedText, spans: readonly Span[]): MappedText {
  if (spans.length === 0) return input;
  const parts: string[] = [];
  const map: number[] = [];
  let last = 0;
  for (const { start, end, replacement } of spans) {
    if (start < last || end < start) throw new Error(`spans overlap or are unsorted at ${start}`);
    parts.push(input.text.slice(last, start), replacement);
    for (let i = last; i < start; i++) map.push(input.map[i]!);
    const sameLength = replacement.length === end - start;
    for (let i = 0; i < replacement.length; i++) map.push(input.map[sameLength ? start + i : start]!);
    last = end;
  }
  parts.push(input.text.slice(last));
  for (let i = last; i < input.text.length; i++) map.push(input.map[i]!);
  return { text: parts.join(""), map };
}
