/**
 * An inverted index of indicator rows by the characters of their clause (issue 12, item 5).
 * Topic matching ({@link scoreRowsByTopic}) only counts rows whose clause contains a topic
 * term, so the rows worth scoring are found through this index instead of by scanning every
 * row: a question's cost grows with the rows that share its terms' rarest character pair,
 * not with the size of the corpus.
 *
 * Terms are arbitrary substrings (tokens of the question), so the index keys are character
 * bigrams (and single characters for one-character terms), as in a code-search n-gram index;
 * a candidate from the rarest bigram's posting list is confirmed with `includes`.
 */
import type { IndicatorRow } from "../types.js";

/** Row positions (ascending) by the bigrams and characters of their clause. */
export interface RowTermIndex {
  rows: readonly IndicatorRow[];
  postings: Map<string, number[]>;
}

/** Builds the index over the rows' clauses; linear in the total clause length. */
export function buildRowTermIndex(rows: readonly IndicatorRow[]): RowTermIndex {
  const postings = new Map<string, number[]>();
  const add = (key: string, position: number) => {
    const list = postings.get(key);
    if (!list) postings.set(key, [position]);
    else if (list[list.length - 1] !== position) list.push(position);
  };
  rows.forEach((row, position) => {
    const chars = Array.from(row.clause);
    for (let i = 0; i < chars.length; i++) {
      add(chars[i]!, position);
      if (i + 1 < chars.length) add(chars[i]! + chars[i + 1]!, position);
    }
  });
  return { rows, postings };
}

const built = new WeakMap<readonly IndicatorRow[], RowTermIndex>();

/**
 * The index of a loaded row table, built on first use and kept as long as the table is
 * (artefacts are loaded once, so the index is built once per load).
 */
export function rowTermIndexOf(rows: readonly IndicatorRow[]): RowTermIndex {
  let index = built.get(rows);
  if (!index) {
    index = buildRowTermIndex(rows);
    built.set(rows, index);
  }
  return index;
}

/** The index keys a term's occurrences must all contain: its bigrams, or its one character. */
function keysOf(term: string): string[] {
  const chars = Array.from(term);
  if (chars.length === 1) return chars;
  return chars.slice(0, -1).map((c, i) => c + chars[i + 1]!);
}

/**
 * The rows (in table order) of the given documents whose clause contains at least one of the
 * terms: exactly the rows {@link scoreRowsByTopic} can score above zero.
 */
export function rowsWithTerms(
  index: RowTermIndex,
  terms: readonly string[],
  docIds: ReadonlySet<string>,
): IndicatorRow[] {
  const positions = new Set<number>();
  for (const term of terms) {
    if (term === "") continue;
    let rarest: number[] | undefined;
    for (const key of keysOf(term)) {
      const list = index.postings.get(key) ?? [];
      if (!rarest || list.length < rarest.length) rarest = list;
      if (list.length === 0) break;
    }
    for (const position of rarest ?? []) {
      if (index.rows[position]!.clause.includes(term)) positions.add(position);
    }
  }
  return [...positions]
    .sort((a, b) => a - b)
    .map((p) => index.rows[p]!)
    .filter((row) => docIds.has(row.source.docId));
}
