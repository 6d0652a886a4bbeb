/**
 * The first step of a build: every document file of the corpus folders, hashed into its key
 * (file name and bytes, the pipeline's source, the catalogue, the file's metadata override,
 * the model), and what to do with it: keep it from the previous build, skip it again (it was
 * skipped under the same key), or read it. Nothing is written here; a corpus that cannot be
 * read fails before the first write.
 *
 * A file may hold several documents (ingest's split-documents.ts): each is stored as a
 * document of its own under {@link partKey} (the file's key and its part), and the file is
 * kept, read or removed as a whole.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { basename, dirname } from "node:path";
import { readOverrides } from "../ingest/load-corpus.js";
import type { MetadataOverrides } from "../ingest/metadata.js";
import { scanCorpusFolders } from "../ingest/scan-corpus.js";
import { CATALOGUE_PATH } from "../indicators/catalogue.js";
import { pipelineHash } from "./artefact-layout.js";
import { corpusDigests } from "./corpus-hash.js";
import type { HeldDocument, PreviousBuild, SkippedFile } from "./previous-build.js";

/** Bump when the derivation of documents changes in a way the pipeline hash does not see. */
const KEY_VERSION = 6;

/** What a document's key is made of. */
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

/** The key of a document (hex sha256 of its inputs). */
export function documentKey(input: DocumentKeyInput): string {
  return createHash("sha256")
    .update(
      [
        KEY_VERSION,
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

/** The store key of a file's document: the file's key, or `key#N` for part N of a file of several. */
export function partKey(fileKey: string, part: number | undefined): string {
  return part === undefined ? fileKey : `${fileKey}#${part}`;
}

/** The file key a document's store key belongs to (the inverse of {@link partKey}). */
export function fileKeyOf(documentKey: string): string {
  const hash = documentKey.indexOf("#");
  return hash < 0 ? documentKey : documentKey.slice(0, hash);
}

const sha256 = (bytes: Uint8Array | string) => createHash("sha256").update(bytes).digest("hex");

/** One corpus file and what the build does with it (`held`: its documents in the previous build, in file order). */
export type PlannedDocument =
  | { action: "keep"; key: string; path: string; file: string; held: HeldDocument[] }
  | { action: "skip"; key: string; path: string; file: string; problem: SkippedFile }
  | { action: "read"; key: string; path: string; file: string; sha256: string; overrides: MetadataOverrides };

/** The plan of a build. */
export interface BuildPlan {
  corpusHash: string;
  /** sha256 of the indicator catalogue (the tokenizer's user words and the row vocabulary). */
  vocabulary: string;
  documents: PlannedDocument[];
  /** Entries the scan itself reported (unsupported types, broken links…). */
  scanProblems: SkippedFile[];
}

/** Options of {@link planBuild}. */
export interface PlanOptions {
  dirs: readonly string[];
  /** The artefact folder (where the corpus hash is kept between runs). */
  artefactDir: string;
  modelId: string;
  /** Mixed into every key, as a change of the extraction code would be. */
  pipelineVariant?: string;
  previous: PreviousBuild | null;
}

/** Scans and hashes the corpus and decides each document's fate (see the module comment). */
export function planBuild(options: PlanOptions): BuildPlan {
  const { dirs, previous } = options;
  const { corpusHash, digest } = corpusDigests(dirs, options.artefactDir);
  const scan = scanCorpusFolders(dirs);
  const overridesByDir = new Map(dirs.map((d) => [d, readOverrides(d)] as const));
  const vocabulary = sha256(readFileSync(CATALOGUE_PATH));
  const pipeline = pipelineHash() + (options.pipelineVariant ? `\0${options.pipelineVariant}` : "");
  const heldFiles = new Map<string, HeldDocument[]>();
  for (const held of previous?.documents.values() ?? []) {
    const fileKey = fileKeyOf(held.key);
    const parts = heldFiles.get(fileKey);
    if (parts) parts.push(held);
    else heldFiles.set(fileKey, [held]);
  }
  const heldProblems = new Map(previous?.problems.flatMap((p) => (p.key ? [[p.key, p] as const] : [])) ?? []);
  const documents = scan.files.map((path): PlannedDocument => {
    const file = basename(path);
    const fileSha256 = digest(path);
    const overrides = overridesByDir.get(dirname(path)) ?? {};
    const override = overrides[file];
    const key = documentKey({
      file,
      sha256: fileSha256,
      pipeline,
      vocabulary,
      override: override ? JSON.stringify(override) : "",
      modelId: options.modelId,
    });
    const held = heldFiles.get(key);
    if (held) return { action: "keep", key, path, file, held };
    const problem = heldProblems.get(key);
    if (problem) return { action: "skip", key, path, file, problem };
    return { action: "read", key, path, file, sha256: fileSha256, overrides };
  });
  return { corpusHash, vocabulary, documents, scanProblems: scan.problems };
}
