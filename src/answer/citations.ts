/**
 * Builds citations: the source statement of a figure, verbatim (normalised and original),
 * with its document, heading path and neighbouring statements for excerpts.
 */
import { rawOffset, rawSlice } from "../ingest/mapped-text.js";
import type { LoadedArtefacts } from "../index/load-artefacts.js";
import { sectionLabel } from "../sections/parse-sections.js";
import { splitStatements, type Range } from "../sections/sentences.js";
import type { Chunk, Citation, CorpusDocument, DocumentMeta, Section } from "../types.js";

/** Lookups over the loaded corpus, built once per process. */
export class CorpusView {
  readonly docs = new Map<string, CorpusDocument>();
  readonly sections = new Map<string, Section>();
  readonly chunksByDoc = new Map<string, Array<{ chunk: Chunk; position: number }>>();
  private readonly statements = new Map<string, Range[]>();

  constructor(readonly artefacts: LoadedArtefacts) {
    for (const d of artefacts.corpus.documents) this.docs.set(d.meta.id, d);
    for (const s of artefacts.corpus.sections) this.sections.set(s.id, s);
    artefacts.corpus.chunks.forEach((chunk, position) => {
      const list = this.chunksByDoc.get(chunk.docId) ?? [];
      list.push({ chunk, position });
      this.chunksByDoc.set(chunk.docId, list);
    });
  }

  /** Metadata of every document, in corpus order. */
  metas(): DocumentMeta[] {
    return [...this.docs.values()].map((d) => d.meta);
  }

  doc(id: string): CorpusDocument {
    const d = this.docs.get(id);
    if (!d) throw new Error(`unknown document id ${id}`);
    return d;
  }

  /** The statements of a document (cached). */
  statementsOf(docId: string): Range[] {
    let list = this.statements.get(docId);
    if (!list) {
      list = splitStatements(this.doc(docId).text);
      this.statements.set(docId, list);
    }
    return list;
  }

  /**
   * The statement before the one starting at `start`, when it lies in the same section (a
   * subject stated in one sentence and counted in the next); "" otherwise.
   */
  statementBefore(docId: string, sectionId: string, start: number): string {
    const list = this.statementsOf(docId);
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.end <= start) lo = mid + 1;
      else hi = mid;
    }
    const previous = list[lo - 1];
    const section = this.sections.get(sectionId);
    if (!previous || !section || previous.start < section.start) return "";
    return this.doc(docId).text.slice(previous.start, previous.end);
  }

  /** The chunk position holding an offset of a document, or -1. */
  chunkPositionAt(docId: string, offset: number): number {
    const hit = this.chunksByDoc.get(docId)?.find(({ chunk }) => chunk.start <= offset && offset < chunk.end);
    return hit ? hit.position : -1;
  }

  /** The heading path of a section as one line. */
  sectionLabel(sectionId: string): string {
    const s = this.sections.get(sectionId);
    return s ? sectionLabel(s) : "";
  }
}

/** The 1-based page of a normalised offset in a paged document (PDF), or null. */
export function pageAt(doc: CorpusDocument, offset: number): number | null {
  if (!doc.pages || doc.pages.length === 0) return null;
  const raw = rawOffset(doc.offsets, offset);
  let page = 1;
  for (let i = 0; i < doc.pages.length; i++) if (doc.pages[i]! <= raw) page = i + 1;
  return page;
}

/** Collects the citations of one answer, numbering them and merging repeats of a span. */
export class CitationBook {
  private readonly list: Citation[] = [];

  constructor(private readonly view: CorpusView) {}

  /** Adds the statement [start, end) of a document; returns its citation id (1-based). */
  cite(docId: string, sectionId: string, start: number, end: number, figure: string | null): number {
    const existing = this.list.find((c) => c.docId === docId && c.start === start && c.end === end);
    if (existing) return existing.id;
    const doc = this.view.doc(docId);
    const statements = this.view.statementsOf(docId);
    const at = statements.findIndex((s) => s.start <= start && start < s.end);
    const sameLine = (r: Range | undefined) =>
      r !== undefined && !doc.text.slice(Math.min(r.end, start), Math.max(r.start, end)).includes("\n");
    const before = at > 0 && sameLine(statements[at - 1]) ? statements[at - 1]! : null;
    const after = at >= 0 && sameLine(statements[at + 1]) ? statements[at + 1]! : null;
    const citation = this.add(docId, sectionId, [{ start, end }], figure);
    citation.before = before ? doc.text.slice(before.start, before.end) : "";
    citation.after = after ? doc.text.slice(after.start, after.end) : "";
    const page = pageAt(doc, start);
    if (page !== null) citation.page = page;
    return citation.id;
  }

  /**
   * Adds a table figure: the quote is the caption, the header line and the row, each verbatim,
   * joined by `…` (pieces that are absent are left out); start/end are the row's.
   */
  citeTable(
    docId: string,
    sectionId: string,
    row: Range,
    context: Array<Range | null>,
    figure: string | null,
  ): number {
    const existing = this.list.find((c) => c.docId === docId && c.start === row.start && c.end === row.end);
    if (existing) return existing.id;
    const pieces = [...context.filter((r): r is Range => r !== null && r.end <= row.start), row];
    return this.add(docId, sectionId, pieces, figure).id;
  }

  /**
   * Records a citation quoting the given pieces of a document verbatim, joined by `…`; its
   * span is the last piece's. Neighbours and page are the caller's to add.
   */
  private add(docId: string, sectionId: string, pieces: Range[], figure: string | null): Citation {
    const doc = this.view.doc(docId);
    const last = pieces[pieces.length - 1]!;
    const citation: Citation = {
      id: this.list.length + 1,
      doc: doc.meta.file,
      docId,
      title: doc.meta.title,
      section: this.view.sectionLabel(sectionId),
      quote: pieces.map((r) => doc.text.slice(r.start, r.end)).join("…"),
      original: pieces.map((r) => rawSlice(doc.raw, doc.offsets, r.start, r.end)).join("…"),
      figure,
      before: "",
      after: "",
      start: last.start,
      end: last.end,
    };
    this.list.push(citation);
    return citation;
  }

  /**
   * Takes a citation of another book (a part of a multi-part answer) into this one; returns
   * its id here. A span already cited keeps its id.
   */
  adopt(c: Citation): number {
    const existing = this.list.find((e) => e.docId === c.docId && e.start === c.start && e.end === c.end);
    if (existing) return existing.id;
    const adopted = { ...c, id: this.list.length + 1 };
    this.list.push(adopted);
    return adopted.id;
  }

  citations(): Citation[] {
    return [...this.list];
  }
}

/**
 * The excerpt of a citation as plain text: document, heading path, then the statement with its
 * neighbours, the statement in 「」 and the figure marked with 【】.
 */
export function formatExcerpt(c: Citation): string {
  const quote =
    c.figure && c.quote.includes(c.figure) ? c.quote.replace(c.figure, `【${c.figure}】`) : c.quote;
  const body = `${c.before ? `…${c.before}` : ""}「${quote}」${c.after ? `${c.after}…` : ""}`;
  return `《${c.title}》${c.page ? ` 第${c.page}页` : ""}\n${c.section || "导语"}\n${body}`;
}
