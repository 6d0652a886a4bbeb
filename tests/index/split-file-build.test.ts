/**
 * A file that holds several documents (a saved collection of a district's bulletins of three
 * years, only the newest titled) is built as three documents, each with its own segment, rows
 * and id, and an unchanged file is kept from its segments on the next build. Real model.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadEmbedder, type Embedder } from "../../src/embed/embedder.js";
import { buildArtefacts } from "../../src/index/build-artefacts.js";
import { loadArtefacts } from "../../src/index/load-artefacts.js";

const MODEL_DIR = resolve(import.meta.dirname, "../../embeddings/models");
const MODEL_ID = "BAAI/bge-small-zh-v1.5";

const bulletin = (year: number, gdp: string) =>
  [
    `${year}年，在市委市政府和区委区政府正确领导下，全区经济社会保持平稳发展。`,
    "一、综合",
    `${year}年，鞍山市铁东区地区生产总值完成${gdp}亿元，按可比价格计算，同比增长5.1%。`,
    "二、工业",
    `${year}年，全区规模以上工业增加值同比增长6.2%。`,
  ].join("\n");

const COLLECTION = [
  "鞍山市铁东区2023年国民经济和社会发展统计公报",
  bulletin(2023, "314.6"),
  bulletin(2022, "285.9"),
  bulletin(2021, "280.2"),
].join("\n");

const root = mkdtempSync(join(tmpdir(), "split-file-build-"));
const corpusDir = join(root, "corpus");
const artefactDir = join(root, "artefacts");
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("building a file of several documents", () => {
  let embedder: Embedder;
  beforeAll(async () => {
    mkdirSync(corpusDir, { recursive: true });
    writeFileSync(join(corpusDir, "tiedong-bulletins.txt"), COLLECTION);
    embedder = await loadEmbedder({ modelDir: MODEL_DIR, modelId: MODEL_ID, allowRemote: false });
  }, 600_000);

  it("builds one document a part, each with its year's figures, and keeps them on the next build", async () => {
    const first = await buildArtefacts({ corpusDir, artefactDir, embedder });
    expect(first.documents.map((d) => [d.meta.id, d.meta.period, d.cached])).toEqual([
      ["tiedong-bulletins#1", "2023年", false],
      ["tiedong-bulletins#2", "2022年", false],
      ["tiedong-bulletins#3", "2021年", false],
    ]);
    expect(first.processed).toBe(1);
    const loaded = loadArtefacts({
      artefactDir,
      corpusDir,
      modelId: MODEL_ID,
      dimension: embedder.dimension,
    });
    expect(loaded.corpus.documents.map((d) => [d.meta.id, d.meta.file, d.meta.part])).toEqual([
      ["tiedong-bulletins#1", "tiedong-bulletins.txt", 1],
      ["tiedong-bulletins#2", "tiedong-bulletins.txt", 2],
      ["tiedong-bulletins#3", "tiedong-bulletins.txt", 3],
    ]);
    const gdp = loaded.rows
      .filter((r) => r.indicator === "地区生产总值" && r.value)
      .map((r) => [r.source.docId, r.period, r.value!.text]);
    expect(gdp).toEqual([
      ["tiedong-bulletins#1", "2023年", "314.6亿元"],
      ["tiedong-bulletins#2", "2022年", "285.9亿元"],
      ["tiedong-bulletins#3", "2021年", "280.2亿元"],
    ]);
    const again = await buildArtefacts({ corpusDir, artefactDir, embedder });
    expect(again.processed).toBe(0);
    expect(again.documents.map((d) => [d.meta.id, d.cached])).toEqual([
      ["tiedong-bulletins#1", true],
      ["tiedong-bulletins#2", true],
      ["tiedong-bulletins#3", true],
    ]);
  }, 600_000);
});
