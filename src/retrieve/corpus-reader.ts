/**
 * The one door through which the answering layer (src/answer, src/understand via its lexicon)
 * reads the corpus: indicator rows, tasks, document metadata, statement texts, sections and
 * chunks. Narrow methods, each bounded by what a question asks (its indicators, terms, scope),
 * so nothing on the per-question path scans every row or every task.
 *
 * Implemented in memory over the loaded artefacts (memory-corpus-reader.ts); a store on disk
 * (SQLite, text on demand) can implement the same interface without the answer layer changing.
 */
import type { DocumentSpans } from "../index/document-spans.js";
import type { Chunk, DocumentMeta, IndicatorRow, Section, TaskRow } from "../types.js";
import type { UnitRole } from "../understand/question.js";

/** Reads the corpus for one question at a time. Implementations are read-only and shareable. */
export interface CorpusReader extends DocumentSpans {
  /** Metadata of every document, in corpus order. */
  metas(): readonly DocumentMeta[];
  /** Metadata of one document; undefined for an unknown id. */
  meta(docId: string): DocumentMeta | undefined;

  /** Rows of the named canonical indicators in the given documents, in table order. */
  rowsOfIndicators(indicators: Iterable<string>, docIds: ReadonlySet<string>): IndicatorRow[];
  /** Every row read from the same statement as `row` (itself included), in table order. */
  rowsOfStatement(row: IndicatorRow): IndicatorRow[];
  /** The rows of the statement right before or after `row`'s in its document ([] when it states no figure). */
  rowsBeside(row: IndicatorRow, side: "before" | "after"): IndicatorRow[];
  /** Rows of the given documents whose clause contains one of the terms, in table order. */
  rowsWithTerms(terms: readonly string[], docIds: ReadonlySet<string>): IndicatorRow[];
  /** Rows naming a canonical indicator in the given documents (rankings, briefings), in table order. */
  indicatorRowsOfDocs(docIds: ReadonlySet<string>): IndicatorRow[];
  /** The periods of the rows read from the statement at `start` of a document ([] when none). */
  statementPeriods(docId: string, start: number): string[];

  /** The tasks numbered `number` (one per task table holding it). */
  taskByNumber(number: number): TaskRow[];
  /** The tasks whose text or unit columns hold one of the terms, in table order. */
  tasksWithTerms(terms: readonly string[]): TaskRow[];
  /** The tasks whose text contains a quoted text (punctuation and spaces ignored). */
  tasksQuoting(quote: string): TaskRow[];
  /** The tasks a unit (by key) leads or is responsible for, as the role asks, in task order. */
  tasksOfUnit(unitKey: string, role: UnitRole): TaskRow[];
  /** Every unit the task tables name, by key. */
  taskUnits(): readonly string[];
  /** A unit as the tables first write it (各县区政府 → 各县（市）区政府). */
  unitName(unitKey: string): string;
  /** How many tasks the tables hold and the highest number. */
  taskCount(): { tasks: number; highest: number };

  /** A section by id. */
  section(sectionId: string): Section | undefined;
  /** The heading path of a section as one line (`一、综合`, `导语` for the root). */
  sectionLabel(sectionId: string): string;
  /** A chunk by its position in the search index. */
  chunk(position: number): Chunk | undefined;
  /** The search position of the chunk holding an offset of a document, or -1. */
  chunkPositionAt(docId: string, offset: number): number;

  /** Inverse document frequency of a search term over the chunks (unseen terms get the most). */
  idf(term: string): number;
}
