/**
 * The multi-part dimension: one message asking several things becomes parts, each read as a
 * question of its own over its own words (never a rebuilt string parsed again):
 * - distributive: `A、B和C各多少人` → A多少人 | B多少人 | C多少人; `A和B各有多少户、多少人` → four
 *   parts; `分别` as `各`;
 * - clause by clause: `多少个X，帮扶了多少名Y`, `GDP是多少？同比增长多少？` (a clause without a
 *   subject of its own takes the part before it: see understand.ts).
 * A part is the message with every other part's words taken. Example corpus:
 * src/understand/corpus/multi.ts.
 */
import type { MarkedText } from "./marks.js";

/** One part: the text with the other parts' words taken, and the span its subject is read from. */
export interface Part {
  text: MarkedText;
  /** Where the part's own words are (its subject lies inside). */
  start: number;
  end: number;
}

const DISTRIBUTIVE =
  /(各|分别)(?:有|是|为)?([^多几、，,？?\s]{0,3}?)((?:\s*(?:多少|几)[^、，,？?\s和及]{0,4}\s*(?:[、和及]|$))+)\s*$/du;
const SEPARATOR = /、|和|及|与|以及/gu;
const ASKING = /多少|几|增速|增幅|增长率|同比|占比|比重/u;

/** Spans of `[start, end)` of the blanked text split at a separator pattern, without empty ones. */
function spansBetween(
  blanked: string,
  start: number,
  end: number,
  separator: RegExp,
): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let from = start;
  const re = new RegExp(separator.source, "gu");
  re.lastIndex = start;
  for (let m = re.exec(blanked); m && m.index < end; m = re.exec(blanked)) {
    out.push([from, m.index]);
    from = m.index + m[0].length;
  }
  out.push([from, end]);
  return out.filter(([a, b]) => blanked.slice(a, b).trim() !== "");
}

/** A part: a copy of the text with everything but `keep` spans (and the shared spans) taken. */
function partOf(text: MarkedText, drop: Array<[number, number]>, own: [number, number]): Part {
  const copy = text.clone();
  for (const [a, b] of drop) copy.take(a, b);
  return { text: copy, start: own[0], end: own[1] };
}

/** `A和B各多少户、多少人`: subjects × asks. */
function distributive(text: MarkedText): Part[] | null {
  const blanked = text.blanked();
  const m = DISTRIBUTIVE.exec(blanked);
  if (!m || !m.indices) return null;
  const first = blanked.search(/\S/u);
  const subjects = spansBetween(blanked, first, m.index, SEPARATOR);
  const [askStart, askEnd] = m.indices[3]!;
  const [verbStart] = m.indices[2] ?? [askStart];
  const asks = spansBetween(blanked, askStart, askEnd, /[、和及]/gu);
  if (subjects.length < 2 && asks.length < 2) return null;
  const parts: Part[] = [];
  for (const s of subjects) {
    for (const a of asks) {
      const drop = [...subjects.filter((x) => x !== s), ...asks.filter((x) => x !== a)];
      const part = partOf(text, drop, [s[0], a[1]]);
      // 各 (and 有/是) go; a verb between 各 and the ask (各装了多少户) stays with every part.
      part.text.take(m.index, verbStart);
      part.text.takeAll(/[、和及与]/gu);
      parts.push(part);
    }
  }
  return parts;
}

/** `办了多少份A和B`: the ask first, then the subjects it is asked of. */
const ASK_FIRST = /(?:多少|几)[^\s多几，,？?、和及与]{0,2}?(?=\S)([^多几，,？?]+)$/du;

function askFirst(text: MarkedText): Part[] | null {
  const blanked = text.blanked();
  const m = ASK_FIRST.exec(blanked.trimEnd());
  if (!m?.indices) return null;
  const [start, end] = m.indices[1]!;
  const subjects = spansBetween(blanked, start, end, SEPARATOR);
  if (subjects.length < 2 || subjects.some(([a, b]) => blanked.slice(a, b).trim().length < 2)) return null;
  return subjects.map((s) => {
    const part = partOf(
      text,
      subjects.filter((x) => x !== s),
      s,
    );
    part.text.takeAll(/[、和及与]/gu);
    return { ...part, start: 0 };
  });
}

/** `多少个X，帮扶了多少名Y`: every clause asks. */
function clauses(text: MarkedText): Part[] | null {
  const blanked = text.blanked();
  const spans = spansBetween(blanked, 0, blanked.length, /[，,；;？?]/gu);
  if (spans.length < 2) return null;
  if (!spans.every(([a, b]) => ASKING.test(blanked.slice(a, b)))) return null;
  return spans.map((own) =>
    partOf(
      text,
      spans.filter((s) => s !== own),
      own,
    ),
  );
}

/** How a message was split: distributive parts share one ask (各多少), clauses each ask their own. */
export interface Parts {
  kind: "distributive" | "clauses";
  parts: Part[];
}

/** The parts of a message asking several things, or null when it asks one. */
export function splitParts(text: MarkedText): Parts | null {
  const shared = distributive(text) ?? askFirst(text);
  if (shared) return { kind: "distributive", parts: shared };
  const own = clauses(text);
  return own ? { kind: "clauses", parts: own } : null;
}
