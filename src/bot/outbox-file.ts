/**
 * The outbox's file: a JSON document `{version, nextId, items}` written atomically (temp file,
 * fsync, rename, fsync of the folder), read once at start. See outbox.ts.
 */
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, open, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { OutboxItem } from "./outbox-types.js";

/** The version of the file format; another version is refused with {@link OutboxFileError}. */
export const FILE_VERSION = 1;

/** The file's content. */
export interface OutboxFile {
  version: number;
  nextId: number;
  items: OutboxItem[];
}

/** Thrown when the outbox file exists but cannot be read as an outbox. */
export class OutboxFileError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`the outbox file ${file} is unreadable (${reason}); move it away to start with an empty outbox`);
    this.name = "OutboxFileError";
  }
}

/** Reads an outbox file; null when there is none. Throws {@link OutboxFileError} when unreadable. */
export function readOutboxFile(file: string): OutboxFile | null {
  if (!existsSync(file)) return null;
  let data: OutboxFile;
  try {
    data = JSON.parse(readFileSync(file, "utf8")) as OutboxFile;
  } catch (err) {
    throw new OutboxFileError(file, err instanceof Error ? err.message : String(err));
  }
  if (data.version !== FILE_VERSION || !Array.isArray(data.items)) {
    throw new OutboxFileError(file, `expected version ${FILE_VERSION}, found ${String(data.version)}`);
  }
  return data;
}

/** Writes `path` atomically without blocking: temp file, fsync, rename, fsync of the folder. */
export async function writeAtomic(path: string, data: string): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    const handle = await open(temp, "wx");
    try {
      await handle.writeFile(data, "utf8");
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
  try {
    const folder = await open(dir, "r");
    try {
      await folder.sync();
    } finally {
      await folder.close();
    }
  } catch {
    // Not every platform can sync a folder; the rename itself is atomic.
  }
}
