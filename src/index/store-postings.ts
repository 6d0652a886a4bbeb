/**
 * The inverted indexes of the store, built and patched by the build: `bm25_terms` (a BM25 term
 * → the chunk labels holding it, with its frequency in each) and `row_terms` (a character or
 * character pair → the numbers of the indicator rows whose clause holds it, the row term index
 * of src/retrieve/row-term-index.ts). One blob per term (postings-codec.ts).
 *
 * A build either writes an index afresh from every entry ({@link writeFreshPostings}, in
 * partitions of the terms so memory stays bounded), or patches the previous build's copy
 * ({@link applyPostings}): each term of an added or removed entry is read, its removed ids
 * dropped, its added ones merged, and written back. Adding a document touches only its own
 * terms, so its cost does not grow with the corpus.
 */
import type Database from "better-sqlite3";
import { decodePostings, encodePostings } from "./postings-codec.js";

/** The two indexes; BM25 keeps frequencies, the row term index does not. */
export type PostingsTable = "bm25_terms" | "row_terms";

const WITH_COUNTS: Record<PostingsTable, boolean> = { bm25_terms: true, row_terms: false };

/** Entries collected by a build: term → ids and counts, in the order added. */
export class PostingsAccumulator {
  private readonly terms = new Map<string, number[]>();
  private entries = 0;

  constructor(readonly table: PostingsTable) {}

  /** Adds an id with its terms (and their counts, for BM25). */
  add(id: number, terms: readonly string[], counts?: readonly number[]): void {
    const withCounts = WITH_COUNTS[this.table];
    terms.forEach((term, i) => {
      let list = this.terms.get(term);
      if (!list) this.terms.set(term, (list = []));
      list.push(id);
      if (withCounts) list.push(counts?.[i] ?? 1);
    });
    this.entries += terms.length;
  }

  get size(): number {
    return this.entries;
  }

  termList(): string[] {
    return [...this.terms.keys()];
  }

  /** The entries of a term as ids and counts (unsorted). */
  entriesOf(term: string): number[] {
    return this.terms.get(term) ?? [];
  }
}

/**
 * Merges old entries (ascending; minus the removed ids) and new ones (`added`: flat id[, count]
 * pairs in any order) of one term into ascending ids, in one pass over the old list: a common
 * term's list holds tens of thousands of entries, and an add touches thousands of terms. An id
 * both old and new keeps its old count.
 */
function merge(
  old: { ids: Int32Array; counts: Int32Array | null } | null,
  added: readonly number[],
  removed: ReadonlySet<number>,
  withCounts: boolean,
): { ids: Int32Array; counts: Int32Array | null } {
  const step = withCounts ? 2 : 1;
  const fresh: Array<[number, number]> = [];
  for (let i = 0; i < added.length; i += step) fresh.push([added[i]!, withCounts ? added[i + 1]! : 1]);
  fresh.sort((a, b) => a[0] - b[0]);
  const oldIds = old?.ids ?? new Int32Array(0);
  const oldCounts = old?.counts ?? null;
  const ids = new Int32Array(oldIds.length + fresh.length);
  const counts = withCounts ? new Int32Array(ids.length) : null;
  let n = 0;
  let f = 0;
  const push = (id: number, count: number) => {
    if (n > 0 && ids[n - 1] === id) return;
    ids[n] = id;
    if (counts) counts[n] = count;
    n++;
  };
  for (let i = 0; i < oldIds.length; i++) {
    const id = oldIds[i]!;
    while (f < fresh.length && fresh[f]![0] < id) push(fresh[f]![0], fresh[f++]![1]);
    if (!removed.has(id)) push(id, oldCounts?.[i] ?? 1);
  }
  while (f < fresh.length) push(fresh[f]![0], fresh[f++]![1]);
  return { ids: ids.subarray(0, n), counts: counts?.subarray(0, n) ?? null };
}

/** What to change in an index: ids to drop (with the terms they were indexed under) and entries to add. */
export interface PostingsPatch {
  added: PostingsAccumulator;
  removedIds: ReadonlySet<number>;
  /** Every term a removed id may be listed under. */
  removedTerms: Iterable<string>;
}

function statements(db: Database.Database, table: PostingsTable) {
  return {
    read: db.prepare(`SELECT postings FROM ${table} WHERE term = ?`).pluck(),
    write: db.prepare(
      `INSERT INTO ${table} (term, postings) VALUES (?, ?) ON CONFLICT (term) DO UPDATE SET postings = excluded.postings`,
    ),
    remove: db.prepare(`DELETE FROM ${table} WHERE term = ?`),
  };
}

/**
 * Patches an index: every term of an added or removed entry is read, its removed ids dropped,
 * its added entries merged, and written back (or deleted when nothing is left). Returns the
 * number of terms written.
 */
export function applyPostings(db: Database.Database, table: PostingsTable, patch: PostingsPatch): number {
  const withCounts = WITH_COUNTS[table];
  const { read, write, remove } = statements(db, table);
  const touched = new Set(patch.added.termList());
  for (const term of patch.removedTerms) touched.add(term);
  let written = 0;
  db.transaction(() => {
    for (const term of touched) {
      const blob = read.get(term) as Buffer | undefined;
      const old = blob ? decodePostings(blob, withCounts) : null;
      const merged = merge(old, patch.added.entriesOf(term), patch.removedIds, withCounts);
      if (merged.ids.length === 0) {
        if (old) remove.run(term);
        continue;
      }
      write.run(term, Buffer.from(encodePostings(merged.ids, merged.counts)));
      written++;
    }
  })();
  return written;
}

/** One id's entries: its terms and, for BM25, how often each occurs. */
export type PostingsEntry = readonly [id: number, terms: readonly string[], counts: readonly number[] | null];

/** A fresh index is written in this many passes over its entries, each holding one part of the terms. */
export const FRESH_PARTITIONS = 6;

/** The partition of a term in a fresh write. */
export function partitionOf(term: string): number {
  return (term.charCodeAt(0) * 31 + (term.charCodeAt(1) || 0)) % FRESH_PARTITIONS;
}

/**
 * Writes an index afresh from every entry. `entries(part)` is asked once per partition of the
 * terms ({@link FRESH_PARTITIONS}) and yields at least the entries with terms of that partition
 * (postings-spool.ts yields exactly those), so memory holds one part of the postings at a time.
 * Returns the number of terms written.
 */
export function writeFreshPostings(
  db: Database.Database,
  table: PostingsTable,
  entries: (part: number) => Iterable<PostingsEntry>,
): number {
  const withCounts = WITH_COUNTS[table];
  const { write } = statements(db, table);
  db.exec(`DELETE FROM ${table}`);
  let written = 0;
  for (let part = 0; part < FRESH_PARTITIONS; part++) {
    const accumulator = new PostingsAccumulator(table);
    for (const [id, terms, counts] of entries(part)) {
      const keep: string[] = [];
      const kept: number[] = [];
      terms.forEach((t, i) => {
        if (partitionOf(t) !== part) return;
        keep.push(t);
        kept.push(counts?.[i] ?? 1);
      });
      if (keep.length > 0) accumulator.add(id, keep, kept);
    }
    db.transaction(() => {
      for (const term of accumulator.termList()) {
        const merged = merge(null, accumulator.entriesOf(term), new Set(), withCounts);
        write.run(term, Buffer.from(encodePostings(merged.ids, merged.counts)));
        written++;
      }
    })();
  }
  return written;
}

/** The keys of the row term index for a clause: its characters and character pairs, each once. */
export function rowTermKeys(clause: string): string[] {
  const chars = Array.from(clause);
  const keys = new Set<string>();
  for (let i = 0; i < chars.length; i++) {
    keys.add(chars[i]!);
    if (i + 1 < chars.length) keys.add(chars[i]! + chars[i + 1]!);
  }
  return [...keys];
}
