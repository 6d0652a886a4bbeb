/**
 * What every format shares once its text is out: a document from the decoded or extracted text
 * (normalised, metadata detected, data-quality notes), and a corpus folder's metadata override
 * file. The scan is scan-corpus.ts, the readers by format read-document.ts, the whole corpus
 * read-corpus.ts.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { CorpusDocument, DataQualityNote, DocumentFormat } from "../types.js";
import { DecodeError } from "./decode.js";
import { sliceRuns } from "./mapped-text.js";
import { OVERRIDE_FILE, detectMetadata, overrideFileSchema, type MetadataOverrides } from "./metadata.js";
import { normaliseDocument, type Normalised } from "./normalise.js";
import { documentStarts } from "./split-documents.js";

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

/** The format step's output for one file. */
export interface ExtractedSource {
  file: string;
  bytes: Uint8Array;
  /** The decoded or extracted text. */
  raw: string;
  encoding: string;
  format?: DocumentFormat;
  /** PDF only: the raw offsets where pages start. */
  pages?: number[] | null;
}

/**
 * The format step's output → its documents: normalises the extracted text, splits a file that
 * holds several documents (split-documents.ts) and detects each one's metadata, as for a
 * `.txt` file. A file of one document gives one document with the file stem as id; the parts
 * of a file of several get ids `stem#1`, `stem#2` … and `part`, each the normalised slice of
 * its own text, its offsets still mapping into the whole file's raw text (so every citation
 * quotes the file verbatim). Throws DecodeError or MetadataError with the reason.
 */
export function documentsFromText(source: ExtractedSource, overrides: MetadataOverrides): CorpusDocument[] {
  const { file, bytes, raw, encoding } = source;
  const normalised = normaliseDocument(raw);
  if (!/\p{Script=Han}{4}/u.test(normalised.text))
    throw new DecodeError("no Chinese text after normalisation");
  const stem = file.replace(/\.[A-Za-z]{1,8}$/u, "");
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const starts = overrides[file] ? [] : documentStarts(normalised.text);
  const bounds = [0, ...starts, normalised.text.length];
  const documents: CorpusDocument[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const [start, end] = [bounds[i]!, bounds[i + 1]!];
    const split = bounds.length > 2;
    const text = split ? normalised.text.slice(start, end) : normalised.text;
    const offsets = split ? sliceRuns(normalised.offsets, start, end) : normalised.offsets;
    const first = documents[0]?.meta;
    const meta = detectMetadata({
      id: split ? `${stem}#${i + 1}` : stem,
      file,
      text,
      script: normalised.script,
      encoding,
      sha256,
      override: overrides[file],
      notes: normaliserNotes(normalised),
      ...(split ? { part: i + 1 } : {}),
      ...(first ? { inherited: first } : {}),
    });
    if (source.format && source.format !== "text") meta.format = source.format;
    const doc: CorpusDocument = { meta, raw, text, offsets };
    if (source.pages) doc.pages = source.pages;
    documents.push(doc);
  }
  return documents;
}

/** The first document of {@link documentsFromText} (a file that is one document). */
export function documentFromText(source: ExtractedSource, overrides: MetadataOverrides): CorpusDocument {
  return documentsFromText(source, overrides)[0]!;
}
