/**
 * The lookups the answering layer makes, each reading only what it returns from the corpus
 * store through an index (store-schema.ts): documents by id and by place and period; indicator
 * rows by place and period, by indicator (within documents), by document, by statement and by
 * the terms of their clause (the row term index); the indicators named; task rows by document,
 * by number and by lead unit; chunks by vector label and by document offset; sections by id;
 * text spans by document offsets. This is what a `CorpusReader` over the store calls (issue 19,
 * phase 2); results come in corpus order, as the in-memory tables list them.
 *
 * Measured on the public corpus: see README "Corpus store". Texts are read per document and the
 * last few kept, since one answer cites a few statements of the same documents.
 */
import type Database from "better-sqlite3";
import type { Chunk, CorpusDocument, DocumentMeta, IndicatorRow, Section, TaskRow } from "../types.js";
import { decodePostings, postingCount } from "./postings-codec.js";
import { DOCUMENT_COLUMNS, chunkFrom, documentFrom, type CorpusStore } from "./store-reader.js";

/** Documents whose texts are kept between lookups. */
const TEXTS_KEPT = 16;

/** Rows joined with their document's corpus order, so results sort as the tables list them. */
const ROWS = `SELECT r.body FROM indicator_rows r JOIN documents d ON d.doc_no = r.doc_no`;
/** The same, for {@link StoreLookups.inChunks}: corpus order, order in the document, body. */
const ROWS_ORDERED = `SELECT d.corpus_order AS o, r.ord AS k, r.body AS b FROM indicator_rows r JOIN documents d ON d.doc_no = r.doc_no`;
/** The same with the row's indexed columns `f` (indicator) and `g` (document id), to filter before parsing. */
const ROWS_KEYED = `SELECT d.corpus_order AS o, r.ord AS k, r.body AS b, r.indicator AS f, r.doc_id AS g FROM indicator_rows r JOIN documents d ON d.doc_no = r.doc_no`;
const ROW_ORDER = `ORDER BY d.corpus_order, r.ord`;
const TASKS = `SELECT t.body FROM task_rows t JOIN documents d ON d.doc_no = t.doc_no`;
const TASK_ORDER = `ORDER BY d.corpus_order, t.ord`;

/** Up to this many documents in scope, term lookups keep the scope's rows before reading any. */
const SCOPE_DOCUMENTS_READ_FIRST = 64;

/** Above this many documents per indicator named, rows are read by indicator, not by document. */
const DOCUMENTS_PER_INDICATOR = 64;

/** A row as {@link StoreLookups.inChunks} reads it: corpus order, order in the document, body, and the keyed columns. */
interface KeyedRow {
  o: number;
  k: number;
  b: string;
  f?: string | null;
  g?: string;
}

/** Lookups over an open store; create one per store and reuse it (statements are prepared once). */
export class StoreLookups {
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly texts = new Map<string, CorpusDocument>();
  /** Per document: `[label, start, end, …]` of its chunks in order (as many documents as texts kept). */
  private readonly chunkSpans = new Map<string, Int32Array>();

  constructor(readonly store: CorpusStore) {
    this.db = store.db;
  }

  private statement(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) this.statements.set(sql, (s = this.db.prepare(sql)));
    return s;
  }

  private bodies<T>(sql: string, ...params: unknown[]): T[] {
    return (
      this.statement(sql)
        .pluck()
        .all(...params) as string[]
    ).map((b) => JSON.parse(b) as T);
  }

  /** A document with its texts, or null (the last {@link TEXTS_KEPT} are kept). */
  document(docId: string): CorpusDocument | null {
    const kept = this.texts.get(docId);
    if (kept) {
      this.texts.delete(docId);
      this.texts.set(docId, kept);
      return kept;
    }
    const record = this.statement(`SELECT ${DOCUMENT_COLUMNS} FROM documents WHERE doc_id = ?`).get(docId) as
      Parameters<typeof documentFrom>[0] | undefined;
    if (!record) return null;
    const doc = documentFrom(record);
    this.texts.set(docId, doc);
    if (this.texts.size > TEXTS_KEPT) this.texts.delete(this.texts.keys().next().value!);
    return doc;
  }

  /** The normalised text of a document between two offsets, or null for an unknown document. */
  textSpan(docId: string, start: number, end: number): string | null {
    return this.document(docId)?.text.slice(start, end) ?? null;
  }

  /** Metadata of the documents of a place whose statements describe a period, in corpus order. */
  documentsOf(region: string, period: string): DocumentMeta[] {
    return this.bodies<{ meta: DocumentMeta }>(
      "SELECT d.body FROM documents d JOIN document_periods p ON p.doc_no = d.doc_no WHERE d.region = ? AND p.period = ? ORDER BY d.corpus_order",
      region,
      period,
    ).map((b) => b.meta);
  }

  /** Indicator rows of a place and period (the row's own region and statement period). */
  rowsOf(region: string, period: string): IndicatorRow[] {
    return this.bodies(`${ROWS} WHERE r.region = ? AND r.period = ? ${ROW_ORDER}`, region, period);
  }

  /** Indicator rows of the given documents. */
  rowsOfDocuments(docIds: readonly string[]): IndicatorRow[] {
    return this.inChunks(docIds, (marks) => `${ROWS_ORDERED} WHERE r.doc_id IN (${marks})`);
  }

  /**
   * Indicator rows naming one of the catalogue indicators, optionally only of some documents
   * (then read through the documents' rows: a question's scope holds a few documents, an
   * indicator has rows in nearly all of them).
   */
  rowsOfIndicators(indicators: Iterable<string>, docIds?: ReadonlySet<string>): IndicatorRow[] {
    const names = [...new Set(indicators)];
    if (names.length === 0) return [];
    if (!docIds)
      return this.inChunks<IndicatorRow>(names, (marks) => `${ROWS_ORDERED} WHERE r.indicator IN (${marks})`);
    const wanted = new Set(names);
    // Few documents: their rows through the documents' index; many (a search of the whole
    // corpus): the indicators' rows through the indicator index, so the cost follows the rows
    // named, not the corpus. Either way only the rows kept are parsed.
    if (docIds.size > names.length * DOCUMENTS_PER_INDICATOR)
      return this.inChunks<IndicatorRow>(
        names,
        (marks) => `${ROWS_KEYED} WHERE r.indicator IN (${marks})`,
        (r) => docIds.has(r.g!),
      );
    return this.inChunks<IndicatorRow>(
      [...docIds],
      (marks) => `${ROWS_KEYED} WHERE r.doc_id IN (${marks}) AND r.indicator IS NOT NULL`,
      (r) => wanted.has(r.f!),
    );
  }

  /** Rows of the given documents that name a catalogue indicator (rankings, briefings). */
  indicatorRowsOfDocuments(docIds: Iterable<string>): IndicatorRow[] {
    return this.inChunks(
      [...docIds],
      (marks) => `${ROWS_ORDERED} WHERE r.doc_id IN (${marks}) AND r.indicator IS NOT NULL`,
    );
  }

  /** The catalogue indicators the rows name, each once. */
  indicatorNames(): string[] {
    return this.statement("SELECT DISTINCT indicator FROM indicator_rows WHERE indicator IS NOT NULL")
      .pluck()
      .all() as string[];
  }

  /** The periods of the rows read from the statement at `start` of a document ([] when none), each once. */
  statementPeriods(docId: string, start: number): string[] {
    return this.statement(
      "SELECT DISTINCT period FROM indicator_rows WHERE doc_id = ? AND start_at = ? ORDER BY row_no",
    )
      .pluck()
      .all(docId, start) as string[];
  }

  /** Indicator rows of the statement starting at `start` in a document. */
  rowsOfStatement(docId: string, start: number): IndicatorRow[] {
    return this.bodies(`${ROWS} WHERE r.doc_id = ? AND r.start_at = ? ${ROW_ORDER}`, docId, start);
  }

  /**
   * Rows of the given documents whose clause contains one of the terms (as rowsWithTerms of
   * src/retrieve/row-term-index.ts): candidates from the rarest character pair of each term,
   * confirmed on the clause.
   */
  rowsWithTerms(terms: readonly string[], docIds: ReadonlySet<string>): IndicatorRow[] {
    let rowNumbers = new Set<number>();
    for (const term of terms) {
      if (term === "") continue;
      const chars = Array.from(term);
      const keys = chars.length === 1 ? chars : chars.slice(0, -1).map((c, i) => c + chars[i + 1]!);
      // The rarest pair by the lists' counts alone; only that list is decoded.
      let rarest: Buffer | undefined;
      let fewest = Infinity;
      for (const key of keys) {
        const blob = this.statement("SELECT postings FROM row_terms WHERE term = ?").pluck().get(key) as
          Buffer | undefined;
        const count = blob ? postingCount(blob) : 0;
        if (count < fewest) [rarest, fewest] = [blob, count];
        if (count === 0) break;
      }
      if (rarest && fewest > 0) for (const id of decodePostings(rarest, false).ids) rowNumbers.add(id);
    }
    // A scope of a few documents: keep the candidates among its rows (read from the statement
    // index, row numbers only) before any row is read, so the rows read follow the scope.
    if (docIds.size <= SCOPE_DOCUMENTS_READ_FIRST && rowNumbers.size > 0) {
      const inScope = new Set<number>();
      const ids = [...docIds];
      for (let i = 0; i < ids.length; i += 500) {
        const part = ids.slice(i, i + 500);
        const sql = `SELECT row_no FROM indicator_rows WHERE doc_id IN (${part.map(() => "?").join(", ")})`;
        for (const n of this.statement(sql)
          .pluck()
          .all(...part) as number[])
          if (rowNumbers.has(n)) inScope.add(n);
      }
      rowNumbers = inScope;
    }
    const candidates = this.inChunks<IndicatorRow>(
      [...rowNumbers],
      (marks) => `${ROWS_KEYED} WHERE r.row_no IN (${marks})`,
      (r) => docIds.has(r.g!),
    );
    return candidates.filter((r) => terms.some((t) => t !== "" && r.clause.includes(t)));
  }

  /** Task rows of a document, in order. */
  tasksOf(docId: string): TaskRow[] {
    return this.bodies(`${TASKS} WHERE t.doc_id = ? ${TASK_ORDER}`, docId);
  }

  /** The task numbered `number` in a document (several when a report numbers parts again). */
  tasksNumbered(docId: string, number: number): TaskRow[] {
    return this.bodies(`${TASKS} WHERE t.doc_id = ? AND t.task_number = ? ${TASK_ORDER}`, docId, number);
  }

  /** The tasks numbered `number` in every task table (one per table holding it). */
  tasksNumberedAnywhere(number: number): TaskRow[] {
    return this.bodies(`${TASKS} WHERE t.task_number = ? ${TASK_ORDER}`, number);
  }

  /** How many tasks the tables hold and the highest number. */
  taskCount(): { tasks: number; highest: number } {
    const row = this.statement("SELECT COUNT(*) AS n, MAX(task_number) AS m FROM task_rows").get() as {
      n: number;
      m: number | null;
    };
    return { tasks: row.n, highest: row.m ?? 0 };
  }

  /** Task rows whose lead unit is exactly `unit`. */
  tasksLedBy(unit: string): TaskRow[] {
    return this.bodies(`${TASKS} WHERE t.lead_unit = ? ${TASK_ORDER}`, unit);
  }

  /** The chunk of a vector label (as searched in the vector index), or null for a deleted one. */
  chunk(label: number): Chunk | null {
    const row = this.statement(
      "SELECT c.body, d.doc_id FROM chunks c JOIN documents d ON d.doc_no = c.doc_no WHERE c.label = ?",
    ).get(label) as { body: string; doc_id: string } | undefined;
    return row ? chunkFrom(row.body, this.document(row.doc_id)?.text ?? "") : null;
  }

  /** The vector label of the chunk of a document holding an offset, or -1. */
  chunkLabelAt(docId: string, offset: number): number {
    // The document's chunk spans are read once and kept (scoring asks for every candidate row).
    let spans = this.chunkSpans.get(docId);
    if (spans) this.chunkSpans.delete(docId);
    else
      spans = Int32Array.from(
        (
          this.statement(
            "SELECT c.label, c.start_at, c.end_at FROM chunks c JOIN documents d ON d.doc_no = c.doc_no WHERE d.doc_id = ? ORDER BY c.ord",
          )
            .raw()
            .all(docId) as number[][]
        ).flat(),
      );
    this.chunkSpans.set(docId, spans);
    if (this.chunkSpans.size > TEXTS_KEPT) this.chunkSpans.delete(this.chunkSpans.keys().next().value!);
    // The first chunk in document order holding the offset.
    for (let i = 0; i < spans.length; i += 3)
      if (spans[i + 1]! <= offset && spans[i + 2]! > offset) return spans[i]!;
    return -1;
  }

  /**
   * Each vector label's document, for a search limited to some documents without holding the
   * chunks: `ofLabel[label]` indexes `docIds` (−1 for a deleted label). Read once per load.
   */
  labelDocuments(): { docIds: string[]; ofLabel: Int32Array } {
    const docs = this.statement("SELECT doc_no, doc_id FROM documents ORDER BY corpus_order").all() as Array<{
      doc_no: number;
      doc_id: string;
    }>;
    const ordinal = new Map(docs.map((d, i) => [d.doc_no, i]));
    const ofLabel = new Int32Array(this.store.labelsHandedOut()).fill(-1);
    for (const row of this.statement("SELECT label, doc_no FROM chunks").raw().iterate())
      ofLabel[(row as [number, number])[0]] = ordinal.get((row as [number, number])[1]) ?? -1;
    return { docIds: docs.map((d) => d.doc_id), ofLabel };
  }

  /** A section by id, or null. */
  section(sectionId: string): Section | null {
    return this.bodies<Section>("SELECT body FROM sections WHERE section_id = ?", sectionId)[0] ?? null;
  }

  /**
   * Runs a query with `IN (…)` over values in groups of 500 (SQLite's parameter limit); `sql`
   * selects `o` (corpus order), `k` (order in the document) and `b` (body). Results in order.
   */
  private inChunks<T>(
    values: readonly unknown[],
    sql: (marks: string) => string,
    keep?: (row: KeyedRow) => boolean,
  ): T[] {
    const found: KeyedRow[] = [];
    for (let i = 0; i < values.length; i += 500) {
      const part = values.slice(i, i + 500);
      for (const row of this.statement(sql(part.map(() => "?").join(", "))).all(...part) as KeyedRow[])
        if (!keep || keep(row)) found.push(row);
    }
    return found.sort((x, y) => x.o - y.o || x.k - y.k).map((r) => JSON.parse(r.b) as T);
  }
}
