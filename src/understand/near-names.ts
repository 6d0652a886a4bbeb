/**
 * Near names: a question that writes an indicator or a place slightly wrong, the way a pinyin
 * input method errs, and the held names it may mean. Pure: names in, candidates out; the caller
 * decides what to do with them (the answer layer asks `您是不是要问：社零总额？` and never
 * substitutes silently).
 *
 * How pinyin input goes wrong, and what is matched (tests/understand/near-names.test.ts holds
 * the example corpus):
 * - homophones: the syllables are right, the character picked is not (社令 for 社零, 立山去 for
 *   立山区, 固定资产投次 for 固定资产投资) — same toneless pinyin;
 * - near homophones: IMEs offer "fuzzy pinyin" (z/zh, c/ch, s/sh, n/l, f/h, an/ang, en/eng,
 *   in/ing; ian/iang and uan/uang fold with an/ang) because speakers of many dialects do not tell them
 *   apart — same pinyin after folding those pairs ({@link FUZZY_PINYIN});
 * - transpositions: two neighbouring letters or characters swapped (GPD for GDP);
 * - one edit in a long name: one character replaced, missing or added (规模以上工业增价值).
 *
 * Never matched: a window inside a held name written correctly, a window overlapping one unless
 * the candidate contains it (进出口总饿 around 进出口 may mean 进出口总额), a window with digits
 * (years, figures), a one-edit change in a name shorter than {@link MIN_EDIT_LENGTH} (CPI and
 * PPI differ by one letter and both are real).
 */
import { pinyin } from "pinyin-pro";

/** What a candidate names. */
export type NearNameKind = "indicator" | "place";

/** How the written form differs from the held name. */
export type NearNameReason = "homophone" | "near-homophone" | "transposition" | "one-edit";

/** One candidate: the question writes `written` at `start`; a held `name` is near it. */
export interface NearName {
  written: string;
  name: string;
  kind: NearNameKind;
  reason: NearNameReason;
  /** UTF-16 offset of `written` in the question. */
  start: number;
}

/** The names the corpus holds. */
export interface HeldNames {
  /** Canonical indicator names and their aliases. */
  indicators: readonly string[];
  /** Region names (铁东区, 鞍山市). */
  places: readonly string[];
}

/** A name shorter than this gets no one-edit candidates (only homophones and transpositions). */
export const MIN_EDIT_LENGTH = 4;
/** Names shorter than this are never matched (one character is too little to tell). */
export const MIN_NAME_LENGTH = 2;
/** At most this many candidates are returned. */
export const MAX_CANDIDATES = 3;

/**
 * Fuzzy-pinyin pairs offered by the common input methods, as [written, folded]. Initials are
 * folded at the start of a syllable, finals at its end.
 */
export const FUZZY_PINYIN = {
  initials: [
    ["zh", "z"],
    ["ch", "c"],
    ["sh", "s"],
    ["l", "n"],
    ["h", "f"],
  ],
  finals: [
    ["ang", "an"],
    ["eng", "en"],
    ["ing", "in"],
  ],
} as const;

const REASON_RANK: Record<NearNameReason, number> = {
  homophone: 0,
  transposition: 1,
  "near-homophone": 2,
  "one-edit": 3,
};

const HAN = /\p{Script=Han}/u;
const DIGIT = /[0-9０-９]/u;

/** Toneless syllables of each character of `text` (a non-Han character stands for itself, upper-cased). */
export function syllables(text: string): string[] {
  const chars = [...text];
  const all = pinyin(text, { toneType: "none", type: "array" });
  const aligned = all.length === chars.length ? all : chars.map((c) => pinyin(c, { toneType: "none" }));
  return aligned.map((s, i) => (HAN.test(chars[i]!) ? s.toLowerCase() : chars[i]!.toUpperCase()));
}

/** A syllable with the fuzzy pairs folded (shi → si, ling → nin). */
export function foldSyllable(syllable: string): string {
  let s = syllable;
  for (const [from, to] of FUZZY_PINYIN.initials)
    if (s.startsWith(from)) {
      s = to + s.slice(from.length);
      break;
    }
  for (const [from, to] of FUZZY_PINYIN.finals)
    if (s.endsWith(from)) {
      s = s.slice(0, s.length - from.length) + to;
      break;
    }
  return s;
}

/** True when `a` and `b` (same length) differ by one swap of neighbours. */
function isTransposition(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const diff = a.flatMap((c, i) => (c === b[i] ? [] : [i]));
  return (
    diff.length === 2 &&
    diff[1] === diff[0]! + 1 &&
    a[diff[0]!] === b[diff[1]!] &&
    a[diff[1]!] === b[diff[0]!]
  );
}

/** True when `a` becomes `b` by replacing, deleting or inserting one character. */
function isOneEdit(a: readonly string[], b: readonly string[]): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  if (a.length === b.length) return a.filter((c, i) => c !== b[i]).length === 1;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  return short.slice(i).every((c, k) => c === long[i + k + 1]);
}

interface HeldName {
  name: string;
  kind: NearNameKind;
  chars: string[];
  /** `chars` joined (upper case), kept so no question re-joins it. */
  written: string;
  key: string;
  folded: string;
}

/** Held names prepared once (pinyin computed); {@link NearNameIndex.find} per question. */
export interface NearNameIndex {
  /** Candidates for the question, best first, at most {@link MAX_CANDIDATES}, one per held name. */
  find(question: string): NearName[];
}

/** Prepares the held names for matching; create once per corpus build. */
export function createNearNameIndex(held: HeldNames): NearNameIndex {
  const names: HeldName[] = [];
  const seen = new Set<string>();
  const add = (name: string, kind: NearNameKind) => {
    const chars = [...name];
    if (chars.length < MIN_NAME_LENGTH || seen.has(`${kind}:${name}`)) return;
    seen.add(`${kind}:${name}`);
    const s = syllables(name);
    names.push({
      name,
      kind,
      chars: chars.map((c) => c.toUpperCase()),
      written: chars.map((c) => c.toUpperCase()).join(""),
      key: s.join(" "),
      folded: s.map(foldSyllable).join(" "),
    });
  };
  for (const p of held.places) add(p, "place");
  for (const i of held.indicators) add(i, "indicator");
  const lengths = [...new Set(names.map((n) => n.chars.length))];
  // A window is compared only with names one character shorter, as long or one longer (what
  // compare can match), each list in the names' order; built once per build.
  const near = new Map<number, HeldName[]>();
  for (const length of new Set(lengths.flatMap((l) => [l - 1, l, l + 1])))
    near.set(
      length,
      names.filter((n) => Math.abs(n.chars.length - length) <= 1),
    );

  return {
    find(question: string): NearName[] {
      const chars = [...question];
      const upper = chars.map((c) => c.toUpperCase());
      const offsets: number[] = [];
      chars.reduce((at, c) => (offsets.push(at), at + c.length), 0);
      const reading = syllables(question);
      const exact: Array<{ start: number; end: number; text: string }> = [];
      const text = upper.join("");
      for (const n of names) {
        const written = n.written;
        for (let at = text.indexOf(written); at !== -1; at = text.indexOf(written, at + 1)) {
          const startChar = offsets.indexOf(at);
          if (startChar >= 0)
            exact.push({ start: startChar, end: startChar + n.chars.length, text: written });
        }
      }
      const found: NearName[] = [];
      const windowLengths = new Set(
        lengths.flatMap((l) => [l - 1, l, l + 1]).filter((l) => l >= MIN_NAME_LENGTH),
      );
      for (const length of windowLengths) {
        for (let s = 0; s + length <= chars.length; s++) {
          const e = s + length;
          const window = upper.slice(s, e);
          if (window.some((c) => DIGIT.test(c) || /\s/u.test(c))) continue;
          // A held name written correctly is no typo; a window may only extend it into a longer
          // held name that contains it (进出口总饿 → 进出口总额, around 进出口).
          const touched = exact.filter((x) => s < x.end && x.start < e);
          if (touched.some((x) => x.start <= s && e <= x.end)) continue;
          const key = reading.slice(s, e).join(" ");
          const folded = reading.slice(s, e).map(foldSyllable).join(" ");
          for (const n of near.get(length) ?? []) {
            const held = n.written;
            if (touched.some((x) => x.text.length >= held.length || !held.includes(x.text))) continue;
            const reason = compare(window, key, folded, n);
            if (reason)
              found.push({
                written: chars.slice(s, e).join(""),
                name: n.name,
                kind: n.kind,
                reason,
                start: offsets[s]!,
              });
          }
        }
      }
      return best(found);
    },
  };
}

function compare(window: string[], key: string, folded: string, n: HeldName): NearNameReason | null {
  const sameLength = window.length === n.chars.length;
  const hasHan = window.some((c) => HAN.test(c));
  if (sameLength && hasHan && key === n.key) return "homophone";
  if (sameLength && window.length >= 3 && isTransposition(window, n.chars)) return "transposition";
  if (sameLength && hasHan && folded === n.folded) return "near-homophone";
  if (n.chars.length >= MIN_EDIT_LENGTH && window.length >= MIN_EDIT_LENGTH && isOneEdit(window, n.chars))
    return "one-edit";
  return null;
}

/**
 * The best candidates: for each held name its best match; a match inside a longer one of the
 * same kind is dropped (社令 inside 社令总额); ordered by reason, then by longer name.
 */
function best(found: NearName[]): NearName[] {
  const order = (a: NearName, b: NearName) =>
    REASON_RANK[a.reason] - REASON_RANK[b.reason] || b.written.length - a.written.length || a.start - b.start;
  const byName = new Map<string, NearName>();
  for (const c of [...found].sort(order)) if (!byName.has(c.name)) byName.set(c.name, c);
  const list = [...byName.values()];
  const inside = (a: NearName, b: NearName) =>
    a !== b &&
    a.kind === b.kind &&
    b.start <= a.start &&
    a.start + a.written.length <= b.start + b.written.length &&
    b.written.length > a.written.length;
  return list
    .filter((a) => !list.some((b) => inside(a, b)))
    .sort(order)
    .slice(0, MAX_CANDIDATES);
}

/** The question with a candidate's held name written in place of what was typed. */
export function withNearName(question: string, candidate: NearName): string {
  const end = candidate.start + candidate.written.length;
  return question.slice(0, candidate.start) + candidate.name + question.slice(end);
}
