/**
 * Writes a build's corpus store (store-schema.ts). A build starts from a copy of the previous
 * build's store when there is one, so documents it keeps are not written again: it deletes the
 * documents the new build does not list, inserts the prepared ones, and finally patches the
 * inverted indexes (store-postings.ts). Without a usable previous store it starts empty.
 *
 * The file lives in the new generation folder, which nothing reads until the manifest names
 * it; so it is written without a journal and synced once when it is closed.
 */
import { closeSync, copyFileSync, fsyncSync, openSync, rmSync } from "node:fs";
import Database from "better-sqlite3";
import type { PreparedDocument } from "./prepare-document.js";
import {
  STORE_INDEXES,
  STORE_TABLES,
  STORE_META,
  STORE_SCHEMA_VERSION,
  readMeta,
  writeMeta,
} from "./store-schema.js";

/** Tables whose rows belong to one document (by doc_no), besides `documents` itself. */
const DOCUMENT_TABLES = ["document_periods", "sections", "chunks", "indicator_rows", "task_rows"];

/** Share of the previous documents kept above which the previous store is copied as a file. */
const COPY_SHARE = 0.5;

/** Share of free pages above which the finished store is compacted (VACUUM). */
const VACUUM_FREE_SHARE = 0.25;

/** Numbers handed out so far, carried from build to build. */
export interface StoreCounters {
  labels: number;
  deletedLabels: number;
  rowNumbers: number;
  taskNumbers: number;
  documentNumbers: number;
}

/** A chunk's place in the vector index, decided by the build. */
export interface ChunkLabel {
  label: number;
  vectorKey: string;
}

/** The new build's store, open for writing. */
export class StoreWriter {
  readonly db: Database.Database;
  readonly counters: StoreCounters;
  private readonly insertDocumentRow: Database.Statement;
  private readonly insertPeriod: Database.Statement;
  private readonly insertSection: Database.Statement;
  private readonly insertChunk: Database.Statement;
  private readonly insertRow: Database.Statement;
  private readonly insertTask: Database.Statement;
  private readonly setOrder: Database.Statement;
  private readonly kept: Array<[number, string]> = [];

  private constructor(
    readonly path: string,
    /** Which inverted indexes hold the previous build's postings (and can be patched). */
    readonly copiedIndexes: { bm25: boolean; rowTerms: boolean },
  ) {
    this.db = new Database(path);
    this.db.pragma("journal_mode = OFF");
    this.db.pragma("synchronous = OFF");
    if (!copiedIndexes.rowTerms) {
      this.db.transaction(() => {
        for (const statement of STORE_TABLES) this.db.exec(statement);
        writeMeta(this.db, STORE_META.schema, STORE_SCHEMA_VERSION);
      })();
    }
    const number = (name: string) => Number(readMeta(this.db, name) ?? 0);
    this.counters = {
      labels: number(STORE_META.labels),
      deletedLabels: number(STORE_META.deletedLabels),
      rowNumbers: number(STORE_META.rowNumbers),
      taskNumbers: number(STORE_META.taskNumbers),
      documentNumbers: number(STORE_META.documentNumbers),
    };
    const insert = (table: string, columns: string[]) =>
      this.db.prepare(
        `INSERT INTO ${table} (${columns.join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`,
      );
    this.insertDocumentRow = insert("documents", [
      "doc_no", "doc_key", "doc_id", "file", "corpus_order", "region", "region_code", "period", "kind", "first_label",
      "chunk_count", "section_count", "row_count", "canonical_row_count", "task_count", "body", "body_text",
      "raw_text", "raw_delta", "offsets",
    ]); // prettier-ignore
    this.insertPeriod = insert("document_periods", ["doc_no", "period"]);
    this.insertSection = insert("sections", ["doc_no", "ord", "section_id", "body"]);
    this.insertChunk = insert("chunks", [
      "label", "doc_no", "ord", "section_id", "start_at", "end_at", "body", "token_count", "vector_key",
    ]); // prettier-ignore
    this.insertRow = insert("indicator_rows", [
      "row_no", "doc_no", "ord", "doc_id", "region", "period", "indicator", "start_at", "body",
    ]); // prettier-ignore
    this.insertTask = insert("task_rows", [
      "task_no",
      "doc_no",
      "ord",
      "doc_id",
      "task_number",
      "lead_unit",
      "body",
    ]);
    this.setOrder = this.db.prepare("UPDATE documents SET corpus_order = ? WHERE doc_key = ?");
  }

  /**
   * A new store at `path` holding the previous build's documents that `keep` lists (with its
   * counters and BM25 postings), or an empty one when there is no previous store. When most
   * documents are kept the previous file is copied and the others deleted; when most go (a
   * change of the extraction code re-reads them all), the kept ones are selected into an empty
   * store instead, which spares deleting nearly everything and compacting the file after.
   */
  static create(path: string, previous: { path: string; keep: ReadonlySet<string> } | null): StoreWriter {
    rmSync(path, { force: true });
    if (!previous) return new StoreWriter(path, { bm25: false, rowTerms: false });
    const source = new Database(previous.path, { readonly: true, fileMustExist: true });
    const held = source.prepare("SELECT doc_key FROM documents").pluck().all() as string[];
    source.close();
    const kept = held.filter((k) => previous.keep.has(k));
    if (kept.length >= COPY_SHARE * held.length) {
      copyFileSync(previous.path, path);
      const writer = new StoreWriter(path, { bm25: true, rowTerms: true });
      writer.deleteDocuments(held.filter((k) => !previous.keep.has(k)));
      return writer;
    }
    const writer = new StoreWriter(path, { bm25: false, rowTerms: false });
    writer.selectFrom(previous.path, kept);
    return writer;
  }

  /** Copies the kept documents' rows, the settings and the BM25 postings of another store. */
  private selectFrom(path: string, kept: readonly string[]): void {
    this.db.prepare("ATTACH DATABASE ? AS previous").run(path);
    try {
      this.db.transaction(() => {
        this.db.exec("CREATE TEMP TABLE kept (doc_key TEXT PRIMARY KEY)");
        const keep = this.db.prepare("INSERT INTO kept (doc_key) VALUES (?)");
        for (const key of kept) keep.run(key);
        this.db.exec(
          "INSERT INTO documents SELECT * FROM previous.documents WHERE doc_key IN (SELECT doc_key FROM kept)",
        );
        for (const table of DOCUMENT_TABLES)
          this.db.exec(
            `INSERT INTO ${table} SELECT * FROM previous.${table} WHERE doc_no IN (SELECT doc_no FROM documents)`,
          );
        this.db.exec("DELETE FROM store_meta");
        this.db.exec("INSERT INTO store_meta SELECT * FROM previous.store_meta");
        this.db.exec("INSERT INTO bm25_terms SELECT * FROM previous.bm25_terms");
        this.db.exec("DROP TABLE kept");
      })();
    } finally {
      this.db.exec("DETACH DATABASE previous");
    }
    this.copiedIndexes.bm25 = true;
    const number = (name: string) => Number(readMeta(this.db, name) ?? 0);
    this.counters.labels = number(STORE_META.labels);
    this.counters.deletedLabels = number(STORE_META.deletedLabels);
    this.counters.rowNumbers = number(STORE_META.rowNumbers);
    this.counters.taskNumbers = number(STORE_META.taskNumbers);
    this.counters.documentNumbers = number(STORE_META.documentNumbers);
  }

  /** Deletes every row of the given documents. */
  private deleteDocuments(keys: readonly string[]): void {
    const numberOf = this.db.prepare("SELECT doc_no FROM documents WHERE doc_key = ?").pluck();
    const statements = ["documents", ...DOCUMENT_TABLES].map((t) =>
      this.db.prepare(`DELETE FROM ${t} WHERE doc_no = ?`),
    );
    this.db.transaction(() => {
      for (const key of keys) {
        const docNo = numberOf.get(key);
        if (docNo !== undefined) for (const s of statements) s.run(docNo);
      }
    })();
  }

  /** Sets a kept document's place in corpus order (written with the others in {@link finish}). */
  keepDocument(key: string, order: number): void {
    this.kept.push([order, key]);
  }

  /**
   * Inserts a prepared document at `order` with its chunks' labels; rows and tasks get the
   * next numbers. Returns the row numbers given (for the row term index).
   */
  insertDocument(key: string, doc: PreparedDocument, order: number, labels: readonly ChunkLabel[]): number[] {
    const m = doc.meta;
    const rowNumbers: number[] = [];
    const no = this.counters.documentNumbers++;
    this.db.transaction(() => {
      this.insertDocumentRow.run(
        no, key, m.id, doc.file, order, m.region, m.regionCode, m.period, m.kind, labels[0]?.label ?? -1,
        doc.chunks.length, doc.sections.length, doc.rows.length, doc.canonicalRows, doc.tasks.length,
        doc.json, doc.text, doc.raw, doc.rawDelta, doc.offsetsJson,
      ); // prettier-ignore
      for (const period of m.periods ?? [m.period]) this.insertPeriod.run(no, period);
      doc.sections.forEach((s, i) => this.insertSection.run(no, i, s.id, s.json));
      doc.chunks.forEach((c, i) =>
        this.insertChunk.run(
          labels[i]!.label,
          no,
          i,
          c.sectionId,
          c.start,
          c.end,
          c.json,
          c.tokenCount,
          labels[i]!.vectorKey,
        ),
      );
      doc.rows.forEach((r, i) => {
        const rowNo = this.counters.rowNumbers++;
        rowNumbers.push(rowNo);
        this.insertRow.run(rowNo, no, i, r.docId, r.region, r.period, r.indicator, r.start, r.json);
      });
      doc.tasks.forEach((t, i) =>
        this.insertTask.run(this.counters.taskNumbers++, no, i, t.docId, t.number, t.lead, t.json),
      );
    })();
    return rowNumbers;
  }

  /** Records the counters and settings, compacts when many pages are free, and closes the file synced. */
  finish(settings: Record<string, string>): void {
    this.db.transaction(() => {
      for (const [order, key] of this.kept) this.setOrder.run(order, key);
      writeMeta(this.db, STORE_META.labels, this.counters.labels);
      writeMeta(this.db, STORE_META.deletedLabels, this.counters.deletedLabels);
      writeMeta(this.db, STORE_META.rowNumbers, this.counters.rowNumbers);
      writeMeta(this.db, STORE_META.taskNumbers, this.counters.taskNumbers);
      writeMeta(this.db, STORE_META.documentNumbers, this.counters.documentNumbers);
      for (const [name, value] of Object.entries(settings)) writeMeta(this.db, name, value);
    })();
    for (const statement of STORE_INDEXES) this.db.exec(statement);
    const pages = Number(this.db.pragma("page_count", { simple: true }));
    const free = Number(this.db.pragma("freelist_count", { simple: true }));
    if (free > VACUUM_FREE_SHARE * pages) this.db.exec("VACUUM");
    this.db.exec("ANALYZE");
    this.db.close();
    const fd = openSync(this.path, "r+");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }

  /** Closes without finishing (the build failed; the generation folder is discarded). */
  abandon(): void {
    if (this.db.open) this.db.close();
  }
}
