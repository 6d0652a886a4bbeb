/**
 * Atomic file writes for artefacts: a temp file in the same folder, fsynced, renamed over the
 * target, so a reader never sees half a file and an interrupted write leaves the old one.
 */
import { randomBytes } from "node:crypto";
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/**
 * A fresh temp path next to `path` (same folder, so a rename onto `path` is atomic).
 * Temp names start with `.` and end with `.tmp`.
 */
export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
}

/** Flushes a folder's entry table to disk (best effort: not every platform allows it). */
function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, "r");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Windows cannot open folders; the rename itself is still atomic.
  }
}

/**
 * Replaces `path` atomically with a file that `writeTemp` writes at the given temp path (in
 * the same folder): the temp file is fsynced and renamed over `path`. Creates the folder if
 * needed. On failure the temp file is removed and `path` is left as it was.
 */
export function replaceFileAtomic(path: string, writeTemp: (temp: string) => void): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  const temp = tempPathFor(path);
  try {
    writeTemp(temp);
    const fd = openSync(temp, "r+");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  fsyncDir(dir);
}

/**
 * Writes `path` atomically (see {@link replaceFileAtomic}). Synchronous on purpose: builds
 * write few, small files.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  replaceFileAtomic(path, (temp) => {
    const fd = openSync(temp, "wx");
    try {
      const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
      let written = 0;
      while (written < bytes.byteLength) written += writeSync(fd, bytes, written);
    } finally {
      closeSync(fd);
    }
  });
}
