/**
 * What the artefact folder holds and how to tell whether it is current. The inputs hash
 * covers the corpus files (documents, overrides, alias file) and the source of the stages
 * that turn them into tables, so editing either makes the artefacts stale.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join, relative, resolve } from "node:path";
import { CATALOGUE_PATH } from "../indicators/catalogue.js";
import { OVERRIDE_FILE } from "../ingest/metadata.js";
import { scanCorpusFolders } from "../ingest/scan-corpus.js";
import type { Chunk, CorpusDocument, IngestProblem, Section } from "../types.js";
import { STORE_FILE } from "./store-schema.js";

/** Bump when the shape of any artefact changes. */
export const SCHEMA_VERSION = 7;

/**
 * File names inside a build's generation folder: the corpus store (documents, texts, sections,
 * chunks, indicator and task rows, BM25 postings and the row term index; store-schema.ts) and
 * the vector index (its labels are the store's chunk labels).
 */
export const ARTEFACT_FILES = {
  store: STORE_FILE,
  vectors: "chunks.hnsw",
} as const;

/** The corpus as the answering layer holds it: documents with their text and offset maps, sections, chunks. */
export interface CorpusArtefact {
  documents: CorpusDocument[];
  sections: Section[];
  chunks: Chunk[];
  problems: IngestProblem[];
}

/** The stages whose code shapes the artefacts, relative to src/. */
const PIPELINE_SOURCE_DIRS = ["ingest", "sections", "indicators"];

function listFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = join(dir, name);
      return statSync(full).isDirectory() ? listFiles(full) : [full];
    });
}

/** sha256 over the source files of the stages that shape documents, sections and tables. */
export function pipelineHash(): string {
  const srcRoot = resolve(import.meta.dirname, "..");
  const hash = createHash("sha256").update(`schema ${SCHEMA_VERSION}\0`);
  for (const d of PIPELINE_SOURCE_DIRS) {
    for (const f of listFiles(join(srcRoot, d)))
      hash.update(relative(srcRoot, f)).update("\0").update(readFileSync(f)).update("\0");
  }
  return hash.digest("hex");
}

/** sha256 (hex) of a file's bytes. */
export function fileSha256(path: string): string {
  return createHash("sha256").update(readFileSync(path)).digest("hex");
}

/**
 * sha256 over what a build over several corpus folders reads: the pipeline's source
 * ({@link pipelineHash}), the indicator catalogue, each folder's override file, and every
 * document the scan lists (name and the sha256 of its bytes, `digest`, which corpus-hash.ts
 * remembers between runs) plus the entries it reports. Files the build does not ingest (a
 * .DS_Store, a backup) change nothing; a symlink loop is a reported entry, not a crash. Stored
 * in the manifest as `corpusHash`.
 */
export function corpusFoldersHash(
  dirs: readonly string[],
  digest: (path: string) => string = fileSha256,
): string {
  const hash = createHash("sha256").update(pipelineHash());
  hash.update("catalogue\0").update(readFileSync(CATALOGUE_PATH)).update("\0");
  dirs.forEach((dir, i) => {
    const override = join(dir, OVERRIDE_FILE);
    if (existsSync(override)) hash.update(`meta ${i}\0`).update(readFileSync(override)).update("\0");
  });
  const scan = scanCorpusFolders(dirs);
  for (const f of scan.files) hash.update(`doc ${basename(f)}\0${digest(f)}\0`);
  for (const p of scan.problems) hash.update(`problem ${p.file}\0${p.reason}\0`);
  return hash.digest("hex");
}
