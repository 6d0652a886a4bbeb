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
import { OVERRIDE_FILE, detectMetadata, overrideFileSchema, type MetadataOverrides } from "./metadata.js";
import { normaliseDocument, type Normalised } from "./normalise.js";

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
