/**
 * Paged lists (a unit's tasks …) with @grammyjs/menu: ◀ ▶ edit the message in place to the
 * previous or next page of about ten items; 原文 switches the buttons to the items of the page
 * (1–10) so the source of one item can be opened; 📥 导出 exports the whole list.
 *
 * View (button payload): `<epoch>.<answerId>.<page>.<mode>`, mode `p` (paging) or `o` (pick an
 * item for 原文). The answer comes from the answer store; a button of a forgotten answer
 * (restart, evicted) answers with the stale notice.
 */
import type { Context } from "grammy";
import type { Citation } from "../types.js";
import type { AnswerRef, Conversation } from "./conversation.js";
import { hasList, listPageCount, listPageText, pageItems } from "./list-view.js";
import { describeError, type Logger } from "./log.js";
import { MENU_TEXTS, RenderableMenu, setView, viewOf } from "./menu-view.js";
import { messageFields } from "./rich-text.js";
import { NOTICES } from "./texts.js";

/** What the list menu's view says. */
export interface ListView {
  ref: AnswerRef;
  page: number;
  mode: "p" | "o";
}

/** Encodes a view as a button payload. */
export const listViewPayload = (v: ListView): string =>
  `${v.ref.epoch}.${v.ref.answerId}.${v.page}.${v.mode}`;

/** Decodes a payload; null for anything else. */
export function parseListView(payload: string): ListView | null {
  const m = /^([a-z0-9]{1,12})\.(\d{1,15})\.(\d{1,4})\.([po])$/u.exec(payload);
  if (!m) return null;
  return { ref: { epoch: m[1]!, answerId: Number(m[2]) }, page: Number(m[3]), mode: m[4] as "p" | "o" };
}

/** What the list menu needs from the bot. */
export interface ListMenuOptions {
  conversation: Conversation;
  logger: Logger;
  /** Sends the excerpt of one citation of the list's answer (through the outbox). */
  sendExcerpt(ctx: Context, citation: Citation): Promise<void>;
  /** Starts the export of a stored answer (asks CSV or XLSX). */
  startExport(ctx: Context, ref: AnswerRef): Promise<void>;
}

/** The list menu; install with `bot.use(menu)` before other callback handlers. */
export function listMenu(options: ListMenuOptions): RenderableMenu {
  const { conversation, logger } = options;
  const menu = new RenderableMenu("list", { autoAnswer: false, onMenuOutdated: MENU_TEXTS.outdated });

  /** The pressed view and its answer, or an alert for a stale button. */
  const current = async (ctx: Context) => {
    const view = parseListView(viewOf(ctx));
    const answer = view && ctx.chatId !== undefined ? conversation.stored(ctx.chatId, view.ref) : undefined;
    if (view && answer && hasList(answer)) return { view, answer };
    await ctx.answerCallbackQuery({ text: NOTICES.staleButton, show_alert: true });
    return null;
  };

  /** Shows another view: edits the text for a new page, else only the buttons. */
  const show = async (ctx: Context, next: ListView, textChanges: boolean) => {
    setView(ctx, listViewPayload(next));
    const answer = conversation.stored(ctx.chatId!, next.ref);
    if (!answer || !hasList(answer)) return;
    if (textChanges)
      await ctx.editMessageText(listPageText(answer, next.page).text, {
        ...editFields(listPageText(answer, next.page)),
        reply_markup: menu,
      });
    else await ctx.editMessageReplyMarkup({ reply_markup: menu });
  };

  menu.dynamic((ctx, range) => {
    const view = parseListView(viewOf(ctx));
    const answer = view && ctx.chatId !== undefined ? conversation.stored(ctx.chatId, view.ref) : undefined;
    if (!view || !answer || !hasList(answer)) return range;
    const pages = listPageCount(answer.list);
    const payload = listViewPayload(view);
    if (view.mode === "o") {
      pageItems(answer.list, view.page).forEach((item, i) => {
        if (i > 0 && i % 5 === 0) range.row();
        range.text({ text: String(item.index + 1), payload }, async (c) => {
          const found = await current(c);
          const id = found?.answer.list.items[item.index]?.citation;
          const citation = found?.answer.citations.find((x) => x.id === id);
          if (!found) return;
          await c.answerCallbackQuery();
          if (citation) await options.sendExcerpt(c, citation);
        });
      });
      range.row().text({ text: "↩ 返回", payload }, async (c) => {
        const found = await current(c);
        if (!found) return;
        await c.answerCallbackQuery();
        await show(c, { ...found.view, mode: "p" }, false);
      });
      return range;
    }
    if (view.page > 0)
      range.text({ text: "◀", payload }, async (c) => {
        const found = await current(c);
        if (!found) return;
        await c.answerCallbackQuery();
        await show(c, { ...found.view, page: found.view.page - 1 }, true);
      });
    if (answer.list.items.some((i) => i.citation !== null))
      range.text({ text: "原文", payload }, async (c) => {
        const found = await current(c);
        if (!found) return;
        await c.answerCallbackQuery({ text: "请选择要查看原文的序号" });
        await show(c, { ...found.view, mode: "o" }, false);
      });
    if (view.page < pages - 1)
      range.text({ text: "▶", payload }, async (c) => {
        const found = await current(c);
        if (!found) return;
        await c.answerCallbackQuery();
        await show(c, { ...found.view, page: found.view.page + 1 }, true);
      });
    range.row().text({ text: "📥 导出", payload }, async (c) => {
      const found = await current(c);
      if (!found) return;
      await c.answerCallbackQuery();
      await options.startExport(c, found.view.ref).catch((err: unknown) => {
        logger.error("list export failed", { chatId: c.chatId, ...describeError(err) });
        throw err;
      });
    });
    return range;
  });
  return menu;
}

/** The fields of an edited text besides the text itself. */
function editFields(text: ReturnType<typeof listPageText>) {
  const fields = messageFields(text);
  return {
    ...(fields.entities ? { entities: fields.entities } : {}),
    link_preview_options: { is_disabled: true },
  };
}
