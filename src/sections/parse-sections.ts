/**
 * Parses a document's heading hierarchy into sections. Nesting follows the national standard
 * for official documents (GB/T 9704): 一、 above （一） above 1. above （1）; a `- ` heading
 * stands at the top level (one bulletin writes its ninth chapter that way).
 */
import { UNIT_LINE, headingMarker, headingTitle, type HeadingStyle } from "../ingest/headings.js";
import { CELL } from "../ingest/layout.js";
import type { CorpusDocument, Section } from "../types.js";

const RANK: Record<HeadingStyle, number> = {
  "cn-dun": 1,
  dash: 1,
  "cn-paren": 2,
  "num-dot": 3,
  "num-paren": 4,
};

/** A line of the normalised text with its offsets (end excludes the line break). */
export interface Line {
  text: string;
  start: number;
  end: number;
}

/** Splits text into lines with offsets. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const part of text.split("\n")) {
    lines.push({ text: part, start, end: start + part.length });
    start += part.length + 1;
  }
  return lines;
}

/**
 * Returns the document's sections in document order: first the root (level 0, the title as
 * heading, the whole text), then one per heading line.
 */
export function parseSections(doc: CorpusDocument): Section[] {
  const docId = doc.meta.id;
  const root: Section = {
    id: `${docId}#0`,
    docId,
    parentId: null,
    level: 0,
    heading: doc.meta.title,
    path: [],
    start: 0,
    end: doc.text.length,
  };
  const sections: Section[] = [root];
  const stack: Array<{ section: Section; rank: number }> = [];
  let afterUnitLine = false;
  for (const line of splitLines(doc.text)) {
    if (line.text.trim() === "") continue;
    // A table row (`（1）税收收入｜69.10｜12.5`) is never a heading, whatever it starts with.
    const found = line.text.includes(CELL) ? null : headingMarker(line.text);
    const closesList = !found && afterUnitLine && !UNIT_LINE.test(line.text);
    afterUnitLine = UNIT_LINE.test(line.text);
    if (!found && !closesList) continue;
    // Text after a task's unit lines that is not another task closes the list: it becomes a
    // top-level section named by its lead clause (the closing remarks of a task breakdown).
    const rank = found ? RANK[found.style] : 1;
    while (stack.length > 0 && stack[stack.length - 1]!.rank >= rank) {
      stack.pop()!.section.end = trimEnd(doc.text, line.start);
    }
    const parent = stack[stack.length - 1]?.section ?? root;
    const heading = headingTitle(line.text);
    const section: Section = {
      id: `${docId}#${sections.length}`,
      docId,
      parentId: parent.id,
      level: stack.length + 1,
      heading,
      path: [...parent.path, heading],
      start: line.start,
      end: doc.text.length,
    };
    sections.push(section);
    stack.push({ section, rank });
  }
  for (const open of stack) open.section.end = trimEnd(doc.text, doc.text.length);
  return sections;
}

/** Moves an end offset back over trailing line breaks and spaces. */
function trimEnd(text: string, end: number): number {
  let e = end;
  while (e > 0 && /\s/u.test(text[e - 1]!)) e--;
  return e;
}

/** The innermost section containing an offset. */
export function sectionAt(sections: Section[], offset: number): Section {
  let best = sections[0]!;
  for (const s of sections) {
    if (s.start <= offset && offset < s.end && s.level >= best.level) best = s;
  }
  return best;
}

/** The heading path of a section as one line, e.g. `一、综合` or `三、城市建设 > （一）…`. */
export function sectionLabel(section: Section): string {
  return section.path.length > 0 ? section.path.join(" > ") : "导语";
}
