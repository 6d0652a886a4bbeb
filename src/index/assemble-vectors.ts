/**
 * The vector index of a build, updated rather than rebuilt. Every chunk vector has a label that
 * it keeps from build to build: a chunk of a kept document keeps its label, and a chunk of a
 * re-read document takes over the label of a previous chunk with the same embedding-cache key
 * (same passage text and model), so a change of the extraction code that leaves passages as
 * they were changes nothing in the index. Only vectors of new passages are inserted (under
 * fresh labels, after the last one handed out), and labels nobody took over are marked deleted.
 * Adding a bulletin therefore costs the same whatever the corpus size.
 *
 * The index is re-created (with the same labels, from the vectors it holds and the new ones)
 * when more than {@link DEFAULT_COMPACT_SHARE} of its slots would hold deleted vectors, which
 * still take memory and slow the graph walk.
 */
import {
  addVectors,
  createVectorIndex,
  deleteVectors,
  vectorCount,
  type VectorIndex,
} from "./vector-index.js";

/** Default share of deleted vectors above which the index is re-created. */
export const DEFAULT_COMPACT_SHARE = 0.25;

/** Hands out labels: taken over by vector key from the previous build, or fresh. */
export class LabelPlanner {
  private readonly pool = new Map<string, number[]>();
  private readonly claimed = new Set<number>();
  reused = 0;

  /**
   * @param free the previous build's labels that no kept document holds, with their vector keys
   * @param next the first label never handed out
   */
  constructor(
    free: Iterable<readonly [number, string]>,
    private next: number,
  ) {
    for (const [label, key] of free) {
      const list = this.pool.get(key);
      if (list) list.push(label);
      else this.pool.set(key, [label]);
    }
    for (const list of this.pool.values()) list.reverse(); // pop() takes the lowest label first
  }

  /** Labels for a document's chunks (by vector key), and the positions of those that need a vector inserted. */
  claim(vectorKeys: readonly string[]): { labels: number[]; fresh: number[] } {
    const labels: number[] = [];
    const fresh: number[] = [];
    vectorKeys.forEach((key, i) => {
      const label = this.pool.get(key)?.pop();
      if (label !== undefined) {
        this.claimed.add(label);
        this.reused++;
        labels.push(label);
      } else {
        labels.push(this.next++);
        fresh.push(i);
      }
    });
    return { labels, fresh };
  }

  /** True while a previous chunk's label is free for a passage of this key. */
  canReuse(vectorKey: string): boolean {
    return (this.pool.get(vectorKey)?.length ?? 0) > 0;
  }

  /** Labels handed out so far (the next fresh label). */
  get handedOut(): number {
    return this.next;
  }

  /** The previous build's free labels nobody took over: to be deleted. */
  unclaimed(): number[] {
    return [...this.pool.values()].flat();
  }
}

/** How the index of a build was made. */
export interface AssembledVectors {
  index: VectorIndex;
  mode: "updated" | "created";
  inserted: number;
  /** Vectors marked deleted in the index (its count is live vectors + this). */
  deleted: number;
}

/** Inserts vectors under the given labels, growing the index as needed. */
export function insertVectors(
  index: VectorIndex,
  vectors: readonly number[][],
  labels: readonly number[],
): void {
  vectors.forEach((v, i) => addVectors(index, [v], labels[i]!));
}

/**
 * Finishes the index: marks the labels nobody took over deleted and, when too many slots hold
 * deleted vectors, re-creates it from the live labels' vectors (same labels).
 */
export function finishVectorIndex(
  index: VectorIndex,
  options: {
    /** Labels to mark deleted now. */
    remove: readonly number[];
    /** Labels already marked deleted before this build. */
    deletedBefore: number;
    /** The labels of every chunk of the build. */
    live: readonly number[];
    inserted: number;
    created: boolean;
    compactShare?: number;
  },
): AssembledVectors {
  deleteVectors(index, options.remove);
  const deleted = options.deletedBefore + options.remove.length;
  const share = options.compactShare ?? DEFAULT_COMPACT_SHARE;
  if (deleted === 0 || deleted <= share * vectorCount(index)) {
    return { index, mode: options.created ? "created" : "updated", inserted: options.inserted, deleted };
  }
  const fresh = createVectorIndex(index.dimension, Math.max(1, options.live.length));
  for (const label of options.live) addVectors(fresh, [index.hnsw.getPoint(label)], label);
  return { index: fresh, mode: "created", inserted: options.live.length, deleted: 0 };
}
