/**
 * The artefact folder (default `embeddings/`, setting ARTEFACT_DIR): what the build writes and
 * the answering layer reads — tables, the BM25 index, the vector index — plus a manifest that
 * says which model, dimension and corpus they were built from and the sha256 of every file.
 *
 * Files are written atomically (temp file in the same folder, fsync, rename), so a reader never
 * sees half a file and an interrupted build leaves the previous artefacts intact. At start-up
 * {@link checkArtefacts} tells whether the artefacts are usable or stale and why.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { z } from "zod";
import { MANIFEST_FILE, verifyFiles, type ArtefactFileInfo } from "./artefact-verify.js";
import { writeFileAtomic } from "./atomic-write.js";

export {
  MANIFEST_FILE,
  describeFile,
  rememberVerified,
  verifyFile,
  verifyFiles,
  type ArtefactFileInfo,
} from "./artefact-verify.js";
export { replaceFileAtomic, tempPathFor, writeFileAtomic } from "./atomic-write.js";

/** Why artefacts cannot be used: absent, built by another schema/model/dimension/corpus, or damaged. */
export type ArtefactProblem = "missing" | "schema" | "model" | "dimension" | "corpus" | "corrupt";

/** Thrown by callers that must stop when artefacts are unusable; `reason` says why, `dir` where. */
export class ArtefactError extends Error {
  constructor(
    message: string,
    /** What is wrong, as in {@link checkArtefacts}. */
    readonly reason: ArtefactProblem,
    /** The artefact folder (or the folder of the file) concerned. */
    readonly dir: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "ArtefactError";
  }
}

/** What the build records about the artefacts it wrote (`manifest.json`). */
export interface ArtefactManifest {
  /** Version of the artefact formats; bump when any file's shape changes. */
  schemaVersion: number;
  /** Embedding model id the vectors were computed with. */
  modelId: string;
  /** Checksum of the model's files (verified against the pinned checksums), when pinned. */
  modelChecksum?: string;
  dimension: number;
  /** {@link hashFiles} of the corpus inputs (documents, metadata overrides, alias file). */
  corpusHash: string;
  /** ISO 8601 time of the build. */
  builtAt: string;
  /** Every artefact file, by name relative to the artefact folder (forward slashes). */
  files: Record<string, ArtefactFileInfo>;
  /** Counts for logs and /status, e.g. `{ documents: 5, chunks: 812 }`. */
  counts: Record<string, number>;
}

/** What the running code needs the artefacts to have been built for. */
export interface ArtefactExpectation {
  schemaVersion: number;
  modelId: string;
  /** When given, the manifest must record the same model checksum. */
  modelChecksum?: string;
  dimension: number;
  corpusHash: string;
  /** File names that must be listed in the manifest (optional). */
  requiredFiles?: readonly string[];
}

/** Result of {@link checkArtefacts}: the manifest, or the problem with an English message. */
export type ArtefactCheck =
  { ok: true; manifest: ArtefactManifest } | { ok: false; reason: ArtefactProblem; message: string };

const manifestSchema = z.object({
  schemaVersion: z.number().int(),
  modelId: z.string(),
  modelChecksum: z.string().optional(),
  dimension: z.number().int(),
  corpusHash: z.string(),
  builtAt: z.string(),
  files: z.record(z.string(), z.object({ sha256: z.string(), bytes: z.number().int().nonnegative() })),
  counts: z.record(z.string(), z.number()),
});

const REBUILD = "run `npm run build-index` to rebuild them";

/**
 * Reads and parses a JSON file. Throws {@link ArtefactError} with reason `missing` when the
 * file does not exist and `corrupt` when it is not valid JSON. The shape is not checked:
 * validate the result when it comes from outside the build.
 */
export function readJson<T>(path: string): T {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
    throw new ArtefactError(
      `${missing ? "missing" : "unreadable"} artefact ${path}; ${REBUILD}`,
      missing ? "missing" : "corrupt",
      dirname(path),
      { cause: error },
    );
  }
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new ArtefactError(`artefact ${path} is not valid JSON; ${REBUILD}`, "corrupt", dirname(path), {
      cause: error,
    });
  }
}

/**
 * One sha256 (hex) over the base names and contents of files, independent of the order given
 * and of where the folder lives; used as the corpus hash. Any renamed, added, removed or
 * edited file changes it. Files with the same base name in different folders are not told apart.
 */
export function hashFiles(paths: readonly string[]): string {
  const hash = createHash("sha256");
  const sorted = [...paths].sort((x, y) =>
    basename(x) < basename(y) ? -1 : basename(x) > basename(y) ? 1 : 0,
  );
  for (const path of sorted) {
    const bytes = readFileSync(path);
    hash.update(`${basename(path)}\0${bytes.byteLength}\0`);
    hash.update(bytes);
  }
  return hash.digest("hex");
}

/** Writes `manifest.json` atomically into `dir`. Write it last, after every file it lists. */
export function writeManifest(dir: string, manifest: ArtefactManifest): void {
  writeFileAtomic(join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
}

/**
 * Checks that `dir` holds artefacts built for `expected`: the manifest exists and parses, its
 * schema version, model, dimension and corpus hash match, and every listed file exists with the
 * recorded size and sha256. Never throws; the message names what is stale or corrupt.
 */
export function checkArtefacts(dir: string, expected: ArtefactExpectation): ArtefactCheck {
  const fail = (reason: ArtefactProblem, what: string): ArtefactCheck => ({
    ok: false,
    reason,
    message: `artefacts in ${dir}: ${what}; ${REBUILD}`,
  });
  const manifestPath = join(dir, MANIFEST_FILE);
  if (!existsSync(manifestPath)) return fail("missing", `no ${MANIFEST_FILE} (the index has not been built)`);
  let raw: unknown;
  try {
    raw = readJson<unknown>(manifestPath);
  } catch {
    return fail("corrupt", `${MANIFEST_FILE} is unreadable or not valid JSON`);
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success)
    return fail("corrupt", `${MANIFEST_FILE} is malformed (${parsed.error.issues[0]!.message})`);
  const manifest: ArtefactManifest = parsed.data;
  const differs = (field: string, got: string | number, want: string | number) =>
    `built with ${field} ${JSON.stringify(got)} but this code expects ${JSON.stringify(want)}`;
  if (manifest.schemaVersion !== expected.schemaVersion) {
    return fail("schema", differs("schema version", manifest.schemaVersion, expected.schemaVersion));
  }
  if (manifest.modelId !== expected.modelId)
    return fail("model", differs("model", manifest.modelId, expected.modelId));
  if (expected.modelChecksum !== undefined && manifest.modelChecksum !== expected.modelChecksum) {
    return fail(
      "model",
      differs("model checksum", manifest.modelChecksum ?? "(none)", expected.modelChecksum),
    );
  }
  if (manifest.dimension !== expected.dimension) {
    return fail("dimension", differs("dimension", manifest.dimension, expected.dimension));
  }
  if (manifest.corpusHash !== expected.corpusHash) {
    return fail("corpus", "the corpus has changed since they were built (corpus hash differs)");
  }
  for (const name of expected.requiredFiles ?? []) {
    if (!Object.hasOwn(manifest.files, name))
      return fail("missing", `${name} is not listed in ${MANIFEST_FILE}`);
  }
  const problem = verifyFiles(dir, manifest.files);
  if (problem) return fail(problem.missing ? "missing" : "corrupt", problem.message);
  return { ok: true, manifest };
}

/** {@link checkArtefacts} for callers that must stop: returns the manifest or throws {@link ArtefactError}. */
export function assertArtefacts(dir: string, expected: ArtefactExpectation): ArtefactManifest {
  const check = checkArtefacts(dir, expected);
  if (!check.ok) throw new ArtefactError(check.message, check.reason, dir);
  return check.manifest;
}
