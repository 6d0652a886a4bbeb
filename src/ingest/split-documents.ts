/**
 * Finds where a file holds several documents: a saved collection of several years' bulletins
 * (often only the newest keeps its title line; the older ones start with their opening
 * paragraph `2022年，全区…` over their first chapter `一、综合`), or several work reports one
 * after another. A new document starts at a new head that names another year than the document
 * before it:
 *
 * - a title line naming a year: `鞍山市铁东区2022年国民经济和社会发展统计公报`,
 *   `2023年政府工作报告` (also wrapped over two lines);
 * - a speech's subtitle with its date: `——2022年1月6日在…人民代表大会…会议上`;
 * - in a bulletin, an opening paragraph `2022年，…` right over a first chapter `一、…`.
 *
 * A head inside the head of the current document (title, then subtitle, then opening) starts
 * nothing; a document must have reached its chapters (`一、`) before another can start, so a
 * chapter's own first paragraph (`一、综合` then `2023年，全区…`) never splits. Pure.
 */
import { findDates, findYears } from "./chinese-dates.js";

interface Line {
  start: number;
  text: string;
}

/** A head found at a line: the year of the document it opens and how it was seen. */
interface Head {
  line: number;
  year: number;
  how: "title" | "subtitle" | "opening";
}

const TITLE_END = /(?:统计公报|工作报告|公报)(?:[（(][^）)]{0,12}[）)])?$/u;
const SUBTITLE =
  /^[—–-]{0,2}[（(]?(?:\d{4}|[一二][〇零○一二三四五六七八九]{3})年.{1,4}月.{1,5}日.{0,3}在.{2,40}(?:会议|大会)/u;
const CHAPTER_ONE = /^(?:一、|第一部分)/u;
const CHAPTER = /^(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+部分)/u;
const OPENING = /^(?:\d{4}|[一二][〇零○一二三四五六七八九]{3})年[，,]/u;

function linesOf(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (const raw of text.split("\n")) {
    const clean = raw
      .replace(/^#+\s*/u, "")
      .replace(/\*\*/gu, "")
      .replace(/\[\d+\]/gu, "")
      .replace(/\s+/gu, "");
    if (clean !== "") out.push({ start, text: clean });
    start += raw.length + 1;
  }
  return out;
}

function titleYear(text: string): number | null {
  if (text.length > 80 || /[。；]/u.test(text) || !TITLE_END.test(text)) return null;
  return findYears(text)[0]?.year ?? null;
}

/** The head a line opens, if any (see the module comment). */
function headAt(lines: readonly Line[], i: number, bulletin: boolean): Head | null {
  const l = lines[i]!.text;
  const next = lines[i + 1]?.text ?? "";
  const year = titleYear(l) ?? (TITLE_END.test(l) ? null : titleYear(l + next));
  if (year !== null && !CHAPTER.test(l)) return { line: i, year, how: "title" };
  if (SUBTITLE.test(l)) {
    const date = findDates(l)[0];
    if (date) return { line: i, year: date.month >= 11 ? date.year + 1 : date.year, how: "subtitle" };
  }
  if (bulletin && OPENING.test(l) && CHAPTER_ONE.test(next)) {
    const y = findYears(l)[0];
    if (y) return { line: i, year: y.year, how: "opening" };
  }
  return null;
}

/**
 * The offsets in `text` where a document other than the first begins ([] for a file that is
 * one document). `text` is the normalised text of the whole file.
 */
export function documentStarts(text: string): number[] {
  const lines = linesOf(text);
  const bulletin = lines.slice(0, 12).some((l) => /公报/u.test(l.text));
  const starts: number[] = [];
  let year: number | null = null;
  let inHead = true;
  let chapters = 0;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!.text;
    const head = headAt(lines, i, bulletin || starts.length > 0);
    if (head && inHead) {
      year ??= head.year;
      continue;
    }
    if (head && chapters > 0 && year !== null && head.year !== year) {
      starts.push(lines[i]!.start);
      year = head.year;
      inHead = true;
      chapters = 0;
      continue;
    }
    if (CHAPTER.test(l)) {
      chapters++;
      inHead = false;
    } else if (inHead && /[。；]/u.test(l) && !OPENING.test(l)) {
      inHead = year === null;
    }
    if (year === null && i < 12) year = findYears(l)[0]?.year ?? null;
  }
  return starts;
}
