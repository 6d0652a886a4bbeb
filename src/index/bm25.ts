/**
 * Okapi BM25 keyword search over tokenized chunks. Pure functions, no I/O: the build calls
 * {@link buildBm25} and {@link serializeBm25} and writes the JSON; the answering layer reads it
 * back with {@link deserializeBm25} and ranks with {@link searchBm25}.
 *
 * Score of a document d for query terms q: Σ idf(q) · tf·(k1+1) / (tf + k1·(1 − b + b·|d|/avgdl)),
 * with the always-positive idf(q) = ln(1 + (N − df + 0.5) / (df + 0.5)) (as in Lucene).
 */

/** Term-frequency saturation: higher values let repeated terms count for more. */
export const BM25_DEFAULT_K1 = 1.2;
/** Length normalisation: 0 ignores document length, 1 normalises fully. */
export const BM25_DEFAULT_B = 0.75;
/** The version written by {@link serializeBm25}; {@link deserializeBm25} accepts only this one. */
export const BM25_JSON_VERSION = 1;

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

/** The JSON form of a {@link Bm25Index} (postings as entries, so any term is a safe key). */
export interface Bm25Json {
  version: 1;
  k1: number;
  b: number;
  docLengths: number[];
  postings: Array<[string, number[]]>;
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
 * it rejects before the top k are taken (e.g. to keep one region or year).
 */
export function searchBm25(
  index: Bm25Index,
  queryTokens: readonly string[],
  k: number,
  filter?: (docIndex: number) => boolean,
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
    for (let i = 0; i < list.length; i += 2) {
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

/** Converts an index to plain JSON for writing to the artefact folder. */
export function serializeBm25(index: Bm25Index): Bm25Json {
  return {
    version: BM25_JSON_VERSION,
    k1: index.k1,
    b: index.b,
    docLengths: [...index.docLengths],
    postings: [...index.postings].map(([term, list]) => [term, [...list]]),
  };
}

/**
 * Rebuilds an index from {@link serializeBm25} output (e.g. `JSON.parse` of the artefact).
 * Throws an Error saying to rebuild when the version is unknown or the data is malformed.
 */
export function deserializeBm25(json: unknown): Bm25Index {
  const bad = (what: string): never => {
    throw new Error(`invalid BM25 index: ${what}; run \`npm run build-index\` to rebuild it`);
  };
  if (typeof json !== "object" || json === null) return bad("not an object");
  const data = json as Partial<Record<keyof Bm25Json, unknown>>;
  if (data.version !== BM25_JSON_VERSION) {
    return bad(`unsupported version ${JSON.stringify(data.version)} (expected ${BM25_JSON_VERSION})`);
  }
  const { k1, b, docLengths, postings } = data;
  if (typeof k1 !== "number" || typeof b !== "number") return bad("k1 and b must be numbers");
  const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;
  if (!Array.isArray(docLengths) || !docLengths.every(isCount)) return bad("docLengths must be counts");
  if (!Array.isArray(postings)) return bad("postings must be an array");
  const map = new Map<string, number[]>();
  for (const entry of postings as unknown[]) {
    if (!Array.isArray(entry) || typeof entry[0] !== "string" || !Array.isArray(entry[1])) {
      return bad("each postings entry must be [term, numbers]");
    }
    const [term, list] = entry as [string, unknown[]];
    if (list.length === 0 || list.length % 2 !== 0 || !list.every(isCount)) {
      return bad(`postings of ${JSON.stringify(term)} are malformed`);
    }
    for (let i = 0; i < list.length; i += 2) {
      if ((list[i] as number) >= docLengths.length)
        return bad(`postings of ${JSON.stringify(term)} out of range`);
    }
    map.set(term, list as number[]);
  }
  return {
    k1,
    b,
    docLengths: docLengths as number[],
    avgDocLength: average(docLengths as number[]),
    postings: map,
  };
}
