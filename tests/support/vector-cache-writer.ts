/**
 * A process writing to a vector cache, for the test that several processes share one cache:
 * `node --import tsx vector-cache-writer.ts DIR FROM TO` stores the vectors of keys FROM…TO−1
 * (vector i is made from i, so any process writes the same vector for the same key), in
 * transactions of 8 with a read of every key written so far between them.
 */
import { createHash } from "node:crypto";
import { openVectorCache } from "../../src/embed/vector-cache.js";

export const DIMENSION = 16;

/** The key and vector of number i. */
export function entry(i: number): { key: Buffer; vector: number[] } {
  return {
    key: createHash("sha256").update(`passage ${i}`).digest(),
    vector: Array.from({ length: DIMENSION }, (_, d) => Math.fround(Math.sin(i * 31 + d))),
  };
}

const [dir, from, to] = process.argv.slice(2);
if (dir && from && to) {
  const cache = openVectorCache(dir, { dimension: DIMENSION });
  const written: Buffer[] = [];
  for (let i = Number(from); i < Number(to); i += 8) {
    const batch = Array.from({ length: Math.min(8, Number(to) - i) }, (_, j) => entry(i + j));
    cache.putMany(batch);
    written.push(...batch.map((e) => e.key));
    if (cache.getMany(written).size !== written.length) throw new Error("a written vector is missing");
  }
  cache.close();
}
