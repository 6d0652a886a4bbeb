import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadEmbedder } from "../../src/embed/embedder.js";
import { buildArtefacts } from "../../src/index/build-artefacts.js";
import { loadArtefacts, type LoadedArtefacts } from "../../src/index/load-artefacts.js";
import { StoreLookups } from "../../src/index/store-lookups.js";
import { rowsWithTerms, rowTermIndexOf } from "../../src/retrieve/row-term-index.js";
import { CORPUS_DIR } from "../ingest/fixtures.js";

const MODEL_DIR = resolve(import.meta.dirname, "../../embeddings/models");
const MODEL_ID = "BAAI/bge-small-zh-v1.5";
/** The project's own embedding cache (filled by `npm run build-index` at install). */
const CACHE_DIR = resolve(import.meta.dirname, "../../embeddings/vector-cache");

const artefactDir = mkdtempSync(join(tmpdir(), "store-lookups-"));
afterAll(() => rmSync(artefactDir, { recursive: true, force: true }));

/**
 * Every lookup of the store against the same question asked of the tables in memory, over the
 * real seed corpus (bulletins, work reports, a task breakdown).
 */
describe("StoreLookups on the seed corpus", { timeout: 900_000 }, () => {
  let loaded: LoadedArtefacts;
  let lookups: StoreLookups;
  beforeAll(async () => {
    const embedder = await loadEmbedder({ modelDir: MODEL_DIR, modelId: MODEL_ID, allowRemote: false });
    await buildArtefacts({ corpusDir: CORPUS_DIR, artefactDir, embedder, embeddingCacheDir: CACHE_DIR });
    loaded = loadArtefacts({ artefactDir, corpusDir: CORPUS_DIR, modelId: MODEL_ID, dimension: 512 });
    lookups = new StoreLookups(loaded.store);
  }, 900_000);
  afterAll(() => loaded?.close());

  it("finds documents by place and period, and texts by offsets", () => {
    const docs = loaded.corpus.documents;
    const places = new Set(
      docs.flatMap((d) => (d.meta.periods ?? [d.meta.period]).map((p) => `${d.meta.region}|${p}`)),
    );
    expect(places.size).toBeGreaterThan(4);
    for (const place of places) {
      const [region, period] = place.split("|") as [string, string];
      expect(lookups.documentsOf(region, period)).toEqual(
        docs
          .filter((d) => d.meta.region === region && (d.meta.periods ?? [d.meta.period]).includes(period))
          .map((d) => d.meta),
      );
    }
    for (const d of docs) {
      expect(lookups.document(d.meta.id)).toEqual(d);
      expect(lookups.textSpan(d.meta.id, 10, 60)).toBe(d.text.slice(10, 60));
    }
    expect(lookups.document("no-such-document")).toBeNull();
  });

  it("finds indicator rows by place and period, indicator, statement and clause terms", () => {
    const rows = loaded.rows;
    expect(rows.length).toBeGreaterThan(500);
    const places = new Set(rows.map((r) => `${r.region}|${r.period}`));
    for (const place of places) {
      const [region, period] = place.split("|") as [string, string];
      expect(lookups.rowsOf(region, period)).toEqual(
        rows.filter((r) => r.region === region && r.period === period),
      );
    }
    const indicators = [...new Set(rows.flatMap((r) => (r.indicator ? [r.indicator] : [])))];
    expect(indicators.length).toBeGreaterThan(10);
    expect(lookups.rowsOfIndicators(indicators.slice(0, 7))).toEqual(
      rows.filter((r) => r.indicator && indicators.slice(0, 7).includes(r.indicator)),
    );
    for (const r of rows.filter((_, i) => i % 37 === 0))
      expect(lookups.rowsOfStatement(r.source.docId, r.source.start)).toEqual(
        rows.filter((x) => x.source.docId === r.source.docId && x.source.start === r.source.start),
      );
    // Terms as questions hold them: words cut from the clauses, one to four characters.
    const docIds = new Set(loaded.corpus.documents.map((d) => d.meta.id));
    const index = rowTermIndexOf(rows);
    const terms = rows
      .filter((_, i) => i % 11 === 0)
      .map((r, i) =>
        Array.from(r.clause)
          .slice(i % 5, (i % 5) + 1 + (i % 4))
          .join(""),
      );
    for (const term of terms)
      expect(lookups.rowsWithTerms([term], docIds)).toEqual(rowsWithTerms(index, [term], docIds));
    const some = new Set([...docIds].slice(0, 2));
    expect(lookups.rowsWithTerms(terms.slice(0, 30), some)).toEqual(
      rowsWithTerms(index, terms.slice(0, 30), some),
    );
  });

  it("finds indicator rows within documents, the indicators named and a statement's periods", () => {
    const rows = loaded.rows;
    const docIds = [...new Set(rows.map((r) => r.source.docId))];
    const indicators = [...new Set(rows.flatMap((r) => (r.indicator ? [r.indicator] : [])))];
    expect(new Set(lookups.indicatorNames())).toEqual(new Set(indicators));
    for (const docs of [new Set(docIds.slice(0, 1)), new Set(docIds.slice(1, 3)), new Set(docIds)]) {
      const named = indicators.filter((_, i) => i % 3 === 0);
      expect(lookups.rowsOfIndicators(named, docs)).toEqual(
        rows.filter((r) => r.indicator && named.includes(r.indicator) && docs.has(r.source.docId)),
      );
      expect(lookups.indicatorRowsOfDocuments(docs)).toEqual(
        rows.filter((r) => r.indicator !== null && docs.has(r.source.docId)),
      );
    }
    expect(lookups.rowsOfIndicators([], new Set(docIds))).toEqual([]);
    // A scope of many documents (a whole corpus) is read through the indicator index instead:
    // the same rows in the same order, documents outside the scope left out.
    const wide = new Set([...docIds.slice(1), ...Array.from({ length: 100 }, (_, i) => `absent-${i}`)]);
    for (const one of indicators.slice(0, 3))
      expect(lookups.rowsOfIndicators([one], wide)).toEqual(
        rows.filter((r) => r.indicator === one && wide.has(r.source.docId)),
      );
    // A work report's statements describe several periods (the year reviewed, the year planned).
    const periodsOf = (docId: string, start: number) => [
      ...new Set(
        rows.filter((r) => r.source.docId === docId && r.source.start === start).map((r) => r.period),
      ),
    ];
    let several = 0;
    for (const r of rows.filter((_, i) => i % 7 === 0)) {
      const expected = periodsOf(r.source.docId, r.source.start);
      if (expected.length > 1) several++;
      expect(lookups.statementPeriods(r.source.docId, r.source.start)).toEqual(expected);
    }
    expect(lookups.statementPeriods(docIds[0]!, -1)).toEqual([]);
    expect(several).toBeGreaterThan(0);
  });

  it("finds task rows by document, number and lead unit", () => {
    const tasks = loaded.tasks;
    expect(tasks.length).toBeGreaterThan(100);
    const docId = tasks[0]!.docId;
    expect(lookups.tasksOf(docId)).toEqual(tasks.filter((t) => t.docId === docId));
    for (const t of tasks.filter((_, i) => i % 13 === 0)) {
      expect(lookups.tasksNumbered(t.docId, t.number)).toEqual(
        tasks.filter((x) => x.docId === t.docId && x.number === t.number),
      );
      if (t.lead) expect(lookups.tasksLedBy(t.lead)).toEqual(tasks.filter((x) => x.lead === t.lead));
      expect(lookups.tasksNumberedAnywhere(t.number)).toEqual(tasks.filter((x) => x.number === t.number));
    }
    expect(lookups.taskCount()).toEqual({
      tasks: tasks.length,
      highest: Math.max(...tasks.map((t) => t.number)),
    });
  });

  it("finds chunks by vector label and sections by id", () => {
    const { chunks } = loaded.corpus;
    const positions = loaded.vectors.positions!;
    positions.forEach((position, label) => {
      if (position >= 0) expect(lookups.chunk(label)).toEqual(chunks[position]);
    });
    // The chunk holding an offset, and each label's document for a search limited to documents.
    const { docIds, ofLabel } = lookups.labelDocuments();
    expect(docIds).toEqual(loaded.corpus.documents.map((d) => d.meta.id));
    positions.forEach((position, label) => {
      expect(ofLabel[label]).toBe(position >= 0 ? docIds.indexOf(chunks[position]!.docId) : -1);
      if (position < 0 || position % 5 !== 0) return;
      const c = chunks[position]!;
      // As the tables answer it: the document's first chunk (in order) holding the offset.
      for (const offset of [c.start, c.end - 1]) {
        const first = chunks.findIndex((x) => x.docId === c.docId && x.start <= offset && offset < x.end);
        expect(lookups.chunkLabelAt(c.docId, offset)).toBe(positions.indexOf(first));
      }
    });
    expect(lookups.chunkLabelAt(docIds[0]!, -1)).toBe(-1);
    for (const s of loaded.corpus.sections.filter((_, i) => i % 9 === 0))
      expect(lookups.section(s.id)).toEqual(s);
    expect(lookups.section("none#0")).toBeNull();
  });
});
