import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadEmbedder, type Embedder } from "../../src/embed/embedder.js";
import { openVectorCache } from "../../src/embed/vector-cache.js";
import { buildArtefacts, passageText, type BuildOptions } from "../../src/index/build-artefacts.js";
import { loadArtefacts } from "../../src/index/load-artefacts.js";
import { CORPUS_DIR } from "../ingest/fixtures.js";

const MODEL_DIR = resolve(import.meta.dirname, "../../embeddings/models");
const MODEL_ID = "BAAI/bge-small-zh-v1.5";
const LISHAN = "lishan-2024h1-plan-execution-report.txt";
const EXCERPT = "tiedong-2023-government-work-report-excerpt.txt";

const root = mkdtempSync(join(tmpdir(), "embedding-cache-"));
const corpusDir = join(root, "corpus");
const artefactDir = join(root, "artefacts");
const sharedCacheDir = join(root, "shared-cache");
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("the embedding cache of the build, with the real model", { timeout: 600_000 }, () => {
  let model: Embedder;
  /** Passages the real model was asked to embed, in order. */
  const modelCalls: string[] = [];
  let counting: Embedder;
  const build = (extra: Partial<BuildOptions> = {}) =>
    buildArtefacts({ corpusDir, artefactDir, embedder: counting, ...extra });
  const passages = () => {
    const { corpus } = loadArtefacts({ artefactDir, corpusDir, modelId: MODEL_ID, dimension: 512 });
    const titles = new Map(corpus.documents.map((d) => [d.meta.id, d.meta.title]));
    return corpus.chunks.map((c) => passageText(c, titles.get(c.docId)!));
  };
  const cacheSize = (dir: string) => {
    const cache = openVectorCache(dir, { dimension: 512 });
    try {
      return cache.size();
    } finally {
      cache.close();
    }
  };

  beforeAll(async () => {
    mkdirSync(corpusDir);
    for (const f of [LISHAN, EXCERPT, "metadata-overrides.json"])
      copyFileSync(join(CORPUS_DIR, f), join(corpusDir, f));
    model = await loadEmbedder({ modelDir: MODEL_DIR, modelId: MODEL_ID, allowRemote: false });
    counting = {
      modelId: model.modelId,
      dimension: model.dimension,
      ...(model.checksum ? { checksum: model.checksum } : {}),
      embedQuery: (text) => model.embedQuery(text),
      embedPassages: (texts) => {
        modelCalls.push(...texts);
        return model.embedPassages(texts);
      },
    };
  }, 600_000);

  it("embeds every passage once on the first build and stores each in the cache", async () => {
    const report = await build();
    const all = passages();
    expect(new Set(modelCalls)).toEqual(new Set(all));
    expect(modelCalls).toHaveLength(new Set(all).size);
    expect(report.embeddings).toMatchObject({
      cached: all.length - modelCalls.length,
      embedded: modelCalls.length,
    });
    expect(cacheSize(join(artefactDir, "vector-cache"))).toBe(new Set(all).size);
  });

  it("re-reads every document after a change of the extraction code but calls the model for no passage", async () => {
    modelCalls.length = 0;
    const report = await build({ pipelineVariant: "extraction changed" });
    expect(report.processed).toBe(2);
    expect(modelCalls).toEqual([]);
    // Every passage is as it was: each chunk keeps its vector (and label) in the index.
    expect(report.embeddings).toMatchObject({ reused: passages().length, cached: 0, embedded: 0 });
    // Without a previous build to take vectors over, the same change reads every vector from the cache.
    const fresh = await buildArtefacts({
      corpusDir,
      artefactDir: join(root, "fresh-artefacts"),
      embedder: counting,
      embeddingCacheDir: join(artefactDir, "vector-cache"),
      pipelineVariant: "extraction changed",
    });
    expect(modelCalls).toEqual([]);
    expect(fresh.embeddings).toMatchObject({ reused: 0, cached: passages().length, embedded: 0 });
  });

  it("re-embeds exactly the passages whose text changed, and prunes what no build uses", async () => {
    const before = new Set(passages());
    const path = join(corpusDir, EXCERPT);
    const text = readFileSync(path, "utf8");
    const firstParagraph = text.split("\n").findIndex((l, i) => i > 2 && l.length > 60);
    const lines = text.split("\n");
    lines[firstParagraph] = `${lines[firstParagraph]}全年新增市场主体一千二百户。`;
    writeFileSync(path, lines.join("\n"));
    modelCalls.length = 0;
    await build();
    const after = passages();
    const changed = [...new Set(after.filter((p) => !before.has(p)))];
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.length).toBeLessThan(after.length / 4);
    expect(modelCalls.sort()).toEqual(changed.sort());
    // The cache keeps this build's vectors and the previous build's, no more.
    const union = new Set([...before, ...after]);
    expect(cacheSize(join(artefactDir, "vector-cache"))).toBe(union.size);
    modelCalls.length = 0;
    await build({ pipelineVariant: "once more" });
    expect(modelCalls).toEqual([]);
    await build({ pipelineVariant: "and again" });
    expect(cacheSize(join(artefactDir, "vector-cache"))).toBe(new Set(after).size);
  });

  it("fills a cache outside the artefact folder and never prunes it", async () => {
    const other = join(root, "other-artefacts");
    modelCalls.length = 0;
    await buildArtefacts({
      corpusDir,
      artefactDir: other,
      embedder: counting,
      embeddingCacheDir: sharedCacheDir,
    });
    const all = new Set(passages());
    expect(modelCalls).toHaveLength(all.size);
    expect(cacheSize(sharedCacheDir)).toBe(all.size);
    // A second artefact folder sharing the cache embeds nothing.
    modelCalls.length = 0;
    await buildArtefacts({
      corpusDir,
      artefactDir: join(root, "third-artefacts"),
      embedder: counting,
      embeddingCacheDir: sharedCacheDir,
    });
    expect(modelCalls).toEqual([]);
    rmSync(join(corpusDir, LISHAN));
    await buildArtefacts({
      corpusDir,
      artefactDir: other,
      embedder: counting,
      embeddingCacheDir: sharedCacheDir,
    });
    await buildArtefacts({
      corpusDir,
      artefactDir: other,
      embedder: counting,
      embeddingCacheDir: sharedCacheDir,
    });
    expect(cacheSize(sharedCacheDir)).toBe(all.size);
  });
});
