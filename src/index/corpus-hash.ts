/**
 * The corpus hash of artefact-layout.ts without reading the corpus at every start: hashing the
 * 1,497 public-corpus files (74 MB) takes 0.3–0.6 s of a cold start. The hash is kept in the
 * artefact folder (`.corpus-hash.json`) with what it was computed from — the pipeline's source
 * hash, and the size and mtime of the catalogue, each override file and each document the scan
 * lists — and reused while all of these are the same. As with the artefact files
 * (artefact-verify.ts), a file whose mtime is within {@link RACY_MS} of the moment it was hashed
 * is not trusted, so a change made right after hashing, inside the file system's timestamp
 * granularity, is still seen.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { CATALOGUE_PATH } from "../indicators/catalogue.js";
import { OVERRIDE_FILE } from "../ingest/metadata.js";
import { scanCorpusFolders } from "../ingest/scan-corpus.js";
import { corpusFoldersHash, pipelineHash } from "./artefact-layout.js";
import { writeFileAtomic } from "./atomic-write.js";

/** File name of the kept hash inside the artefact folder. */
export const CORPUS_HASH_FILE = ".corpus-hash.json";

/** See the module comment. */
const RACY_MS = 2000;

interface KeptHash {
  hash: string;
  /** What the hash was computed from: path → "size:mtimeMs", plus the pipeline and scan entries. */
  inputs: Record<string, string>;
  hashedAt: number;
}

/** What the hash depends on, as cheap facts: the pipeline hash, the scan, and each input file's size and mtime. */
function currentInputs(dirs: readonly string[]): { inputs: Record<string, string>; newest: number } {
  const inputs: Record<string, string> = { "#pipeline": pipelineHash(), "#dirs": dirs.join("\0") };
  let newest = 0;
  const add = (path: string) => {
    if (!existsSync(path)) return;
    const { size, mtimeMs } = statSync(path);
    inputs[path] = `${size}:${mtimeMs}`;
    newest = Math.max(newest, mtimeMs);
  };
  add(CATALOGUE_PATH);
  for (const dir of dirs) add(join(dir, OVERRIDE_FILE));
  const scan = scanCorpusFolders(dirs);
  for (const file of scan.files) add(file);
  inputs["#problems"] = scan.problems.map((p) => `${p.file}\0${p.reason}`).join("\n");
  return { inputs, newest };
}

function sameInputs(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

/**
 * {@link corpusFoldersHash} of `dirs`, reusing the hash kept in `artefactDir` while its inputs
 * are unchanged, else computing it and keeping it (best effort: a read-only folder just
 * computes it every time).
 */
export function cachedCorpusHash(dirs: readonly string[], artefactDir: string): string {
  const path = join(artefactDir, CORPUS_HASH_FILE);
  const { inputs, newest } = currentInputs(dirs);
  try {
    const kept = JSON.parse(readFileSync(path, "utf8")) as KeptHash;
    if (sameInputs(kept.inputs, inputs) && newest < kept.hashedAt - RACY_MS) return kept.hash;
  } catch {
    // none kept yet, or unreadable: computed below
  }
  const hashedAt = Date.now();
  const hash = corpusFoldersHash(dirs);
  try {
    writeFileAtomic(path, JSON.stringify({ hash, inputs, hashedAt } satisfies KeptHash));
  } catch {
    // a read-only artefact folder
  }
  return hash;
}
