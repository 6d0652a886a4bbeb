/**
 * Per-document build results ("segments"), so a build re-processes only new or changed
 * documents and the answering layer loads a build from the segments it lists. A segment holds
 * everything the build derives from one file — the document (normalised text, offsets,
 * metadata), its sections, indicator rows, task rows, chunks, passages and their BM25 tokens —
 * and beside it the chunks' embeddings. It is keyed by the file's sha256, the pipeline version
 * (source hash of the ingest, sections and indicators stages), the indicator catalogue, the
 * file's metadata override and the embedding model. A change of any of these gives another
 * key, so the segment is rebuilt automatically.
 *
 * Files: `<artefact dir>/doc-cache/<key>.json` (the segment) and `<key>.f32` (its vectors,
 * Float32 little-endian, chunk after chunk), both written atomically and never changed after:
 * the same key always names the same content, so builds share segments. A build keeps the
 * segments of its own and the previous build and deletes the rest ({@link DocumentCache.prune}).
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Chunk, CorpusDocument, IndicatorRow, Section, TaskRow } from "../types.js";
import { ArtefactError, writeFileAtomic } from "./artefact-store.js";

/** Folder of the cache inside the artefact folder. */
export const DOCUMENT_CACHE_DIR = "doc-cache";

/** Bump when the shape of a segment changes. */
const ENTRY_VERSION = 3;

/** Everything the build derives from one document except its vectors. */
export interface DocumentSegment {
  document: CorpusDocument;
  sections: Section[];
  rows: IndicatorRow[];
  tasks: TaskRow[];
  chunks: Chunk[];
  /** The text each chunk was embedded as (title, heading path, chunk). */
  passages: string[];
  /** The BM25 tokens of each passage (the vocabulary is part of the key). */
  tokens: string[][];
}

/** A segment with its vectors: one unit vector per chunk, in chunk order. */
export interface DocumentParts extends DocumentSegment {
  vectors: number[][];
}

interface StoredEntry extends DocumentSegment {
  version: number;
  key: string;
  dimension: number;
  /** sha256 (hex) of the `.f32` vectors file. */
  vectorsSha256: string;
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

/** The segment file of a key, relative to the artefact folder (as listed in the manifest). */
export function segmentFile(key: string): string {
  return `${DOCUMENT_CACHE_DIR}/${key}.json`;
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

function encodeVectors(vectors: readonly number[][], dimension: number): Uint8Array {
  const flat = new Float32Array(vectors.length * dimension);
  vectors.forEach((v, i) => flat.set(v, i * dimension));
  return new Uint8Array(flat.buffer);
}

/** The per-document cache of one artefact folder. */
export class DocumentCache {
  private readonly dir: string;

  constructor(readonly artefactDir: string) {
    this.dir = join(artefactDir, DOCUMENT_CACHE_DIR);
  }

  private path(key: string, ext: "json" | "f32"): string {
    return join(this.dir, `${key}.${ext}`);
  }

  /** True when both files of the key's segment exist. */
  has(key: string): boolean {
    return existsSync(this.path(key, "json")) && existsSync(this.path(key, "f32"));
  }

  /** The stored entry of a key, checked; throws {@link ArtefactError} `missing` or `corrupt`. */
  private readEntry(key: string, dimension: number): StoredEntry {
    const path = this.path(key, "json");
    let entry: StoredEntry;
    try {
      entry = JSON.parse(readFileSync(path, "utf8")) as StoredEntry;
    } catch (error) {
      const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
      throw new ArtefactError(
        `${missing ? "missing" : "unreadable"} segment ${path}; run \`npm run build-index\``,
        missing ? "missing" : "corrupt",
        this.dir,
        { cause: error },
      );
    }
    const vectorsPath = this.path(key, "f32");
    const vectorBytes = existsSync(vectorsPath) ? statSync(vectorsPath).size : -1;
    if (
      entry.version !== ENTRY_VERSION ||
      entry.key !== key ||
      entry.dimension !== dimension ||
      !Array.isArray(entry.chunks) ||
      vectorBytes !== entry.chunks.length * dimension * 4
    ) {
      throw new ArtefactError(
        `segment ${path} does not match its key, version or vectors; run \`npm run build-index\``,
        "corrupt",
        this.dir,
      );
    }
    return entry;
  }

  /**
   * The segment of a key, checked (version, key, dimension, one vector per chunk by the
   * vectors file's size). Throws {@link ArtefactError} `missing` or `corrupt`.
   */
  readSegment(key: string, dimension: number): DocumentSegment {
    const { document, sections, rows, tasks, chunks, passages, tokens } = this.readEntry(key, dimension);
    return { document, sections, rows, tasks, chunks, passages, tokens };
  }

  /** The segment with its vectors, or null when absent or damaged (then it is rebuilt). */
  get(key: string, dimension: number): DocumentParts | null {
    if (!this.has(key)) return null;
    try {
      const entry = this.readEntry(key, dimension);
      const vectors = this.vectorsOf(key, dimension, entry.vectorsSha256);
      if (!vectors) return null;
      const { document, sections, rows, tasks, chunks, passages, tokens } = entry;
      return { document, sections, rows, tasks, chunks, passages, tokens, vectors };
    } catch {
      return null; // A damaged entry is recomputed, never trusted.
    }
  }

  /** The vectors of a key's segment, or null when a file is absent, damaged or fails its checksum. */
  readVectors(key: string, dimension: number): number[][] | null {
    try {
      return this.vectorsOf(key, dimension, this.readEntry(key, dimension).vectorsSha256);
    } catch {
      return null;
    }
  }

  private vectorsOf(key: string, dimension: number, expectedSha256: string): number[][] | null {
    let bytes: Buffer;
    try {
      bytes = readFileSync(this.path(key, "f32"));
    } catch {
      return null;
    }
    if (bytes.byteLength % (dimension * 4) !== 0 || sha256(bytes) !== expectedSha256) return null;
    const flat = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
    const out: number[][] = [];
    for (let i = 0; i < flat.length; i += dimension) out.push(Array.from(flat.subarray(i, i + dimension)));
    return out;
  }

  /** Stores a segment and its vectors atomically (vectors first, so the segment never points at none). */
  put(key: string, parts: DocumentParts, dimension: number): void {
    const vectors = encodeVectors(parts.vectors, dimension);
    writeFileAtomic(this.path(key, "f32"), vectors);
    const { document, sections, rows, tasks, chunks, passages, tokens } = parts;
    const entry: StoredEntry = {
      version: ENTRY_VERSION,
      key,
      dimension,
      vectorsSha256: sha256(vectors),
      document,
      sections,
      rows,
      tasks,
      chunks,
      passages,
      tokens,
    };
    writeFileAtomic(this.path(key, "json"), JSON.stringify(entry));
  }

  /** Deletes every segment whose key is not in `keep`; returns how many were deleted. */
  prune(keep: ReadonlySet<string>): number {
    if (!existsSync(this.dir)) return 0;
    let removed = 0;
    for (const name of readdirSync(this.dir)) {
      const key = name.replace(/\.(json|f32)$/u, "");
      if (key !== name && !keep.has(key)) {
        rmSync(join(this.dir, name), { force: true });
        if (name.endsWith(".json")) removed++;
      }
    }
    return removed;
  }
}
