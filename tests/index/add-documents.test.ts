import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadEmbedder, type Embedder } from "../../src/embed/embedder.js";
import { CorpusDocumentNotFound, addDocuments, removeDocument } from "../../src/index/add-documents.js";
import { buildArtefacts } from "../../src/index/build-artefacts.js";
import { loadArtefacts } from "../../src/index/load-artefacts.js";
import { CORPUS_DIR } from "../ingest/fixtures.js";
import { realdoc } from "../ingest/formats/realdocs.js";

const MODEL_DIR = resolve(import.meta.dirname, "../../embeddings/models");
const MODEL_ID = "BAAI/bge-small-zh-v1.5";
const EXCERPT = "tiedong-2023-government-work-report-excerpt.txt";
const PDF = "chengdu-2022-bulletin.pdf";

const root = mkdtempSync(join(tmpdir(), "add-documents-"));
const corpusDir = join(root, "corpus");
const artefactDir = join(root, "artefacts");
afterAll(() => rmSync(root, { recursive: true, force: true }));

const folderBytes = (dir: string) =>
  Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f)).toString("base64")]));

describe("addDocuments and removeDocument", () => {
  let embedder: Embedder;
  const target = () => ({ corpusDirs: [corpusDir], artefactDir, embedder });
  const load = () =>
    loadArtefacts({ artefactDir, corpusDir, modelId: MODEL_ID, dimension: embedder.dimension });

  beforeAll(async () => {
    mkdirSync(corpusDir);
    for (const f of [EXCERPT, "metadata-overrides.json"])
      copyFileSync(join(CORPUS_DIR, f), join(corpusDir, f));
    embedder = await loadEmbedder({ modelDir: MODEL_DIR, modelId: MODEL_ID, allowRemote: false });
    expect(await addDocuments([], {}, target())).toEqual({ added: [], refused: [], build: null });
    await buildArtefacts({ corpusDir, artefactDir, embedder });
  }, 600_000);

  it("refuses unreadable and unsupported files with the reason and changes nothing", async () => {
    const before = folderBytes(corpusDir);
    const result = await addDocuments(
      [
        { name: "scan.pdf", bytes: Buffer.from("garbage") },
        { name: "old.doc", bytes: Buffer.from("x") },
        { name: "../escape.txt", bytes: Buffer.from("x") },
      ],
      {},
      target(),
    );
    expect(result).toEqual({
      added: [],
      build: null,
      refused: [
        { file: "scan.pdf", reason: "unreadable PDF: Invalid PDF structure." },
        { file: "old.doc", reason: "old Word format (.doc): save it as .docx or PDF" },
        { file: "../escape.txt", reason: "not a usable file name: ../escape.txt" },
      ],
    });
    expect(folderBytes(corpusDir)).toEqual(before);
  });

  it("adds a PDF bulletin, reporting its metadata and counts, and indexes it with page numbers", async () => {
    const result = await addDocuments([{ name: PDF, bytes: realdoc(PDF) }], {}, target());
    expect(result.refused).toEqual([]);
    expect(result.added).toHaveLength(1);
    const added = result.added[0]!;
    expect(added).toMatchObject({
      file: PDF,
      cached: false,
      meta: { format: "pdf", period: "2022年", kind: "统计公报" },
    });
    expect(added.chunks).toBeGreaterThan(20);
    expect(added.rows).toBeGreaterThan(50);
    expect(result.build!.processed).toBe(1);
    const loaded = load();
    const doc = loaded.corpus.documents.find((d) => d.meta.file === PDF)!;
    expect(doc.pages).toHaveLength(17);
    expect(loaded.vectors.hnsw.getCurrentCount()).toBe(loaded.corpus.chunks.length);
    expect(readFileSync(join(corpusDir, PDF))).toEqual(realdoc(PDF));
  }, 600_000);

  it("removes a document by id from the folder and every index", async () => {
    await removeDocument("chengdu-2022-bulletin", target());
    const loaded = load();
    expect(loaded.corpus.documents.map((d) => d.meta.file)).toEqual([EXCERPT]);
    expect(loaded.rows.every((r) => r.source.docId !== "chengdu-2022-bulletin")).toBe(true);
    expect(loaded.vectors.hnsw.getCurrentCount()).toBe(loaded.corpus.chunks.length);
    expect(readdirSync(corpusDir)).not.toContain(PDF);
    await expect(removeDocument("nothing-like-it", target())).rejects.toThrow(CorpusDocumentNotFound);
  }, 600_000);
});
