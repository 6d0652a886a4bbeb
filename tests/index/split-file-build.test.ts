/**
 * A file that holds several documents (a saved collection of a district's bulletins of three
 * years, only the newest titled) is built as three documents, each stored as a document of its
 * own (store key `fileKey#N`) with its rows and id, citing the file verbatim; an unchanged file
 * is kept from the store on the next build, a changed one replaces all its documents. Real model.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadEmbedder, type Embedder } from "../../src/embed/embedder.js";
import { buildArtefacts } from "../../src/index/build-artefacts.js";
import { loadArtefacts } from "../../src/index/load-artefacts.js";
import { StoreLookups } from "../../src/index/store-lookups.js";
import { rawSlice } from "../../src/ingest/mapped-text.js";

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

const collection = (gdp2021: string) =>
  [
    "鞍山市铁东区2023年国民经济和社会发展统计公报",
    bulletin(2023, "314.6"),
    bulletin(2022, "285.9"),
    bulletin(2021, gdp2021),
  ].join("\n");
const COLLECTION = collection("280.2");

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
    // One stored document a part, under the file's key and the part; each part's source text
    // is the whole file and its rows quote the file verbatim.
    const keys = loaded.store.db.prepare("SELECT doc_key FROM documents ORDER BY corpus_order").pluck().all();
    expect(keys).toHaveLength(3);
    const fileKey = String(keys[0]).split("#")[0]!;
    expect(keys).toEqual([`${fileKey}#1`, `${fileKey}#2`, `${fileKey}#3`]);
    const lookups = new StoreLookups(loaded.store);
    for (const [docId, period, value] of gdp) {
      const doc = lookups.document(docId!)!;
      expect(doc.raw).toBe(COLLECTION);
      const row = lookups.rowsOf("铁东区", period!).find((r) => r.indicator === "地区生产总值")!;
      expect(row.source.docId).toBe(docId);
      const quote = rawSlice(doc.raw, doc.offsets, row.source.start, row.source.end);
      expect(quote).toBe(`${period}，鞍山市铁东区地区生产总值完成${value}，按可比价格计算，同比增长5.1%。`);
      expect(COLLECTION).toContain(quote);
    }
    loaded.close();

    const again = await buildArtefacts({ corpusDir, artefactDir, embedder });
    expect(again.processed).toBe(0);
    expect(again.documents.map((d) => [d.meta.id, d.cached])).toEqual([
      ["tiedong-bulletins#1", true],
      ["tiedong-bulletins#2", true],
      ["tiedong-bulletins#3", true],
    ]);
  }, 600_000);

  it("replaces every document of a changed file, leaving none of the old ones behind", async () => {
    writeFileSync(join(corpusDir, "tiedong-bulletins.txt"), collection("281.7"));
    const changed = await buildArtefacts({ corpusDir, artefactDir, embedder });
    expect(changed.processed).toBe(1);
    expect(changed.documents.map((d) => [d.meta.id, d.cached])).toEqual([
      ["tiedong-bulletins#1", false],
      ["tiedong-bulletins#2", false],
      ["tiedong-bulletins#3", false],
    ]);
    const loaded = loadArtefacts({
      artefactDir,
      corpusDir,
      modelId: MODEL_ID,
      dimension: embedder.dimension,
    });
    expect(loaded.store.db.prepare("SELECT COUNT(*) FROM documents").pluck().get()).toBe(3);
    expect(
      loaded.rows
        .filter((r) => r.indicator === "地区生产总值" && r.value)
        .map((r) => [r.source.docId, r.value!.text]),
    ).toEqual([
      ["tiedong-bulletins#1", "314.6亿元"],
      ["tiedong-bulletins#2", "285.9亿元"],
      ["tiedong-bulletins#3", "281.7亿元"],
    ]);
    loaded.close();
  }, 600_000);
});
