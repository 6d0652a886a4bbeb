/**
 * Loads the artefacts the answering layer needs, after checking the manifest against the
 * current corpus, model and schema (and every listed file against its checksum): the build's
 * segment list, each document's segment in corpus order, the vector index with its label map,
 * and a BM25 index made from the segments' tokens. Stale or damaged artefacts raise
 * {@link ArtefactError} whose message says what to run. Loading is linear in the corpus; it
 * happens at start and when a new build is swapped in, never per question.
 */
import { join } from "node:path";
import type { IndicatorRow, TaskRow } from "../types.js";
import { ArtefactError, assertArtefacts, type ArtefactManifest } from "./artefact-store.js";
import { ARTEFACT_FILES, SCHEMA_VERSION, corpusFoldersHash, type CorpusArtefact } from "./artefact-layout.js";
import { buildBm25, type Bm25Index } from "./bm25.js";
import { DocumentCache } from "./document-cache.js";
import { chunkPositions, readSegmentList } from "./segment-list.js";
import { loadVectorIndex, vectorCount, withPositions, type VectorIndex } from "./vector-index.js";

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
 * `gen-…/segments.json`); throws ArtefactError when the manifest does not list it.
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

/** Appends in place (a spread would overflow the stack on a document of 100k rows). */
function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
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
  const list = readSegmentList(path(ARTEFACT_FILES.segments), req.artefactDir);
  const cache = new DocumentCache(req.artefactDir);
  const corpus: CorpusArtefact = { documents: [], sections: [], chunks: [], problems: [] };
  corpus.problems = list.problems.map(({ file, reason }) => ({ file, reason }));
  const rows: IndicatorRow[] = [];
  const tasks: TaskRow[] = [];
  const tokens: string[][] = [];
  for (const entry of list.documents) {
    const segment = cache.readSegment(entry.key, req.dimension);
    if (segment.chunks.length !== entry.chunks)
      throw new ArtefactError(
        `segment of ${entry.file} does not match the build's list`,
        "corrupt",
        req.artefactDir,
      );
    corpus.documents.push(segment.document);
    append(corpus.sections, segment.sections);
    append(corpus.chunks, segment.chunks);
    append(rows, segment.rows);
    append(tasks, segment.tasks);
    append(tokens, segment.tokens);
  }
  const index = loadVectorIndex(path(ARTEFACT_FILES.vectors), req.dimension);
  if (vectorCount(index) !== list.labels) {
    throw new ArtefactError(
      `${ARTEFACT_FILES.vectors} holds ${vectorCount(index)} vectors, the build's list ${list.labels}; run \`npm run build-index\``,
      "corrupt",
      req.artefactDir,
    );
  }
  return {
    manifest,
    corpus,
    rows,
    tasks,
    bm25: buildBm25(tokens),
    vectors: withPositions(index, chunkPositions(list)),
  };
}
