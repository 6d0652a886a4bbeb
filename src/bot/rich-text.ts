/**
 * Formatted text for both front ends, built with grammY's parse-mode plugin: formatters build
 * one `FormattedString` (text plus Telegram message entities); Telegram gets `text` and
 * `entities` (no parse mode, nothing to escape), the terminal chat prints `text`.
 *
 * Helpers here keep the formatters short: a document is a list of lines, each line a
 * FormattedString; {@link lines} joins them.
 */
import { FormattedString } from "@grammyjs/parse-mode";
import type { MessageEntity } from "grammy/types";

export { FormattedString };

/** Unstyled text. */
export const plain = (text: string): FormattedString => new FormattedString(text);

/** Bold text (figures, headings). */
export const bold = (text: string): FormattedString => FormattedString.b(text);

/** Italic text (section paths, hints). */
export const italic = (text: string): FormattedString => FormattedString.i(text);

/** Pieces written one after another on one line. */
export function line(...parts: Array<FormattedString | string>): FormattedString {
  return FormattedString.join(parts.map((p) => (typeof p === "string" ? plain(p) : p)));
}

/** Lines joined with line breaks; `null` entries are left out, `""` is a blank line. */
export function lines(items: ReadonlyArray<FormattedString | string | null>): FormattedString {
  const kept = items.filter((l): l is FormattedString | string => l !== null);
  return FormattedString.join(
    kept.map((l) => (typeof l === "string" ? plain(l) : l)),
    "\n",
  );
}

/** What Telegram needs to send a formatted text (no parse_mode). */
export interface TextWithEntities {
  text: string;
  entities?: MessageEntity[];
}

/** The sendMessage fields of a formatted text (entities only when there are some). */
export function messageFields(text: FormattedString): TextWithEntities {
  return text.entities.length > 0 ? { text: text.text, entities: text.entities } : { text: text.text };
}
