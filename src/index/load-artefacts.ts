/**
 * Loads the artefacts the answering layer needs, after checking the manifest against the
 * current corpus, model and schema. Stale or damaged artefacts raise {@link ArtefactError}
 * whose message says what to run.
 */
import { join } from "node:path";
import type { IndicatorRow, TaskRow } from "../types.js";
import { ArtefactError, assertArtefacts, readJson, type ArtefactManifest } from "./artefact-store.js";
import { ARTEFACT_FILES, SCHEMA_VERSION, corpusFoldersHash, type CorpusArtefact } from "./artefact-layout.js";
import { deserializeBm25, type Bm25Index } from "./bm25.js";
import { loadVectorIndex, type VectorIndex } from "./vector-index.js";

/** Everything the build wrote, in memory. */
export interface LoadedArtefacts {
  manifest: ArtefactManifest;
  corpus: CorpusArtefact;
  rows: IndicatorRow[];
  tasks: TaskRow[];
  bm25: Bm25Index;
  vectors: VectorIndex;
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
 * `gen-…/corpus.json`); throws ArtefactError when the manifest does not list it.
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
    corpusHash: corpusFoldersHash(req.corpusDirs ?? [req.corpusDir].flat()),
  });
  const path = (name: string) => join(req.artefactDir, artefactFileKey(manifest, name, req.artefactDir));
  const corpus = readJson<CorpusArtefact>(path(ARTEFACT_FILES.corpus));
  const vectors = loadVectorIndex(path(ARTEFACT_FILES.vectors), req.dimension);
  if (vectors.hnsw.getCurrentCount() !== corpus.chunks.length) {
    throw new ArtefactError(
      `${ARTEFACT_FILES.vectors} holds ${vectors.hnsw.getCurrentCount()} vectors for ${corpus.chunks.length} chunks; run \`npm run build-index\``,
      "corrupt",
      req.artefactDir,
    );
  }
  return {
    manifest,
    corpus,
    rows: readJson<IndicatorRow[]>(path(ARTEFACT_FILES.indicators)),
    tasks: readJson<TaskRow[]>(path(ARTEFACT_FILES.tasks)),
    bm25: deserializeBm25(readJson<unknown>(path(ARTEFACT_FILES.bm25))),
    vectors,
  };
}
