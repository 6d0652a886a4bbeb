import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BGE_QUERY_INSTRUCTION,
  EmbeddingModelError,
  loadEmbedder,
  type Embedder,
} from "../../src/embed/embedder.js";

const MODEL_DIR = resolve(import.meta.dirname, "../../embeddings/models");
const MODEL_ID = "BAAI/bge-small-zh-v1.5";

const dot = (a: number[], b: number[]) => a.reduce((sum, x, i) => sum + x * b[i]!, 0);

describe("loadEmbedder with the real bge-small-zh-v1.5 model", () => {
  let embedder: Embedder;
  beforeAll(async () => {
    embedder = await loadEmbedder({
      modelDir: MODEL_DIR,
      modelId: MODEL_ID,
      allowRemote: false,
      batchSize: 2,
    });
  });

  it("reports the model id and a dimension of 512", () => {
    expect(embedder.modelId).toBe(MODEL_ID);
    expect(embedder.dimension).toBe(512);
  });

  it("returns plain unit-length arrays for queries and passages", async () => {
    const query = await embedder.embedQuery("铁东区2023年社会消费品零售总额");
    const passages = await embedder.embedPassages([
      "一般公共预算收入完成10.19亿元",
      "全区实名制就业人数10416人",
      "孤儿13名",
    ]);
    expect(passages).toHaveLength(3);
    for (const v of [query, ...passages]) {
      expect(Array.isArray(v)).toBe(true);
      expect(v).toHaveLength(512);
      expect(Math.abs(Math.sqrt(dot(v, v)) - 1)).toBeLessThan(1e-4);
    }
  });

  it("ranks the passage about retail sales above an unrelated one", async () => {
    const query = await embedder.embedQuery("铁东区2023年社会消费品零售总额");
    const [retail, health] = await embedder.embedPassages([
      "社会消费品零售总额完成140.1亿元，同比增长9.1%",
      "开展知识讲座25场，开展义诊11次",
    ]);
    expect(dot(query, retail!)).toBeGreaterThan(dot(query, health!) + 0.1);
  });

  it("batches passages without changing their vectors or order", async () => {
    const texts = ["固定资产投资完成39.73亿元", "税收收入完成9.01亿元", "工伤保险人数35452人"];
    const batched = await embedder.embedPassages(texts);
    const single = await embedder.embedPassages([texts[2]!]);
    expect(dot(batched[2]!, single[0]!)).toBeGreaterThan(0.9999);
    expect(dot(batched[0]!, single[0]!)).toBeLessThan(0.99);
    expect(await embedder.embedPassages([])).toEqual([]);
  });

  it("prefixes queries with the bge retrieval instruction", async () => {
    const text = "规上工业增加值";
    const [asPassage] = await embedder.embedPassages([BGE_QUERY_INSTRUCTION + text]);
    const asQuery = await embedder.embedQuery(text);
    expect(dot(asPassage!, asQuery)).toBeGreaterThan(0.9999);
    const [plain] = await embedder.embedPassages([text]);
    expect(dot(plain!, asQuery)).toBeLessThan(0.9999);
  });
});

describe("loadEmbedder without the model", () => {
  const emptyDir = mkdtempSync(join(tmpdir(), "no-model-"));
  afterAll(() => rmSync(emptyDir, { recursive: true, force: true }));

  it("fails fast with EmbeddingModelError naming the path and the fixes", async () => {
    const error = await loadEmbedder({ modelDir: emptyDir, modelId: MODEL_ID, allowRemote: false }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(EmbeddingModelError);
    const e = error as EmbeddingModelError;
    expect(e.modelDir).toBe(emptyDir);
    expect(e.modelId).toBe(MODEL_ID);
    expect(e.message).toContain(join(emptyDir, MODEL_ID));
    expect(e.message).toContain("onnx/model_quantized.onnx");
    expect(e.message).toContain("npm run fetch-model");
    expect(e.message).toContain("EMBEDDING_MODEL_DIR");
    expect(e.message).toContain("EMBEDDING_ALLOW_REMOTE=1");
  });

  it("rejects a batch size below 1", async () => {
    await expect(
      loadEmbedder({ modelDir: MODEL_DIR, modelId: MODEL_ID, allowRemote: false, batchSize: 0 }),
    ).rejects.toThrow(RangeError);
  });
});
