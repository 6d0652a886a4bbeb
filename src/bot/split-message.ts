/**
 * Splits Telegram HTML into messages that each fit the Bot API's 4096-character limit.
 *
 * Pure and dependency-free so it can be tested exactly. Rules, in order of preference:
 * 1. cut at a line break (the break itself is dropped);
 * 2. inside an over-long line, cut after a sentence end (。！？；), then after a pause (，、：
 *    or whitespace), then anywhere between two characters;
 * 3. never cut inside a tag (`<b>`), an entity (`&amp;`) or a surrogate pair;
 * 4. a tag still open at a cut is closed at the end of the piece and reopened at the start of
 *    the next, so every piece is valid HTML on its own.
 *
 * Length is counted in UTF-16 code units of the HTML source, tags included. Telegram counts
 * only the visible text, so this is conservative.
 */

/** Telegram's limit on the text of one message. */
export const TELEGRAM_TEXT_LIMIT = 4096;

interface Atom {
  text: string;
  kind: "open" | "close" | "newline" | "text";
  /** Tag name for open/close atoms. */
  name?: string;
}

interface OpenTag {
  name: string;
  /** The opening tag as written, attributes included, to reopen it in the next piece. */
  text: string;
}

interface Cut {
  /** Exclusive end of the piece (atom index). */
  end: number;
  /** Where the next piece starts. */
  resume: number;
  /** Tags open at `end`. */
  stack: OpenTag[];
}

const ATOM_PATTERN =
  /<\/?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?>|&(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);|\n|[\s\S]/gu;
const SENTENCE_END = new Set(["。", "！", "？", "；", "!", "?", ";"]);
const PAUSE = new Set(["，", "、", "：", ",", ":", " ", "\t", "\u3000"]);

function tokenize(html: string): Atom[] {
  const atoms: Atom[] = [];
  for (const [text] of html.matchAll(ATOM_PATTERN)) {
    if (text === "\n") atoms.push({ text, kind: "newline" });
    else if (text.length > 2 && text.startsWith("<")) {
      const name = /^<\/?([a-zA-Z][a-zA-Z0-9-]*)/.exec(text)![1]!.toLowerCase();
      atoms.push({ text, kind: text[1] === "/" ? "close" : "open", name });
    } else atoms.push({ text, kind: "text" });
  }
  return atoms;
}

function apply(stack: OpenTag[], atom: Atom): OpenTag[] {
  if (atom.kind === "open") return [...stack, { name: atom.name!, text: atom.text }];
  if (atom.kind === "close") {
    const at = stack.map((t) => t.name).lastIndexOf(atom.name!);
    return at === -1 ? stack : [...stack.slice(0, at), ...stack.slice(at + 1)];
  }
  return stack;
}

const closingTags = (stack: OpenTag[]) =>
  stack
    .map((t) => `</${t.name}>`)
    .reverse()
    .join("");

/** How good a cut right after this atom is; -1 means never cut here. */
function priority(atom: Atom): number {
  if (atom.kind === "open") return -1;
  if (SENTENCE_END.has(atom.text)) return 2;
  if (PAUSE.has(atom.text)) return 1;
  return 0;
}

/** True when the piece shows something (not only tags and line breaks). */
const visible = (atoms: Atom[]) => atoms.some((a) => a.kind === "text" && a.text.trim() !== "");

/**
 * Splits `html` into pieces of at most `limit` UTF-16 units (see the module comment for the
 * rules). Returns `[]` for text with nothing visible. Call it on every reply before sending.
 * A single tag longer than `limit` cannot be split and is returned as an over-long piece.
 */
export function splitMessage(html: string, limit: number = TELEGRAM_TEXT_LIMIT): string[] {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive integer`);
  const atoms = tokenize(html);
  const pieces: string[] = [];
  let start = 0;
  let open: OpenTag[] = [];
  while (start < atoms.length) {
    while (start < atoms.length && atoms[start]!.kind === "newline") start++;
    if (start >= atoms.length) break;
    const prefix = open.map((t) => t.text).join("");
    let length = prefix.length;
    let stack = open;
    const best: Array<Cut | undefined> = [];
    let i = start;
    for (; i < atoms.length; i++) {
      const atom = atoms[i]!;
      // A line break is the best cut even when it would not fit itself: it is dropped there.
      if (atom.kind === "newline") best[3] = { end: i, resume: i + 1, stack };
      const next = apply(stack, atom);
      if (i > start && length + atom.text.length + closingTags(next).length > limit) break;
      length += atom.text.length;
      if (atom.kind !== "newline" && priority(atom) >= 0) {
        best[priority(atom)] = { end: i + 1, resume: i + 1, stack: next };
      }
      stack = next;
    }
    let cut: Cut =
      i === atoms.length
        ? { end: i, resume: i, stack }
        : (best[3] ?? best[2] ?? best[1] ?? best[0] ?? { end: i, resume: i, stack });
    if (cut.end <= start) cut = { end: start + 1, resume: start + 1, stack: apply(open, atoms[start]!) };
    let end = cut.end;
    while (end > start && atoms[end - 1]!.kind === "newline") end--;
    const body = atoms.slice(start, end);
    if (visible(body)) pieces.push(prefix + body.map((a) => a.text).join("") + closingTags(cut.stack));
    open = cut.stack;
    start = cut.resume;
  }
  return pieces;
}
