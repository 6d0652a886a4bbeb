/**
 * The format dispatch: picks the extractor by the file's extension. Callers get the text in
 * reading order (and page starts for PDFs) or an {@link ExtractError} naming the file and why.
 */
import { extname } from "node:path";
import { extractDocx } from "./docx.js";
import { ExtractError, type DocumentFormat, type ExtractedText } from "./extracted.js";
import { extractHtml } from "./html.js";
import { extractPdf } from "./pdf.js";
import { extractPlainText } from "./plain-text.js";

/** The extensions the corpus reads (lower case, with the dot) and the format each selects. */
export const FORMAT_BY_EXTENSION: Readonly<Record<string, DocumentFormat>> = {
  ".pdf": "pdf",
  ".docx": "docx",
  ".html": "html",
  ".htm": "html",
  ".shtml": "html",
  ".md": "markdown",
  ".markdown": "markdown",
  ".txt": "text",
};

/** Formats people save bulletins in that we cannot read, with what to do instead. */
const UNSUPPORTED_HINT: Readonly<Record<string, string>> = {
  ".doc": "old Word format (.doc): save it as .docx or PDF",
  ".wps": "WPS format: save it as .docx or PDF",
  ".rtf": "RTF: save it as .docx or PDF",
  ".xls": "spreadsheet: not a bulletin text",
  ".xlsx": "spreadsheet: not a bulletin text",
  ".ofd": "OFD: export it as PDF",
};

/** The format a file name selects, or null when the extension is not read. */
export function formatOf(file: string): DocumentFormat | null {
  return FORMAT_BY_EXTENSION[extname(file).toLowerCase()] ?? null;
}

/** Why a file is not read, in one phrase, for a file whose {@link formatOf} is null. */
export function unsupportedReason(file: string): string {
  const ext = extname(file).toLowerCase();
  return (
    UNSUPPORTED_HINT[ext] ??
    `unsupported file type${ext ? ` ${ext}` : " (no extension)"}: the corpus reads ${Object.keys(FORMAT_BY_EXTENSION).join(" ")}`
  );
}

/** Extracts a document's text by its format; throws ExtractError for unreadable files. */
export async function extractText(bytes: Uint8Array, file: string): Promise<ExtractedText> {
  const format = formatOf(file);
  switch (format) {
    case "pdf":
      return extractPdf(bytes, file);
    case "docx":
      return extractDocx(bytes, file);
    case "html":
      return extractHtml(bytes, file);
    case "markdown":
    case "text":
      return extractPlainText(bytes, file, format);
    case null:
      throw new ExtractError(unsupportedReason(file), file);
  }
}
