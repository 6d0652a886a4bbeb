/**
 * Reads every document in corpus/ (`*.txt`), decodes and normalises it and detects its
 * metadata. A file that cannot be ingested is reported by name with the reason; the rest of
 * the corpus is still loaded.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, type Dirent } from "node:fs";
import { basename, join } from "node:path";
import type { CorpusDocument, DataQualityNote, DocumentFormat, IngestProblem } from "../types.js";
import { DecodeError, decodeBytes } from "./decode.js";
import {
  MetadataError,
  OVERRIDE_FILE,
  detectMetadata,
  overrideFileSchema,
  type MetadataOverrides,
} from "./metadata.js";
import { normaliseDocument, type Normalised } from "./normalise.js";

/** The documents that loaded and the files that did not. */
export interface LoadedCorpus {
  documents: CorpusDocument[];
  problems: IngestProblem[];
}

/** Thrown for a broken corpus folder or override file (a configuration mistake, not bad input). */
export class CorpusError extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
    this.name = "CorpusError";
  }
}

/**
 * Whether a corpus entry is a document the build ingests: a `.txt` file (or a link to one)
 * whose name is not hidden. Hidden files (`.DS_Store`, macOS `._x.txt` companions, editor
 * swap files) and folders are never read, hashed or indexed (issue 12, item 7).
 */
function isDocumentEntry(entry: Dirent): boolean {
  if (entry.name.startsWith(".") || !entry.name.endsWith(".txt")) return false;
  return entry.isFile() || entry.isSymbolicLink();
}

/** The document files of a corpus folder, sorted by name. */
export function listCorpusFiles(corpusDir: string): string[] {
  if (!existsSync(corpusDir)) throw new CorpusError(`corpus folder not found: ${corpusDir}`, corpusDir);
  return readdirSync(corpusDir, { withFileTypes: true })
    .filter(isDocumentEntry)
    .map((e) => e.name)
    .sort()
    .map((f) => join(corpusDir, f));
}

/**
 * Every file the build reads from a corpus folder: the documents, the metadata overrides and
 * the alias file when present. The inputs hash covers exactly these.
 */
export function corpusInputFiles(corpusDir: string, dataFiles: readonly string[]): string[] {
  const data = dataFiles.map((f) => join(corpusDir, f)).filter((p) => existsSync(p));
  return [...listCorpusFiles(corpusDir), ...data];
}

/** Why a file could not be read, in words (a link loop, a dangling link, no permission). */
export function unreadableReason(e: unknown): string | null {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (code === "ELOOP") return "symbolic link loop (the link points back at itself)";
  if (code === "ENOENT") return "broken symbolic link (its target does not exist)";
  if (code === "EACCES" || code === "EPERM") return "no permission to read the file";
  if (code === "EISDIR") return "a folder, not a file";
  return null;
}

/** Reads and validates corpus/metadata-overrides.json (absent means no overrides). */
export function readOverrides(corpusDir: string): MetadataOverrides {
  const path = join(corpusDir, OVERRIDE_FILE);
  if (!existsSync(path)) return {};
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    throw new CorpusError(`${path} is not valid JSON: ${(e as Error).message}`, path);
  }
  const parsed = overrideFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new CorpusError(`${path}: ${issue.path.join(".")}: ${issue.message}`, path);
  }
  return parsed.data;
}

function normaliserNotes(n: Normalised): DataQualityNote[] {
  const notes: DataQualityNote[] = [];
  if (n.script === "traditional") {
    notes.push({
      code: "traditional-script",
      message: "原文为繁体字，已转为简体检索和显示；引文可对照原文。",
    });
  }
  if (n.removed.pinyin > 0) {
    notes.push({
      code: "pinyin-annotations",
      message: `原文字后夹注拼音（如“區(qū)”），已去除${n.removed.pinyin}处。`,
    });
  }
  if (n.removed.hiddenElements + n.removed.htmlTags > 0) {
    notes.push({
      code: "hidden-html",
      message: `原文含网页残留（隐藏内容${n.removed.hiddenElements}处、标签${n.removed.htmlTags}处），已去除。`,
    });
  }
  if (n.removed.strayQuestionMarks > 0) {
    notes.push({
      code: "garbled-text",
      message: `原文有${n.removed.strayQuestionMarks}处多余的“?”（多为编码损坏的乱码），已去除问号；乱码文字无法还原，保留原样。`,
    });
  }
  return notes;
}

/** Loads one file; throws DecodeError or MetadataError with the reason. */
export function loadDocument(path: string, overrides: MetadataOverrides): CorpusDocument {
  const bytes = readFileSync(path);
  const { text: raw, encoding } = decodeBytes(bytes);
  return documentFromText({ file: basename(path), bytes, raw, encoding }, overrides);
}

/**
 * The format step's output → a document: normalises the extracted text and detects metadata,
 * as for a `.txt` file. `raw` is the decoded or extracted text; `pages` (PDF) the raw offsets
 * where pages start. Throws DecodeError or MetadataError with the reason.
 */
export function documentFromText(
  source: {
    file: string;
    bytes: Uint8Array;
    raw: string;
    encoding: string;
    format?: DocumentFormat;
    pages?: number[] | null;
  },
  overrides: MetadataOverrides,
): CorpusDocument {
  const { file, bytes, raw, encoding } = source;
  const normalised = normaliseDocument(raw);
  if (!/\p{Script=Han}{4}/u.test(normalised.text))
    throw new DecodeError("no Chinese text after normalisation");
  const meta = detectMetadata({
    id: file.replace(/\.[A-Za-z]{1,8}$/u, ""),
    file,
    text: normalised.text,
    script: normalised.script,
    encoding,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    override: overrides[file],
    notes: normaliserNotes(normalised),
  });
  if (source.format && source.format !== "text") meta.format = source.format;
  const doc: CorpusDocument = { meta, raw, text: normalised.text, offsets: normalised.offsets };
  if (source.pages) doc.pages = source.pages;
  return doc;
}

/**
 * Loads every document of one corpus folder or several (CORPUS_DIR=a:b, in order), each with
 * its own override file; unreadable files become problems, not failures. A file name that an
 * earlier folder already holds is skipped (document ids are file names).
 */
export function loadCorpus(corpusDirs: string | readonly string[]): LoadedCorpus {
  const dirs = typeof corpusDirs === "string" ? [corpusDirs] : corpusDirs;
  const documents: CorpusDocument[] = [];
  const problems: IngestProblem[] = [];
  const seen = new Map<string, string>();
  for (const corpusDir of dirs) {
    const overrides = readOverrides(corpusDir);
    const files = listCorpusFiles(corpusDir);
    for (const path of files) {
      const name = basename(path);
      const earlier = seen.get(name);
      if (earlier !== undefined) {
        problems.push({ file: name, reason: `same file name as in ${earlier}; skipped from ${corpusDir}` });
        continue;
      }
      seen.set(name, corpusDir);
      try {
        documents.push(loadDocument(path, overrides));
      } catch (e) {
        const unreadable = unreadableReason(e);
        if (e instanceof DecodeError || e instanceof MetadataError || unreadable) {
          problems.push({ file: name, reason: unreadable ?? (e as Error).message });
        } else throw e;
      }
    }
    const known = new Set(files.map((f) => basename(f)));
    for (const name of Object.keys(overrides)) {
      if (!known.has(name))
        problems.push({ file: join(corpusDir, OVERRIDE_FILE), reason: `entry for missing file ${name}` });
    }
  }
  return { documents, problems };
}
