/**
 * What a build is asked (`BuildOptions`) and what it reports (`BuildReport`), shared by the
 * build (build-artefacts.ts), `npm run add` and the bot's upload reply.
 */
import type { Embedder } from "../embed/embedder.js";
import type { DocumentMeta, IngestProblem } from "../types.js";
import type { ArtefactManifest } from "./artefact-store.js";

/** What the build did with one document, for `npm run add` and the bot's upload reply. */
export interface DocumentReport {
  file: string;
  meta: DocumentMeta;
  sections: number;
  rows: number;
  tasks: number;
  chunks: number;
  /** True when the document was taken over from the previous build (unchanged since). */
  cached: boolean;
}

/** What a build produced, for the CLI's report. */
export interface BuildReport {
  manifest: ArtefactManifest;
  problems: IngestProblem[];
  documents: DocumentReport[];
  /** Documents read by this build (the rest were kept from the previous build). */
  processed: number;
  /** How the vector index was made: updated from the previous build's, or created afresh. */
  vectorIndex: "updated" | "created";
  /**
   * Vectors kept in the index by passage key (no lookup needed), passages whose vectors came
   * from the embedding cache, passages the model embedded, and the model's time.
   */
  embeddings: { reused: number; cached: number; embedded: number; modelMillis: number };
  millis: number;
}

/** Options of {@link buildArtefacts}. */
export interface BuildOptions {
  /** One corpus folder or several (CORPUS_DIR=a:b), each with its own override file. */
  corpusDir: string | readonly string[];
  /** Every corpus folder, in order (default: `[corpusDir]`). */
  corpusDirs?: readonly string[];
  artefactDir: string;
  embedder: Embedder;
  /**
   * Folder of the embedding cache (default `<artefactDir>/vector-cache`). A cache inside the
   * artefact folder is its own and is pruned to the vectors of this build and the previous one
   * once this build is live; one elsewhere is shared and never pruned.
   */
  embeddingCacheDir?: string;
  /**
   * Mixed into every document's key as a change to the extraction code would be (default
   * none): every document is read, parsed and chunked again while the corpus hash stays. For
   * benchmarks and tests of a rebuild after a code change.
   */
  pipelineVariant?: string;
  /**
   * Worker threads reading documents (default: when at least `WORKER_THRESHOLD` (build-artefacts.ts)
   * documents are read, one, and a second one (on a machine of two cores or more) as soon as the
   * build waits for reading rather than for the model; else the main thread reads them).
   */
  workers?: number;
  log?: (line: string) => void;
  /**
   * Largest share of deleted vectors the updated index may hold before the build re-creates it
   * (default 0.25, `DEFAULT_COMPACT_SHARE` of assemble-vectors.ts; 0 re-creates it whenever a vector went away).
   */
  compactShare?: number;
}
