/**
 * The corpus hash of artefact-layout.ts and each document's sha256 without reading the corpus
 * at every start: reading and hashing the 1,497 public-corpus files (74 MB) takes 0.3–2 s of a
 * cold start, and of every build and add. They are kept in the artefact folder
 * (`.corpus-hash.json`) with what they were computed from — the pipeline's source hash, the scan,
 * and the size and mtime of the catalogue, each override file and each document — and reused
 * while these are the same; a changed document alone is read again. As with the artefact files
 * (artefact-verify.ts), a file whose mtime is within {@link RACY_MS} of the moment it was hashed
 * is not trusted, so a change made right after hashing, inside the file system's timestamp
 * granularity, is still seen.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { CATALOGUE_PATH } from "../indicators/catalogue.js";
import { OVERRIDE_FILE } from "../ingest/metadata.js";
import { scanCorpusFolders } from "../ingest/scan-corpus.js";
import { corpusFoldersHash, fileSha256, pipelineHash } from "./artefact-layout.js";
import { writeFileAtomic } from "./atomic-write.js";

/** File name of the kept hashes inside the artefact folder. */
export const CORPUS_HASH_FILE = ".corpus-hash.json";

/** See the module comment. */
const RACY_MS = 2000;

interface KeptHashes {
  hash: string;
  /** What the hash was computed from: path → "size:mtimeMs", plus the pipeline and scan entries. */
  inputs: Record<string, string>;
  /** sha256 of each document, by path. */
  digests: Record<string, string>;
  hashedAt: number;
}

/** The corpus hash and every document's sha256. */
export interface CorpusDigests {
  corpusHash: string;
  /** sha256 (hex) of a document the scan lists. */
  digest(path: string): string;
}

/** What the hash depends on, as cheap facts: the pipeline hash, the scan, and each input file's size and mtime. */
function currentInputs(dirs: readonly string[]): {
  inputs: Record<string, string>;
  mtimes: Map<string, number>;
} {
  const inputs: Record<string, string> = { "#pipeline": pipelineHash(), "#dirs": dirs.join("\0") };
  const mtimes = new Map<string, number>();
  const add = (path: string) => {
    if (!existsSync(path)) return;
    const { size, mtimeMs } = statSync(path);
    inputs[path] = `${size}:${mtimeMs}`;
    mtimes.set(path, mtimeMs);
  };
  add(CATALOGUE_PATH);
  for (const dir of dirs) add(join(dir, OVERRIDE_FILE));
  const scan = scanCorpusFolders(dirs);
  for (const file of scan.files) add(file);
  inputs["#problems"] = scan.problems.map((p) => `${p.file}\0${p.reason}`).join("\n");
  return { inputs, mtimes };
}

function readKept(path: string): KeptHashes | null {
  try {
    const kept = JSON.parse(readFileSync(path, "utf8")) as KeptHashes;
    return kept.inputs && kept.digests ? kept : null;
  } catch {
    return null;
  }
}

/**
 * The corpus hash of `dirs` and its documents' sha256, reusing what is kept in `artefactDir`
 * for every input unchanged since, computing the rest and keeping the result (best effort: a
 * read-only folder just computes it every time).
 */
export function corpusDigests(dirs: readonly string[], artefactDir: string): CorpusDigests {
  const path = join(artefactDir, CORPUS_HASH_FILE);
  const { inputs, mtimes } = currentInputs(dirs);
  const kept = readKept(path);
  const trusted = (input: string) =>
    kept !== null &&
    kept.inputs[input] === inputs[input] &&
    (mtimes.get(input) ?? 0) < kept.hashedAt - RACY_MS;
  const digests: Record<string, string> = {};
  const digest = (file: string) =>
    (digests[file] ??= trusted(file) && kept!.digests[file] ? kept!.digests[file] : fileSha256(file));
  const unchanged =
    kept !== null &&
    Object.keys(kept.inputs).length === Object.keys(inputs).length &&
    Object.keys(inputs).every((k) => (k.startsWith("#") ? kept.inputs[k] === inputs[k] : trusted(k)));
  if (unchanged) return { corpusHash: kept.hash, digest };
  const hashedAt = Date.now();
  const corpusHash = corpusFoldersHash(dirs, digest);
  try {
    writeFileAtomic(
      path,
      JSON.stringify({ hash: corpusHash, inputs, digests, hashedAt } satisfies KeptHashes),
    );
  } catch {
    // a read-only artefact folder
  }
  return { corpusHash, digest };
}

/** {@link corpusDigests}' corpus hash alone. */
export function cachedCorpusHash(dirs: readonly string[], artefactDir: string): string {
  return corpusDigests(dirs, artefactDir).corpusHash;
}
