/**
 * Okapi BM25 keyword search over tokenized chunks. Pure functions, no I/O: the build stores
 * the postings (store-postings.ts) and the answering layer reads them per term on demand
 * (stored-bm25.ts); {@link buildBm25} makes an index in memory from tokens (tests, tools), and
 * {@link searchBm25} ranks either.
 *
 * Score of a document d for query terms q: Σ idf(q) · tf·(k1+1) / (tf + k1·(1 − b + b·|d|/avgdl)),
 * with the always-positive idf(q) = ln(1 + (N − df + 0.5) / (df + 0.5)) (as in Lucene).
 */

/** Term-frequency saturation: higher values let repeated terms count for more. */
export const BM25_DEFAULT_K1 = 1.2;
/** Length normalisation: 0 ignores document length, 1 normalises fully. */
export const BM25_DEFAULT_B = 0.75;

/** Tuning of {@link buildBm25}; defaults {@link BM25_DEFAULT_K1} and {@link BM25_DEFAULT_B}. */
export interface Bm25Options {
  k1?: number;
  b?: number;
}

/** An in-memory BM25 index. Documents are identified by their position in the input list. */
export interface Bm25Index {
  readonly k1: number;
  readonly b: number;
  /** Token count of each document. */
  readonly docLengths: readonly number[];
  readonly avgDocLength: number;
  /** Term → flat postings `[docIndex, termFrequency, docIndex, termFrequency, …]`, docIndex ascending. */
  readonly postings: ReadonlyMap<string, readonly number[]>;
}

/** One search hit: the document's position in the indexed list and its BM25 score (> 0). */
export interface Bm25Hit {
  index: number;
  score: number;
}

function average(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, v) => sum + v, 0) / values.length;
}

/**
 * Builds an index from tokenized documents (`docs[i]` = tokens of document i, e.g. from
 * `Tokenizer.tokens`). An empty token list is allowed; such a document never matches.
 */
export function buildBm25(docs: readonly (readonly string[])[], options: Bm25Options = {}): Bm25Index {
  const k1 = options.k1 ?? BM25_DEFAULT_K1;
  const b = options.b ?? BM25_DEFAULT_B;
  if (!(k1 >= 0) || !(b >= 0 && b <= 1)) throw new RangeError(`bad BM25 parameters k1=${k1}, b=${b}`);
  const postings = new Map<string, number[]>();
  docs.forEach((tokens, docIndex) => {
    const counts = new Map<string, number>();
    for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
    for (const [term, tf] of counts) {
      const list = postings.get(term);
      if (list) list.push(docIndex, tf);
      else postings.set(term, [docIndex, tf]);
    }
  });
  const docLengths = docs.map((tokens) => tokens.length);
  return { k1, b, docLengths, avgDocLength: average(docLengths), postings };
}

/**
 * Ranks documents for the query tokens and returns at most `k` hits, best first (ties: lower
 * index first). Only documents containing at least one query term are returned. Repeated query
 * tokens count once. `filter`, when given, is asked for each matching document and drops those
 * it rejects before the top k are taken (e.g. to keep one region or year). `within`, when given,
 * limits the search to those ranges of documents (ascending, disjoint) before `filter` is asked:
 * the same hits as a filter rejecting the rest, at a cost that follows the ranges, not the lists.
 */
export function searchBm25(
  index: Bm25Index,
  queryTokens: readonly string[],
  k: number,
  filter?: (docIndex: number) => boolean,
  within?: readonly DocRange[],
): Bm25Hit[] {
  if (k <= 0) return [];
  const n = index.docLengths.length;
  const avgdl = index.avgDocLength > 0 ? index.avgDocLength : 1;
  const scores = new Map<number, number>();
  const allowed = new Map<number, boolean>();
  for (const term of new Set(queryTokens)) {
    const list = index.postings.get(term);
    if (!list) continue;
    const df = list.length / 2;
    const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
    for (const [from, to] of entrySpans(list, within))
      for (let i = from; i < to; i += 2) {
        const doc = list[i]!;
        if (filter) {
          let ok = allowed.get(doc);
          if (ok === undefined) allowed.set(doc, (ok = filter(doc)));
          if (!ok) continue;
        }
        const tf = list[i + 1]!;
        const norm = index.k1 * (1 - index.b + (index.b * index.docLengths[doc]!) / avgdl);
        scores.set(doc, (scores.get(doc) ?? 0) + (idf * tf * (index.k1 + 1)) / (tf + norm));
      }
  }
  return [...scores]
    .map(([doc, score]) => ({ index: doc, score }))
    .sort((x, y) => y.score - x.score || x.index - y.index)
    .slice(0, k);
}

/** Document indexes `[from, to)`: a range of consecutive documents (one source document's chunks). */
export type DocRange = readonly [number, number];

/**
 * The spans `[from, to)` of a flat posting list's entries (even offsets) whose document lies in
 * one of the ranges (ascending, disjoint), found by binary search: a search limited to a few
 * documents reads their entries only, however long the list of a common term. The whole list
 * when no ranges are given.
 */
function entrySpans(
  list: readonly number[],
  within: readonly DocRange[] | undefined,
): Array<[number, number]> {
  if (!within) return [[0, list.length]];
  const firstAtLeast = (doc: number, lo: number): number => {
    let hi = list.length / 2;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[2 * mid]! < doc) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const spans: Array<[number, number]> = [];
  let at = 0;
  for (const [from, to] of within) {
    const start = firstAtLeast(from, at);
    const end = firstAtLeast(to, start);
    if (end > start) spans.push([2 * start, 2 * end]);
    at = end;
  }
  return spans;
}
