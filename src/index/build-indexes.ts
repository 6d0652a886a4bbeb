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
import { PostingsAccumulator, applyPostings, rowTermKeys } from "./store-postings.js";
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

/** What {@link writeIndexes} needs. */
export interface IndexInputs {
  /** The new store (documents inserted). */
  store: Database.Database;
  /** True when the new store is a copy of the previous one (its indexes can be patched). */
  copied: boolean;
  /** The previous build's store, open read-only, or null. */
  previous: Database.Database | null;
  /** Previous documents the new build does not keep. */
  removedDocuments: readonly string[];
  bm25: { postings: PostingsAccumulator; fresh: boolean };
  /** Vector labels nobody took over (their chunks are gone). */
  removedLabels: readonly number[];
  /** The new rows' keys (for a patch), or null to write the index afresh from every row. */
  rowTerms: PostingsAccumulator | null;
  tokenizer: () => Tokenizer;
}

/** The passages of the given labels in a store. */
function passagesOf(db: Database.Database, labels: readonly number[]): string[] {
  const chunk = db.prepare(
    "SELECT c.body AS chunk, c.start_at AS s, c.end_at AS e, d.body_text AS text, d.body AS doc FROM chunks c JOIN documents d ON d.doc_key = c.doc_key WHERE c.label = ?",
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
function rowsOf(db: Database.Database, documents: readonly string[] | null): Array<[number, string[]]> {
  const select =
    documents === null
      ? db.prepare("SELECT row_no, body FROM indicator_rows")
      : db.prepare("SELECT row_no, body FROM indicator_rows WHERE doc_key = ?");
  const read = (rows: unknown[]) =>
    (rows as Array<{ row_no: number; body: string }>).map((r): [number, string[]] => [
      r.row_no,
      rowTermKeys((JSON.parse(r.body) as { clause: string }).clause),
    ]);
  return documents === null ? read(select.all()) : documents.flatMap((key) => read(select.all(key)));
}

/** Writes both indexes; returns how each was written. */
export function writeIndexes(inputs: IndexInputs): {
  bm25: "fresh" | "patched";
  rowTerms: "fresh" | "patched";
} {
  const { store, previous } = inputs;
  // BM25: a patch removes the terms of the passages whose labels went.
  const bm25Fresh = inputs.bm25.fresh || !inputs.copied;
  const removedTerms = new Set<string>();
  if (!bm25Fresh && inputs.removedLabels.length > 0 && previous) {
    const tokenizer = inputs.tokenizer();
    for (const passage of passagesOf(previous, inputs.removedLabels))
      for (const t of tokenizer.tokens(passage)) removedTerms.add(t);
  }
  applyPostings(
    store,
    "bm25_terms",
    { added: inputs.bm25.postings, removedIds: new Set(inputs.removedLabels), removedTerms },
    bm25Fresh,
  );

  // Row terms: patched when few documents changed, else written from every row of the new store.
  if (inputs.rowTerms === null || !inputs.copied || !previous) {
    const all = new PostingsAccumulator("row_terms");
    for (const [rowNo, keys] of rowsOf(store, null)) all.add(rowNo, keys);
    applyPostings(store, "row_terms", { added: all, removedIds: new Set(), removedTerms: [] }, true);
  } else {
    const removedRows = rowsOf(previous, inputs.removedDocuments);
    applyPostings(
      store,
      "row_terms",
      {
        added: inputs.rowTerms,
        removedIds: new Set(removedRows.map(([rowNo]) => rowNo)),
        removedTerms: new Set(removedRows.flatMap(([, keys]) => keys)),
      },
      false,
    );
  }
  const rowsPatched = inputs.rowTerms !== null && inputs.copied && previous !== null;
  return { bm25: bm25Fresh ? "fresh" : "patched", rowTerms: rowsPatched ? "patched" : "fresh" };
}
