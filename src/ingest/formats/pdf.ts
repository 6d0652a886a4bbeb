/**
 * PDF → text through the PDF's text layer (pdfjs-dist, pure JS, with its CMaps for Chinese
 * CID fonts). Text items are grouped into printed lines by their baseline and read top to
 * bottom, left to right, like poppler's pdftotext; a wide horizontal gap inside a line (a
 * table's columns) becomes a tab. A line that is only a page number (`— 3 —`, `- 3 -`, `3`)
 * at the top or bottom of a page is page furniture and dropped. A PDF without a text layer
 * (a scan) is an {@link ExtractError}, never an empty document.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { ExtractError, hanCount, unifyHan, type ExtractedText } from "./extracted.js";

/** Han characters per page below which a PDF counts as having no text layer. */
const MIN_HAN_PER_PAGE = 20;
/** A gap wider than this many font sizes between two items of a line separates table cells. */
const CELL_GAP_EM = 1.5;

const PAGE_NUMBER_LINE = /^[\s—–\-－·第]*\d{1,4}[\s—–\-－·页]*$/u;

interface Item {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
}

const pdfjsRoot = dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
/** pdf.js in Node reads CMaps and font data with fs: a folder path ending in a separator. */
const assetUrl = (folder: string) => `${join(pdfjsRoot, folder)}/`;

/** Groups a page's items into lines (top to bottom), each line's items left to right. */
function pageLines(items: Item[]): Item[][] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Item[][] = [];
  for (const item of sorted) {
    const line = lines.at(-1);
    const ref = line?.[0];
    if (line && ref && Math.abs(ref.y - item.y) <= Math.max(ref.size, item.size) * 0.4) line.push(item);
    else lines.push([item]);
  }
  return lines.map((l) => l.sort((a, b) => a.x - b.x));
}

function lineText(line: Item[]): string {
  let text = "";
  let end: number | null = null;
  let space = false;
  for (const item of line) {
    if (item.str.trim() === "") {
      space = text !== "";
      continue;
    }
    if (end !== null && item.x - end > item.size * CELL_GAP_EM) text += "\t";
    else if (space) text += " ";
    space = false;
    text += item.str;
    end = item.x + item.width;
  }
  return text;
}

/** Drops page-number lines at the top or bottom of a page. */
function withoutPageNumbers(lines: string[]): string[] {
  const out = [...lines];
  while (out.length > 0 && PAGE_NUMBER_LINE.test(out.at(-1)!)) out.pop();
  while (out.length > 0 && PAGE_NUMBER_LINE.test(out[0]!)) out.shift();
  return out;
}

/** Extracts the text layer of a PDF; `file` names it in errors. */
export async function extractPdf(bytes: Uint8Array, file: string): Promise<ExtractedText> {
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  let pdf;
  try {
    pdf = await getDocument({
      data: new Uint8Array(bytes),
      cMapUrl: assetUrl("cmaps"),
      cMapPacked: true,
      standardFontDataUrl: assetUrl("standard_fonts"),
      isEvalSupported: false,
      useSystemFonts: false,
      verbosity: 0,
    }).promise;
  } catch (e) {
    throw new ExtractError(`unreadable PDF: ${(e as Error).message}`, file, { cause: e });
  }
  try {
    const pages: number[] = [];
    let text = "";
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const items: Item[] = [];
      for (const raw of content.items) {
        if (!("str" in raw)) continue;
        const it = raw as PdfTextItem;
        if (it.str === "") continue;
        const [a = 0, b = 0, , , x = 0, y = 0] = it.transform;
        items.push({ str: it.str, x, y, width: it.width, size: Math.hypot(a, b) || 1 });
      }
      page.cleanup();
      const lines = withoutPageNumbers(pageLines(items).map(lineText));
      if (text !== "" && !text.endsWith("\n")) text += "\n";
      pages.push(text.length);
      text += lines.join("\n");
    }
    text = unifyHan(text);
    if (hanCount(text) < MIN_HAN_PER_PAGE * pdf.numPages) {
      throw new ExtractError(
        `PDF has no text layer (${pdf.numPages} pages, ${hanCount(text)} Chinese characters): a scan needs OCR before it can be indexed`,
        file,
      );
    }
    return { format: "pdf", text: `${text}\n`, encoding: "pdf", pages };
  } finally {
    await pdf.destroy();
  }
}
