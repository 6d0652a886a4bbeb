/**
 * A list answer (`answer.list`: a unit's tasks, a ranking) as pages: a title with the count,
 * the document named once, one compact line per item, `第1/3页`. Pure; list-menu.ts pages it
 * with ◀ ▶ buttons, editing the message in place, and shows 原文 for one item on demand.
 */
import type { Answer, AnswerList } from "../types.js";
import { bookTitle } from "./format-answer.js";
import { bold, italic, lines, type FormattedString } from "./rich-text.js";
import { cutSafely } from "./split-message.js";

/** Items per page. */
export const LIST_PAGE_SIZE = 10;
/** An item's text is cut to about this many characters (its role in brackets is kept). */
export const ITEM_WIDTH = 40;

/** Pages of a list (at least 1). */
export function listPageCount(list: AnswerList): number {
  return Math.max(1, Math.ceil(list.items.length / LIST_PAGE_SIZE));
}

/** The items shown on one page, with their index in the whole list. */
export function pageItems(
  list: AnswerList,
  page: number,
): Array<{ index: number; label: string; citation: number | null }> {
  const start = page * LIST_PAGE_SIZE;
  return list.items.slice(start, start + LIST_PAGE_SIZE).map((item, i) => ({ ...item, index: start + i }));
}

/** `第36项 全年重点推动10大类城建项目开工建设（责任）` cut to the width, the role kept. */
export function compactLabel(label: string, width = ITEM_WIDTH): string {
  const role = /（[^（）]{1,8}）$/u.exec(label)?.[0] ?? "";
  const main = label.slice(0, label.length - role.length);
  return `${cutSafely(main, width)}${role}`;
}

const ROLE_NOTE: Record<NonNullable<AnswerList["role"]>, string> = {
  牵头: "均为牵头",
  责任: "均为责任单位",
  牵头或责任: "括号内注明牵头或责任",
};

/** One page of a list answer as the message text. */
export function listPageText(answer: Answer & { list: AnswerList }, page: number): FormattedString {
  const list = answer.list;
  const pages = listPageCount(list);
  const at = Math.min(Math.max(0, page), pages - 1);
  const source =
    list.source ??
    (new Set(answer.citations.map((c) => c.title)).size === 1 ? answer.citations[0]?.title : undefined);
  const role = list.role ? `，${ROLE_NOTE[list.role]}` : "";
  return lines([
    bold(`${list.title}（共${list.items.length}项${role}）`),
    source ? `据${bookTitle(source)}：` : null,
    ...pageItems(list, at).map((item) => `${item.index + 1}. ${compactLabel(item.label)}`),
    pages > 1 || list.items.some((i) => i.citation !== null)
      ? italic(
          `${pages > 1 ? `第${at + 1}/${pages}页` : ""}${pages > 1 ? " · " : ""}点“原文”可查看其中一项的出处`,
        )
      : null,
  ]);
}

/** True when the answer carries a list to page. */
export function hasList(answer: Answer): answer is Answer & { list: AnswerList } {
  return answer.status === "answered" && (answer.list?.items.length ?? 0) > 0;
}
