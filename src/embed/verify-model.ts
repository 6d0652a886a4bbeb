/**
 * Checks the embedding model's files against the checksums pinned in
 * `embeddings/model-checksums.json` before the model is used (issue 12, item 6): a model file
 * damaged after installation (200 KB overwritten in the ONNX file) loaded silently and changed
 * every answer. Hashing the 24 MB model takes a few hundred milliseconds, so each verified
 * file's size, mtime and sha256 are remembered in `<model>/.verified.json`; a file whose size
 * and mtime are unchanged is not hashed again. (A change that keeps both — deliberate
 * tampering that restores the mtime — is not detected until the cache is removed.)
 */
import { createHash, randomBytes } from "node:crypto";
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** The pinned checksums file (committed; written by the maintainers with scripts/fetch-model.mjs). */
export interface ModelChecksums {
  modelId: string;
  /** sha256 (hex) by path relative to the model folder. */
  files: Record<string, string>;
}

/** Name of the verification cache inside the model folder. */
export const VERIFIED_CACHE_FILE = ".verified.json";

interface CacheEntry {
  size: number;
  mtimeMs: number;
  sha256: string;
}

/** Outcome of {@link verifyModelFiles}. */
export type ModelVerification =
  | {
      ok: true;
      /** One sha256 over the pinned files' names and checksums: the model's identity. */
      checksum: string;
      /** Files hashed this time (the others were unchanged since their last verification). */
      hashed: string[];
    }
  | { ok: false; file: string; problem: string };

function sha256File(path: string): string {
  return createHash("sha256").update(readFileSync(path)).digest("hex");
}

function readCache(path: string): Record<string, CacheEntry> {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as Record<string, CacheEntry>;
  } catch {
    return {};
  }
}

/** The checksum recorded in manifests for a set of pinned files. */
export function modelChecksum(pins: ModelChecksums): string {
  const hash = createHash("sha256").update(pins.modelId).update("\0");
  for (const file of Object.keys(pins.files).sort()) hash.update(`${file}\0${pins.files[file]}\0`);
  return hash.digest("hex");
}

/** Reads a pinned checksums file; null when there is none. */
export function readModelChecksums(path: string): ModelChecksums | null {
  if (!existsSync(path)) return null;
  return JSON.parse(readFileSync(path, "utf8")) as ModelChecksums;
}

/**
 * Verifies every pinned file of the model at `modelPath`; the first missing or different file
 * is reported. Updates the cache (atomically) with the files it verified.
 */
export function verifyModelFiles(modelPath: string, pins: ModelChecksums): ModelVerification {
  const cachePath = join(modelPath, VERIFIED_CACHE_FILE);
  const cache = readCache(cachePath);
  const hashed: string[] = [];
  let changed = false;
  for (const [file, expected] of Object.entries(pins.files)) {
    const path = join(modelPath, file);
    if (!existsSync(path)) return { ok: false, file, problem: "missing" };
    const { size, mtimeMs } = statSync(path);
    const known = cache[file];
    if (known && known.size === size && known.mtimeMs === mtimeMs && known.sha256 === expected) continue;
    const actual = sha256File(path);
    hashed.push(file);
    if (actual !== expected) {
      if (cache[file]) {
        delete cache[file];
        changed = true;
      }
      if (changed) writeCache(cachePath, cache);
      return { ok: false, file, problem: `sha256 ${actual} differs from the pinned ${expected}` };
    }
    cache[file] = { size, mtimeMs, sha256: actual };
    changed = true;
  }
  if (changed) writeCache(cachePath, cache);
  return { ok: true, checksum: modelChecksum(pins), hashed };
}

function writeCache(path: string, cache: Record<string, CacheEntry>): void {
  const temp = `${path}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    writeFileSync(temp, JSON.stringify(cache));
    renameSync(temp, path);
  } catch {
    // A read-only model folder: verification still happened, it is only not remembered.
  }
}
