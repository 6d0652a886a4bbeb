import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadEmbedder } from "../../src/embed/embedder.js";
import { rawSlice } from "../../src/ingest/mapped-text.js";
import { buildArtefacts } from "../../src/index/build-artefacts.js";
import { loadArtefacts, type LoadedArtefacts } from "../../src/index/load-artefacts.js";
import { storeCorpusReader, type StoreCorpusReading } from "../../src/index/store-corpus-reader.js";
import { sectionLabel } from "../../src/sections/parse-sections.js";
import { splitStatements } from "../../src/sections/sentences.js";
import type { IndicatorRow } from "../../src/types.js";
import { CORPUS_DIR } from "../ingest/fixtures.js";

const MODEL_DIR = resolve(import.meta.dirname, "../../embeddings/models");
const MODEL_ID = "BAAI/bge-small-zh-v1.5";
/** The project's own embedding cache (filled by `npm run build-index` at install). */
const CACHE_DIR = resolve(import.meta.dirname, "../../embeddings/vector-cache");
const CHANGED = "tiedong-2023-statistical-bulletin.txt";

const root = mkdtempSync(join(tmpdir(), "store-corpus-reader-"));
const corpusDir = join(root, "corpus");
const artefactDir = join(root, "artefacts");
afterAll(() => rmSync(root, { recursive: true, force: true }));

/**
 * The store-backed reader against the same question asked of the tables loaded whole, over the
 * real seed corpus built twice (the second time after a change to one bulletin, so the vector
 * index and the stored postings hold deleted labels).
 */
describe("storeCorpusReader on the seed corpus", { timeout: 900_000 }, () => {
  let loaded: LoadedArtefacts;
  let reader: StoreCorpusReading & { taskUnits: () => string[] };
  let rows: IndicatorRow[];
  beforeAll(async () => {
    cpSync(CORPUS_DIR, corpusDir, { recursive: true });
    // A copy of the project's cache: the seed passages are not embedded again, the changed ones
    // do not go into the project's own cache.
    if (existsSync(CACHE_DIR)) cpSync(CACHE_DIR, join(root, "cache"), { recursive: true });
    const embedder = await loadEmbedder({ modelDir: MODEL_DIR, modelId: MODEL_ID, allowRemote: false });
    const build = () =>
      buildArtefacts({ corpusDir, artefactDir, embedder, embeddingCacheDir: join(root, "cache") });
    await build();
    // A sentence added inside a paragraph: the chunk holding it changes, its old label is deleted.
    const path = join(corpusDir, CHANGED);
    const lines = readFileSync(path, "utf8").split("\n");
    const long = lines.findIndex((l, i) => i > 2 && l.length > 60);
    lines[long] = `${lines[long]}全年新增市场主体一千二百户。`;
    writeFileSync(path, lines.join("\n"));
    await build();
    loaded = loadArtefacts({ artefactDir, corpusDir, modelId: MODEL_ID, dimension: 512 });
    reader = storeCorpusReader(loaded.store, { taskUnits: () => ["given by the caller"] });
    rows = loaded.rows;
  }, 900_000);
  afterAll(() => loaded?.close());

  const docs = () => loaded.corpus.documents;
  const rowsAt = (docId: string, start: number) =>
    rows.filter((r) => r.source.docId === docId && r.source.start === start);

  it("holds every document's metadata and reads rows as the tables list them", () => {
    expect(reader.metas()).toEqual(docs().map((d) => d.meta));
    for (const d of docs()) expect(reader.meta(d.meta.id)).toEqual(d.meta);
    expect(reader.meta("no-such-document")).toBeUndefined();
    const indicators = [...new Set(rows.flatMap((r) => (r.indicator ? [r.indicator] : [])))];
    const ids = docs().map((d) => d.meta.id);
    for (const some of [new Set(ids.slice(0, 1)), new Set(ids.slice(1, 4)), new Set(ids)]) {
      const named = indicators.filter((_, i) => i % 2 === 0);
      expect(reader.rowsOfIndicators(named, some)).toEqual(
        rows.filter((r) => r.indicator && named.includes(r.indicator) && some.has(r.source.docId)),
      );
      expect(reader.indicatorRowsOfDocs(some)).toEqual(
        rows.filter((r) => r.indicator !== null && some.has(r.source.docId)),
      );
    }
    const clauseTerms = rows
      .filter((_, i) => i % 13 === 0)
      .map((r) => Array.from(r.clause).slice(1, 4).join(""));
    expect(reader.rowsWithTerms(clauseTerms, new Set(ids))).toEqual(
      rows.filter((r) => clauseTerms.some((t) => r.clause.includes(t))),
    );
    let besides = 0;
    for (const r of rows.filter((_, i) => i % 17 === 0)) {
      expect(reader.rowsOfStatement(r)).toEqual(rowsAt(r.source.docId, r.source.start));
      expect(reader.statementPeriods(r.source.docId, r.source.start)).toEqual([
        ...new Set(rowsAt(r.source.docId, r.source.start).map((x) => x.period)),
      ]);
      const list = splitStatements(docs().find((d) => d.meta.id === r.source.docId)!.text);
      const at = list.findIndex((s) => s.end > r.source.start);
      for (const [side, step] of [
        ["before", -1],
        ["after", 1],
      ] as const) {
        const beside = list[at + step];
        const expected = beside ? rowsAt(r.source.docId, beside.start) : [];
        besides += expected.length;
        expect(reader.rowsBeside(r, side)).toEqual(expected);
      }
    }
    expect(besides).toBeGreaterThan(0);
  });

  it("reads texts, statements, sections and chunks of a document on demand", () => {
    for (const d of docs()) {
      const id = d.meta.id;
      expect(reader.text(id, 30, 90)).toBe(d.text.slice(30, 90));
      expect(reader.original(id, 30, 90)).toBe(rawSlice(d.raw, d.offsets, 30, 90));
      expect(reader.pageAt(id, 10)).toBeNull(); // no seed document is paged
      const list = splitStatements(d.text);
      const middle = Math.floor(d.text.length / 2);
      expect(reader.statementsIn(id, middle, middle + 400)).toEqual(
        list.filter((s) => s.start >= middle && s.end <= middle + 400),
      );
      for (const [i, s] of list.entries()) {
        if (i % 9 !== 0) continue;
        // A neighbour counts when no line break lies between it and the statement.
        const shown = (r: { start: number; end: number } | undefined) =>
          r && !d.text.slice(Math.min(r.end, s.start), Math.max(r.start, s.end)).includes("\n")
            ? d.text.slice(r.start, r.end)
            : "";
        expect(reader.neighbours(id, s.start, s.end)).toEqual({
          before: shown(list[i - 1]),
          after: shown(list[i + 1]),
        });
      }
    }
    const sections = loaded.corpus.sections;
    for (const s of sections.filter((_, i) => i % 7 === 0)) {
      expect(reader.section(s.id)).toEqual(s);
      expect(reader.sectionLabel(s.id)).toBe(sectionLabel(s));
      const d = docs().find((x) => x.meta.id === s.docId)!;
      const list = splitStatements(d.text);
      const at = list.findIndex((x) => x.end > s.start + 1);
      const previous = list[at - 1];
      expect(reader.statementBefore(s.docId, s.id, s.start + 1)).toBe(
        previous && previous.start >= s.start ? d.text.slice(previous.start, previous.end) : "",
      );
    }
    expect(reader.section("none#0")).toBeUndefined();
    expect(reader.sectionLabel("none#0")).toBe("");
    // A chunk's position is its vector label.
    const positions = loaded.vectors.positions!;
    const { chunks } = loaded.corpus;
    let deleted = 0;
    positions.forEach((position, label) => {
      if (position < 0) {
        deleted++;
        expect(reader.chunk(label)).toBeUndefined();
        return;
      }
      const c = chunks[position]!;
      expect(reader.chunk(label)).toEqual(c);
      const first = chunks.findIndex((x) => x.docId === c.docId && x.start <= c.start && c.start < x.end);
      expect(reader.chunkPositionAt(c.docId, c.start)).toBe(positions.indexOf(first));
    });
    expect(deleted).toBeGreaterThan(0);
    expect(reader.chunkPositionAt(chunks[0]!.docId, -1)).toBe(-1);
  });

  it("reads chunks by corpus position with the open artefacts' label map, after a label was deleted", () => {
    // As the answering layer wires it: positions are corpus order, labels what the indexes hold.
    const byPosition = storeCorpusReader(loaded.store, {}, loaded.chunks);
    const { chunks } = loaded.corpus;
    expect(loaded.chunks.count).toBe(chunks.length);
    chunks.forEach((c, position) => {
      expect(loaded.chunks.docIdAt(position)).toBe(c.docId);
      expect(loaded.chunks.positionOf(loaded.chunks.labelAt(position))).toBe(position);
      expect(byPosition.chunk(position)).toEqual(c);
      const first = chunks.findIndex((x) => x.docId === c.docId && x.start <= c.start && c.start < x.end);
      expect(byPosition.chunkPositionAt(c.docId, c.start)).toBe(first);
    });
    expect(byPosition.chunk(chunks.length)).toBeUndefined();
    expect(loaded.chunks.docIdAt(chunks.length)).toBe("");
  });

  it("gives each term the inverse document frequency of the live chunks, and tasks by number", () => {
    const { bm25 } = loaded;
    const n = bm25.docLengths.length;
    // Every stored term (the changed chunk's old terms among them), and one never seen.
    let terms = 0;
    for (const [term, list] of bm25.postings.entries()) {
      const df = list.length / 2;
      expect(reader.idf(term)).toBeCloseTo(Math.log(1 + (n - df + 0.5) / (df + 0.5)), 12);
      terms++;
    }
    expect(terms).toBeGreaterThan(1000);
    expect(reader.idf("增长")).toBeLessThan(reader.idf("没有这个词"));
    const tasks = loaded.tasks;
    expect(tasks.length).toBeGreaterThan(100);
    for (const t of tasks.filter((_, i) => i % 19 === 0))
      expect(reader.taskByNumber(t.number)).toEqual(tasks.filter((x) => x.number === t.number));
    expect(reader.taskCount()).toEqual({
      tasks: tasks.length,
      highest: Math.max(...tasks.map((t) => t.number)),
    });
    // The task lookups by text and unit are the caller's.
    expect(reader.taskUnits()).toEqual(["given by the caller"]);
  });
});
