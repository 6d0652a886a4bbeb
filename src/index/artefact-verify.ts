/**
 * Checksums of artefact files: what the manifest records for each file, and the check that a
 * file still matches it, remembered by size and mtime so a large unchanged store is not hashed
 * at every start.
 */
import { createHash } from "node:crypto";
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from "node:fs";
import { join } from "node:path";
import { writeFileAtomic } from "./atomic-write.js";

/** File name of the manifest inside the artefact folder. */
export const MANIFEST_FILE = "manifest.json";

/** Size and sha256 (hex) of one artefact file. */
export interface ArtefactFileInfo {
  sha256: string;
  bytes: number;
}

/** sha256 (hex) and size of a file's bytes, for {@link ArtefactManifest.files}; reads it in pieces. */
export function describeFile(path: string): ArtefactFileInfo {
  const hash = createHash("sha256");
  const buffer = Buffer.allocUnsafe(1 << 20);
  const fd = openSync(path, "r");
  let bytes = 0;
  try {
    for (;;) {
      const n = readSync(fd, buffer, 0, buffer.byteLength, null);
      if (n === 0) break;
      hash.update(buffer.subarray(0, n));
      bytes += n;
    }
  } finally {
    closeSync(fd);
  }
  return { sha256: hash.digest("hex"), bytes };
}

/** Name of the record of verified files in an artefact folder (see {@link verifyFiles}). */
export const VERIFIED_FILE = ".verified.json";

interface VerifiedEntry {
  bytes: number;
  mtimeMs: number;
  sha256: string;
  /** When it was hashed (ms since the epoch). */
  verifiedAt: number;
}

/**
 * A file whose mtime is this close to the time it was hashed may have been changed again
 * within the file system's timestamp granularity without its mtime moving, so the record is
 * not trusted (git's "racy" entries).
 */
const RACY_MS = 2000;

/** Records that `name` (relative to `dir`) was just written or verified with this checksum. */
export function rememberVerified(dir: string, entries: Record<string, ArtefactFileInfo>): void {
  const record = readVerified(dir);
  for (const [name, info] of Object.entries(entries)) {
    try {
      const { size, mtimeMs } = statSync(join(dir, name));
      if (size === info.bytes)
        record[name] = { bytes: size, mtimeMs, sha256: info.sha256, verifiedAt: Date.now() };
    } catch {
      delete record[name];
    }
  }
  writeVerified(dir, record);
}

function readVerified(dir: string): Record<string, VerifiedEntry> {
  try {
    return JSON.parse(readFileSync(join(dir, VERIFIED_FILE), "utf8")) as Record<string, VerifiedEntry>;
  } catch {
    return {};
  }
}

function writeVerified(dir: string, record: Record<string, VerifiedEntry>): void {
  try {
    writeFileAtomic(join(dir, VERIFIED_FILE), JSON.stringify(record));
  } catch {
    // A read-only artefact folder: files are verified again next time, nothing else changes.
  }
}

/**
 * Checks that every listed file exists with its recorded size and sha256; returns the first
 * problem, or null. Hashing a large store takes a second, so a file whose size and mtime are
 * those recorded in {@link VERIFIED_FILE} when it was last hashed (by the build that wrote it,
 * or by an earlier check) is not hashed again; a file changed in place gets a new mtime and is.
 * A record made within {@link RACY_MS} of the file's mtime is not trusted. (A change that
 * restores the size and mtime on purpose is not detected.)
 */
export function verifyFiles(
  dir: string,
  files: Record<string, ArtefactFileInfo>,
): { message: string; missing: boolean } | null {
  const record = readVerified(dir);
  let changed = false;
  try {
    for (const [name, info] of Object.entries(files)) {
      const path = join(dir, name);
      if (!existsSync(path))
        return { message: `${name} is listed in ${MANIFEST_FILE} but missing`, missing: true };
      const { size, mtimeMs } = statSync(path);
      if (size !== info.bytes)
        return { message: `${name} has ${size} bytes, ${MANIFEST_FILE} says ${info.bytes}`, missing: false };
      const known = record[name];
      const trusted =
        known !== undefined &&
        known.bytes === size &&
        known.mtimeMs === mtimeMs &&
        known.sha256 === info.sha256 &&
        mtimeMs < known.verifiedAt - RACY_MS;
      if (trusted) continue;
      const actual = describeFile(path).sha256;
      if (actual !== info.sha256)
        return {
          message: `${name} sha256 ${actual} differs from ${info.sha256} in ${MANIFEST_FILE}`,
          missing: false,
        };
      record[name] = { bytes: size, mtimeMs, sha256: actual, verifiedAt: Date.now() };
      changed = true;
    }
    return null;
  } finally {
    if (changed) writeVerified(dir, record);
  }
}

/** {@link verifyFiles} for one file; the problem's message, or null. */
export function verifyFile(dir: string, name: string, info: ArtefactFileInfo | undefined): string | null {
  if (!info) return `${name} is not listed in ${MANIFEST_FILE}`;
  return verifyFiles(dir, { [name]: info })?.message ?? null;
}
