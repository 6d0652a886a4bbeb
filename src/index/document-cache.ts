/**
 * Per-document build results, so a build re-processes only new or changed documents. An entry
 * holds everything the build derives from one file — the document (normalised text, offsets,
 * metadata), its sections, indicator rows, task rows, chunks and the chunks' embeddings — and
 * is keyed by the file's sha256, the pipeline version (source hash of the ingest, sections and
 * indicators stages), the alias vocabulary, the file's metadata override and the embedding
 * model. A change of any of these gives another key, so the entry is rebuilt automatically.
 *
 * Entries live in `<artefact dir>/doc-cache/<key>.json`, written atomically; entries no build
 * used are deleted at the end of the build, so removed documents leave nothing behind.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { Chunk, CorpusDocument, IndicatorRow, Section, TaskRow } from "../types.js";
import { writeFileAtomic } from "./artefact-store.js";

/** Folder of the cache inside the artefact folder. */
export const DOCUMENT_CACHE_DIR = "doc-cache";

/** Bump when the shape of an entry changes. */
const ENTRY_VERSION = 2;

/** Everything the build derives from one document. */
export interface DocumentParts {
  document: CorpusDocument;
  sections: Section[];
  rows: IndicatorRow[];
  tasks: TaskRow[];
  chunks: Chunk[];
  /** The text each chunk was embedded as (title, heading path, chunk). */
  passages: string[];
  /** The BM25 tokens of each passage (the vocabulary is part of the key). */
  tokens: string[][];
  /** One unit vector per chunk, in chunk order. */
  vectors: number[][];
}

interface StoredEntry extends Omit<DocumentParts, "vectors"> {
  version: number;
  key: string;
  /** Float32 little-endian vectors, base64. */
  vectors: string;
  dimension: number;
}

/** What a document's cache key is made of. */
export interface DocumentKeyInput {
  sha256: string;
  pipeline: string;
  vocabulary: string;
  /** JSON of the file's metadata override, or "" without one. */
  override: string;
  modelId: string;
  /** The file name: the document id and citations derive from it. */
  file: string;
}

/** The cache key of a document (hex sha256 of its inputs). */
export function documentKey(input: DocumentKeyInput): string {
  return createHash("sha256")
    .update(
      [
        ENTRY_VERSION,
        input.file,
        input.sha256,
        input.pipeline,
        input.vocabulary,
        input.override,
        input.modelId,
      ].join("\0"),
    )
    .digest("hex");
}

function encodeVectors(vectors: number[][], dimension: number): string {
  const flat = new Float32Array(vectors.length * dimension);
  vectors.forEach((v, i) => flat.set(v, i * dimension));
  return Buffer.from(flat.buffer).toString("base64");
}

function decodeVectors(base64: string, dimension: number): number[][] {
  const bytes = Buffer.from(base64, "base64");
  const flat = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  const out: number[][] = [];
  for (let i = 0; i < flat.length; i += dimension) out.push(Array.from(flat.subarray(i, i + dimension)));
  return out;
}

/** The per-document cache of one artefact folder. */
export class DocumentCache {
  private readonly dir: string;
  private readonly used = new Set<string>();

  constructor(artefactDir: string) {
    this.dir = join(artefactDir, DOCUMENT_CACHE_DIR);
  }

  /** The entry for a key, or null when absent or unreadable (then it is rebuilt). */
  get(key: string, dimension: number): DocumentParts | null {
    const path = join(this.dir, `${key}.json`);
    if (!existsSync(path)) return null;
    try {
      const entry = JSON.parse(readFileSync(path, "utf8")) as StoredEntry;
      if (entry.version !== ENTRY_VERSION || entry.key !== key || entry.dimension !== dimension) return null;
      const vectors = decodeVectors(entry.vectors, dimension);
      if (vectors.length !== entry.chunks.length) return null;
      this.used.add(key);
      const { document, sections, rows, tasks, chunks, passages, tokens } = entry;
      return { document, sections, rows, tasks, chunks, passages, tokens, vectors };
    } catch {
      return null; // A damaged entry is recomputed, never trusted.
    }
  }

  /** Stores an entry atomically. */
  put(key: string, parts: DocumentParts, dimension: number): void {
    const entry: StoredEntry = {
      ...parts,
      version: ENTRY_VERSION,
      key,
      dimension,
      vectors: encodeVectors(parts.vectors, dimension),
    };
    writeFileAtomic(join(this.dir, `${key}.json`), JSON.stringify(entry));
    this.used.add(key);
  }

  /** Deletes every entry this build did not read or write (removed or changed documents). */
  prune(): number {
    if (!existsSync(this.dir)) return 0;
    let removed = 0;
    for (const name of readdirSync(this.dir)) {
      if (name.endsWith(".json") && !this.used.has(name.slice(0, -5))) {
        rmSync(join(this.dir, name), { force: true });
        removed++;
      }
    }
    return removed;
  }
}
