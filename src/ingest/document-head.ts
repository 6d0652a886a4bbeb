/**
 * Reads the head of a document as Chinese documents are laid out: YAML front matter
 * (`title:`), title lines (Markdown `#`, bold, wrapped over several lines, footnote marks),
 * the subtitle (`——2019年3月4日在…会议上`), issuing body and date lines (`成都市统计局`,
 * `2022年3月25日`, `海拉尔区人民政府区长 杨国宏`) and the first paragraph (`2023年，铁东区…`).
 */

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
  /** The first paragraph of body text. */
  firstParagraph: string | null;
}

/** Words a document title ends with. */
export const TITLE_WORDS = /(公报|报告|方案|通知|意见|决定|计划|规划|要点|情况|月报|快报|纲要)/u;
/** A title's end: a title word, then closing marks, or a bracketed note (（节选）, (2024年更新)). */
const TITLE_END = new RegExp(`(?:${TITLE_WORDS.source}[》〉」”）)\\]]*|[）)])$`, "u");
/** Dates, issuing bodies and speakers' lines: `2022年3月25日`, `成都市统计局`, `…区长 杨国宏`. */
const BYLINE =
  /^\d{4}年\d{1,2}月\d{1,2}日$|(?:局|队|办公室|委员会|人民政府|管委会)$|(?:长|主任|书记|局长)\p{Script=Han}{2,4}$/u;
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
  let firstParagraph: string | null = null;
  let pending = "";
  let seen = 0;
  for (const rawLine of rest.split("\n")) {
    if (seen >= HEAD_LINES) break;
    const l = cleanLine(rawLine);
    if (l === "" || /^<!--/u.test(rawLine.trim()) || /^-{3,}$/u.test(l)) continue;
    seen++;
    if (HEADING.test(rawLine.trim()) || HEADING.test(l)) break;
    if (/^[—–-]{1,2}/u.test(l)) {
      subtitles.push(l.replace(/^[—–-]+/u, ""));
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
    if (BYLINE.test(l)) {
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
  return { yamlTitle, titles, subtitles, bylines, firstParagraph };
}
