/**
 * The last step of a build: the vector index is saved into the generation folder beside the
 * finished store, both are described (sha256, size) in a new manifest, and the manifest is
 * replaced atomically — from that moment the new build is live. Then every generation other
 * than the new one and the previous one is deleted: the previous one stays for a rollback and
 * for readers still loading it, no more.
 */
import { readdirSync, rmSync, utimesSync } from "node:fs";
import { isAbsolute, join, relative } from "node:path";
import type { VectorCache } from "../embed/vector-cache.js";
import type { Embedder } from "../embed/embedder.js";
import { ARTEFACT_FILES, SCHEMA_VERSION } from "./artefact-layout.js";
import {
  describeFile,
  rememberVerified,
  writeManifest,
  type ArtefactFileInfo,
  type ArtefactManifest,
} from "./artefact-store.js";
import { generationFile } from "./previous-build.js";
import { saveVectorIndex, type VectorIndex } from "./vector-index.js";

/** The per-document segments of schema 4 and before, replaced by the store. */
const LEGACY_DOCUMENT_CACHE = "doc-cache";

/** How far back the finished files are dated (more than artefact-verify.ts's racy window). */
const BACKDATE_MS = 10_000;

/** What {@link publishBuild} writes. */
export interface PublishInputs {
  artefactDir: string;
  generation: string;
  index: VectorIndex;
  embedder: Pick<Embedder, "modelId" | "checksum" | "dimension">;
  corpusHash: string;
  counts: Record<string, number>;
  /** The generation of the build this one replaces (kept), or null. */
  previousGeneration: string | null;
}

/** Deletes every generation folder not listed in `keep`. */
export function removeOtherGenerations(artefactDir: string, keep: readonly string[]): void {
  for (const name of readdirSync(artefactDir)) {
    if (name.startsWith("gen-") && !keep.includes(name))
      rmSync(join(artefactDir, name), { recursive: true, force: true });
  }
}

/** Saves the index, writes the manifest (the build goes live) and removes older generations. */
export function publishBuild(inputs: PublishInputs): ArtefactManifest {
  const { artefactDir, generation, embedder } = inputs;
  const name = (file: string) => generationFile(generation, file);
  saveVectorIndex(inputs.index, join(artefactDir, name(ARTEFACT_FILES.vectors)));
  const files: Record<string, ArtefactFileInfo> = {};
  const written = new Date(Date.now() - BACKDATE_MS);
  for (const file of Object.values(ARTEFACT_FILES)) {
    // Dated a little back before hashing, so the record of the hash is not a racy one and the
    // first start need not hash the files again (artefact-verify.ts); any later change moves the mtime.
    utimesSync(join(artefactDir, name(file)), written, written);
    files[name(file)] = describeFile(join(artefactDir, name(file)));
  }
  rememberVerified(artefactDir, files);
  const manifest: ArtefactManifest = {
    schemaVersion: SCHEMA_VERSION,
    modelId: embedder.modelId,
    ...(embedder.checksum ? { modelChecksum: embedder.checksum } : {}),
    dimension: embedder.dimension,
    corpusHash: inputs.corpusHash,
    builtAt: new Date().toISOString(),
    files,
    counts: inputs.counts,
  };
  writeManifest(artefactDir, manifest);
  removeOtherGenerations(artefactDir, [
    generation,
    ...(inputs.previousGeneration ? [inputs.previousGeneration] : []),
  ]);
  rmSync(join(artefactDir, LEGACY_DOCUMENT_CACHE), { recursive: true, force: true });
  return manifest;
}

/**
 * True when an embedding cache lives inside the artefact folder: it is that folder's own, and
 * once a build is live it keeps only the vectors of the live and the previous build. A shared
 * cache elsewhere is never pruned by a build.
 */
export function isOwnCache(cache: VectorCache, artefactDir: string): boolean {
  const rel = relative(artefactDir, cache.path);
  return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel);
}
