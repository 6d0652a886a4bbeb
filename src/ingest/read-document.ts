/**
 * Reads one corpus file of any supported format into a document: format dispatch (PDF, DOCX,
 * HTML, Markdown, text) → the same normalisation and metadata detection as a `.txt` file.
 * Unreadable files become {@link IngestProblem}s naming the file and the reason.
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import type { CorpusDocument, IngestProblem } from "../types.js";
import { DecodeError } from "./decode.js";
import { ExtractError } from "./formats/extracted.js";
import { extractText } from "./formats/extract-text.js";
import { documentsFromText } from "./load-corpus.js";
import { MetadataError, type MetadataOverrides } from "./metadata.js";

/**
 * The documents of a file, or the reason it could not be read. `document` is the first (the
 * only one of a file that is one document); `documents` all of them, in file order.
 */
export type ReadResult =
  { ok: true; document: CorpusDocument; documents: CorpusDocument[] } | { ok: false; problem: IngestProblem };

/** Reads a document from its bytes (already read, e.g. to hash them). */
export async function readDocumentBytes(
  file: string,
  bytes: Uint8Array,
  overrides: MetadataOverrides,
): Promise<ReadResult> {
  try {
    const extracted = await extractText(bytes, file);
    const documents = documentsFromText(
      {
        file,
        bytes,
        raw: extracted.text,
        encoding: extracted.encoding,
        format: extracted.format,
        pages: extracted.pages,
      },
      overrides,
    );
    return { ok: true, document: documents[0]!, documents };
  } catch (e) {
    if (e instanceof ExtractError || e instanceof DecodeError || e instanceof MetadataError)
      return { ok: false, problem: { file, reason: e.message } };
    throw e;
  }
}

/** Reads a document file; see {@link readDocumentBytes}. */
export async function readDocument(path: string, overrides: MetadataOverrides): Promise<ReadResult> {
  const file = basename(path);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    return {
      ok: false,
      problem: {
        file,
        reason: `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
      },
    };
  }
  return readDocumentBytes(file, bytes, overrides);
}
