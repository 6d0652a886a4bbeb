/**
 * Approximate nearest-neighbour search over chunk embeddings with hnswlib-node (HNSW graph,
 * cosine space). The build adds one vector per chunk under a label that stays the chunk's
 * across builds (see assemble-vectors.ts), marks a removed document's vectors deleted and saves the
 * index; the answering layer loads it, maps labels to chunk positions and searches with the
 * embedded question.
 *
 * Parameters (see {@link VECTOR_INDEX_DEFAULTS}):
 * - `M` — links per node; more links give better recall and a bigger index (16).
 * - `efConstruction` — candidate list size while building; higher builds slower, better graph (200).
 * - `ef` — candidate list size while searching; raised to k when k is larger (64).
 * For the corpus sizes here (thousands of chunks) these give practically exact results.
 */
import { closeSync, existsSync, openSync, readSync, statSync } from "node:fs";
import { dirname } from "node:path";
import hnswlib from "hnswlib-node";
import { ArtefactError, replaceFileAtomic } from "./artefact-store.js";

const { HierarchicalNSW } = hnswlib;
type Hnsw = InstanceType<typeof HierarchicalNSW>;

/** Defaults of {@link createVectorIndex}; `capacity` is the initial number of slots (grows as needed). */
export const VECTOR_INDEX_DEFAULTS = { m: 16, efConstruction: 200, ef: 64, randomSeed: 100, capacity: 1024 };

/** Tuning of {@link createVectorIndex} and {@link loadVectorIndex}; see the module comment. */
export interface VectorIndexOptions {
  m?: number;
  efConstruction?: number;
  ef?: number;
  /** Seed of hnswlib's level generator; fixed so builds are reproducible. */
  randomSeed?: number;
}

/** A cosine HNSW index of vectors of one dimension. */
export interface VectorIndex {
  readonly dimension: number;
  /** The underlying hnswlib index, for anything this module does not wrap. */
  readonly hnsw: Hnsw;
  /** Search-time candidate list size. */
  readonly ef: number;
  /**
   * Label → position (e.g. of the chunk in corpus order), −1 for a deleted label. Absent: the
   * label is the position. Set by {@link withPositions} when labels are stable across builds.
   */
  readonly positions?: Int32Array;
}

/** One search hit: the position (label mapped by `positions`) and cosine similarity to the query (1 − distance). */
export interface VectorHit {
  index: number;
  score: number;
}

/** Returns the vector as a plain finite non-zero Array of the index's dimension, or throws. */
function plainVector(vector: ArrayLike<number>, dimension: number, what: string): number[] {
  if (vector.length !== dimension) {
    throw new RangeError(`${what} has ${vector.length} dimensions, the index has ${dimension}`);
  }
  const plain = Array.isArray(vector) ? (vector as number[]) : Array.from(vector);
  let norm = 0;
  for (const x of plain) norm += x * x;
  if (!Number.isFinite(norm) || norm === 0) throw new RangeError(`${what} is zero or not finite`);
  return plain;
}

/**
 * Creates an empty cosine index for `dimension`-long vectors with room for `capacity` vectors
 * (it grows automatically in {@link addVectors}). Vectors need not be normalised.
 */
export function createVectorIndex(
  dimension: number,
  capacity: number = VECTOR_INDEX_DEFAULTS.capacity,
  options: VectorIndexOptions = {},
): VectorIndex {
  if (!Number.isInteger(dimension) || dimension < 1) throw new RangeError(`bad dimension ${dimension}`);
  const o = { ...VECTOR_INDEX_DEFAULTS, ...options };
  const hnsw = new HierarchicalNSW("cosine", dimension);
  hnsw.initIndex(Math.max(1, Math.floor(capacity)), o.m, o.efConstruction, o.randomSeed);
  hnsw.setEf(o.ef);
  return { dimension, hnsw, ef: o.ef };
}

/** Number of vectors in the index. */
export function vectorCount(index: VectorIndex): number {
  return index.hnsw.getCurrentCount();
}

/**
 * Adds vectors with labels `firstLabel`, `firstLabel + 1`, … (default: the current count, i.e.
 * appending). Grows the index (doubling) before it would run out of room. Adding a label that
 * is already present replaces its vector. Throws RangeError for a vector of the wrong length,
 * a zero vector or one with NaN/Infinity.
 */
export function addVectors(
  index: VectorIndex,
  vectors: readonly ArrayLike<number>[],
  firstLabel: number = vectorCount(index),
): void {
  const plain = vectors.map((v, i) => plainVector(v, index.dimension, `vector ${firstLabel + i}`));
  const needed = index.hnsw.getCurrentCount() + plain.length;
  const max = index.hnsw.getMaxElements();
  if (needed > max) index.hnsw.resizeIndex(Math.max(needed, max * 2));
  plain.forEach((v, i) => index.hnsw.addPoint(v, firstLabel + i));
}

/**
 * Marks the vectors of `labels` deleted: searches never return them again, and the index keeps
 * their slots (a build re-creates it when too many are deleted).
 */
export function deleteVectors(index: VectorIndex, labels: Iterable<number>): void {
  for (const label of labels) index.hnsw.markDelete(label);
}

/** The index with a label → position map (see {@link VectorIndex.positions}). */
export function withPositions(index: VectorIndex, positions: Int32Array): VectorIndex {
  return { ...index, positions };
}

/**
 * The `k` nearest vectors to `query`, most similar first, with score = cosine similarity and
 * index = the label's position. `k` is clamped to the number of vectors; `filter`, when given,
 * restricts the search to positions it accepts (fewer than k hits come back when fewer pass,
 * or when vectors are deleted). Takes well under a millisecond.
 */
export function searchVectors(
  index: VectorIndex,
  query: ArrayLike<number>,
  k: number,
  filter?: (label: number) => boolean,
): VectorHit[] {
  const n = Math.min(Math.floor(k), vectorCount(index));
  if (n <= 0) return [];
  const q = plainVector(query, index.dimension, "query");
  index.hnsw.setEf(Math.max(index.ef, n));
  const positions = index.positions;
  const position = positions ? (label: number) => positions[label] ?? -1 : (label: number) => label;
  const accept = filter && ((label: number) => position(label) >= 0 && filter(position(label)));
  const { neighbors, distances } = accept ? index.hnsw.searchKnn(q, n, accept) : index.hnsw.searchKnn(q, n);
  return neighbors
    .map((label, i) => ({ index: position(label), score: 1 - distances[i]! }))
    .filter((hit) => hit.index >= 0)
    .sort((x, y) => y.score - x.score || x.index - y.index);
}

/**
 * Saves the index to `path` atomically: hnswlib writes a temp file in the same folder, which
 * is fsynced and renamed over `path`. Record the file in the artefact manifest afterwards.
 */
export function saveVectorIndex(index: VectorIndex, path: string): void {
  replaceFileAtomic(path, (temp) => index.hnsw.writeIndexSync(temp));
}

/** hnswlib's file header: six size_t fields; data size per vector = labelOffset − offsetData. */
const HEADER_BYTES = 48;

/** Reads the vector byte size stored in an hnswlib file header, or null when it looks wrong. */
function storedVectorBytes(path: string): number | null {
  const header = Buffer.alloc(HEADER_BYTES);
  const fd = openSync(path, "r");
  try {
    if (readSync(fd, header, 0, HEADER_BYTES, 0) !== HEADER_BYTES) return null;
  } finally {
    closeSync(fd);
  }
  const labelOffset = header.readBigUInt64LE(32);
  const offsetData = header.readBigUInt64LE(40);
  return labelOffset > offsetData ? Number(labelOffset - offsetData) : null;
}

/**
 * Loads an index saved by {@link saveVectorIndex}. Throws {@link ArtefactError} with reason
 * `missing` when the file does not exist, `dimension` when it holds vectors of another length
 * (checked from the header before hnswlib reads it) and `corrupt` when hnswlib cannot read it.
 */
export function loadVectorIndex(
  path: string,
  dimension: number,
  options: VectorIndexOptions = {},
): VectorIndex {
  const hnsw = checkedIndexFile(path, dimension);
  try {
    hnsw.readIndexSync(path);
  } catch (error) {
    throw unreadable(path, error);
  }
  return ready(hnsw, dimension, options);
}

/**
 * {@link loadVectorIndex} with the file read in libuv's thread pool, so the caller's thread
 * stays free (e.g. to load the embedding model meanwhile). Same errors, as a rejection.
 */
export async function loadVectorIndexInBackground(
  path: string,
  dimension: number,
  options: VectorIndexOptions = {},
): Promise<VectorIndex> {
  const hnsw = checkedIndexFile(path, dimension);
  try {
    await hnsw.readIndex(path);
  } catch (error) {
    throw unreadable(path, error);
  }
  return ready(hnsw, dimension, options);
}

/** An empty hnswlib index for a file whose header holds vectors of `dimension`; throws ArtefactError otherwise. */
function checkedIndexFile(path: string, dimension: number): Hnsw {
  const dir = dirname(path);
  if (!existsSync(path)) {
    throw new ArtefactError(`missing vector index ${path}; run \`npm run build-index\``, "missing", dir);
  }
  const stored = statSync(path).size >= HEADER_BYTES ? storedVectorBytes(path) : null;
  if (stored === null) {
    throw new ArtefactError(`vector index ${path} is corrupt; run \`npm run build-index\``, "corrupt", dir);
  }
  if (stored !== dimension * 4) {
    throw new ArtefactError(
      `vector index ${path} holds ${stored / 4}-dimensional vectors, expected ${dimension}; ` +
        "run `npm run build-index`",
      "dimension",
      dir,
    );
  }
  return new HierarchicalNSW("cosine", dimension);
}

function unreadable(path: string, error: unknown): ArtefactError {
  return new ArtefactError(
    `vector index ${path} is corrupt (${(error as Error).message}); run \`npm run build-index\``,
    "corrupt",
    dirname(path),
    { cause: error },
  );
}

function ready(hnsw: Hnsw, dimension: number, options: VectorIndexOptions): VectorIndex {
  const ef = options.ef ?? VECTOR_INDEX_DEFAULTS.ef;
  hnsw.setEf(ef);
  return { dimension, hnsw, ef };
}
