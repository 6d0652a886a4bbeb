/**
 * Sends a conversation Reply to Telegram through the outbox: rendered (render-reply.ts), split
 * to the message limit, with the reply's buttons on its last message — a list answer's menu
 * (list-menu.ts), any other answer's next steps (next-steps.ts), or buttons the caller gives.
 */
import type { Context } from "grammy";
import type { InlineKeyboardButton } from "grammy/types";
import type { AnswerService } from "../answer/answer-service.js";
import { toWellFormed } from "../ingest/normalise.js";
import type { Reply } from "./conversation.js";
import { hasList } from "./list-view.js";
import { listViewPayload } from "./list-menu.js";
import { setView, type RenderableMenu } from "./menu-view.js";
import { answerKeyboard } from "./next-steps.js";
import type { Outbox, OutgoingMessage } from "./outbox.js";
import { renderTelegram } from "./render-reply.js";
import { messageFields, type FormattedString } from "./rich-text.js";

/** Options of one send. */
export interface SendOptions {
  /** The message the first piece quotes. */
  replyTo?: number | undefined;
  /** Buttons for the last piece instead of the reply's own. */
  keyboard?: InlineKeyboardButton[][];
}

/** Sends a reply to the update's chat (resolves once it is in the outbox). */
export type SendReply = (ctx: Context, reply: Reply, options?: SendOptions) => Promise<void>;

/** The messages to send: the first quotes `replyTo`, the last carries `keyboard`. */
export function outgoingMessages(
  pieces: readonly FormattedString[],
  options: SendOptions = {},
): OutgoingMessage[] {
  return pieces.map((piece, i) => {
    const fields = messageFields(piece);
    const rows = i === pieces.length - 1 ? (options.keyboard ?? []) : [];
    return {
      // Telegram refuses text that is not valid UTF-8 (a lone surrogate echoed from a question).
      text: toWellFormed(fields.text),
      ...(fields.entities ? { entities: fields.entities } : {}),
      link_preview_options: { is_disabled: true },
      ...(rows.length > 0 ? { reply_markup: { inline_keyboard: rows } } : {}),
      ...(i === 0 && options.replyTo !== undefined
        ? { reply_parameters: { message_id: options.replyTo, allow_sending_without_reply: true } }
        : {}),
    };
  });
}

/** What the sender needs. */
export interface ReplySenderOptions {
  outbox: Outbox;
  service: AnswerService;
  listMenu: RenderableMenu;
}

/** The buttons of a reply: a list's menu, an answer's next steps; none for anything else. */
export async function replyKeyboard(
  ctx: Context,
  reply: Reply,
  options: Omit<ReplySenderOptions, "outbox">,
): Promise<InlineKeyboardButton[][]> {
  if (reply.kind !== "answer") return [];
  if (hasList(reply.answer)) {
    setView(ctx, listViewPayload({ ref: reply.ref, page: reply.page ?? 0, mode: "p" }));
    return options.listMenu.keyboard(ctx);
  }
  return answerKeyboard(reply.answer, reply.ref, options.service);
}

/** The bot's sender: every message goes through the outbox (durable, ordered, retried). */
export function replySender(options: ReplySenderOptions): SendReply {
  return async (ctx, reply, sendOptions = {}) => {
    const keyboard = sendOptions.keyboard ?? (await replyKeyboard(ctx, reply, options));
    const messages = outgoingMessages(renderTelegram(reply), { ...sendOptions, keyboard });
    await options.outbox.enqueue(ctx.chatId!, messages);
  };
}
