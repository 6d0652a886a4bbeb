/**
 * Loads the artefacts the answering layer needs, after checking the manifest against the
 * current corpus, model and schema (and every listed file against its checksum, remembered by
 * size and mtime): the build's corpus store (documents, sections, chunks, rows and tasks in
 * corpus order), its vector index with the label map, and its BM25 index over the stored
 * postings (read per term on demand). Stale or damaged artefacts raise {@link ArtefactError}
 * whose message says what to run. Loading happens at start and when a new build is swapped
 * in, never per question. The store stays open for the BM25 postings; {@link LoadedArtefacts.close}
 * releases it when the artefacts are no longer used.
 */
import { join } from "node:path";
import type { IndicatorRow, TaskRow } from "../types.js";
import { ArtefactError, assertArtefacts, type ArtefactManifest } from "./artefact-store.js";
import { ARTEFACT_FILES, SCHEMA_VERSION, type CorpusArtefact } from "./artefact-layout.js";
import { cachedCorpusHash } from "./corpus-hash.js";
import type { Bm25Index } from "./bm25.js";
import { StoreError } from "./store-schema.js";
import { openCorpusStore, type CorpusStore } from "./store-reader.js";
import { storedBm25 } from "./stored-bm25.js";
import { loadVectorIndex, vectorCount, withPositions, type VectorIndex } from "./vector-index.js";

/** Everything the build wrote, in memory. */
export interface LoadedArtefacts {
  manifest: ArtefactManifest;
  corpus: CorpusArtefact;
  rows: IndicatorRow[];
  tasks: TaskRow[];
  bm25: Bm25Index;
  vectors: VectorIndex;
  /** The open corpus store (lookups that read on demand). */
  store: CorpusStore;
  /** Releases the store; call when a newer build has replaced these artefacts. */
  close: () => void;
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

/** Checks the manifest, then reads every artefact. Throws ArtefactError when unusable. */
export function loadArtefacts(req: ArtefactRequirements): LoadedArtefacts {
  const manifest = assertArtefacts(req.artefactDir, {
    schemaVersion: SCHEMA_VERSION,
    modelId: req.modelId,
    ...(req.modelChecksum ? { modelChecksum: req.modelChecksum } : {}),
    dimension: req.dimension,
    corpusHash: cachedCorpusHash(req.corpusDirs ?? [req.corpusDir].flat(), req.artefactDir),
  });
  const path = (name: string) => join(req.artefactDir, artefactFileKey(manifest, name, req.artefactDir));
  let store: CorpusStore;
  try {
    store = openCorpusStore(path(ARTEFACT_FILES.store));
  } catch (e) {
    if (e instanceof StoreError)
      throw new ArtefactError(`${e.message}; run \`npm run build-index\``, "corrupt", req.artefactDir, {
        cause: e,
      });
    throw e;
  }
  try {
    const documents = store.documents();
    const texts = new Map(documents.map((d) => [d.meta.id, d.text]));
    const { chunks, labels, lengths } = store.chunks(texts);
    const corpus: CorpusArtefact = {
      documents,
      sections: store.sections(),
      chunks,
      problems: store.problems().map(({ file, reason }) => ({ file, reason })),
    };
    const positions = new Int32Array(store.labelsHandedOut()).fill(-1);
    labels.forEach((label, position) => (positions[label] = position));
    const index = loadVectorIndex(path(ARTEFACT_FILES.vectors), req.dimension);
    const expected = chunks.length + store.deletedLabels();
    if (vectorCount(index) !== expected) {
      throw new ArtefactError(
        `${ARTEFACT_FILES.vectors} holds ${vectorCount(index)} vectors, the store ${expected}; run \`npm run build-index\``,
        "corrupt",
        req.artefactDir,
      );
    }
    return {
      manifest,
      corpus,
      rows: store.rows(),
      tasks: store.tasks(),
      bm25: storedBm25(store, positions, lengths),
      vectors: withPositions(index, positions),
      store,
      close: () => store.close(),
    };
  } catch (e) {
    store.close();
    throw e;
  }
}
