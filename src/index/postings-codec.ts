/**
 * The byte form of a posting list as the store keeps it (one blob per term): the number of
 * entries, then for each entry the gap from the previous id and, for lists with frequencies,
 * the frequency — all unsigned LEB128 varints. Ids ascend. A BM25 list of 10 entries takes
 * ≈ 25 bytes instead of 80 as two Int32 per entry; decoding runs at hundreds of MB/s.
 */

/** A decoded posting list: ids ascending; `counts[i]` is the frequency of `ids[i]` (lists with frequencies). */
export interface Postings {
  ids: Int32Array;
  counts: Int32Array | null;
}

function varintLength(n: number): number {
  let bytes = 1;
  while (n >= 0x80) {
    n = Math.floor(n / 128);
    bytes++;
  }
  return bytes;
}

function writeVarint(out: Uint8Array, at: number, n: number): number {
  while (n >= 0x80) {
    out[at++] = (n & 0x7f) | 0x80;
    n = Math.floor(n / 128);
  }
  out[at++] = n;
  return at;
}

/** Encodes ids (ascending, ≥ 0) with their frequencies, or ids alone when `counts` is null. */
export function encodePostings(ids: ArrayLike<number>, counts: ArrayLike<number> | null): Uint8Array {
  let size = varintLength(ids.length);
  let previous = 0;
  for (let i = 0; i < ids.length; i++) {
    const gap = ids[i]! - previous;
    if (gap < 0 || (i > 0 && gap === 0))
      throw new RangeError(`posting ids must ascend: ${previous}, ${ids[i]}`);
    size += varintLength(gap) + (counts ? varintLength(counts[i]!) : 0);
    previous = ids[i]!;
  }
  const out = new Uint8Array(size);
  let at = writeVarint(out, 0, ids.length);
  previous = 0;
  for (let i = 0; i < ids.length; i++) {
    at = writeVarint(out, at, ids[i]! - previous);
    if (counts) at = writeVarint(out, at, counts[i]!);
    previous = ids[i]!;
  }
  return out;
}

/** Decodes a blob written by {@link encodePostings}; `withCounts` must match how it was written. */
export function decodePostings(blob: Uint8Array, withCounts: boolean): Postings {
  let at = 0;
  const read = (): number => {
    let n = 0;
    let scale = 1;
    for (;;) {
      const byte = blob[at++];
      if (byte === undefined) throw new RangeError("truncated posting list");
      n += (byte & 0x7f) * scale;
      if (byte < 0x80) return n;
      scale *= 128;
    }
  };
  const length = read();
  const ids = new Int32Array(length);
  const counts = withCounts ? new Int32Array(length) : null;
  let id = 0;
  for (let i = 0; i < length; i++) {
    id += read();
    ids[i] = id;
    if (counts) counts[i] = read();
  }
  if (at !== blob.length) throw new RangeError("posting list longer than its count");
  return { ids, counts };
}

/** The number of entries of a blob written by {@link encodePostings}, read from its header alone. */
export function postingCount(blob: Uint8Array): number {
  let n = 0;
  let scale = 1;
  for (let at = 0; at < blob.length; at++) {
    const byte = blob[at]!;
    n += (byte & 0x7f) * scale;
    if (byte < 0x80) return n;
    scale *= 128;
  }
  throw new RangeError("truncated posting list");
}
