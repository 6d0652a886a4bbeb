/**
 * Builds the task table of a task breakdown (任务分解方案): one row per numbered task with
 * its text, 牵头单位, 责任单位 and heading path.
 */
import { headingMarker, markerNumber } from "../ingest/headings.js";
import { splitLines } from "../sections/parse-sections.js";
import type { CorpusDocument, Section, TaskRow } from "../types.js";
import { documentRole } from "./statement-period.js";

const UNIT_VALUE = /^(牵头单位|责任单位)[:：]\s*(.*)$/u;

/** Extracts the numbered tasks of a plan (任务分解方案 and other plans, by title words); others give []. */
export function extractTasks(doc: CorpusDocument, sections: Section[]): TaskRow[] {
  if (!documentRole(doc.meta).plan) return [];
  const tasks: TaskRow[] = [];
  const lines = splitLines(doc.text);
  for (const section of sections) {
    const first = lines.find((l) => l.start === section.start);
    const marker = first ? headingMarker(first.text) : null;
    if (!first || marker?.style !== "num-dot") continue;
    const number = markerNumber(marker.marker);
    if (number === null) continue;
    let lead: string | null = null;
    let responsible: string | null = null;
    let end = first.end;
    for (const line of lines) {
      if (line.start <= first.start || line.end > section.end) continue;
      const m = line.text.match(UNIT_VALUE);
      if (!m) continue;
      if (m[1] === "牵头单位") lead = m[2]!.trim();
      else responsible = m[2]!.trim();
      end = line.end;
    }
    tasks.push({
      id: `${doc.meta.id}:task${number}`,
      docId: doc.meta.id,
      number,
      text: first.text.slice(marker.marker.length).trim(),
      lead,
      responsible,
      path: section.path.slice(0, -1),
      sectionId: section.id,
      start: first.start,
      end,
    });
  }
  return tasks;
}
