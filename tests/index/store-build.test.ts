import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, unlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadEmbedder, type Embedder } from "../../src/embed/embedder.js";
import { ARTEFACT_FILES } from "../../src/index/artefact-layout.js";
import { MANIFEST_FILE, readJson, type ArtefactManifest } from "../../src/index/artefact-store.js";
import { buildArtefacts } from "../../src/index/build-artefacts.js";
import { artefactFileKey } from "../../src/index/load-artefacts.js";
import { decodePostings } from "../../src/index/postings-codec.js";
import { openCorpusStore, type CorpusStore } from "../../src/index/store-reader.js";
import { CORPUS_DIR } from "../ingest/fixtures.js";

const MODEL_DIR = resolve(import.meta.dirname, "../../embeddings/models");
const MODEL_ID = "BAAI/bge-small-zh-v1.5";
const LISHAN = "lishan-2024h1-plan-execution-report.txt";
const EXCERPT = "tiedong-2023-government-work-report-excerpt.txt";
const TASKS = "anshan-2023-government-work-report-task-breakdown.txt";

const root = mkdtempSync(join(tmpdir(), "store-build-"));
const cacheDir = join(root, "vectors");
afterAll(() => rmSync(root, { recursive: true, force: true }));

function corpus(name: string, files: string[]): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  for (const f of [...files, "metadata-overrides.json"]) copyFileSync(join(CORPUS_DIR, f), join(dir, f));
  return dir;
}

function withStore<T>(artefactDir: string, read: (store: CorpusStore) => T): T {
  const manifest = readJson<ArtefactManifest>(join(artefactDir, MANIFEST_FILE));
  const store = openCorpusStore(
    join(artefactDir, artefactFileKey(manifest, ARTEFACT_FILES.store, artefactDir)),
  );
  try {
    return read(store);
  } finally {
    store.close();
  }
}

/**
 * Everything a store holds, with vector labels and row numbers (which depend on the build's
 * history) replaced by the chunk and row ids they stand for.
 */
function contents(artefactDir: string) {
  return withStore(artefactDir, (store) => {
    const documents = store.documents();
    const { chunks, labels } = store.chunks(new Map(documents.map((d) => [d.meta.id, d.text])));
    const chunkOf = new Map([...labels].map((label, i) => [label, chunks[i]!.id]));
    const rowIds = new Map(
      (
        store.db.prepare("SELECT row_no, body FROM indicator_rows").all() as Array<{
          row_no: number;
          body: string;
        }>
      ).map((r) => [r.row_no, (JSON.parse(r.body) as { id: string }).id]),
    );
    const terms = (table: string, withCounts: boolean, name: (id: number) => string) =>
      Object.fromEntries(
        (
          store.db.prepare(`SELECT term, postings FROM ${table} ORDER BY term`).all() as Array<{
            term: string;
            postings: Buffer;
          }>
        ).map(({ term, postings }) => {
          const { ids, counts } = decodePostings(postings, withCounts);
          return [term, [...ids].map((id, i) => `${name(id)}${counts ? `×${counts[i]}` : ""}`).sort()];
        }),
      );
    return {
      documents,
      sections: store.sections(),
      chunks,
      rows: store.rows(),
      tasks: store.tasks(),
      bm25: terms("bm25_terms", true, (label) => chunkOf.get(label) ?? `deleted ${label}`),
      rowTerms: terms("row_terms", false, (rowNo) => rowIds.get(rowNo) ?? `deleted ${rowNo}`),
    };
  });
}

describe("the corpus store, built incrementally and from scratch", { timeout: 900_000 }, () => {
  let embedder: Embedder;
  beforeAll(async () => {
    embedder = await loadEmbedder({ modelDir: MODEL_DIR, modelId: MODEL_ID, allowRemote: false });
  }, 600_000);
  const build = (corpusDir: string, artefactDir: string, workers: number) =>
    buildArtefacts({ corpusDir, artefactDir, embedder, embeddingCacheDir: cacheDir, workers });

  it("holds the same documents, tables and indexes whether patched or written afresh, read in workers or not", async () => {
    const growing = corpus("growing", [LISHAN, EXCERPT]);
    const incremental = join(root, "incremental");
    await build(growing, incremental, 0);
    copyFileSync(join(CORPUS_DIR, TASKS), join(growing, TASKS));
    const added = await build(growing, incremental, 0);
    expect(added.processed).toBe(1);
    const fresh = join(root, "fresh");
    const scratch = await build(corpus("all", [LISHAN, EXCERPT, TASKS]), fresh, 1);
    expect(scratch.processed).toBe(3);
    const patched = contents(incremental);
    const written = contents(fresh);
    expect(patched.tasks.length).toBeGreaterThan(100);
    expect(Object.keys(patched.bm25).length).toBeGreaterThan(1000);
    expect(patched).toEqual(written);

    // A document removed: its rows, chunks and index entries go.
    unlinkSync(join(growing, EXCERPT));
    await build(growing, incremental, 0);
    await build(corpus("two", [LISHAN, TASKS]), join(root, "fresh-two"), 0);
    const afterRemoval = contents(incremental);
    expect(afterRemoval.documents.map((d) => d.meta.file)).toEqual([TASKS, LISHAN]);
    expect(afterRemoval).toEqual(contents(join(root, "fresh-two")));

    // A change of the extraction code: every document read again, the kept ones selected into
    // an empty store (none here), vectors and BM25 postings kept by passage.
    const variant = await buildArtefacts({
      corpusDir: growing,
      artefactDir: incremental,
      embedder,
      embeddingCacheDir: cacheDir,
      pipelineVariant: "extraction changed",
    });
    expect([variant.processed, variant.embeddings.embedded]).toEqual([2, 0]);
    expect(contents(incremental)).toEqual(afterRemoval);

    // Two of three documents changed: the one kept is selected into an empty store.
    copyFileSync(join(CORPUS_DIR, EXCERPT), join(growing, EXCERPT));
    await build(growing, incremental, 0);
    for (const f of [EXCERPT, TASKS]) appendFileSync(join(growing, f), "\n全年新增就业岗位1200个。\n");
    const changed = await build(growing, incremental, 0);
    expect(changed.processed).toBe(2);
    const again = corpus("changed", []);
    for (const f of [LISHAN, EXCERPT, TASKS]) copyFileSync(join(growing, f), join(again, f));
    await build(again, join(root, "fresh-changed"), 0);
    expect(contents(incremental)).toEqual(contents(join(root, "fresh-changed")));
  });
});
