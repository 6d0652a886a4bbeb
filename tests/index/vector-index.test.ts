import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadEmbedder, type Embedder } from "../../src/embed/embedder.js";
import { ArtefactError } from "../../src/index/artefact-store.js";
import {
  addVectors,
  createVectorIndex,
  loadVectorIndex,
  saveVectorIndex,
  searchVectors,
  vectorCount,
  VECTOR_INDEX_DEFAULTS,
} from "../../src/index/vector-index.js";

const dir = mkdtempSync(join(tmpdir(), "vector-index-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Deterministic vectors: a pseudo-random unit vector per seed (LCG). */
function vector(seed: number, dimension: number): number[] {
  let state = seed * 2654435761 + 1;
  const v = Array.from({ length: dimension }, () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648 - 0.5;
  });
  const norm = Math.sqrt(v.reduce((s, x) => s + x * x, 0));
  return v.map((x) => x / norm);
}

const cosine = (a: number[], b: number[]) =>
  a.reduce((s, x, i) => s + x * b[i]!, 0) /
  Math.sqrt(a.reduce((s, x) => s + x * x, 0) * b.reduce((s, x) => s + x * x, 0));

describe("vector index on deterministic vectors", () => {
  const dimension = 16;
  const vectors = Array.from({ length: 40 }, (_, i) => vector(i + 1, dimension));

  it("grows beyond its initial capacity and finds exact neighbours with cosine scores", () => {
    const index = createVectorIndex(dimension, 4);
    addVectors(index, vectors.slice(0, 3));
    addVectors(index, vectors.slice(3));
    expect(vectorCount(index)).toBe(40);
    expect(index.hnsw.getMaxElements()).toBeGreaterThanOrEqual(40);
    for (const probe of [0, 17, 39]) {
      const hits = searchVectors(index, vectors[probe]!, 5);
      const exact = vectors
        .map((v, i) => ({ index: i, score: cosine(vectors[probe]!, v) }))
        .sort((x, y) => y.score - x.score)
        .slice(0, 5);
      expect(hits.map((h) => h.index)).toEqual(exact.map((h) => h.index));
      hits.forEach((h, i) => expect(h.score).toBeCloseTo(exact[i]!.score, 5));
      expect(hits[0]!.score).toBeCloseTo(1, 5);
    }
  });

  it("clamps k to the element count, applies the filter and accepts typed arrays", () => {
    const index = createVectorIndex(dimension, 2);
    addVectors(index, vectors.slice(0, 6));
    expect(searchVectors(index, vectors[0]!, 100)).toHaveLength(6);
    expect(searchVectors(index, vectors[0]!, 0)).toEqual([]);
    const even = searchVectors(index, new Float32Array(vectors[1]!), 10, (label) => label % 2 === 0);
    expect(even.map((h) => h.index).sort()).toEqual([0, 2, 4]);
    expect(searchVectors(createVectorIndex(dimension), vectors[0]!, 3)).toEqual([]);
  });

  it("rejects vectors of the wrong length, zero vectors and NaN", () => {
    const index = createVectorIndex(dimension);
    expect(() => addVectors(index, [[1, 2, 3]])).toThrow("vector 0 has 3 dimensions, the index has 16");
    expect(() => addVectors(index, [new Array<number>(dimension).fill(0)])).toThrow("zero or not finite");
    addVectors(index, [vectors[0]!]);
    expect(() => searchVectors(index, new Array<number>(dimension).fill(NaN), 1)).toThrow(
      "query is zero or not finite",
    );
    expect(() => searchVectors(index, [1], 1)).toThrow("query has 1 dimensions, the index has 16");
  });

  it("saves atomically and loads back with identical results", () => {
    const index = createVectorIndex(dimension, 8);
    addVectors(index, vectors);
    const path = join(dir, "vectors.hnsw");
    saveVectorIndex(index, path);
    saveVectorIndex(index, path); // overwriting works too
    expect(readdirSync(dir)).toEqual(["vectors.hnsw"]);
    const loaded = loadVectorIndex(path, dimension);
    expect(vectorCount(loaded)).toBe(40);
    expect(loaded.ef).toBe(VECTOR_INDEX_DEFAULTS.ef);
    for (const probe of [3, 21]) {
      const filter = (label: number) => label !== probe;
      expect(searchVectors(loaded, vectors[probe]!, 7, filter)).toEqual(
        searchVectors(index, vectors[probe]!, 7, filter),
      );
    }
    addVectors(loaded, [vector(99, dimension)]);
    expect(searchVectors(loaded, vector(99, dimension), 1)[0]!.index).toBe(40);
  });

  it("reports a missing file, another dimension and a corrupt file as ArtefactError", () => {
    const path = join(dir, "dim.hnsw");
    const index = createVectorIndex(dimension);
    addVectors(index, vectors.slice(0, 3));
    saveVectorIndex(index, path);
    const reason = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(ArtefactError);
        return (e as ArtefactError).reason;
      }
      return null;
    };
    expect(reason(() => loadVectorIndex(join(dir, "absent.hnsw"), dimension))).toBe("missing");
    expect(reason(() => loadVectorIndex(path, 512))).toBe("dimension");
    writeFileSync(join(dir, "junk.hnsw"), "not an index");
    expect(reason(() => loadVectorIndex(join(dir, "junk.hnsw"), dimension))).toBe("corrupt");
  });
});

describe("vector index on real embeddings", () => {
  let embedder: Embedder;
  beforeAll(async () => {
    embedder = await loadEmbedder({
      modelDir: resolve(import.meta.dirname, "../../embeddings/models"),
      modelId: "BAAI/bge-small-zh-v1.5",
      allowRemote: false,
    });
  });

  it("finds the retail-sales passage for a retail-sales question", async () => {
    const passages = [
      "开展知识讲座25场，开展义诊11次",
      "社会消费品零售总额完成140.1亿元，同比增长9.1%",
      "全区实名制就业人数10416人",
      "固定资产投资完成39.73亿元，同比增长15.1%",
    ];
    const index = createVectorIndex(embedder.dimension, 2);
    addVectors(index, await embedder.embedPassages(passages));
    const query = await embedder.embedQuery("铁东区2023年社会消费品零售总额");
    const hits = searchVectors(index, query, 4);
    expect(hits[0]!.index).toBe(1);
    expect(searchVectors(index, query, 1, (label) => label !== 1)[0]!.index).not.toBe(0);
  });
});
