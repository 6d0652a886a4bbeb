/**
 * The vector index of a build, updated rather than rebuilt: the previous build's HNSW index is
 * loaded, the vectors of removed documents are marked deleted and only the new documents'
 * vectors are inserted, so adding one bulletin costs the same whatever the corpus size (HNSW
 * insertion of all vectors was most of an add's time: 6 of 10 s at 200 documents).
 *
 * The index is re-created from the cached vectors, with fresh labels, when there is no usable
 * previous index or when more than {@link AssembleOptions.compactShare} of its labels would be
 * deleted ones (deleted vectors still take memory and slow the graph walk).
 */
import type { SegmentList } from "./segment-list.js";
import {
  addVectors,
  createVectorIndex,
  deleteVectors,
  vectorCount,
  type VectorIndex,
} from "./vector-index.js";

/** Default of {@link AssembleOptions.compactShare}. */
export const DEFAULT_COMPACT_SHARE = 0.25;

/** One document of the new build, in corpus order. */
export interface DocumentVectors {
  key: string;
  chunks: number;
  /** Its chunk vectors (asked only for documents the index does not hold yet). */
  vectors: () => Promise<number[][]>;
}

/** Options of {@link assembleVectorIndex}. */
export interface AssembleOptions {
  dimension: number;
  /** The previous build's index and list, or null for a fresh index. */
  previous: { index: VectorIndex; list: SegmentList } | null;
  /** Largest share of deleted labels an updated index may hold (default 0.25). */
  compactShare?: number;
}

/** The index of the new build and the first label of each document (in the order given). */
export interface AssembledVectors {
  index: VectorIndex;
  firstLabels: number[];
  labels: number;
  deleted: number;
  /** How the index was made: updated from the previous one, or created afresh. */
  mode: "updated" | "created";
  /** Vectors inserted by this build. */
  inserted: number;
}

async function create(documents: readonly DocumentVectors[], dimension: number): Promise<AssembledVectors> {
  const total = documents.reduce((n, d) => n + d.chunks, 0);
  const index = createVectorIndex(dimension, Math.max(1, total));
  const firstLabels: number[] = [];
  for (const d of documents) {
    firstLabels.push(vectorCount(index));
    addVectors(index, await d.vectors());
  }
  return { index, firstLabels, labels: total, deleted: 0, mode: "created", inserted: total };
}

/**
 * Updates the previous index for `documents` (see the module comment), or creates one. The
 * previous index object is changed in place; callers must not use it afterwards.
 */
export async function assembleVectorIndex(
  documents: readonly DocumentVectors[],
  options: AssembleOptions,
): Promise<AssembledVectors> {
  const { previous, dimension } = options;
  if (!previous) return create(documents, dimension);
  const held = new Map(previous.list.documents.map((d) => [d.key, d]));
  // A document keeps its labels when the previous index holds its key (the first time it is listed).
  const kept = new Set<string>();
  const keeps = documents.map((d) => {
    if (kept.has(d.key) || !held.has(d.key)) return false;
    kept.add(d.key);
    return true;
  });
  const added = documents.reduce((n, d, i) => (keeps[i] ? n : n + d.chunks), 0);
  const removed = previous.list.documents.filter((d) => !kept.has(d.key));
  const deleted = previous.list.deleted + removed.reduce((n, d) => n + d.chunks, 0);
  const labels = previous.list.labels + added;
  if (deleted > (options.compactShare ?? DEFAULT_COMPACT_SHARE) * labels) return create(documents, dimension);

  const { index } = previous;
  deleteVectors(
    index,
    removed.flatMap((d) => Array.from({ length: d.chunks }, (_, i) => d.firstLabel + i)),
  );
  let next = previous.list.labels;
  const firstLabels: number[] = [];
  for (const [i, d] of documents.entries()) {
    if (keeps[i]) {
      firstLabels.push(held.get(d.key)!.firstLabel);
      continue;
    }
    firstLabels.push(next);
    addVectors(index, await d.vectors(), next);
    next += d.chunks;
  }
  return { index, firstLabels, labels, deleted, mode: "updated", inserted: added };
}
