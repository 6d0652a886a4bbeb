/**
 * Loads the artefacts the answering layer needs, after checking the manifest against the
 * current corpus, model and schema (and every listed file against its checksum, remembered by
 * size and mtime). {@link openArtefacts} is the product's path (issue 19): the corpus store
 * open for lookups on demand, the vector index with the label map, the BM25 index over the
 * stored postings (read per term on demand) and per chunk only its label, token count and
 * document. {@link loadArtefacts} also reads every table whole (tests, tools, small corpora).
 * Stale or damaged artefacts raise {@link ArtefactError} whose message says what to run.
 * Loading happens at start and when a new build is swapped in, never per question. The store
 * stays open; {@link OpenArtefacts.close} releases it when the artefacts are no longer used.
 */
import { join } from "node:path";
import type { IndicatorRow, TaskRow } from "../types.js";
import {
  ArtefactError,
  MANIFEST_FILE,
  assertArtefacts,
  readJson,
  type ArtefactManifest,
} from "./artefact-store.js";
import { ARTEFACT_FILES, SCHEMA_VERSION, type CorpusArtefact } from "./artefact-layout.js";
import { cachedCorpusHash } from "./corpus-hash.js";
import type { Bm25Index } from "./bm25.js";
import { StoreError } from "./store-schema.js";
import { openCorpusStore, type CorpusStore } from "./store-reader.js";
import { storedBm25 } from "./stored-bm25.js";
import {
  loadVectorIndex,
  loadVectorIndexInBackground,
  vectorCount,
  withPositions,
  type VectorIndex,
} from "./vector-index.js";

/**
 * Where each chunk sits: searches rank chunks by their *position* (corpus order, as the build
 * wrote them), the vector index and the stored postings hold *labels*. Positions are what the
 * answering layer sees; ties in a ranking break by position, as they always have.
 */
export interface ChunkPositions {
  /** Number of live chunks. */
  readonly count: number;
  /** The document id of the chunk at a position ("" out of range). */
  docIdAt(position: number): string;
  /** The vector label of the chunk at a position (−1 out of range). */
  labelAt(position: number): number;
  /** The position of a label's chunk (−1 for a deleted or unknown label). */
  positionOf(label: number): number;
}

/**
 * A build opened for answering (the product's one loading path: `ask`, the bot, the live
 * service): the manifest checked, the store open, the vector index loaded, the BM25 postings
 * read per term on demand, and per chunk only its label, token count and document id held.
 * Rows, texts, sections and chunks are read through the store when a question needs them.
 */
export interface OpenArtefacts {
  manifest: ArtefactManifest;
  bm25: Bm25Index;
  vectors: VectorIndex;
  chunks: ChunkPositions;
  /** The open corpus store (lookups that read on demand). */
  store: CorpusStore;
  /** Releases the store; call when a newer build has replaced these artefacts. */
  close: () => void;
}

/**
 * An opened build with every table read whole into memory, in corpus order: for tests, tools
 * and the in-memory reader over small corpora. The product answers through {@link OpenArtefacts}.
 */
export interface LoadedArtefacts extends OpenArtefacts {
  corpus: CorpusArtefact;
  rows: IndicatorRow[];
  tasks: TaskRow[];
}

/** What the artefacts must match: the model in use and the current corpus folder. */
export interface ArtefactRequirements {
  artefactDir: string;
  /** The corpus folder(s) the artefacts must have been built from. */
  corpusDir: string | readonly string[];
  /** Every corpus folder, in order (default: `corpusDir`). */
  corpusDirs?: readonly string[];
  modelId: string;
  /** The embedder's verified model checksum; the manifest must match when given. */
  modelChecksum?: string;
  dimension: number;
}

/**
 * The manifest's name of an artefact file (inside the build's generation folder, e.g.
 * `gen-…/store.sqlite`); throws ArtefactError when the manifest does not list it.
 */
export function artefactFileKey(manifest: ArtefactManifest, name: string, dir: string): string {
  const key = Object.keys(manifest.files).find((k) => k === name || k.endsWith(`/${name}`));
  if (key === undefined)
    throw new ArtefactError(
      `${name} is not listed in the manifest; run \`npm run build-index\``,
      "missing",
      dir,
    );
  return key;
}

/** Checks the manifest and opens the store; throws ArtefactError when unusable. */
function openStore(req: ArtefactRequirements): {
  manifest: ArtefactManifest;
  store: CorpusStore;
  vectorsPath: string;
} {
  const manifest = assertArtefacts(req.artefactDir, {
    schemaVersion: SCHEMA_VERSION,
    modelId: req.modelId,
    ...(req.modelChecksum ? { modelChecksum: req.modelChecksum } : {}),
    dimension: req.dimension,
    corpusHash: cachedCorpusHash(req.corpusDirs ?? [req.corpusDir].flat(), req.artefactDir),
  });
  const path = (name: string) => join(req.artefactDir, artefactFileKey(manifest, name, req.artefactDir));
  const vectorsPath = path(ARTEFACT_FILES.vectors);
  try {
    return { manifest, store: openCorpusStore(path(ARTEFACT_FILES.store)), vectorsPath };
  } catch (e) {
    if (e instanceof StoreError)
      throw new ArtefactError(`${e.message}; run \`npm run build-index\``, "corrupt", req.artefactDir, {
        cause: e,
      });
    throw e;
  }
}

/** The open artefacts over a loaded vector index, after checking it holds every label the store handed out. */
function assemble(
  req: ArtefactRequirements,
  manifest: ArtefactManifest,
  store: CorpusStore,
  index: VectorIndex,
): OpenArtefacts {
  const { labels, lengths, docIds } = store.chunkPositions();
  const expected = labels.length + store.deletedLabels();
  if (vectorCount(index) !== expected) {
    throw new ArtefactError(
      `${ARTEFACT_FILES.vectors} holds ${vectorCount(index)} vectors, the store ${expected}; run \`npm run build-index\``,
      "corrupt",
      req.artefactDir,
    );
  }
  const positions = new Int32Array(store.labelsHandedOut()).fill(-1);
  labels.forEach((label, position) => (positions[label] = position));
  const chunks: ChunkPositions = {
    count: labels.length,
    docIdAt: (position) => docIds[position] ?? "",
    labelAt: (position) => labels[position] ?? -1,
    positionOf: (label) => positions[label] ?? -1,
  };
  return {
    manifest,
    chunks,
    bm25: storedBm25(store, positions, lengths),
    vectors: withPositions(index, positions),
    store,
    close: () => store.close(),
  };
}

/** A vector index being read ahead of the checks (see {@link readVectorsAhead}). */
export interface VectorReadAhead {
  path: string;
  /** The index, or null when it could not be read (openArtefacts then reads it and reports why). */
  index: Promise<VectorIndex | null>;
}

/**
 * Starts reading the vector index the current manifest names, before anything is checked, so
 * the read (in libuv's thread pool) overlaps the model's loading; {@link openArtefacts} uses it
 * only when its checks pass and the manifest still names the same file with the model's
 * dimension. Null when there is no readable manifest (openArtefacts reports that).
 */
export function readVectorsAhead(artefactDir: string): VectorReadAhead | null {
  let manifest: ArtefactManifest;
  try {
    manifest = readJson<ArtefactManifest>(join(artefactDir, MANIFEST_FILE));
    const path = join(artefactDir, artefactFileKey(manifest, ARTEFACT_FILES.vectors, artefactDir));
    const index = loadVectorIndexInBackground(path, manifest.dimension).catch(() => null);
    return { path, index };
  } catch {
    return null;
  }
}

/**
 * Opens a build for answering: checks the manifest, opens the store and reads the vector index
 * (in libuv's thread pool, so a caller can load the model meanwhile). Throws ArtefactError when
 * the artefacts are unusable.
 */
export async function openArtefacts(
  req: ArtefactRequirements,
  readAhead?: VectorReadAhead,
): Promise<OpenArtefacts> {
  const { manifest, store, vectorsPath } = openStore(req);
  try {
    const early = readAhead && readAhead.path === vectorsPath ? await readAhead.index : null;
    const index =
      early && early.dimension === req.dimension
        ? early
        : await loadVectorIndexInBackground(vectorsPath, req.dimension);
    return assemble(req, manifest, store, index);
  } catch (e) {
    store.close();
    throw e;
  }
}

/** Opens a build (as {@link openArtefacts}, synchronously) and reads every table whole. */
export function loadArtefacts(req: ArtefactRequirements): LoadedArtefacts {
  const { manifest, store, vectorsPath } = openStore(req);
  try {
    const open = assemble(req, manifest, store, loadVectorIndex(vectorsPath, req.dimension));
    const documents = store.documents();
    const texts = new Map(documents.map((d) => [d.meta.id, d.text]));
    const corpus: CorpusArtefact = {
      documents,
      sections: store.sections(),
      chunks: store.chunks(texts).chunks,
      problems: store.problems().map(({ file, reason }) => ({ file, reason })),
    };
    return { ...open, corpus, rows: store.rows(), tasks: store.tasks() };
  } catch (e) {
    store.close();
    throw e;
  }
}
