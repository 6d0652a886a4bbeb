/**
 * Turns a conversation {@link Reply} into what a front end sends: Telegram HTML pieces (split to
 * the message limit, keyboard on the last piece) or plain text for the terminal.
 */
import type { InlineKeyboardMarkup } from "grammy/types";
import type { Reply } from "./conversation.js";
import { answerLines, excerptLines, formatAnswer, sourcesLines } from "./format-answer.js";
import { escapeHtml, plainLines, renderHtml, renderPlain, type Line } from "./rich-text.js";
import { splitMessage, TELEGRAM_TEXT_LIMIT } from "./split-message.js";
import { NOTICES } from "./texts.js";

/** One Telegram message to send. */
export interface HtmlMessage {
  html: string;
  keyboard?: InlineKeyboardMarkup;
}

/** Hint under answers in the terminal, where there are no buttons. */
export const TERMINAL_CITE_HINT = "输入 /cite n 查看第 n 条引用的原文。";

function lines(reply: Exclude<Reply, { kind: "answer" }>): Line[] {
  switch (reply.kind) {
    case "excerpt":
      return excerptLines(reply.citation, reply.excerpt);
    case "sources":
      return sourcesLines(reply.sources);
    case "lines":
      return reply.lines;
    case "notice":
      return plainLines(reply.text);
  }
}

/**
 * Renders a reply as Telegram HTML messages, each within `limit` characters. Never returns an
 * empty list: a reply with nothing visible becomes a short notice.
 */
export function renderTelegram(reply: Reply, limit: number = TELEGRAM_TEXT_LIMIT): HtmlMessage[] {
  const { html, keyboard } =
    reply.kind === "answer"
      ? formatAnswer(reply.answer, reply.ref, reply.page ?? 0)
      : { html: renderHtml(lines(reply)), keyboard: undefined };
  const pieces = splitMessage(html, limit);
  if (pieces.length === 0) return [{ html: escapeHtml(NOTICES.emptyReply) }];
  return pieces.map((piece, i) =>
    keyboard && i === pieces.length - 1 ? { html: piece, keyboard } : { html: piece },
  );
}

/** Renders a reply as plain text for the terminal chat. */
export function renderTerminal(reply: Reply): string {
  const text =
    reply.kind === "answer"
      ? renderPlain(answerLines(reply.answer, { hint: TERMINAL_CITE_HINT }))
      : renderPlain(lines(reply));
  return text.trim() === "" ? NOTICES.emptyReply : text;
}
