/**
 * Reads a build's corpus store (store-schema.ts). Two kinds of use:
 * - whole tables in corpus order ({@link CorpusStore.documents}, `sections`, `chunks`, `rows`,
 *   `tasks`), which `loadArtefacts` holds in memory for the answering layer today;
 * - lookups that read only what a question needs (store-lookups.ts), for the answering layer
 *   once it reads through its `CorpusReader` (issue 19, phase 2).
 * Objects come back exactly as the build stored them (the JSON `body` of each, texts restored).
 */
import type Database from "better-sqlite3";
import type { Chunk, CorpusDocument, DocumentMeta, IndicatorRow, Section, TaskRow } from "../types.js";
import type { SkippedFile } from "./previous-build.js";
import { applyRawDelta, type RawDelta } from "./raw-delta.js";
import { STORE_META, openStoreReadOnly, readMeta } from "./store-schema.js";

interface DocumentRecord {
  doc_key: string;
  body: string;
  body_text: string;
  raw_text: string | null;
  raw_delta: string | null;
  offsets: string;
}

/** The columns of a {@link DocumentRecord}. */
export const DOCUMENT_COLUMNS = "doc_key, body, body_text, raw_text, raw_delta, offsets";

/** A document as stored: its body (without texts) with the texts and offsets put back. */
export function documentFrom(record: DocumentRecord): CorpusDocument {
  const body = JSON.parse(record.body) as Omit<CorpusDocument, "raw" | "text" | "offsets">;
  return {
    ...body,
    raw:
      record.raw_text ??
      (record.raw_delta
        ? applyRawDelta(record.body_text, JSON.parse(record.raw_delta) as RawDelta)
        : record.body_text),
    text: record.body_text,
    offsets: JSON.parse(record.offsets) as CorpusDocument["offsets"],
  };
}

/** A chunk as stored: its body, with its text cut from the document text when it was left out. */
export function chunkFrom(body: string, documentText: string): Chunk {
  const chunk = JSON.parse(body) as Omit<Chunk, "text"> & { text?: string };
  return { ...chunk, text: chunk.text ?? documentText.slice(chunk.start, chunk.end) };
}

/** An open store (read-only). */
export class CorpusStore {
  /** Use {@link openCorpusStore}. */
  constructor(
    readonly db: Database.Database,
    readonly path: string,
  ) {}

  close(): void {
    if (this.db.open) this.db.close();
  }

  /** Vector labels handed out by the builds so far (labels are below this). */
  labelsHandedOut(): number {
    return Number(readMeta(this.db, STORE_META.labels) ?? 0);
  }

  /** Labels marked deleted in the build's vector index. */
  deletedLabels(): number {
    return Number(readMeta(this.db, STORE_META.deletedLabels) ?? 0);
  }

  /** The files the build skipped, with the reasons. */
  problems(): SkippedFile[] {
    return JSON.parse(readMeta(this.db, STORE_META.problems) ?? "[]") as SkippedFile[];
  }

  /** Every document with its texts, in corpus order. */
  documents(): CorpusDocument[] {
    const records = this.db
      .prepare(`SELECT ${DOCUMENT_COLUMNS} FROM documents ORDER BY corpus_order`)
      .all() as DocumentRecord[];
    return records.map(documentFrom);
  }

  /** Every document's metadata, in corpus order (no texts read). */
  metas(): DocumentMeta[] {
    return (
      this.db.prepare("SELECT body FROM documents ORDER BY corpus_order").pluck().all() as string[]
    ).map((body) => (JSON.parse(body) as { meta: DocumentMeta }).meta);
  }

  private bodies<T>(table: string): T[] {
    return (
      this.db
        .prepare(
          `SELECT t.body FROM ${table} t JOIN documents d ON d.doc_no = t.doc_no ORDER BY d.corpus_order, t.ord`,
        )
        .pluck()
        .all() as string[]
    ).map((body) => JSON.parse(body) as T);
  }

  /** Every section, in corpus order. */
  sections(): Section[] {
    return this.bodies<Section>("sections");
  }

  /** Every indicator row, in corpus order (documents in order, each document's rows as extracted). */
  rows(): IndicatorRow[] {
    return this.bodies<IndicatorRow>("indicator_rows");
  }

  /** Every task row, in corpus order. */
  tasks(): TaskRow[] {
    return this.bodies<TaskRow>("task_rows");
  }

  /**
   * Every chunk in corpus order with its vector label and BM25 length; texts are cut from the
   * documents given (by id), as loaded by {@link documents}.
   */
  chunks(texts: ReadonlyMap<string, string>): { chunks: Chunk[]; labels: Int32Array; lengths: number[] } {
    const records = this.db
      .prepare(
        "SELECT c.label, c.body, c.token_count, d.doc_id FROM chunks c JOIN documents d ON d.doc_no = c.doc_no ORDER BY d.corpus_order, c.ord",
      )
      .all() as Array<{ label: number; body: string; token_count: number; doc_id: string }>;
    const labels = new Int32Array(records.length);
    const lengths: number[] = [];
    const chunks = records.map((r, i) => {
      labels[i] = r.label;
      lengths.push(r.token_count);
      return chunkFrom(r.body, texts.get(r.doc_id) ?? "");
    });
    return { chunks, labels, lengths };
  }

  /**
   * The search's view of the chunks without their bodies, in corpus order: each position's
   * vector label, BM25 token count and document id (one string per document, shared).
   */
  chunkPositions(): { labels: Int32Array; lengths: number[]; docIds: string[] } {
    const docs = this.db.prepare("SELECT doc_no, doc_id, corpus_order FROM documents").raw().all() as Array<
      [number, string, number]
    >;
    const idOf = new Map(docs.map(([no, id]) => [no, id]));
    const orderOf = new Map(docs.map(([no, , order]) => [no, order]));
    // A plain scan sorted here: 3–4× faster than SQLite ordering through the documents' index.
    const records = (
      this.db.prepare("SELECT label, token_count, doc_no, ord FROM chunks").raw().all() as Array<
        [number, number, number, number]
      >
    )
      .filter((r) => orderOf.has(r[2]))
      .sort((x, y) => orderOf.get(x[2])! - orderOf.get(y[2])! || x[3] - y[3]);
    const labels = new Int32Array(records.length);
    const lengths: number[] = new Array<number>(records.length);
    const docIds: string[] = new Array<string>(records.length);
    records.forEach(([label, tokens, docNo], i) => {
      labels[i] = label;
      lengths[i] = tokens;
      docIds[i] = idOf.get(docNo) ?? "";
    });
    return { labels, lengths, docIds };
  }

  /** The canonical indicators the rows name, in order of first mention (corpus order). */
  heldIndicators(): string[] {
    const held = new Set<string>();
    const rows = this.db
      .prepare(
        "SELECT r.indicator FROM indicator_rows r JOIN documents d ON d.doc_no = r.doc_no WHERE r.indicator IS NOT NULL ORDER BY d.corpus_order, r.ord",
      )
      .pluck()
      .iterate() as IterableIterator<string>;
    for (const indicator of rows) held.add(indicator);
    return [...held];
  }

  /** The stored posting list of a BM25 term (labels, frequencies), or null. */
  bm25Blob(term: string): Buffer | null {
    this.bm25Statement ??= this.db.prepare("SELECT postings FROM bm25_terms WHERE term = ?").pluck();
    return (this.bm25Statement.get(term) as Buffer | undefined) ?? null;
  }

  /** The prepared statement of {@link bm25Blob} (prepared once: a question reads dozens of terms). */
  private bm25Statement: Database.Statement | null = null;

  /** Number of BM25 terms. */
  bm25TermCount(): number {
    return this.db.prepare("SELECT count(*) FROM bm25_terms").pluck().get() as number;
  }

  /** Every BM25 term with its blob (for a full scan; rarely needed). */
  *bm25Terms(): IterableIterator<[string, Buffer]> {
    for (const row of this.db.prepare("SELECT term, postings FROM bm25_terms").iterate())
      yield [(row as { term: string }).term, (row as { postings: Buffer }).postings];
  }
}

/** Opens a store read-only; throws StoreError when it is missing or of another schema. */
export function openCorpusStore(path: string): CorpusStore {
  return new CorpusStore(openStoreReadOnly(path), path);
}
