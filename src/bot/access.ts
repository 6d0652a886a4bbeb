/**
 * The staff allow-list. Installed as the bot's first middleware: when `allowedChatIds` is set,
 * an update from any other chat never reaches the rate limiter, the handlers or the answering
 * layer. Such a chat gets one polite refusal (which tells it its chat id, so staff can ask an
 * administrator to add it) and later updates are dropped, logged at debug level.
 * When `allowedChatIds` is unset the bot is open to every chat.
 */
import type { Context, MiddlewareFn } from "grammy";
import type { Logger } from "./log.js";
import { NOTICES } from "./texts.js";

/** True when the chat may use the bot: no allow-list, or the chat is on it. */
export function isChatAllowed(
  allowedChatIds: readonly number[] | undefined,
  chatId: number | undefined,
): boolean {
  if (allowedChatIds === undefined) return true;
  return chatId !== undefined && allowedChatIds.includes(chatId);
}

/**
 * Remembers which chats were already refused, so each gets one refusal rather than one per
 * message. Bounded: beyond `max` chats the oldest is forgotten (it may be refused once more).
 */
export class RefusalMemory {
  private readonly refused = new Set<number>();
  constructor(private readonly max = 10_000) {}

  /** Records the chat; true the first time (send the refusal), false afterwards. */
  firstRefusal(chatId: number): boolean {
    if (this.refused.has(chatId)) return false;
    this.refused.add(chatId);
    if (this.refused.size > this.max) this.refused.delete(this.refused.values().next().value!);
    return true;
  }
}

/** Options of {@link accessControl}. */
export interface AccessControlOptions {
  allowedChatIds: readonly number[] | undefined;
  logger: Logger;
  memory?: RefusalMemory;
}

/** Middleware enforcing the allow-list (see the module comment). Put it before everything else. */
export function accessControl(options: AccessControlOptions): MiddlewareFn<Context> {
  const { allowedChatIds, logger } = options;
  const memory = options.memory ?? new RefusalMemory();
  return async (ctx, next) => {
    // Inline queries come from a user in any chat: the user's id is checked (their private
    // chat id). Outsiders get an empty answer, so their client stops waiting and shows nothing.
    if (ctx.inlineQuery) {
      if (isChatAllowed(allowedChatIds, ctx.inlineQuery.from.id)) return next();
      logger.info("refused an inline query outside the allow-list", { userId: ctx.inlineQuery.from.id });
      await ctx.answerInlineQuery([], { cache_time: 0, is_personal: true });
      return;
    }
    const chatId = ctx.chatId;
    if (isChatAllowed(allowedChatIds, chatId)) return next();
    if (chatId === undefined) {
      logger.debug("dropped update without a chat", { updateId: ctx.update.update_id });
      return;
    }
    const first = memory.firstRefusal(chatId);
    if (ctx.callbackQuery) {
      // Always close the button's spinner; the text carries no data.
      await ctx.answerCallbackQuery({ text: NOTICES.refusal(chatId), show_alert: true });
    } else if (first) {
      await ctx.reply(NOTICES.refusal(chatId));
    }
    const fields = { chatId, chatType: ctx.chat?.type, userId: ctx.from?.id, updateId: ctx.update.update_id };
    if (first) logger.info("refused a chat outside the allow-list", fields);
    else logger.debug("ignored an update from a refused chat", fields);
  };
}
