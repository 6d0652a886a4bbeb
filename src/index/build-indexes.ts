/**
 * The inverted indexes of a new store, written once its documents are in: BM25 postings and
 * the row term index, each either afresh or as a patch of the previous build's copy
 * (store-postings.ts). What a patch removes is read from the previous build's store: the
 * passages of the vector labels nobody took over (tokenized again to find their terms) and the
 * clauses of the rows of documents that went.
 */
import type Database from "better-sqlite3";
import type { Chunk } from "../types.js";
import { passageText } from "./prepare-document.js";
import type { PostingsSpool } from "./postings-spool.js";
import {
  applyPostings,
  rowTermKeys,
  writeFreshPostings,
  type PostingsAccumulator,
} from "./store-postings.js";
import type { Tokenizer } from "./tokenize.js";

/** Share of changed documents above which the row term index is written afresh rather than patched. */
const FRESH_DOCUMENT_SHARE = 0.5;

/**
 * Whether the row term index is written afresh: without a previous copy, or when more than
 * half the documents are read or removed (decided before the documents step, so it collects
 * the new rows' keys only for a patch).
 */
export function rowTermsFresh(
  copied: boolean,
  counts: { kept: number; read: number; removed: number },
): boolean {
  return (
    !copied || counts.read + counts.removed > FRESH_DOCUMENT_SHARE * Math.max(1, counts.kept + counts.read)
  );
}

/** Entries of one index collected while documents were read: all of them (a spool), or a patch's (memory). */
export type CollectedPostings =
  { fresh: true; spool: PostingsSpool } | { fresh: false; postings: PostingsAccumulator };

/** What {@link writeIndexes} needs. */
export interface IndexInputs {
  /** The new store (documents inserted). */
  store: Database.Database;
  /** The previous build's store, open read-only, or null. */
  previous: Database.Database | null;
  /** Documents kept from the previous build (their rows are in the new store already). */
  keptDocuments: readonly string[];
  /** Previous documents the new build does not keep. */
  removedDocuments: readonly string[];
  /** BM25 entries: every chunk's (fresh: only without kept documents) or those of new labels. */
  bm25: CollectedPostings;
  /** Vector labels nobody took over (their chunks are gone). */
  removedLabels: readonly number[];
  /** Row term entries: every read row's (fresh) or those of a patch. */
  rowTerms: CollectedPostings;
  tokenizer: () => Tokenizer;
}

/** The passages of the given labels in a store. */
function passagesOf(db: Database.Database, labels: readonly number[]): string[] {
  const chunk = db.prepare(
    "SELECT c.body AS chunk, c.start_at AS s, c.end_at AS e, d.body_text AS text, d.body AS doc FROM chunks c JOIN documents d ON d.doc_no = c.doc_no WHERE c.label = ?",
  );
  return labels.flatMap((label) => {
    const row = chunk.get(label) as
      { chunk: string; s: number; e: number; text: string; doc: string } | undefined;
    if (!row) return [];
    const parsed = JSON.parse(row.chunk) as Omit<Chunk, "text"> & { text?: string };
    const title = (JSON.parse(row.doc) as { meta: { title: string } }).meta.title;
    return [passageText({ path: parsed.path, text: parsed.text ?? row.text.slice(row.s, row.e) }, title)];
  });
}

/** The row numbers and clause keys of the rows of the given documents. */
function rowsOf(db: Database.Database, documents: readonly string[]): Array<[number, string[]]> {
  const select = db.prepare(
    "SELECT r.row_no, r.body FROM indicator_rows r JOIN documents d ON d.doc_no = r.doc_no WHERE d.doc_key = ?",
  );
  return documents.flatMap((key) =>
    (select.all(key) as Array<{ row_no: number; body: string }>).map((r): [number, string[]] => [
      r.row_no,
      rowTermKeys((JSON.parse(r.body) as { clause: string }).clause),
    ]),
  );
}

/** Writes both indexes; returns how each was written. */
export function writeIndexes(inputs: IndexInputs): {
  bm25: "fresh" | "patched";
  rowTerms: "fresh" | "patched";
} {
  const { store, previous } = inputs;
  // BM25: afresh from the spool, or a patch that also removes the terms of the passages whose labels went.
  const bm25 = inputs.bm25;
  if (bm25.fresh) {
    if (inputs.keptDocuments.length > 0) throw new Error("a fresh BM25 index needs every chunk's terms");
    writeFreshPostings(store, "bm25_terms", (part) => bm25.spool.entries(part));
  } else {
    const removedTerms = new Set<string>();
    if (inputs.removedLabels.length > 0 && previous) {
      const tokenizer = inputs.tokenizer();
      for (const passage of passagesOf(previous, inputs.removedLabels))
        for (const t of tokenizer.tokens(passage)) removedTerms.add(t);
    }
    applyPostings(store, "bm25_terms", {
      added: bm25.postings,
      removedIds: new Set(inputs.removedLabels),
      removedTerms,
    });
  }
  // Row terms: afresh (the kept documents' rows join the spool first), or a patch.
  const rows = inputs.rowTerms;
  if (rows.fresh) {
    for (const [rowNo, keys] of rowsOf(store, inputs.keptDocuments)) rows.spool.add(rowNo, keys);
    writeFreshPostings(store, "row_terms", (part) => rows.spool.entries(part));
  } else {
    const removedRows = previous ? rowsOf(previous, inputs.removedDocuments) : [];
    applyPostings(store, "row_terms", {
      added: rows.postings,
      removedIds: new Set(removedRows.map(([rowNo]) => rowNo)),
      removedTerms: new Set(removedRows.flatMap(([, keys]) => keys)),
    });
  }
  return { bm25: bm25.fresh ? "fresh" : "patched", rowTerms: rows.fresh ? "fresh" : "patched" };
}
