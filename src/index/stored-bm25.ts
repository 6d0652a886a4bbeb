/**
 * The BM25 index of a build as the answering layer searches it ({@link Bm25Index}), over the
 * postings the build stored: a term's posting list is read from the store and decoded the
 * first time a question uses it, its vector labels mapped to corpus positions, and kept. Nothing
 * is rebuilt at start; the chunks' token counts are the only per-chunk data loaded.
 */
import { BM25_DEFAULT_B, BM25_DEFAULT_K1, type Bm25Index } from "./bm25.js";
import { decodePostings } from "./postings-codec.js";
import type { CorpusStore } from "./store-reader.js";

/** Term → flat `[position, tf, …]` read on demand from the store. */
class StoredPostings implements ReadonlyMap<string, readonly number[]> {
  private readonly decoded = new Map<string, readonly number[] | null>();
  private count: number | null = null;

  constructor(
    private readonly store: CorpusStore,
    /** Label → corpus position (−1 for a deleted label). */
    private readonly positions: Int32Array,
  ) {}

  private decode(blob: Buffer): number[] {
    const { ids, counts } = decodePostings(blob, true);
    // Labels are mostly handed out in corpus order, so positions usually ascend already: the
    // flat list is written directly and sorted only when they do not (a common term's list
    // holds most chunks, so no pair is allocated per entry).
    const flat: number[] = [];
    let ascending = true;
    for (let i = 0; i < ids.length; i++) {
      const position = this.positions[ids[i]!] ?? -1;
      if (position < 0) continue;
      if (flat.length > 0 && position < flat[flat.length - 2]!) ascending = false;
      flat.push(position, counts![i]!);
    }
    if (ascending) return flat;
    const order = Array.from({ length: flat.length / 2 }, (_, i) => i).sort(
      (a, b) => flat[2 * a]! - flat[2 * b]!,
    );
    return order.flatMap((i) => [flat[2 * i]!, flat[2 * i + 1]!]);
  }

  get(term: string): readonly number[] | undefined {
    let list = this.decoded.get(term);
    if (list === undefined) {
      const blob = this.store.bm25Blob(term);
      list = blob ? this.decode(blob) : null;
      this.decoded.set(term, list);
    }
    return list ?? undefined;
  }

  has(term: string): boolean {
    return this.get(term) !== undefined;
  }

  get size(): number {
    return (this.count ??= this.store.bm25TermCount());
  }

  *entries(): MapIterator<[string, readonly number[]]> {
    for (const [term, blob] of this.store.bm25Terms()) yield [term, this.decode(blob)];
  }

  *keys(): MapIterator<string> {
    for (const [term] of this.entries()) yield term;
  }

  *values(): MapIterator<readonly number[]> {
    for (const [, list] of this.entries()) yield list;
  }

  forEach(
    callback: (value: readonly number[], key: string, map: ReadonlyMap<string, readonly number[]>) => void,
  ): void {
    for (const [term, list] of this.entries()) callback(list, term, this);
  }

  [Symbol.iterator](): MapIterator<[string, readonly number[]]> {
    return this.entries();
  }
}

/**
 * The BM25 index of a store: `lengths[i]` is the token count of the chunk at corpus position
 * i, `positions[label]` the position of a label's chunk.
 */
export function storedBm25(store: CorpusStore, positions: Int32Array, lengths: readonly number[]): Bm25Index {
  const total = lengths.reduce((n, l) => n + l, 0);
  return {
    k1: BM25_DEFAULT_K1,
    b: BM25_DEFAULT_B,
    docLengths: lengths,
    avgDocLength: lengths.length === 0 ? 0 : total / lengths.length,
    postings: new StoredPostings(store, positions),
  };
}
