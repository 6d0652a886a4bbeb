/**
 * A content-addressed store of embeddings: one vector per key, the key being the sha256 of
 * everything a vector depends on — the text exactly as embedded, the instruction put in front
 * of it (none for passages, bge's retrieval instruction for queries) and the model's checksum
 * ({@link vectorKey}). A change to extraction or chunking that leaves a passage's text as it
 * was finds its vector here; a changed passage gets a new key and is embedded again.
 *
 * Storage: one SQLite file (`vectors.sqlite` in the cache folder) through better-sqlite3, in
 * WAL mode with a busy timeout, so several processes (builds of several artefact folders,
 * several engineers' builds on one machine) read and write it at once: a writer's transaction
 * is atomic and readers never see half a row. Measured on the 2-core machine against one file
 * per vector (20,000 vectors of 2 KB): SQLite inserts ≈ 50 µs a vector in transactions of 64
 * and reads ≈ 10–15 µs a vector, 2.1 KB on disk each; files write ≈ 110 µs and read ≈ 40 µs
 * but take a 4 KB block each (340 MB at 85k chunks), need a directory scan of 85k names to
 * prune, and would need their own checksum to tell a torn file. An append-only pack would need
 * its own locking and compaction. SQLite gives the locking, atomicity and deletion for free.
 * With 16 KB pages a vector takes 2.3 KB on disk (at the default 4 KB page, one row per page:
 * 4.1 KB).
 *
 * A row whose vector has the wrong length for the model is treated as absent (and replaced
 * when the vector is computed again); nothing read from the store is trusted blindly.
 */
import { createHash } from "node:crypto";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";

/** File name of the store inside the cache folder. */
export const VECTOR_CACHE_FILE = "vectors.sqlite";

/** Version of the table layout; a store of another version is emptied and re-created. */
const CACHE_SCHEMA_VERSION = 1;

/** How long a process waits for another one's write transaction before failing (ms). */
const BUSY_TIMEOUT_MS = 60_000;

/** Page size of a new cache file (see the constructor). */
const PAGE_SIZE = 16384;

/** SQLite binds at most this many parameters in one statement (conservative for old builds). */
const KEYS_PER_QUERY = 500;

/**
 * The key of a vector: sha256 over the instruction, the model checksum and the text, each
 * separated by NUL. 32 bytes; shown as hex where a string is needed.
 */
export function vectorKey(text: string, instruction: string, modelChecksum: string): Buffer {
  return createHash("sha256").update(`vector 1\0${instruction}\0${modelChecksum}\0`).update(text).digest();
}

/** Options of {@link openVectorCache}. */
export interface VectorCacheOptions {
  /** Length of every vector (512 for bge-small-zh-v1.5); rows of another length count as absent. */
  dimension: number;
}

/** An open vector store. Close it when done ({@link VectorCache.close}). */
export class VectorCache {
  private readonly db: Database.Database;
  private readonly insert: Database.Statement<[Buffer, Buffer]>;
  private readonly selectMany: Map<number, Database.Statement<Buffer[], { k: Buffer; v: Buffer }>> =
    new Map();
  private readonly bytes: number;

  /** Use {@link openVectorCache}. */
  constructor(
    /** The SQLite file. */
    readonly path: string,
    readonly dimension: number,
  ) {
    this.bytes = dimension * 4;
    this.db = new Database(path, { timeout: BUSY_TIMEOUT_MS });
    // A vector row (2 KB) takes a 4 KB page of its own at SQLite's default page size; 16 KB
    // pages hold seven. Only a new, empty file takes the setting.
    this.db.pragma(`page_size = ${PAGE_SIZE}`);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = NORMAL");
    this.db.exec(
      "CREATE TABLE IF NOT EXISTS cache_meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);" +
        "CREATE TABLE IF NOT EXISTS vectors (k BLOB PRIMARY KEY, v BLOB NOT NULL)",
    );
    const version = this.db.prepare("SELECT value FROM cache_meta WHERE name = 'schema'").get() as
      { value: string } | undefined;
    if (version === undefined) {
      this.db
        .prepare("INSERT OR IGNORE INTO cache_meta (name, value) VALUES ('schema', ?)")
        .run(String(CACHE_SCHEMA_VERSION));
    } else if (version.value !== String(CACHE_SCHEMA_VERSION)) {
      this.db.transaction(() => {
        this.db.exec("DELETE FROM vectors");
        this.db
          .prepare("UPDATE cache_meta SET value = ? WHERE name = 'schema'")
          .run(String(CACHE_SCHEMA_VERSION));
      })();
    }
    this.insert = this.db.prepare("INSERT OR REPLACE INTO vectors (k, v) VALUES (?, ?)");
  }

  private select(n: number): Database.Statement<Buffer[], { k: Buffer; v: Buffer }> {
    let statement = this.selectMany.get(n);
    if (!statement) {
      statement = this.db.prepare(`SELECT k, v FROM vectors WHERE k IN (${Array(n).fill("?").join(",")})`);
      this.selectMany.set(n, statement);
    }
    return statement;
  }

  /** The stored vectors of the keys found, by hex key (keys absent or of the wrong length are left out). */
  getMany(keys: readonly Buffer[]): Map<string, Float32Array> {
    const found = new Map<string, Float32Array>();
    const unique = [...new Map(keys.map((k) => [k.toString("hex"), k])).values()];
    this.db.transaction(() => {
      for (let i = 0; i < unique.length; i += KEYS_PER_QUERY) {
        const part = unique.slice(i, i + KEYS_PER_QUERY);
        for (const row of this.select(part.length).all(...part)) {
          if (row.v.byteLength !== this.bytes) continue;
          const copy = new Float32Array(this.dimension);
          new Uint8Array(copy.buffer).set(row.v);
          found.set(row.k.toString("hex"), copy);
        }
      }
    })();
    return found;
  }

  /** Stores vectors in one transaction (all or none). */
  putMany(entries: readonly { key: Buffer; vector: ArrayLike<number> }[]): void {
    if (entries.length === 0) return;
    const rows = entries.map(({ key, vector }) => {
      if (vector.length !== this.dimension)
        throw new RangeError(`vector of ${vector.length} dimensions, the cache holds ${this.dimension}`);
      return [key, Buffer.from(Float32Array.from(vector).buffer)] as const;
    });
    this.db.transaction(() => {
      for (const [key, bytes] of rows) this.insert.run(key, bytes);
    })();
  }

  /** Number of vectors stored. */
  size(): number {
    return (this.db.prepare("SELECT count(*) AS n FROM vectors").get() as { n: number }).n;
  }

  /**
   * Deletes every vector whose key is not in `keep` (hex keys); returns how many went. Only for
   * a cache that one artefact folder owns: a shared cache holds other builds' vectors.
   */
  retainOnly(keep: ReadonlySet<string>): number {
    const all = this.db.prepare("SELECT k FROM vectors").pluck().all() as Buffer[];
    const gone = all.filter((k) => !keep.has(k.toString("hex")));
    const remove = this.db.prepare("DELETE FROM vectors WHERE k = ?");
    this.db.transaction(() => {
      for (const k of gone) remove.run(k);
    })();
    if (gone.length > 0) this.db.pragma("wal_checkpoint(TRUNCATE)");
    return gone.length;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

/** Opens (creating when needed) the store in `dir`. */
export function openVectorCache(dir: string, options: VectorCacheOptions): VectorCache {
  mkdirSync(dir, { recursive: true });
  return new VectorCache(join(dir, VECTOR_CACHE_FILE), options.dimension);
}
