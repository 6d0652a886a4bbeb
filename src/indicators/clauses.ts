/**
 * The clauses of a statement and what a clause's figures share: split at ，and ： outside
 * brackets, the noun ending a list of bare figures, figures of a bracketed aside.
 */
import type { Range } from "../sections/sentences.js";
import { degreeAfter, findFigures, type FoundGrowth } from "./parse-figure.js";
import { cleanPhrase } from "./indicator-phrase.js";

/** A growth rate at the end of a clause, removed before reading a phrase that follows a figure. */
export const GROWTH_TAIL = /(同比|比上年)?(增长|下降).*$/u;

/**
 * Splits a statement at ，and ： outside brackets and quotes, and at 、 after a segment that
 * holds a figure (so `检查大、中、小型餐饮机构4453户` stays whole while
 * `城乡低保户3084户3854人、特困供养人员223户225人` splits); returns clause ranges.
 */
export function splitClauses(text: string, start: number, end: number): Range[] {
  const out: Range[] = [];
  let depth = 0;
  let s = start;
  for (let i = start; i < end; i++) {
    const c = text[i]!;
    if ("（(《“".includes(c)) depth++;
    else if ("）)》”".includes(c)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && (c === "，" || c === "：" || (c === "、" && /\d/u.test(text.slice(s, i))))) {
      if (i > s) out.push({ start: s, end: i });
      s = i + 1;
    }
  }
  if (end > s) out.push({ start: s, end });
  return out;
}

/**
 * The noun that ends a list of bare figures (`189万平方米棚改任务` after `完成1.8万户、`): the
 * clauses after the first item, while each is only figures, until one ends in a noun. Null when
 * an item has a subject of its own or no item ends in a noun.
 */
export function sharedListNoun(text: string, rest: readonly Range[]): { noun: string; end: number } | null {
  for (const item of rest) {
    const itemText = text.slice(item.start, item.end);
    const figures = findFigures(itemText);
    if (figures.length === 0 || cleanPhrase(itemText.slice(0, figures[0]!.index)) !== "") return null;
    const noun = nounAfterFigure(itemText.slice(figures[figures.length - 1]!.end));
    if (noun !== "") return { noun, end: item.end };
    if (text[item.end] !== "、") return null;
  }
  return null;
}

/** A text after a figure without the bound that opens it (`以上` of `1900亿元以上`). */
export function withoutBound(after: string): string {
  const bound = degreeAfter(after);
  return bound ? after.slice(after.indexOf(bound) + bound.length) : after;
}

/**
 * The noun a figure is said of when it is written after it (`4辆洒水车`), without a growth that
 * follows. A bound alone after a figure (`3家以上`) names nothing; before a noun it is kept
 * with it (`500万元以上工业增加值`: a threshold of what follows, never its value).
 */
export function nounAfterFigure(after: string): string {
  if (cleanPhrase(withoutBound(after).replace(GROWTH_TAIL, "")) === "") return "";
  return cleanPhrase(after.replace(GROWTH_TAIL, ""));
}

/** `由` / `从` ending the words before the earlier figure of a change (`地区生产总值由1500亿元`). */
const FROM = /[由从]\s?$/u;
/** The verb between the two figures of a change (`增加到`, `提高至`, `逐步扩大到`, `增至`). */
const CHANGES_TO =
  /^\s?\p{Script=Han}{0,2}?(?:增加|增长|提高|上升|扩大|跃升|攀升|提升|减少|下降|降低|缩小|缩短|回落|压缩|增|减|降|升|达)(?:到|至)\s?$/u;

/**
 * The subject of a change from one figure to another (`城镇化率由45%提高到52%`,
 * `从3.2万元增至4.5万元`): the later figure is the level of the period the statement speaks of,
 * the earlier one the level it started from. Null when the words are not a change.
 */
export function subjectOfChange(beforeEarlier: string, between: string): string | null {
  if (!FROM.test(beforeEarlier) || !CHANGES_TO.test(between)) return null;
  return cleanPhrase(beforeEarlier.replace(FROM, "")) || null;
}

/**
 * Figures of a bracketed aside after the clause's own figure (`增长5.5%（力争6%以上）`,
 * `1820亿元（预计数）`) are said of it, not of a subject of their own: left out.
 */
export function withoutAsides<T extends { index: number }>(
  clause: string,
  figures: T[],
  growths: FoundGrowth[],
): T[] {
  const first = Math.min(figures[0]?.index ?? Infinity, growths[0]?.index ?? Infinity);
  return figures.filter((f) => {
    if (f.index === first) return true;
    const open = Math.max(clause.lastIndexOf("（", f.index), clause.lastIndexOf("(", f.index));
    const close = Math.max(clause.lastIndexOf("）", f.index), clause.lastIndexOf(")", f.index));
    return !(open > close && open > first);
  });
}

export function overlaps(a: { index: number; end: number }, growths: FoundGrowth[]): boolean {
  return growths.some((g) => a.index < g.end && g.index < a.end);
}
