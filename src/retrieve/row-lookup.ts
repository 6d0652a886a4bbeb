/**
 * Lookups of indicator rows that a question makes, through indexes built once per loaded row
 * table (kept in a WeakMap beside it), so their cost grows with the rows found, not with the
 * corpus: the rows of named indicators, and the rows read from one statement.
 */
import type { IndicatorRow } from "../types.js";

interface RowLookup {
  /** Positions of the rows of each canonical indicator, ascending. */
  byIndicator: Map<string, number[]>;
  /** Rows of each source statement (`docId|start`), in table order. */
  byStatement: Map<string, IndicatorRow[]>;
}

const statementKey = (row: IndicatorRow) => `${row.source.docId}|${row.source.start}`;
const built = new WeakMap<readonly IndicatorRow[], RowLookup>();

function lookupOf(rows: readonly IndicatorRow[]): RowLookup {
  let lookup = built.get(rows);
  if (!lookup) {
    lookup = { byIndicator: new Map(), byStatement: new Map() };
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      if (row.indicator !== null) {
        const list = lookup.byIndicator.get(row.indicator);
        if (list) list.push(i);
        else lookup.byIndicator.set(row.indicator, [i]);
      }
      const key = statementKey(row);
      const same = lookup.byStatement.get(key);
      if (same) same.push(row);
      else lookup.byStatement.set(key, [row]);
    }
    built.set(rows, lookup);
  }
  return lookup;
}

/** Rows of the named canonical indicators in the given documents, in table order. */
export function rowsOfIndicators(
  rows: readonly IndicatorRow[],
  indicators: ReadonlySet<string>,
  docIds: ReadonlySet<string>,
): IndicatorRow[] {
  const { byIndicator } = lookupOf(rows);
  const positions = [...indicators].flatMap((name) => byIndicator.get(name) ?? []).sort((a, b) => a - b);
  return positions.map((p) => rows[p]!).filter((r) => docIds.has(r.source.docId));
}

/** Every row read from the same statement as `row` (itself included), in table order. */
export function rowsOfStatement(rows: readonly IndicatorRow[], row: IndicatorRow): IndicatorRow[] {
  return lookupOf(rows).byStatement.get(statementKey(row)) ?? [row];
}
