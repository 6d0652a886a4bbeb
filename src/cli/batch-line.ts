/**
 * The lines of `ask --batch`: plain questions, or JSON objects naming a conversation.
 */

/** One line of a batch file: a question, and the conversation it belongs to (null: none). */
export interface BatchLine {
  q: string;
  chat: string | null;
}

/**
 * Reads a batch line: plain text is one independent question; a JSON object
 * `{"q": "…", "chat": "id"}` is a question of conversation `id` (lines with the same chat are
 * one conversation in file order); `{"q": "…"}` alone is independent.
 */
export function parseBatchLine(line: string): BatchLine {
  const trimmed = line.trim();
  if (trimmed.startsWith("{")) {
    try {
      const v = JSON.parse(trimmed) as unknown;
      if (v && typeof v === "object" && typeof (v as { q?: unknown }).q === "string") {
        const chat = (v as { chat?: unknown }).chat;
        return { q: (v as { q: string }).q, chat: chat === undefined || chat === null ? null : String(chat) };
      }
    } catch {
      // Not JSON after all: a question that starts with a brace.
    }
  }
  return { q: line, chat: null };
}
/**
 * The lines of an `ask --batch` file, one question each. A blank line stays (its answer is a
 * `not_found` object), so output line N answers input line N (issue 12, item 11); only the
 * newline that ends the file does not start another line.
 */
export function batchLines(text: string): string[] {
  const lines = text.split(/\r?\n/u);
  if (lines.at(-1) === "") lines.pop();
  return lines;
}
