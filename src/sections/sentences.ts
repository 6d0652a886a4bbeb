/**
 * Splits normalised text into statements: runs ending at 。！？； or a line end. A statement
 * is the unit a citation quotes and an indicator row points at. Splits never fall inside a
 * number, because none of the end marks occurs inside one.
 */

/** A [start, end) range of a document's normalised text. */
export interface Range {
  start: number;
  end: number;
}

const END_MARKS = new Set(["。", "！", "？", "；", "\n"]);
/** Closing marks that stay with the sentence they close. */
const TRAILING = new Set(["”", "’", "）", "」", "』"]);

/** The statements of text[start, end), trimmed of spaces and line ends. */
export function splitStatements(text: string, start = 0, end = text.length): Range[] {
  const out: Range[] = [];
  let s = start;
  const push = (a: number, b: number) => {
    while (a < b && /\s/u.test(text[a]!)) a++;
    while (b > a && /\s/u.test(text[b - 1]!)) b--;
    if (b > a) out.push({ start: a, end: b });
  };
  for (let i = start; i < end; i++) {
    if (!END_MARKS.has(text[i]!)) continue;
    let j = i + 1;
    while (j < end && TRAILING.has(text[j]!)) j++;
    push(s, text[i] === "\n" ? i : j);
    s = j;
    i = j - 1;
  }
  push(s, end);
  return out;
}

/** The statement that contains offset, from a sorted list of statements. */
export function statementAt(statements: Range[], offset: number): Range | undefined {
  return statements.find((r) => r.start <= offset && offset < r.end);
}
