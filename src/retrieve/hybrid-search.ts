/**
 * Hybrid chunk retrieval: BM25 over jieba tokens and HNSW over bge embeddings, both limited
 * to the documents in scope, fused by reciprocal rank.
 */
import type { Embedder } from "../embed/embedder.js";
import { searchBm25, type Bm25Index, type DocRange } from "../index/bm25.js";
import type { Tokenizer } from "../index/tokenize.js";
import { searchVectors, type VectorIndex } from "../index/vector-index.js";
import type { Chunk } from "../types.js";
import { DEFAULT_RRF_K, reciprocalRankFusion } from "./fuse.js";

/**
 * The indexes a search runs over; chunk i (its position, corpus order) is item i of both
 * indexes. Chunks are read by position, so a store can serve them on demand.
 */
export interface ChunkSearchIndex {
  /** The document id of the chunk at a position (asked for every candidate of a list). */
  docIdAt(position: number): string;
  /** The chunk at a position (asked for the hits returned only). */
  chunkAt(position: number): Chunk;
  bm25: Bm25Index;
  vectors: VectorIndex;
  tokenizer: Tokenizer;
  embedder: Embedder;
}

/** A chunk found by hybrid search, with its fused score and the rank in each list. */
export interface ChunkHit {
  position: number;
  chunk: Chunk;
  score: number;
  bm25Rank: number | null;
  vectorRank: number | null;
}

/** Search options with their defaults. */
export interface HybridSearchOptions {
  /** Only chunks of these documents are considered. */
  docIds: ReadonlySet<string>;
  /** How many fused hits to return. Default 8. */
  k?: number;
  /** How many hits each list contributes before fusion. Default 30. */
  candidates?: number;
  /** RRF constant. Default {@link DEFAULT_RRF_K}. */
  rrfK?: number;
}

/** Each index's document → its ranges of chunk positions, made on first search (once per load). */
const rangesOfIndex = new WeakMap<ChunkSearchIndex, Map<string, DocRange[]>>();

/**
 * The chunk positions of the documents in scope as ascending ranges: a document's chunks are
 * consecutive in corpus order, so BM25 reads only their stretch of each posting list.
 */
function scopeRanges(index: ChunkSearchIndex, docIds: ReadonlySet<string>): DocRange[] {
  let byDoc = rangesOfIndex.get(index);
  if (!byDoc) {
    byDoc = new Map();
    for (let p = 0, count = index.bm25.docLengths.length; p < count; p++) {
      const id = index.docIdAt(p);
      const ranges = byDoc.get(id) ?? byDoc.set(id, []).get(id)!;
      const last = ranges[ranges.length - 1];
      if (last && last[1] === p) ranges[ranges.length - 1] = [last[0], p + 1];
      else ranges.push([p, p + 1]);
    }
    rangesOfIndex.set(index, byDoc);
  }
  return [...docIds].flatMap((id) => byDoc.get(id) ?? []).sort((a, b) => a[0] - b[0]);
}

/** Runs BM25 and vector search in scope and fuses them; best hit first. */
export async function hybridSearch(
  index: ChunkSearchIndex,
  query: string,
  options: HybridSearchOptions,
): Promise<ChunkHit[]> {
  const candidates = options.candidates ?? 30;
  const inScope = (i: number) => options.docIds.has(index.docIdAt(i));
  const lexical = searchBm25(
    index.bm25,
    index.tokenizer.tokens(query),
    candidates,
    inScope,
    scopeRanges(index, options.docIds),
  ).map((h) => h.index);
  const vector = searchVectors(
    index.vectors,
    await index.embedder.embedQuery(query),
    candidates,
    inScope,
  ).map((h) => h.index);
  const fused = reciprocalRankFusion([lexical, vector], options.rrfK ?? DEFAULT_RRF_K);
  return [...fused.entries()]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, options.k ?? 8)
    .map(([position, score]) => ({
      position,
      chunk: index.chunkAt(position),
      score,
      bm25Rank: lexical.includes(position) ? lexical.indexOf(position) + 1 : null,
      vectorRank: vector.includes(position) ? vector.indexOf(position) + 1 : null,
    }));
}
