/**
 * Loads the artefacts the answering layer needs, after checking the manifest against the
 * current corpus, model and schema. Stale or damaged artefacts raise {@link ArtefactError}
 * whose message says what to run.
 */
import { join } from "node:path";
import type { IndicatorRow, TaskRow } from "../types.js";
import { ArtefactError, assertArtefacts, readJson, type ArtefactManifest } from "./artefact-store.js";
import { ARTEFACT_FILES, SCHEMA_VERSION, buildInputsHash, type CorpusArtefact } from "./artefact-layout.js";
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
  modelId: string;
  /** The embedder's verified model checksum; the manifest must match when given. */
  modelChecksum?: string;
  dimension: number;
}

/** Checks the manifest, then reads every artefact. Throws ArtefactError when unusable. */
export function loadArtefacts(req: ArtefactRequirements): LoadedArtefacts {
  const manifest = assertArtefacts(req.artefactDir, {
    schemaVersion: SCHEMA_VERSION,
    modelId: req.modelId,
    ...(req.modelChecksum ? { modelChecksum: req.modelChecksum } : {}),
    dimension: req.dimension,
    corpusHash: buildInputsHash(req.corpusDir),
    requiredFiles: Object.values(ARTEFACT_FILES),
  });
  const path = (name: string) => join(req.artefactDir, name);
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
