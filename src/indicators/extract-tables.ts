/**
 * Runs the table stage over a whole corpus: sections of each document, then its indicator
 * rows and task rows. Shared by the build and the table export.
 */
import { parseSections } from "../sections/parse-sections.js";
import type { CorpusDocument, IndicatorRow, Section, TaskRow } from "../types.js";
import type { IndicatorVocabulary } from "./aliases.js";
import { extractIndicators } from "./extract-indicators.js";
import { extractTableRows } from "./extract-table-rows.js";
import { extractTasks } from "./extract-tasks.js";

/** Sections per document and the two tables. */
export interface CorpusTables {
  sections: Map<string, Section[]>;
  rows: IndicatorRow[];
  tasks: TaskRow[];
}

/** Parses sections and extracts the indicator and task tables of every document. */
export function extractTables(documents: CorpusDocument[], vocabulary: IndicatorVocabulary): CorpusTables {
  const tables: CorpusTables = { sections: new Map(), rows: [], tasks: [] };
  for (const doc of documents) {
    const sections = parseSections(doc);
    tables.sections.set(doc.meta.id, sections);
    tables.rows.push(...extractIndicators({ doc, sections, vocabulary }));
    tables.rows.push(...extractTableRows({ doc, sections, vocabulary }));
    tables.tasks.push(...extractTasks(doc, sections));
  }
  return tables;
}
