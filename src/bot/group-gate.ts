/**
 * Groups: the bot answers a group message only when it is addressed — a command, a mention
 * of the bot (`@bot 铁东区…`, by text or mention entity), or a reply to one of the bot's own
 * messages. Ordinary chatter (`大家中午吃什么`) is ignored even with privacy mode off. Button
 * presses and inline queries always pass. In a group each member has a conversation of their
 * own ({@link speakerOf}).
 */
import type { Context, MiddlewareFn } from "grammy";
import type { Speaker } from "./conversation.js";
import type { Logger } from "./log.js";

/** True for group and supergroup chats. */
export const isGroup = (ctx: Context): boolean =>
  ctx.chat?.type === "group" || ctx.chat?.type === "supergroup";

/** Who is talking in this update: the chat, or the member in a group. */
export function speakerOf(ctx: Context): Speaker {
  const chatId = ctx.chatId!;
  return isGroup(ctx) && ctx.from ? { chatId, userId: ctx.from.id } : { chatId };
}

/** True when a group message is addressed to the bot. */
export function addressesBot(ctx: Context): boolean {
  const msg = ctx.message;
  if (!msg) return true;
  const text = msg.text ?? msg.caption ?? "";
  const entities = msg.entities ?? msg.caption_entities ?? [];
  const username = ctx.me.username.toLowerCase();
  if (entities.some((e) => e.type === "bot_command" && e.offset === 0)) return true;
  if (/^\/[A-Za-z]/u.test(text)) return true;
  if (text.toLowerCase().includes(`@${username}`)) return true;
  if (entities.some((e) => e.type === "text_mention" && e.user?.id === ctx.me.id)) return true;
  return msg.reply_to_message?.from?.id === ctx.me.id;
}

/** Middleware: drops group messages not addressed to the bot (logged at debug level). */
export function groupGate(logger: Logger): MiddlewareFn<Context> {
  return async (ctx, next) => {
    if (!ctx.message || !isGroup(ctx) || addressesBot(ctx)) return next();
    logger.debug("ignored a group message not addressed to the bot", {
      chatId: ctx.chatId,
      messageId: ctx.message.message_id,
    });
  };
}
