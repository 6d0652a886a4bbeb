/**
 * Cuts sections into retrieval chunks. Chunks follow sections: short paragraphs of one
 * section are merged, a long paragraph is split at statement ends near the target size,
 * never inside a number. Each chunk carries its document, section, heading path and offsets.
 */
import type { Chunk, CorpusDocument, Section } from "../types.js";
import { splitLines } from "./parse-sections.js";
import { splitStatements, type Range } from "./sentences.js";

/** Chunk sizes in characters; see {@link chunkDocument}. */
export interface ChunkOptions {
  /** A chunk stops growing once it reaches this size. Default 300. */
  minChars: number;
  /** A chunk never grows past this size, unless one statement alone is longer. Default 500. */
  maxChars: number;
}

/** Defaults: chunks of 300–500 characters, as bge-small embeds up to 512 tokens. */
export const DEFAULT_CHUNK_OPTIONS: ChunkOptions = { minChars: 300, maxChars: 500 };

/** Groups ranges greedily into pieces of at most maxChars, closing a piece at minChars. */
function pack(ranges: Range[], options: ChunkOptions): Range[] {
  const out: Range[] = [];
  let cur: Range | null = null;
  for (const r of ranges) {
    if (cur && (r.end - cur.start > options.maxChars || cur.end - cur.start >= options.minChars)) {
      out.push(cur);
      cur = null;
    }
    cur = cur ? { start: cur.start, end: r.end } : { ...r };
  }
  if (cur) out.push(cur);
  return out;
}

/** The part of a section before its first child: the text that belongs to it alone. */
function ownRange(section: Section, sections: Section[]): Range {
  const firstChild = sections.find((s) => s.parentId === section.id);
  return { start: section.start, end: firstChild ? firstChild.start : section.end };
}

/** Chunks one document, given its sections from parseSections. */
export function chunkDocument(
  doc: CorpusDocument,
  sections: Section[],
  options: ChunkOptions = DEFAULT_CHUNK_OPTIONS,
): Chunk[] {
  const chunks: Chunk[] = [];
  const lines = splitLines(doc.text);
  for (const section of sections) {
    const own = ownRange(section, sections);
    const paragraphs: Range[] = [];
    for (const line of lines) {
      if (line.start < own.start || line.end > own.end || line.text.trim() === "") continue;
      if (line.end - line.start <= options.maxChars) paragraphs.push({ start: line.start, end: line.end });
      else paragraphs.push(...pack(splitStatements(doc.text, line.start, line.end), options));
    }
    for (const range of pack(paragraphs, options)) {
      chunks.push({
        id: `${doc.meta.id}~${chunks.length}`,
        docId: doc.meta.id,
        sectionId: section.id,
        path: section.path,
        text: doc.text.slice(range.start, range.end),
        start: range.start,
        end: range.end,
      });
    }
  }
  return chunks;
}
