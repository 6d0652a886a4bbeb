/**
 * An inverted index of indicator rows by the characters of their clause (issue 12, item 5),
 * over {@link TextIndex}: topic matching ({@link scoreRowsByTopic}) only counts rows whose
 * clause contains a topic term, so the rows worth scoring are found through this index instead
 * of by scanning every row. The answering layer reads it through the CorpusReader.
 */
import type { IndicatorRow } from "../types.js";
import { buildTextIndex, itemsWithTerms, type TextIndex } from "./text-index.js";

/** Rows with their clause index. */
export interface RowTermIndex {
  rows: readonly IndicatorRow[];
  text: TextIndex;
}

/** Builds the index over the rows' clauses; linear in the total clause length. */
export function buildRowTermIndex(rows: readonly IndicatorRow[]): RowTermIndex {
  return { rows, text: buildTextIndex(rows.map((r) => r.clause)) };
}

const built = new WeakMap<readonly IndicatorRow[], RowTermIndex>();

/** The index of a loaded row table, built on first use and kept as long as the table is. */
export function rowTermIndexOf(rows: readonly IndicatorRow[]): RowTermIndex {
  let index = built.get(rows);
  if (!index) {
    index = buildRowTermIndex(rows);
    built.set(rows, index);
  }
  return index;
}

/**
 * The rows (in table order) of the given documents whose clause contains at least one of the
 * terms: exactly the rows {@link scoreRowsByTopic} can score above zero.
 */
export function rowsWithTerms(
  index: RowTermIndex,
  terms: readonly string[],
  docIds: ReadonlySet<string>,
): IndicatorRow[] {
  return itemsWithTerms(index.text, terms)
    .map((p) => index.rows[p]!)
    .filter((row) => docIds.has(row.source.docId));
}
