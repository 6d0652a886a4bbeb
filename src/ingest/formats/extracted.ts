/**
 * What every format extractor returns: the document's text in reading order (one line per
 * printed line or paragraph, table rows as tab-separated cells) and, for paged formats, where
 * each page starts. The loader normalises this text like a `.txt` file's.
 */

import type { DocumentFormat } from "../../types.js";

/** The file formats the corpus accepts (defined with the stage types). */
export type { DocumentFormat };

/** A document's text as extracted from its file. */
export interface ExtractedText {
  format: DocumentFormat;
  /** Text in reading order; `\n` between lines. This is the document's `raw` text. */
  text: string;
  /** The encoding of text formats (`utf-8`, `gb18030`); the container format otherwise (`pdf`, `docx`). */
  encoding: string;
  /**
   * Offsets into {@link text} where page 1, 2, … start (PDF only; null for unpaged formats).
   * Page n covers [pages[n-1], pages[n]).
   */
  pages: number[] | null;
}

/**
 * Why a file's text could not be extracted (a scanned PDF, a damaged archive, an unsupported
 * format). The loader reports it by file name with this message and goes on.
 */
export class ExtractError extends Error {
  constructor(
    message: string,
    /** The file concerned (base name). */
    readonly file: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "ExtractError";
  }
}

/**
 * Kangxi radicals, CJK radicals supplement and CJK compatibility ideographs, which PDF fonts
 * often map glyphs to (⼀ for 一, ⾦ for 金). NFKC maps each to its unified ideograph; only these
 * characters are rewritten, so full-width punctuation and digits stay as published.
 */
const COMPATIBILITY_HAN = /[\u2e80-\u2fdf\uf900-\ufaff\u{2f800}-\u{2fa1f}]/gu;

/** Replaces compatibility ideographs and radicals by the unified ideographs they stand for. */
export function unifyHan(text: string): string {
  return text.replace(COMPATIBILITY_HAN, (c) => c.normalize("NFKC"));
}

/** Share of Han characters among the non-space characters of a text (0 for an empty text). */
export function hanCount(text: string): number {
  return text.match(/\p{Script=Han}/gu)?.length ?? 0;
}
