/**
 * Adding and removing corpus documents, then building incrementally: what `npm run add`,
 * `npm run remove` and the bot's admin upload do. A document is read and checked (format, text,
 * metadata) before anything is written; a file that cannot be indexed is reported with the
 * reason and changes nothing. An accepted file is copied atomically into the target corpus
 * folder (by default the first), with a metadata override entry when the caller gives region,
 * period or kind, and the artefacts are rebuilt incrementally, so only the new document is
 * read and embedded.
 */
import { existsSync, readFileSync, rmSync } from "node:fs";
import { basename, join } from "node:path";
import type { Embedder } from "../embed/embedder.js";
import { formatOf, unsupportedReason } from "../ingest/formats/extract-text.js";
import { readOverrides } from "../ingest/load-corpus.js";
import { OVERRIDE_FILE, overrideFileSchema, type MetadataOverrides } from "../ingest/metadata.js";
import { readDocumentBytes } from "../ingest/read-document.js";
import { isQuietlyIgnored, scanCorpusFolders } from "../ingest/scan-corpus.js";
import type { DocumentKind, IngestProblem } from "../types.js";
import { writeFileAtomic } from "./artefact-store.js";
import { buildArtefacts, type BuildReport, type DocumentReport } from "./build-artefacts.js";

/** Metadata the person adding a document states, for documents that do not say it themselves. */
export interface StatedMetadata {
  /** A district (…区/县/旗) or a city/province; the level is read from the name's last character. */
  region?: string;
  /** As published, starting with the year: `2023年`, `2024年上半年`. */
  period?: string;
  kind?: DocumentKind;
}

/** One file to add: its name and bytes (read from disk or downloaded). */
export interface IncomingFile {
  name: string;
  bytes: Uint8Array;
}

/** Where the corpus and artefacts live and the model that embeds. */
export interface CorpusTarget {
  corpusDirs: readonly string[];
  artefactDir: string;
  embedder: Embedder;
  /** The embedding cache folder (default: inside the artefact folder); see BuildOptions. */
  embeddingCacheDir?: string;
  /** The folder new files go into (default: the first corpus folder). */
  targetDir?: string;
  log?: (line: string) => void;
}

/** The outcome of an add: the added documents as built, and the files refused. */
export interface AddResult {
  added: DocumentReport[];
  refused: IngestProblem[];
  /** The build's report; null when every file was refused (nothing was built or changed). */
  build: BuildReport | null;
}

/** The metadata override entry for what the person adding a document states; null when nothing. */
export function overrideOf(stated: StatedMetadata): MetadataOverrides[string] | null {
  const entry: MetadataOverrides[string] = {};
  if (stated.region) {
    if (/[区县旗]$/u.test(stated.region)) entry.district = stated.region;
    else {
      entry.city = stated.region;
      entry.district = null;
    }
  }
  if (stated.period) entry.period = stated.period;
  if (stated.kind) entry.kind = stated.kind;
  if (Object.keys(entry).length === 0) return null;
  entry.reason = "添加文件时由管理员指定";
  const checked = overrideFileSchema.safeParse({ x: entry });
  if (!checked.success) throw new Error(`bad metadata: ${checked.error.issues[0]!.message}`);
  return entry;
}

/** A name that is safe as a file in the corpus folder: no folders, no hidden or backup names. */
function checkName(name: string, existingStems: Map<string, string>): string | null {
  if (name !== basename(name) || name === "" || isQuietlyIgnored(name))
    return `not a usable file name: ${name}`;
  if (formatOf(name) === null) return unsupportedReason(name);
  const stem = name.replace(/\.[A-Za-z]{1,8}$/u, "");
  const other = existingStems.get(stem);
  if (other !== undefined && other !== name)
    return `a document named ${other} already exists; rename the file`;
  return null;
}

/**
 * Checks, copies and indexes files. Refused files are reported with the reason and leave the
 * corpus and the artefacts untouched; when no file is accepted nothing is built.
 */
export async function addDocuments(
  files: readonly IncomingFile[],
  stated: StatedMetadata,
  target: CorpusTarget,
): Promise<AddResult> {
  const dir = target.targetDir ?? target.corpusDirs[0]!;
  const metaDir = target.corpusDirs[0]!;
  const override = overrideOf(stated);
  const overrides = readOverrides(metaDir);
  const stems = new Map(
    scanCorpusFolders(target.corpusDirs).files.map((f) => [
      basename(f).replace(/\.[A-Za-z]{1,8}$/u, ""),
      basename(f),
    ]),
  );
  const refused: IngestProblem[] = [];
  const accepted: IncomingFile[] = [];
  for (const file of files) {
    const bad = checkName(file.name, stems);
    if (bad) {
      refused.push({ file: file.name, reason: bad });
      continue;
    }
    const trial = { ...overrides, ...(override ? { [file.name]: override } : {}) };
    const read = await readDocumentBytes(file.name, file.bytes, trial);
    if (!read.ok) refused.push(read.problem);
    else accepted.push(file);
  }
  if (accepted.length === 0) return { added: [], refused, build: null };
  if (override) {
    const next = { ...overrides };
    for (const f of accepted) next[f.name] = override;
    writeFileAtomic(join(metaDir, OVERRIDE_FILE), `${JSON.stringify(next, null, 2)}\n`);
  }
  for (const f of accepted) writeFileAtomic(join(dir, f.name), f.bytes);
  const build = await buildArtefacts({
    corpusDir: metaDir,
    corpusDirs: target.corpusDirs,
    artefactDir: target.artefactDir,
    embedder: target.embedder,
    ...(target.embeddingCacheDir ? { embeddingCacheDir: target.embeddingCacheDir } : {}),
    log: target.log,
  });
  const names = new Set(accepted.map((f) => f.name));
  return { added: build.documents.filter((d) => names.has(d.file)), refused, build };
}

/** Removes a document (by file name or id) from whichever corpus folder holds it, then rebuilds. */
export async function removeDocument(name: string, target: CorpusTarget): Promise<BuildReport> {
  const files = scanCorpusFolders(target.corpusDirs).files;
  const path = files.find(
    (f) => basename(f) === name || basename(f).replace(/\.[A-Za-z]{1,8}$/u, "") === name,
  );
  if (!path || !existsSync(path)) {
    throw new CorpusDocumentNotFound(
      name,
      files.map((f) => basename(f)),
    );
  }
  const metaDir = target.corpusDirs[0]!;
  const overrides = readOverrides(metaDir);
  const file = basename(path);
  if (overrides[file]) {
    const next = { ...overrides };
    delete next[file];
    writeFileAtomic(join(metaDir, OVERRIDE_FILE), `${JSON.stringify(next, null, 2)}\n`);
  }
  rmSync(path);
  return buildArtefacts({
    corpusDir: metaDir,
    corpusDirs: target.corpusDirs,
    artefactDir: target.artefactDir,
    embedder: target.embedder,
    ...(target.embeddingCacheDir ? { embeddingCacheDir: target.embeddingCacheDir } : {}),
    log: target.log,
  });
}

/** Thrown by {@link removeDocument} for a name no corpus folder holds; lists what exists. */
export class CorpusDocumentNotFound extends Error {
  constructor(
    readonly document: string,
    readonly known: string[],
  ) {
    super(`no document named ${document} in the corpus (it holds: ${known.join(", ")})`);
    this.name = "CorpusDocumentNotFound";
  }
}

/** Reads files from disk for {@link addDocuments}. */
export function readIncoming(paths: readonly string[]): IncomingFile[] {
  return paths.map((p) => ({ name: basename(p), bytes: readFileSync(p) }));
}
