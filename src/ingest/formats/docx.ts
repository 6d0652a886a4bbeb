/**
 * DOCX → text straight from `word/document.xml` (unzipped with fflate, pure JS): one line per
 * paragraph in document order, including captions and empty paragraphs; a table as one line per
 * row with its cells separated by tabs (a cell's paragraphs joined by a space, trimmed), the form the
 * table reader parses. Deleted revisions (`w:delText`) and field codes (`w:instrText`) are not
 * text. mammoth was not used: it renders to HTML and drops the row/column shape we need.
 */
import { strFromU8, unzipSync } from "fflate";
import { ExtractError, hanCount, unifyHan, type ExtractedText } from "./extracted.js";

const DOCUMENT_XML = "word/document.xml";

/** The tags that shape the text; everything else (properties, drawings) is skipped. */
const TOKEN = /<(\/?)w:(p|tbl|tr|tc|t|tab|br|cr|delText|instrText)(?=[\s/>])[^>]*?(\/?)>|([^<]+)|<[^>]*>/gu;

const ENTITY = /&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/giu;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  return s.replace(
    ENTITY,
    (_m, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
      if (hex) return String.fromCodePoint(parseInt(hex, 16));
      if (dec) return String.fromCodePoint(parseInt(dec, 10));
      return NAMED[name!.toLowerCase()] ?? "";
    },
  );
}

/** Renders document.xml's body as lines: paragraphs, and tables as tab-separated rows. */
export function documentXmlToText(xml: string): string {
  const lines: string[] = [];
  // A stack of open tables: rows of cells of paragraphs.
  const tables: Array<{ row: string[] | null; cell: string[] | null }> = [];
  let paragraph: string | null = null;
  let inText = false;
  const endParagraph = () => {
    if (paragraph === null) return;
    const table = tables.at(-1);
    if (table?.cell) table.cell.push(paragraph);
    else lines.push(paragraph);
    paragraph = null;
  };
  for (const m of xml.matchAll(TOKEN)) {
    const [, close, tag, selfClose, chars] = m;
    if (chars !== undefined) {
      if (inText && paragraph !== null) paragraph += decodeEntities(chars);
      continue;
    }
    if (!tag) continue;
    const opening = !close;
    switch (tag) {
      case "p":
        if (opening) {
          endParagraph();
          paragraph = "";
          if (selfClose) endParagraph();
        } else endParagraph();
        break;
      case "t":
        inText = opening && !selfClose;
        break;
      case "delText":
      case "instrText":
        inText = false;
        break;
      case "tab":
        if (opening && paragraph !== null) paragraph += "\t";
        break;
      case "br":
      case "cr":
        if (opening && paragraph !== null) paragraph += "\n";
        break;
      case "tbl":
        if (opening) tables.push({ row: null, cell: null });
        else tables.pop();
        break;
      case "tr": {
        const table = tables.at(-1);
        if (!table) break;
        if (opening) table.row = [];
        else if (table.row) {
          const row = table.row.join("\t");
          const outer = tables.at(-2);
          if (outer?.cell) outer.cell.push(row);
          else lines.push(row);
          table.row = null;
        }
        break;
      }
      case "tc": {
        const table = tables.at(-1);
        if (!table) break;
        if (opening) table.cell = [];
        else if (table.cell) {
          table.row?.push(table.cell.join(" ").trim());
          table.cell = null;
        }
        break;
      }
    }
  }
  endParagraph();
  return lines.join("\n");
}

/** Extracts paragraphs and tables of a .docx; `file` names it in errors. */
export function extractDocx(bytes: Uint8Array, file: string): ExtractedText {
  let xml: string;
  try {
    const entries = unzipSync(new Uint8Array(bytes), { filter: (f) => f.name === DOCUMENT_XML });
    const entry = entries[DOCUMENT_XML];
    if (!entry) throw new Error(`no ${DOCUMENT_XML} in the archive`);
    xml = strFromU8(entry);
  } catch (e) {
    throw new ExtractError(`unreadable Word file (.docx): ${(e as Error).message}`, file, { cause: e });
  }
  const text = unifyHan(documentXmlToText(xml));
  if (hanCount(text) === 0) throw new ExtractError("Word file holds no Chinese text", file);
  return { format: "docx", text: `${text}\n`, encoding: "docx", pages: null };
}
