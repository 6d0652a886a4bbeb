/**
 * Where a build that writes an inverted index afresh keeps the entries until every document
 * is read: a scratch SQLite file in the generation folder, one row per id and partition of the
 * terms ({@link partitionOf}), read back one partition at a time by {@link writeFreshPostings}.
 * Holding the BM25 terms of 85,000 chunks and the clause keys of 350,000 rows in memory took
 * several hundred MB; here they take a file that is deleted when the build ends.
 */
import { rmSync } from "node:fs";
import Database from "better-sqlite3";
import { partitionOf, type PostingsEntry } from "./store-postings.js";

/** Separates terms in a stored list (jieba never returns it inside a token, clauses do not hold it). */
const SEPARATOR = "\u0001";

/** Rows buffered before they are written in one transaction. */
const BATCH = 4000;

/** A scratch list of (id, terms, counts) by partition. */
export class PostingsSpool {
  private readonly db: Database.Database;
  private readonly insert: Database.Statement;
  private buffer: Array<[number, number, string, string]> = [];
  private indexed = false;

  constructor(readonly path: string) {
    rmSync(path, { force: true });
    this.db = new Database(path);
    this.db.pragma("journal_mode = OFF");
    this.db.pragma("synchronous = OFF");
    this.db.exec(
      "CREATE TABLE entries (part INTEGER NOT NULL, id INTEGER NOT NULL, terms TEXT NOT NULL, counts TEXT NOT NULL)",
    );
    this.insert = this.db.prepare("INSERT INTO entries (part, id, terms, counts) VALUES (?, ?, ?, ?)");
  }

  /** Adds an id with its terms (and their counts, for BM25). */
  add(id: number, terms: readonly string[], counts?: readonly number[]): void {
    const parts: Array<{ terms: string[]; counts: number[] }> = [];
    terms.forEach((term, i) => {
      const part = (parts[partitionOf(term)] ??= { terms: [], counts: [] });
      part.terms.push(term);
      part.counts.push(counts?.[i] ?? 1);
    });
    parts.forEach((p, part) => {
      if (p) this.buffer.push([part, id, p.terms.join(SEPARATOR), counts ? p.counts.join(",") : ""]);
    });
    if (this.buffer.length >= BATCH) this.flush();
  }

  private flush(): void {
    const rows = this.buffer;
    this.buffer = [];
    this.db.transaction(() => {
      for (const row of rows) this.insert.run(...row);
    })();
  }

  /** The entries of one partition, each id once per partition, in the order added. */
  *entries(part: number): IterableIterator<PostingsEntry> {
    this.flush();
    if (!this.indexed) {
      this.db.exec("CREATE INDEX entries_by_part ON entries (part)");
      this.indexed = true;
    }
    for (const row of this.db.prepare("SELECT id, terms, counts FROM entries WHERE part = ?").iterate(part)) {
      const { id, terms, counts } = row as { id: number; terms: string; counts: string };
      yield [id, terms.split(SEPARATOR), counts === "" ? null : counts.split(",").map(Number)];
    }
  }

  /** Closes and deletes the file. */
  dispose(): void {
    if (this.db.open) this.db.close();
    rmSync(this.path, { force: true });
  }
}
