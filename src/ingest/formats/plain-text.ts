/**
 * Plain text and Markdown: decoded (UTF-8 or GB18030) and passed on as written. Markdown
 * markup (headings, tables, comments, YAML front matter) is layout, handled by the normaliser
 * and the section parser like any text file's.
 */
import { DecodeError, decodeBytes } from "../decode.js";
import { ExtractError, type DocumentFormat, type ExtractedText } from "./extracted.js";

/** Decodes a `.txt` or `.md` file; `file` names it in errors. */
export function extractPlainText(bytes: Uint8Array, file: string, format: DocumentFormat): ExtractedText {
  try {
    const { text, encoding } = decodeBytes(bytes);
    return { format, text, encoding, pages: null };
  } catch (e) {
    if (e instanceof DecodeError) throw new ExtractError(e.message, file, { cause: e });
    throw e;
  }
}
