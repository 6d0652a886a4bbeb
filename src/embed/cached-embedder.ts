/**
 * An {@link Embedder} that asks a {@link VectorCache} first: passages whose vector is stored
 * under their key (text, instruction, model checksum) are not embedded again; the others go to
 * the model in batches and are stored as they come back. The build wraps its embedder with
 * {@link withVectorCache}, so a change to extraction or chunking code re-embeds only the
 * chunks whose passage text changed. Queries are embedded as before (they are not cached).
 */
import type { Embedder } from "./embedder.js";
import { vectorKey, type VectorCache } from "./vector-cache.js";

/** Counts of one cached embedder since it was made. */
export interface VectorCacheStats {
  /** Passages found in the cache. */
  hits: number;
  /** Passages sent to the model (and stored). */
  embedded: number;
}

/** An embedder with a cache in front of {@link Embedder.embedPassages}. */
export interface CachedEmbedder extends Embedder {
  readonly cache: VectorCache;
  /** What the cache saved so far. */
  readonly stats: VectorCacheStats;
  /** The cache key of a passage (hex). */
  passageKey(text: string): string;
}

/** The instruction passages are embedded with (bge embeds passages as they are). */
export const PASSAGE_INSTRUCTION = "";

/**
 * Why an embedder cannot be cached: a model without a pinned checksum has no identity to key
 * its vectors by (another model with the same id would be served stale vectors).
 */
export function uncacheableReason(embedder: Embedder): string | null {
  return embedder.checksum
    ? null
    : `model ${embedder.modelId} has no pinned checksum, so its vectors are not cached`;
}

/**
 * Wraps `embedder` so {@link Embedder.embedPassages} reads and fills `cache`. Throws when the
 * model has no checksum ({@link uncacheableReason}) or the cache holds another dimension.
 */
export function withVectorCache(embedder: Embedder, cache: VectorCache): CachedEmbedder {
  const checksum = embedder.checksum;
  if (!checksum) throw new Error(uncacheableReason(embedder)!);
  if (cache.dimension !== embedder.dimension)
    throw new RangeError(
      `the vector cache holds ${cache.dimension} dimensions, the model ${embedder.dimension}`,
    );
  const stats: VectorCacheStats = { hits: 0, embedded: 0 };
  const keyOf = (text: string) => vectorKey(text, PASSAGE_INSTRUCTION, checksum);
  return {
    modelId: embedder.modelId,
    dimension: embedder.dimension,
    checksum,
    cache,
    stats,
    passageKey: (text) => keyOf(text).toString("hex"),
    embedQuery: (text) => embedder.embedQuery(text),
    async embedPassages(texts: string[]): Promise<number[][]> {
      const keys = texts.map(keyOf);
      const hex = keys.map((k) => k.toString("hex"));
      const found = cache.getMany(keys);
      // Each distinct missing text goes to the model once.
      const missing = [...new Map(hex.flatMap((k, i) => (found.has(k) ? [] : [[k, i] as const]))).values()];
      if (missing.length > 0) {
        const vectors = await embedder.embedPassages(missing.map((i) => texts[i]!));
        cache.putMany(missing.map((i, j) => ({ key: keys[i]!, vector: vectors[j]! })));
        missing.forEach((i, j) => found.set(hex[i]!, Float32Array.from(vectors[j]!)));
      }
      stats.embedded += missing.length;
      stats.hits += texts.length - missing.length;
      return hex.map((k) => Array.from(found.get(k)!));
    },
  };
}
