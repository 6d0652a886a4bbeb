/**
 * Reading spans of a document's normalised text: the statements inside a span, its neighbours
 * on the same line, the statement before it in its section, the source text as published and
 * the page of an offset. Shared by both `CorpusReader` implementations (the in-memory reader in
 * src/retrieve and the store-backed one here), which differ only in how they fetch a document,
 * its statement list and a section.
 */
import { rawOffset, rawSlice } from "../ingest/mapped-text.js";
import type { Range } from "../sections/sentences.js";
import type { CorpusDocument, Section } from "../types.js";

/** Position of the first statement ending after `start` in a statement list (binary search). */
export function statementIndex(list: readonly Range[], start: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The 1-based page of a normalised offset in a paged document (PDF), or null. */
export function pageAt(doc: CorpusDocument, offset: number): number | null {
  if (!doc.pages || doc.pages.length === 0) return null;
  const raw = rawOffset(doc.offsets, offset);
  let page = 1;
  for (let i = 0; i < doc.pages.length; i++) if (doc.pages[i]! <= raw) page = i + 1;
  return page;
}

/** The span-reading methods of a `CorpusReader` (src/retrieve/corpus-reader.ts extends this). */
export interface DocumentSpans {
  /** The normalised text [start, end) of a document. */
  text(docId: string, start: number, end: number): string;
  /** The same span exactly as it stands in the source file. */
  original(docId: string, start: number, end: number): string;
  /** The statements lying inside [start, end) of a document. */
  statementsIn(docId: string, start: number, end: number): Range[];
  /** The statements before and after the one at [start, end), when on the same line ("" otherwise). */
  neighbours(docId: string, start: number, end: number): { before: string; after: string };
  /** The statement before the one at `start`, when in the same section; "" otherwise. */
  statementBefore(docId: string, sectionId: string, start: number): string;
  /** The 1-based page of an offset in a paged source (PDF); null otherwise. */
  pageAt(docId: string, offset: number): number | null;
}

/**
 * The span-reading methods over a reader's own access: `doc` throws for an unknown id,
 * `statementsOf` gives a document's statements in order, `section` a section by id.
 */
export function documentSpans(
  doc: (docId: string) => CorpusDocument,
  statementsOf: (docId: string) => readonly Range[],
  section: (sectionId: string) => Section | undefined,
): DocumentSpans {
  return {
    text: (docId, start, end) => doc(docId).text.slice(start, end),
    original(docId, start, end) {
      const d = doc(docId);
      return rawSlice(d.raw, d.offsets, start, end);
    },
    statementsIn(docId, start, end) {
      const list = statementsOf(docId);
      const out: Range[] = [];
      for (let i = statementIndex(list, start); i < list.length && list[i]!.end <= end; i++)
        if (list[i]!.start >= start) out.push(list[i]!);
      return out;
    },
    neighbours(docId, start, end) {
      const d = doc(docId);
      const list = statementsOf(docId);
      const at = list.findIndex((s) => s.start <= start && start < s.end);
      const sameLine = (r: Range | undefined) =>
        r !== undefined && !d.text.slice(Math.min(r.end, start), Math.max(r.start, end)).includes("\n");
      const before = at > 0 && sameLine(list[at - 1]) ? list[at - 1]! : null;
      const after = at >= 0 && sameLine(list[at + 1]) ? list[at + 1]! : null;
      return {
        before: before ? d.text.slice(before.start, before.end) : "",
        after: after ? d.text.slice(after.start, after.end) : "",
      };
    },
    statementBefore(docId, sectionId, start) {
      const list = statementsOf(docId);
      const previous = list[statementIndex(list, start) - 1];
      const s = section(sectionId);
      if (!previous || !s || previous.start < s.start) return "";
      return doc(docId).text.slice(previous.start, previous.end);
    },
    pageAt: (docId, offset) => pageAt(doc(docId), offset),
  };
}
