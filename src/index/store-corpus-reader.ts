/**
 * The answering layer's `CorpusReader` (src/retrieve/corpus-reader.ts, issue 17) read from the
 * corpus store on demand (issue 19, phase 2): document metadata is held (a few hundred bytes a
 * document); rows, sections and chunks are read per call through the store's indexes
 * ({@link StoreLookups}); texts are read per document when a statement is cited or its
 * neighbours are asked for, the last few documents and their statement lists kept; inverse
 * document frequencies come from the stored BM25 posting lists. Nothing is read whole at start.
 *
 * Two differences from the in-memory reader the wiring must know:
 * - a chunk's *position* is its vector label (what the vector index and the stored BM25
 *   postings hold) unless a label ↔ position map is given (the open artefacts' `chunks`, as
 *   src/answer wires it, so positions stay corpus order as the search ranks them);
 * - the task lookups by terms, quote and unit come from `tasks`, given by the caller: task
 *   tables are small (one per 任务分解方案, none in the public corpus) and their unit keys are
 *   the answering layer's (src/understand/units.ts), which this layer must not import. Build it
 *   over `store.tasks()` once per load. `taskByNumber` and `taskCount` are read from the store.
 *
 * Defined here, below src/retrieve, so the type is structural: its methods match
 * `CorpusReader`'s one for one and the wiring assigns it to that interface.
 */
import { sectionLabel } from "../sections/parse-sections.js";
import { splitStatements, type Range } from "../sections/sentences.js";
import type { Chunk, CorpusDocument, DocumentMeta, IndicatorRow, Section, TaskRow } from "../types.js";
import { documentSpans, statementIndex, type DocumentSpans } from "./document-spans.js";
import { postingCount } from "./postings-codec.js";
import { StoreLookups } from "./store-lookups.js";
import type { CorpusStore } from "./store-reader.js";

/** Documents whose statement lists are kept between calls (as {@link StoreLookups} keeps texts). */
const STATEMENT_LISTS_KEPT = 16;

/** The reading methods backed by the store (all of `CorpusReader` but the task lookups by text and unit). */
export interface StoreCorpusReading extends DocumentSpans {
  metas(): readonly DocumentMeta[];
  meta(docId: string): DocumentMeta | undefined;
  rowsOfIndicators(indicators: Iterable<string>, docIds: ReadonlySet<string>): IndicatorRow[];
  rowsOfStatement(row: IndicatorRow): IndicatorRow[];
  rowsBeside(row: IndicatorRow, side: "before" | "after"): IndicatorRow[];
  rowsWithTerms(terms: readonly string[], docIds: ReadonlySet<string>): IndicatorRow[];
  indicatorRowsOfDocs(docIds: ReadonlySet<string>): IndicatorRow[];
  statementPeriods(docId: string, start: number): string[];
  taskByNumber(number: number): TaskRow[];
  taskCount(): { tasks: number; highest: number };
  section(sectionId: string): Section | undefined;
  sectionLabel(sectionId: string): string;
  chunk(position: number): Chunk | undefined;
  chunkPositionAt(docId: string, offset: number): number;
  idf(term: string): number;
}

/** Terms whose inverse document frequency is kept between calls (a question asks a few dozen). */
const IDFS_KEPT = 4096;
/** Sections kept between calls (scoring reads the heading of every candidate row). */
const SECTIONS_KEPT = 512;

/** A map that keeps its last `size` entries (the least recently set dropped first). */
function remember<K, V>(kept: Map<K, V>, size: number, key: K, value: V): V {
  kept.set(key, value);
  if (kept.size > size) kept.delete(kept.keys().next().value!);
  return value;
}

/** Chunk positions ↔ vector labels (load-artefacts.ts `ChunkPositions`); −1 when there is none. */
export interface ChunkLabelMap {
  labelAt(position: number): number;
  positionOf(label: number): number;
}

const IDENTITY: ChunkLabelMap = { labelAt: (p) => p, positionOf: (l) => l };

/**
 * A reader over an open store, with the task lookups by text and unit from `tasks` (an object
 * whose own properties are those methods, as the in-memory reader makes them). Create one per
 * load and share it between questions; it is read-only.
 */
export function storeCorpusReader<Tasks extends object>(
  store: CorpusStore,
  tasks: Tasks,
  positions: ChunkLabelMap = IDENTITY,
): StoreCorpusReading & Tasks {
  const lookups = new StoreLookups(store);
  const metas = store.metas();
  const metaOf = new Map(metas.map((m) => [m.id, m]));
  const chunkCount = store.db.prepare("SELECT count(*) FROM chunks").pluck().get() as number;
  const statementLists = new Map<string, Range[]>();

  const doc = (docId: string): CorpusDocument => {
    const d = lookups.document(docId);
    if (!d) throw new Error(`unknown document id ${docId}`);
    return d;
  };
  const statementsOf = (docId: string): Range[] => {
    let list = statementLists.get(docId);
    if (list) statementLists.delete(docId);
    else list = splitStatements(lookups.document(docId)?.text ?? "");
    statementLists.set(docId, list);
    if (statementLists.size > STATEMENT_LISTS_KEPT)
      statementLists.delete(statementLists.keys().next().value!);
    return list;
  };
  const sections = new Map<string, Section | undefined>();
  const section = (sectionId: string) =>
    sections.has(sectionId)
      ? sections.get(sectionId)
      : remember(sections, SECTIONS_KEPT, sectionId, lookups.section(sectionId) ?? undefined);
  const idfs = new Map<string, number>();

  const reading: StoreCorpusReading = {
    metas: () => metas,
    meta: (docId) => metaOf.get(docId),
    rowsOfIndicators: (indicators, docIds) => lookups.rowsOfIndicators(indicators, docIds),
    rowsOfStatement(row) {
      const rows = lookups.rowsOfStatement(row.source.docId, row.source.start);
      return rows.length > 0 ? rows : [row];
    },
    rowsBeside(row, side) {
      const { docId, start } = row.source;
      const list = statementsOf(docId);
      const beside = list[statementIndex(list, start) + (side === "after" ? 1 : -1)];
      return beside ? lookups.rowsOfStatement(docId, beside.start) : [];
    },
    rowsWithTerms: (terms, docIds) => lookups.rowsWithTerms(terms, docIds),
    indicatorRowsOfDocs: (docIds) => lookups.indicatorRowsOfDocuments(docIds),
    statementPeriods: (docId, start) => lookups.statementPeriods(docId, start),
    taskByNumber: (number) => lookups.tasksNumberedAnywhere(number),
    taskCount: () => lookups.taskCount(),
    ...documentSpans(doc, statementsOf, section),
    section,
    sectionLabel(sectionId) {
      const s = section(sectionId);
      return s ? sectionLabel(s) : "";
    },
    chunk(position) {
      const label = positions.labelAt(position);
      return label < 0 ? undefined : (lookups.chunk(label) ?? undefined);
    },
    chunkPositionAt(docId, offset) {
      const label = lookups.chunkLabelAt(docId, offset);
      return label < 0 ? -1 : positions.positionOf(label);
    },
    idf(term) {
      const kept = idfs.get(term);
      if (kept !== undefined) return kept;
      // The stored postings hold live labels only (a build rewrites a changed document's terms);
      // the count heads the list, so nothing is decoded.
      const blob = store.bm25Blob(term.toLowerCase());
      const df = blob ? postingCount(blob) : 0;
      return remember(idfs, IDFS_KEPT, term, Math.log(1 + (chunkCount - df + 0.5) / (df + 0.5)));
    },
  };
  return { ...tasks, ...reading };
}
