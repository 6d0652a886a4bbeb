/**
 * Builds citations: the source statement of a figure, verbatim (normalised and original),
 * with its document, heading path and neighbouring statements for excerpts. Reads the corpus
 * only through the {@link CorpusReader}.
 */
import type { CorpusReader } from "../retrieve/corpus-reader.js";
import type { Range } from "../sections/sentences.js";
import type { Citation } from "../types.js";

/** Collects the citations of one answer, numbering them and merging repeats of a span. */
export class CitationBook {
  private readonly list: Citation[] = [];

  constructor(private readonly reader: CorpusReader) {}

  /** Adds the statement [start, end) of a document; returns its citation id (1-based). */
  cite(docId: string, sectionId: string, start: number, end: number, figure: string | null): number {
    const existing = this.list.find((c) => c.docId === docId && c.start === start && c.end === end);
    if (existing) return existing.id;
    const citation = this.add(docId, sectionId, [{ start, end }], figure);
    const { before, after } = this.reader.neighbours(docId, start, end);
    citation.before = before;
    citation.after = after;
    const page = this.reader.pageAt(docId, start);
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

  /** Records a citation quoting the given pieces of a document verbatim, joined by `…`. */
  private add(docId: string, sectionId: string, pieces: Range[], figure: string | null): Citation {
    const meta = this.reader.meta(docId);
    if (!meta) throw new Error(`unknown document id ${docId}`);
    const last = pieces[pieces.length - 1]!;
    const citation: Citation = {
      id: this.list.length + 1,
      doc: meta.file,
      docId,
      title: meta.title,
      section: this.reader.sectionLabel(sectionId),
      quote: pieces.map((r) => this.reader.text(docId, r.start, r.end)).join("…"),
      original: pieces.map((r) => this.reader.original(docId, r.start, r.end)).join("…"),
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
