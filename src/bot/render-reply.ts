/**
 * Turns a conversation {@link Reply} into what a front end shows: formatted text for Telegram
 * (split to the message limit; list answers as their first page) or plain text for the
 * terminal. Buttons are added by the Telegram front end (create-bot.ts).
 */
import type { Reply } from "./conversation.js";
import { answerText, excerptText, sourcesText } from "./format-answer.js";
import { hasList, listPageText } from "./list-view.js";
import { plain, type FormattedString } from "./rich-text.js";
import { splitMessage, TELEGRAM_TEXT_LIMIT } from "./split-message.js";
import { NOTICES } from "./texts.js";

/** Hint under answers in the terminal, where there are no buttons. */
export const TERMINAL_CITE_HINT = "输入 /cite n 查看第 n 条引用的原文。";

/** The text of a reply; `terminal` writes choices as text and adds the /cite hint. */
export function replyText(reply: Reply, terminal = false): FormattedString {
  switch (reply.kind) {
    case "answer":
      if (!terminal && hasList(reply.answer)) return listPageText(reply.answer, reply.page ?? 0);
      return answerText(reply.answer, terminal ? { optionsAsText: true, hint: TERMINAL_CITE_HINT } : {});
    case "excerpt":
      return excerptText(reply.citation, reply.excerpt);
    case "sources":
      return sourcesText(reply.sources);
    case "text":
      return reply.text;
    case "notice":
      return plain(reply.text);
  }
}

/**
 * A reply as Telegram messages, each within `limit` characters. Never returns an empty list: a
 * reply with nothing visible becomes a short notice.
 */
export function renderTelegram(reply: Reply, limit: number = TELEGRAM_TEXT_LIMIT): FormattedString[] {
  const pieces = splitMessage(replyText(reply), limit);
  return pieces.length > 0 ? pieces : [plain(NOTICES.emptyReply)];
}

/** Renders a reply as plain text for the terminal chat. */
export function renderTerminal(reply: Reply): string {
  const text = replyText(reply, true).text;
  return text.trim() === "" ? NOTICES.emptyReply : text;
}
