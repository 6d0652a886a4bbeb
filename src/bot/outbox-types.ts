/**
 * The outbox's message types, apart from outbox.ts so its file module (outbox-file.ts) reads
 * them without importing the outbox (no import circle).
 */
import type { MessageEntity } from "grammy/types";

/** The sendMessage parameters the outbox keeps (everything but chat_id). */
export interface OutgoingMessage {
  text: string;
  /** Formatting as message entities (rich-text.ts); no parse mode then. */
  entities?: MessageEntity[];
  /** Kept for messages written by earlier versions. */
  parse_mode?: "HTML";
  link_preview_options?: { is_disabled: boolean };
  reply_markup?: unknown;
  reply_parameters?: { message_id: number; allow_sending_without_reply?: boolean };
}

/** One message waiting in the outbox. */
export interface OutboxItem {
  id: number;
  chatId: number;
  message: OutgoingMessage;
  /** "reply" is replaced by an apology when it cannot be delivered in time. */
  kind: "reply" | "apology";
  /** The id of the first message of the reply this one belongs to (a long reply is split). */
  batch: number;
  createdAt: number;
  attempts: number;
  /** Not before this time (ms since the epoch). */
  nextAttemptAt: number;
}
