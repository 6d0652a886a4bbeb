/**
 * What the artefact folder holds and how to tell whether it is current. The inputs hash
 * covers the corpus files (documents, overrides, alias file) and the source of the stages
 * that turn them into tables, so editing either makes the artefacts stale.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { CATALOGUE_PATH } from "../indicators/catalogue.js";
import { corpusInputFiles, unreadableReason } from "../ingest/load-corpus.js";
import { OVERRIDE_FILE } from "../ingest/metadata.js";
import type { Chunk, CorpusDocument, IngestProblem, Section } from "../types.js";

/** Bump when the shape of any artefact changes. */
export const SCHEMA_VERSION = 1;

/** File names inside the artefact folder. */
export const ARTEFACT_FILES = {
  corpus: "corpus.json",
  indicators: "indicators.json",
  tasks: "tasks.json",
  bm25: "bm25.json",
  vectors: "chunks.hnsw",
} as const;

/** The content of corpus.json: documents with their text and offset maps, sections, chunks. */
export interface CorpusArtefact {
  documents: CorpusDocument[];
  sections: Section[];
  chunks: Chunk[];
  problems: IngestProblem[];
}

/** The stages whose code shapes the artefacts, relative to src/. */
const PIPELINE_SOURCE_DIRS = ["ingest", "sections", "indicators"];

/** A file's bytes, or for one the build reports as unreadable (link loop …) the reason. */
function readOrReason(path: string): Buffer | string {
  try {
    return readFileSync(path);
  } catch (e) {
    const reason = unreadableReason(e);
    if (reason) return `unreadable: ${reason}`;
    throw e;
  }
}

function listFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = join(dir, name);
      return statSync(full).isDirectory() ? listFiles(full) : [full];
    });
}

/**
 * sha256 over the corpus folder's files and the pipeline's source files (names relative to
 * their folder, then contents). Stored in the manifest as `corpusHash`.
 */
export function buildInputsHash(corpusDirs: string | readonly string[]): string {
  const srcRoot = resolve(import.meta.dirname, "..");
  const hash = createHash("sha256");
  const add = (root: string, files: string[]) => {
    for (const f of files) {
      hash.update(relative(root, f)).update("\0").update(readOrReason(f)).update("\0");
    }
  };
  // Only the files the build ingests: a .DS_Store or a backup file beside them changes nothing.
  const dirs = typeof corpusDirs === "string" ? [corpusDirs] : corpusDirs;
  dirs.forEach((dir, i) => {
    hash.update(`corpus folder ${i}\0`);
    add(dir, corpusInputFiles(dir, [OVERRIDE_FILE]));
  });
  add(dirname(CATALOGUE_PATH), [CATALOGUE_PATH]);
  for (const d of PIPELINE_SOURCE_DIRS) add(srcRoot, listFiles(join(srcRoot, d)));
  return hash.digest("hex");
}
