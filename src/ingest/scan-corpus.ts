/**
 * Lists the documents of one or more corpus folders without reading them. Hidden files
 * (`.name`), editor backups (`name~`, `.swp`, `.swo`, `.bak`, `.tmp`, `#name#`) and the
 * project's own metadata files (`*.json`: overrides, alias vocabulary) are ignored quietly;
 * every other entry that is not a readable document of a supported format is reported by name
 * with the reason (unsupported type, broken link, symlink loop, same name in two folders), and
 * so is an entry of a folder's metadata override file for a file the folder does not hold.
 */
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import type { IngestProblem } from "../types.js";
import { formatOf, unsupportedReason } from "./formats/extract-text.js";
import { CorpusError, readOverrides } from "./load-corpus.js";
import { OVERRIDE_FILE } from "./metadata.js";

/** The documents found and the entries that cannot be documents. */
export interface CorpusScan {
  /** Absolute or as-given paths of documents, sorted by folder order then name. */
  files: string[];
  problems: IngestProblem[];
}

const BACKUP = /(~|\.swp|\.swo|\.bak|\.tmp|\.orig)$/iu;

/** True for names the scan skips without a word: hidden, editor backups, project metadata. */
export function isQuietlyIgnored(name: string): boolean {
  return name.startsWith(".") || BACKUP.test(name) || /^#.*#$/u.test(name) || /\.json$/iu.test(name);
}

function entryProblem(path: string): string | null {
  try {
    const st = statSync(path);
    if (st.isDirectory()) return null;
    if (!st.isFile()) return "not a regular file";
    return "";
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ELOOP") return "symlink loop: the link points back to itself";
    if (code === "ENOENT") return "broken link: its target does not exist";
    return `cannot be read (${code ?? (e as Error).message})`;
  }
}

/**
 * The files a folder's override file names. A broken override file names none here: it is the
 * build, which reads the overrides, that stops with its error (a configuration mistake).
 */
function overriddenFiles(dir: string): string[] {
  try {
    return Object.keys(readOverrides(dir));
  } catch (e) {
    if (e instanceof CorpusError) return [];
    throw e;
  }
}

/** Scans the folders in order; a missing folder is a {@link CorpusError} (configuration). */
export function scanCorpusFolders(dirs: readonly string[]): CorpusScan {
  const files: string[] = [];
  const problems: IngestProblem[] = [];
  const seen = new Map<string, string>();
  for (const dir of dirs) {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch (e) {
      throw new CorpusError(`corpus folder not found or unreadable: ${dir} (${(e as Error).message})`, dir);
    }
    for (const name of names) {
      if (isQuietlyIgnored(name)) continue;
      const path = join(dir, name);
      const problem = entryProblem(path);
      if (problem === null) continue; // a sub-folder: not part of the corpus
      if (problem !== "") {
        problems.push({ file: name, reason: problem });
        continue;
      }
      if (formatOf(name) === null) {
        problems.push({ file: name, reason: unsupportedReason(name) });
        continue;
      }
      const stem = name.replace(/\.[A-Za-z]{1,8}$/u, "");
      const other = seen.get(stem);
      if (other !== undefined) {
        problems.push({ file: name, reason: `same document name as ${other}; rename one of them` });
        continue;
      }
      seen.set(stem, path);
      files.push(path);
    }
    // An override for a file the folder does not hold is a stale or mistyped entry.
    for (const name of overriddenFiles(dir)) {
      if (!names.includes(name))
        problems.push({ file: OVERRIDE_FILE, reason: `entry for missing file ${name}` });
    }
  }
  return { files, problems };
}
