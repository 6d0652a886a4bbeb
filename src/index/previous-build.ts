/**
 * What a build can take over from the build before it: the manifest, the corpus store and the
 * vector index of the generation the manifest names, when they were made for the same schema,
 * model and dimension and their files match the manifest's checksums. Anything else (no build
 * yet, another model, a damaged file) gives null with the reason, and the new build reads every
 * document (their vectors still come from the embedding cache).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import type Database from "better-sqlite3";
import type { DocumentMeta } from "../types.js";
import { MANIFEST_FILE, readJson, verifyFile, type ArtefactManifest } from "./artefact-store.js";
import { ARTEFACT_FILES, SCHEMA_VERSION } from "./artefact-layout.js";
import { STORE_META, openStoreReadOnly, readMeta } from "./store-schema.js";
import { loadVectorIndex, type VectorIndex } from "./vector-index.js";

/** A document of the previous build, as the new build's report and plan need it. */
export interface HeldDocument {
  /** Its store key (build-plan.ts partKey: the file's key, `#N` for a part). */
  key: string;
  file: string;
  meta: DocumentMeta;
  chunks: number;
  sections: number;
  rows: number;
  canonicalRows: number;
  tasks: number;
}

/** A file a build skipped, with the key it had (when it was read), so it is not read again. */
export interface SkippedFile {
  file: string;
  reason: string;
  key?: string;
}

/** The previous build as a new build uses it. */
export interface PreviousBuild {
  manifest: ArtefactManifest;
  /** Its generation folder (`gen-…`). */
  generation: string;
  storePath: string;
  /** Its store, open read-only (close it when done). */
  store: Database.Database;
  /** Its documents by store key, in corpus order. */
  documents: Map<string, HeldDocument>;
  problems: SkippedFile[];
  /** sha256 of the catalogue its BM25 tokens were made with. */
  vocabulary: string | null;
  /** Loads its vector index (only when the new build changes it). */
  loadIndex: () => VectorIndex;
}

/** The model a build embeds with. */
export interface BuildModel {
  modelId: string;
  checksum?: string;
  dimension: number;
}

/** The file name of a generation's artefact as the manifest lists it. */
export function generationFile(generation: string, name: string): string {
  return `${generation}/${name}`;
}

/** The generation a manifest names (the folder of its store), or null. */
export function manifestGeneration(manifest: ArtefactManifest): string | null {
  const key = Object.keys(manifest.files ?? {}).find((k) => k.endsWith(`/${ARTEFACT_FILES.store}`));
  return key?.split("/")[0] ?? null;
}

/** The previous build in `artefactDir`, or `{ reason }` when there is none usable. */
export function readPreviousBuild(
  artefactDir: string,
  model: BuildModel,
): { previous: PreviousBuild } | { previous: null; reason: string } {
  const none = (reason: string) => ({ previous: null, reason }) as const;
  if (!existsSync(join(artefactDir, MANIFEST_FILE))) return none("no previous build");
  let manifest: ArtefactManifest;
  try {
    manifest = readJson<ArtefactManifest>(join(artefactDir, MANIFEST_FILE));
  } catch (e) {
    return none((e as Error).message);
  }
  if (manifest.schemaVersion !== SCHEMA_VERSION) return none(`schema ${manifest.schemaVersion}`);
  if (manifest.modelId !== model.modelId || manifest.dimension !== model.dimension)
    return none(`built with ${manifest.modelId} (${manifest.dimension})`);
  if ((manifest.modelChecksum ?? "") !== (model.checksum ?? "")) return none("model checksum differs");
  const generation = manifestGeneration(manifest);
  if (!generation) return none("the manifest lists no corpus store");
  for (const name of [ARTEFACT_FILES.store, ARTEFACT_FILES.vectors]) {
    const key = generationFile(generation, name);
    const problem = verifyFile(artefactDir, key, manifest.files[key]);
    if (problem) return none(problem);
  }
  const storePath = join(artefactDir, generationFile(generation, ARTEFACT_FILES.store));
  let store: Database.Database;
  try {
    store = openStoreReadOnly(storePath);
  } catch (e) {
    return none((e as Error).message);
  }
  const rows = store
    .prepare(
      "SELECT doc_key, file, body, chunk_count, section_count, row_count, canonical_row_count, task_count FROM documents ORDER BY corpus_order",
    )
    .all() as Array<Record<string, string | number>>;
  const documents = new Map(
    rows.map((r): [string, HeldDocument] => [
      String(r.doc_key),
      {
        key: String(r.doc_key),
        file: String(r.file),
        meta: (JSON.parse(String(r.body)) as { meta: DocumentMeta }).meta,
        chunks: Number(r.chunk_count),
        sections: Number(r.section_count),
        rows: Number(r.row_count),
        canonicalRows: Number(r.canonical_row_count),
        tasks: Number(r.task_count),
      },
    ]),
  );
  const problems = JSON.parse(readMeta(store, STORE_META.problems) ?? "[]") as SkippedFile[];
  const indexPath = join(artefactDir, generationFile(generation, ARTEFACT_FILES.vectors));
  return {
    previous: {
      manifest,
      generation,
      storePath,
      store,
      documents,
      problems,
      vocabulary: readMeta(store, STORE_META.vocabulary),
      loadIndex: () => loadVectorIndex(indexPath, model.dimension),
    },
  };
}

/** The previous build's chunk labels of documents the new build does not keep, with their vector keys. */
export function freeLabels(previous: PreviousBuild, kept: ReadonlySet<string>): Array<[number, string]> {
  if ([...previous.documents.keys()].every((k) => kept.has(k))) return []; // an add: every label stays
  const rows = previous.store
    .prepare("SELECT c.label, d.doc_key, c.vector_key FROM chunks c JOIN documents d ON d.doc_no = c.doc_no")
    .all() as Array<{
    label: number;
    doc_key: string;
    vector_key: string;
  }>;
  return rows.filter((r) => !kept.has(r.doc_key)).map((r) => [r.label, r.vector_key]);
}

/** The embedding-cache keys of every chunk of the previous build. */
export function vectorKeysOf(previous: PreviousBuild): string[] {
  return previous.store.prepare("SELECT vector_key FROM chunks").pluck().all() as string[];
}
