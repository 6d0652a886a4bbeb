/**
 * Menus (@grammyjs/menu) whose buttons depend on what the message shows: a page of a list, a
 * place of the catalogue. The view is a short string carried in each button's payload; a
 * press reads it back from `ctx.match`, and a handler that moves to another view sets it with
 * {@link setView} before the menu is rendered again (the edit of the message in place).
 *
 * {@link RenderableMenu} exposes the menu's rendering so a message with a menu can be sent
 * through the outbox (plain JSON), while presses are still served by the menu's middleware.
 */
import { Menu } from "@grammyjs/menu";
import type { Context } from "grammy";
import type { InlineKeyboardButton } from "grammy/types";

/** A menu that can render its keyboard for a message sent by other means (the outbox). */
export class RenderableMenu<C extends Context = Context> extends Menu<C> {
  /** The keyboard as the menu would send it now, for the view set on `ctx`. */
  keyboard(ctx: C): Promise<InlineKeyboardButton[][]> {
    return this.render(ctx);
  }
}

/** The view set for this update (overrides the pressed button's payload). */
const views = new WeakMap<Context, string>();

/** Sets the view the menu renders next for this update. */
export function setView(ctx: Context, view: string): void {
  views.set(ctx, view);
}

/** The current view: the one set for this update, else the pressed button's payload. */
export function viewOf(ctx: Context): string {
  const set = views.get(ctx);
  if (set !== undefined) return set;
  const match = (ctx as Context & { match?: unknown }).match;
  return ctx.callbackQuery && typeof match === "string" ? match : "";
}

/** Chinese texts the menus show (Telegram's toast for an outdated menu). */
export const MENU_TEXTS = {
  outdated: "菜单已更新，请再点一次。",
} as const;
