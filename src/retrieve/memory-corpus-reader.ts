/**
 * {@link CorpusReader} in memory over the loaded artefacts. Indexes are built once per load
 * (rows by indicator, statement and document; rows and tasks by character bigram; tasks by
 * number and unit), so each method's cost follows what it returns, not the corpus size.
 */
import { documentSpans, statementIndex } from "../index/document-spans.js";
import type { LoadedArtefacts } from "../index/load-artefacts.js";
import { sectionLabel } from "../sections/parse-sections.js";
import { splitStatements, type Range } from "../sections/sentences.js";
import type { Chunk, CorpusDocument, DocumentMeta, IndicatorRow, Section } from "../types.js";
import type { CorpusReader } from "./corpus-reader.js";
import { taskReader } from "./task-reader.js";
import { buildTextIndex, itemsWithTerms } from "./text-index.js";

const statementKey = (docId: string, start: number) => `${docId}|${start}`;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** A reader over artefacts already loaded. Build one per load; share it between questions. */
export function memoryCorpusReader(artefacts: LoadedArtefacts): CorpusReader {
  const { rows, tasks } = artefacts;
  const docs = new Map<string, CorpusDocument>(artefacts.corpus.documents.map((d) => [d.meta.id, d]));
  const sections = new Map<string, Section>(artefacts.corpus.sections.map((s) => [s.id, s]));
  const chunksByDoc = new Map<string, Array<{ chunk: Chunk; position: number }>>();
  artefacts.corpus.chunks.forEach((chunk, position) => push(chunksByDoc, chunk.docId, { chunk, position }));

  const byIndicator = new Map<string, number[]>();
  const byStatement = new Map<string, IndicatorRow[]>();
  const indicatorRowsByDoc = new Map<string, number[]>();
  rows.forEach((row, i) => {
    if (row.indicator !== null) {
      push(byIndicator, row.indicator, i);
      push(indicatorRowsByDoc, row.source.docId, i);
    }
    push(byStatement, statementKey(row.source.docId, row.source.start), row);
  });
  const rowIndex = buildTextIndex(rows.map((r) => r.clause));
  const statements = new Map<string, Range[]>();
  const statementsOf = (docId: string): Range[] => {
    let list = statements.get(docId);
    if (!list) {
      const doc = docs.get(docId);
      list = doc ? splitStatements(doc.text) : [];
      statements.set(docId, list);
    }
    return list;
  };
  const doc = (docId: string): CorpusDocument => {
    const d = docs.get(docId);
    if (!d) throw new Error(`unknown document id ${docId}`);
    return d;
  };
  const chunkCount = artefacts.bm25.docLengths.length;

  return {
    ...taskReader(tasks),
    metas: () => artefacts.corpus.documents.map((d) => d.meta),
    meta: (docId): DocumentMeta | undefined => docs.get(docId)?.meta,
    rowsOfIndicators(indicators, docIds) {
      const positions = [...new Set(indicators)]
        .flatMap((name) => byIndicator.get(name) ?? [])
        .sort((a, b) => a - b);
      return positions.map((p) => rows[p]!).filter((r) => docIds.has(r.source.docId));
    },
    rowsOfStatement: (row) => byStatement.get(statementKey(row.source.docId, row.source.start)) ?? [row],
    rowsBeside(row, side) {
      const { docId, start } = row.source;
      const list = statementsOf(docId);
      const beside = list[statementIndex(list, start) + (side === "after" ? 1 : -1)];
      return beside ? (byStatement.get(statementKey(docId, beside.start)) ?? []) : [];
    },
    rowsWithTerms: (terms, docIds) =>
      itemsWithTerms(rowIndex, terms)
        .map((p) => rows[p]!)
        .filter((r) => docIds.has(r.source.docId)),
    indicatorRowsOfDocs: (docIds) =>
      [...docIds]
        .flatMap((id) => indicatorRowsByDoc.get(id) ?? [])
        .sort((a, b) => a - b)
        .map((p) => rows[p]!),
    statementPeriods: (docId, start) => [
      ...new Set((byStatement.get(statementKey(docId, start)) ?? []).map((r) => r.period)),
    ],
    ...documentSpans(doc, statementsOf, (sectionId) => sections.get(sectionId)),
    section: (sectionId) => sections.get(sectionId),
    sectionLabel: (sectionId) => {
      const s = sections.get(sectionId);
      return s ? sectionLabel(s) : "";
    },
    chunk: (position) => artefacts.corpus.chunks[position],
    chunkPositionAt(docId, offset) {
      const hit = chunksByDoc.get(docId)?.find(({ chunk }) => chunk.start <= offset && offset < chunk.end);
      return hit ? hit.position : -1;
    },
    idf(term) {
      const df = (artefacts.bm25.postings.get(term.toLowerCase())?.length ?? 0) / 2;
      return Math.log(1 + (chunkCount - df + 0.5) / (df + 0.5));
    },
  };
}
