/**
 * Reads the head of a document as Chinese documents are laid out: YAML front matter
 * (`title:`), title lines (Markdown `#`, bold, wrapped over several lines, footnote marks,
 * `原标题：…`), a line that is only a year (`2024 [1]`, a title banner cut to its year), the
 * subtitle (`——2019年3月4日在…会议上`, `（2021年1月25日在吉林省…会议上 韩俊）`,
 * `2024年12月25日在张家界市…会议`), issuing body and date lines (`成都市统计局`,
 * `2022年3月25日`, `（2000年1月20日）`, `海拉尔区人民政府区长 杨国宏`), the form of address
 * (`各位代表：`) and the first paragraph (`2023年，铁东区…`).
 */
import { YEAR } from "./chinese-dates.js";

/** The parts of a document's head, each possibly empty. */
export interface DocumentHead {
  /** `title:` of YAML front matter. */
  yamlTitle: string | null;
  /** Title blocks, wrapped lines joined, in order. */
  titles: string[];
  /** Subtitle lines (speech venue and date), without the leading dashes. */
  subtitles: string[];
  /** Short lines that are neither title nor subtitle: issuing bodies, dates, speakers. */
  bylines: string[];
  /** Lines that are only a year: `2024` (from `2024 [1]`). */
  yearLines: string[];
  /** The first paragraph of body text (after the form of address `各位代表：`). */
  firstParagraph: string | null;
  /** The text from its start up to the first heading or first paragraph (a prefix of the text). */
  text: string;
}

/** Words a document title ends with. */
export const TITLE_WORDS = /(公报|报告|方案|通知|意见|决定|计划|规划|要点|情况|月报|快报|纲要)/u;
/** A title's end: a title word, then closing marks, or a bracketed note (（节选）, (2024年更新)). */
const TITLE_END = new RegExp(`(?:${TITLE_WORDS.source}[》〉」”）)\\]]*|[）)])$`, "u");
/** Dates, issuing bodies and speakers' lines: `2022年3月25日`, `成都市统计局`, `…区长 杨国宏`. */
const DATE_LINE = new RegExp(
  `^[（(]?${YEAR}年[0-9一二三四五六七八九十]{1,2}月[0-9一二三四五六七八九十]{1,3}日[，,]?(?:\\p{Script=Han}{0,5})?[）)]?$`,
  "u",
);
const BYLINE = /(?:局|队|办公室|委员会|人民政府|管委会)$|(?:长|主任|书记|局长)[：:]?[\p{Script=Han}·]{2,8}$/u;
/** A speech's venue: `在…人民代表大会…会议上`, `——河南省第九届人民代表大会第四次会议`. */
const VENUE = /人民代表大会|人大[^，。]{0,6}会议|代表大会[^，。]{0,6}会议|会议上$/u;
/** The form of address that opens a speech. */
const ADDRESS = /^(?:尊敬的[^：:]{0,20}|各位(?:代表|委员|人大代表)[^：:]{0,12})[：:，,]$/u;
const SENTENCE_END = /[。；！？：]$/u;
const HEADING = /^(?:#+\s*)?(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])/u;
/** How many non-empty lines the head spans at most before the first heading. */
const HEAD_LINES = 16;

/** Strips Markdown marks, footnote markers and spaces from a head line. */
function cleanLine(line: string): string {
  return line
    .replace(/^#+\s*/u, "")
    .replace(/\*\*/gu, "")
    .replace(/\[\d+\]|[①-⑳]/gu, "")
    .replace(/^原标题[：:]/u, "")
    .replace(/\s+/gu, "")
    .trim();
}

/** Splits off YAML front matter; returns its title and the rest of the text. */
function frontMatter(text: string): { title: string | null; rest: string } {
  const m = text.match(/^---\n([\s\S]*?)\n---\n/u);
  if (!m) return { title: null, rest: text };
  const title = m[1]!.match(/^title\s*[:：]\s*["']?(.+?)["']?\s*$/mu)?.[1] ?? null;
  return { title: title ? cleanLine(title) : null, rest: text.slice(m[0].length) };
}

/** Reads the head of a normalised document. */
export function readHead(text: string): DocumentHead {
  const { title: yamlTitle, rest } = frontMatter(text);
  const titles: string[] = [];
  const subtitles: string[] = [];
  const bylines: string[] = [];
  const yearLines: string[] = [];
  let firstParagraph: string | null = null;
  let end = 0;
  let pending = "";
  let seen = 0;
  const lines = rest.split("\n");
  for (const [i, rawLine] of lines.entries()) {
    end = i;
    if (seen >= HEAD_LINES) break;
    const l = cleanLine(rawLine);
    if (l === "" || /^<!--/u.test(rawLine.trim()) || /^-{3,}$/u.test(l)) continue;
    seen++;
    if (HEADING.test(rawLine.trim()) || HEADING.test(l)) break;
    if (/^\d{4}$/u.test(l)) {
      yearLines.push(l);
      continue;
    }
    if (ADDRESS.test(l)) continue;
    if (/^[—–-]{1,2}/u.test(l) || (VENUE.test(l) && l.length <= 80 && !/。/u.test(l))) {
      if (pending) bylines.push(pending);
      pending = "";
      subtitles.push(l.replace(/^[—–-]+/u, "").replace(/^[（(](.*)[）)]$/u, "$1"));
      continue;
    }
    const paragraph = l.length > 60 || /[。；]/u.test(l.slice(0, -1)) || SENTENCE_END.test(l);
    if (paragraph) {
      if (pending) bylines.push(pending);
      pending = "";
      firstParagraph = l;
      break;
    }
    // A date, an issuing body or a speaker's line stands alone; other lines may be a title
    // wrapped over several lines, joined until it ends in a title word.
    if (DATE_LINE.test(l) || BYLINE.test(l)) {
      if (pending) bylines.push(pending);
      bylines.push(l);
      pending = "";
      continue;
    }
    pending += l;
    if (TITLE_END.test(pending)) {
      titles.push(pending);
      pending = "";
    }
  }
  if (pending) bylines.push(pending);
  const headText = text.slice(0, text.length - rest.length) + lines.slice(0, end + 1).join("\n");
  return { yamlTitle, titles, subtitles, bylines, yearLines, firstParagraph, text: headText };
}
