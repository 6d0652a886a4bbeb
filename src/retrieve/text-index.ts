/**
 * An inverted index of short texts (row clauses, task texts) by character bigram (and single
 * character for one-character terms), as in a code-search n-gram index: the items holding a
 * term are found from its rarest bigram's posting list and confirmed with `includes`, so a
 * lookup costs what it finds, not the number of items. Built once per loaded table.
 */

/** Item positions (ascending) by the bigrams and characters of their text. */
export interface TextIndex {
  texts: readonly string[];
  postings: Map<string, number[]>;
}

/** Builds the index; linear in the total text length. */
export function buildTextIndex(texts: readonly string[]): TextIndex {
  const postings = new Map<string, number[]>();
  const add = (key: string, position: number) => {
    const list = postings.get(key);
    if (!list) postings.set(key, [position]);
    else if (list[list.length - 1] !== position) list.push(position);
  };
  texts.forEach((text, position) => {
    const chars = Array.from(text);
    for (let i = 0; i < chars.length; i++) {
      add(chars[i]!, position);
      if (i + 1 < chars.length) add(chars[i]! + chars[i + 1]!, position);
    }
  });
  return { texts, postings };
}

/** The index keys a term's occurrences must all contain: its bigrams, or its one character. */
function keysOf(term: string): string[] {
  const chars = Array.from(term);
  if (chars.length === 1) return chars;
  return chars.slice(0, -1).map((c, i) => c + chars[i + 1]!);
}

/** Positions (ascending) of the items whose text contains at least one of the terms. */
export function itemsWithTerms(index: TextIndex, terms: readonly string[]): number[] {
  const positions = new Set<number>();
  for (const term of terms) {
    if (term === "") continue;
    let rarest: number[] | undefined;
    for (const key of keysOf(term)) {
      const list = index.postings.get(key) ?? [];
      if (!rarest || list.length < rarest.length) rarest = list;
      if (list.length === 0) break;
    }
    for (const position of rarest ?? []) if (index.texts[position]!.includes(term)) positions.add(position);
  }
  return [...positions].sort((a, b) => a - b);
}
