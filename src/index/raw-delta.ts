/**
 * A document's source text kept as a difference from its normalised text: the store keeps the
 * normalised text whole and the source text as pieces — `[start, length]` to copy from the
 * normalised text, or a string to take as it is — in source order. Normalisation mostly drops
 * markup and rewrites a few characters, so the source text of a Markdown page costs a few
 * percent of its size instead of all of it (74 MB of the public corpus). The pieces come from
 * the offset runs (normalised ↔ source) and are checked to rebuild the source exactly; when
 * they would not, the source text is kept whole.
 */
import type { OffsetRuns } from "../types.js";

/** Pieces of the source text: a copy from the normalised text, or literal text. */
export type RawDelta = Array<[number, number] | string>;

/** Shortest copy worth a piece of its own (shorter ones are kept as literal text). */
const MIN_COPY = 8;

/** Rebuilds the source text from the normalised text and the pieces. */
export function applyRawDelta(text: string, delta: RawDelta): string {
  let raw = "";
  for (const piece of delta)
    raw += typeof piece === "string" ? piece : text.slice(piece[0], piece[0] + piece[1]);
  return raw;
}

/**
 * The pieces rebuilding `raw` from `text` with the offset runs, or null when they would not
 * (then keep `raw` whole).
 */
export function rawDelta(text: string, raw: string, runs: OffsetRuns): RawDelta | null {
  const delta: RawDelta = [];
  const literal = (s: string) => {
    if (s === "") return;
    const last = delta[delta.length - 1];
    if (typeof last === "string") delta[delta.length - 1] = last + s;
    else delta.push(s);
  };
  let at = 0; // next source offset to cover
  for (const run of [...runs].sort((a, b) => a[1] - b[1] || a[0] - b[0])) {
    let [norm, source, length] = run;
    // Several normalised characters may map to one source offset: cover each source part once.
    if (source + length <= at) continue;
    if (source < at) {
      norm += at - source;
      length -= at - source;
      source = at;
    }
    literal(raw.slice(at, source));
    // Within a run, characters rewritten in place (same length) differ: copy the stretches
    // that agree, take the others as they are.
    let i = 0;
    while (i < length) {
      let j = i;
      while (j < length && text.charCodeAt(norm + j) === raw.charCodeAt(source + j)) j++;
      if (j - i >= MIN_COPY) delta.push([norm + i, j - i]);
      else literal(raw.slice(source + i, source + j));
      let k = j;
      while (k < length && text.charCodeAt(norm + k) !== raw.charCodeAt(source + k)) k++;
      literal(raw.slice(source + j, source + k));
      i = k;
    }
    at = source + length;
  }
  literal(raw.slice(at));
  return applyRawDelta(text, delta) === raw ? delta : null;
}
