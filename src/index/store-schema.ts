/**
 * The corpus store of a build (`gen-…/store.sqlite`): documents with their texts, sections,
 * chunks, indicator rows and task rows, and the two inverted indexes the answering layer
 * searches (BM25 postings by chunk label, the row term index by row number), in one SQLite
 * file through better-sqlite3. It is written by the build, then never changed: the manifest
 * records its checksum and a reader opens it read-only.
 *
 * The SQL is kept portable to PostgreSQL (plain INTEGER/TEXT/BLOB columns — BYTEA there —, no
 * SQLite JSON functions, `ON CONFLICT … DO UPDATE` upserts, no reserved words such as `end` or
 * `position` as column names; the two postings tables are WITHOUT ROWID, a clause PostgreSQL drops):
 * objects whose shape belongs to other stages (a row, a task, a section) are kept whole as JSON
 * in `body`, beside the columns the lookups use, so a new field needs no migration. A
 * document's `body` is the document without its texts and offset map (kept in their own
 * columns; the source text is `raw_delta`, its difference from the normalised text
 * (raw-delta.ts), or `raw_text` when no delta rebuilds it, or neither when it equals the
 * normalised text), a chunk's is
 * the chunk without its text when that is the document text between its offsets.
 *
 * Rows refer to their document by `doc_no` (a number the store hands out), not by the 64-hex
 * document key: 50 MB less over the public corpus.
 *
 * Lookups and their indexes: documents by id and by place and period; indicator rows by place
 * and period, by indicator, by statement (document and start offset); task rows by document
 * and number and by lead unit; chunks by label and by document; texts by document offsets.
 */
import Database from "better-sqlite3";

/** Version of the table layout; part of the artefact schema version. */
export const STORE_SCHEMA_VERSION = 3;

/** File name of the store inside a generation folder. */
export const STORE_FILE = "store.sqlite";

/**
 * Statements creating the tables and their indexes, in order. A build that fills a store from
 * nothing creates the tables first and the indexes ({@link STORE_INDEXES}) at the end, which
 * is faster than keeping them up to date row by row.
 */
export const STORE_DDL: readonly string[] = [
  `CREATE TABLE store_meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)`,
  `CREATE TABLE documents (
    doc_no INTEGER PRIMARY KEY,
    doc_key TEXT NOT NULL UNIQUE,
    doc_id TEXT NOT NULL,
    file TEXT NOT NULL,
    corpus_order INTEGER NOT NULL,
    region TEXT NOT NULL,
    region_code TEXT NOT NULL,
    period TEXT NOT NULL,
    kind TEXT NOT NULL,
    first_label INTEGER NOT NULL,
    chunk_count INTEGER NOT NULL,
    section_count INTEGER NOT NULL,
    row_count INTEGER NOT NULL,
    canonical_row_count INTEGER NOT NULL,
    task_count INTEGER NOT NULL,
    body TEXT NOT NULL,
    body_text TEXT NOT NULL,
    raw_text TEXT,
    raw_delta TEXT,
    offsets TEXT NOT NULL
  )`,
  `CREATE INDEX IF NOT EXISTS documents_by_id ON documents (doc_id)`,
  `CREATE INDEX IF NOT EXISTS documents_by_place ON documents (region, period)`,
  `CREATE TABLE document_periods (doc_no INTEGER NOT NULL, period TEXT NOT NULL, PRIMARY KEY (doc_no, period))`,
  `CREATE INDEX IF NOT EXISTS document_periods_by_period ON document_periods (period)`,
  `CREATE TABLE sections (
    doc_no INTEGER NOT NULL,
    ord INTEGER NOT NULL,
    section_id TEXT NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (doc_no, ord)
  )`,
  `CREATE INDEX IF NOT EXISTS sections_by_id ON sections (section_id)`,
  `CREATE TABLE chunks (
    label INTEGER PRIMARY KEY,
    doc_no INTEGER NOT NULL,
    ord INTEGER NOT NULL,
    section_id TEXT NOT NULL,
    start_at INTEGER NOT NULL,
    end_at INTEGER NOT NULL,
    body TEXT NOT NULL,
    token_count INTEGER NOT NULL,
    vector_key TEXT NOT NULL
  )`,
  `CREATE INDEX IF NOT EXISTS chunks_by_document ON chunks (doc_no, ord)`,
  `CREATE TABLE indicator_rows (
    row_no INTEGER PRIMARY KEY,
    doc_no INTEGER NOT NULL,
    ord INTEGER NOT NULL,
    doc_id TEXT NOT NULL,
    region TEXT NOT NULL,
    period TEXT NOT NULL,
    indicator TEXT,
    start_at INTEGER NOT NULL,
    body TEXT NOT NULL
  )`,
  `CREATE INDEX IF NOT EXISTS indicator_rows_by_document ON indicator_rows (doc_no, ord)`,
  `CREATE INDEX IF NOT EXISTS indicator_rows_by_place ON indicator_rows (region, period)`,
  `CREATE INDEX IF NOT EXISTS indicator_rows_by_indicator ON indicator_rows (indicator)`,
  `CREATE INDEX IF NOT EXISTS indicator_rows_by_statement ON indicator_rows (doc_id, start_at)`,
  `CREATE TABLE task_rows (
    task_no INTEGER PRIMARY KEY,
    doc_no INTEGER NOT NULL,
    ord INTEGER NOT NULL,
    doc_id TEXT NOT NULL,
    task_number INTEGER NOT NULL,
    lead_unit TEXT,
    body TEXT NOT NULL
  )`,
  `CREATE INDEX IF NOT EXISTS task_rows_by_document ON task_rows (doc_no, ord)`,
  `CREATE INDEX IF NOT EXISTS task_rows_by_number ON task_rows (doc_id, task_number)`,
  `CREATE INDEX IF NOT EXISTS task_rows_by_lead ON task_rows (lead_unit)`,
  // WITHOUT ROWID keeps each term once (in the key's b-tree) instead of in the table and its
  // index: a third smaller. The only SQLite-only clause of the schema; PostgreSQL drops it.
  `CREATE TABLE bm25_terms (term TEXT PRIMARY KEY, postings BLOB NOT NULL) WITHOUT ROWID`,
  `CREATE TABLE row_terms (term TEXT PRIMARY KEY, postings BLOB NOT NULL) WITHOUT ROWID`,
];

/** Names of the settings kept in `store_meta`. */
export const STORE_META = {
  schema: "schema",
  /** sha256 of the indicator catalogue the BM25 tokens were made with (its terms are jieba's user words). */
  vocabulary: "vocabulary",
  /** Vector labels handed out so far (the HNSW index holds this many, deleted ones included). */
  labels: "labels",
  /** Labels marked deleted in the HNSW index. */
  deletedLabels: "deleted_labels",
  /** Row numbers handed out so far. */
  rowNumbers: "row_numbers",
  /** Task numbers handed out so far. */
  taskNumbers: "task_numbers",
  /** Document numbers handed out so far (`doc_no`, which the other tables refer to). */
  documentNumbers: "document_numbers",
  /** JSON list of the files the build skipped, with their reasons and keys. */
  problems: "problems",
} as const;

/** Thrown when a store cannot be opened or is not what the build wrote. */
export class StoreError extends Error {
  constructor(
    message: string,
    readonly path: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "StoreError";
  }
}

/** Opens a store read-only and checks its schema version. */
export function openStoreReadOnly(path: string): Database.Database {
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new StoreError(`cannot open the corpus store ${path}: ${(error as Error).message}`, path, {
      cause: error,
    });
  }
  const version = readMeta(db, STORE_META.schema);
  if (version !== String(STORE_SCHEMA_VERSION)) {
    db.close();
    throw new StoreError(
      `corpus store ${path} has schema ${version ?? "(none)"}, expected ${STORE_SCHEMA_VERSION}`,
      path,
    );
  }
  return db;
}

/** A setting of `store_meta`, or null. */
export function readMeta(db: Database.Database, name: string): string | null {
  try {
    const row = db.prepare("SELECT value FROM store_meta WHERE name = ?").get(name) as
      { value: string } | undefined;
    return row?.value ?? null;
  } catch {
    return null;
  }
}

/** Sets a setting of `store_meta`. */
export function writeMeta(db: Database.Database, name: string, value: string | number): void {
  db.prepare(
    "INSERT INTO store_meta (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
  ).run(name, String(value));
}

/** The index statements of {@link STORE_DDL} (each `IF NOT EXISTS`). */
export const STORE_INDEXES: readonly string[] = STORE_DDL.filter((s) => s.startsWith("CREATE INDEX"));

/** The table statements of {@link STORE_DDL}. */
export const STORE_TABLES: readonly string[] = STORE_DDL.filter((s) => !s.startsWith("CREATE INDEX"));
