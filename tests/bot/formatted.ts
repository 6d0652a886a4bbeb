/**
 * Test helper: text with message entities written back as HTML-like markup (`<b>…</b>`,
 * `<i>…</i>`), so assertions read what a user sees in bold or italic.
 */
import type { MessageEntity } from "grammy/types";

const TAG: Partial<Record<MessageEntity["type"], string>> = { bold: "b", italic: "i", code: "code" };

/** `text` with its bold/italic/code entities marked as tags (nested entities kept in order). */
export function marked(text: string, entities: readonly MessageEntity[] = []): string {
  const opens = new Map<number, string[]>();
  const closes = new Map<number, string[]>();
  for (const e of entities) {
    const tag = TAG[e.type];
    if (!tag) continue;
    opens.set(e.offset, [...(opens.get(e.offset) ?? []), `<${tag}>`]);
    closes.set(e.offset + e.length, [`</${tag}>`, ...(closes.get(e.offset + e.length) ?? [])]);
  }
  let out = "";
  for (let i = 0; i <= text.length; i++) {
    out += (closes.get(i) ?? []).join("") + (opens.get(i) ?? []).join("");
    if (i < text.length) out += text[i];
  }
  return out;
}

/** A FormattedString (or anything with text and entities) as marked text. */
export const markedOf = (f: { text: string; entities: readonly MessageEntity[] }): string =>
  marked(f.text, f.entities);
