/**
 * The chat `npm start` opens when no bot token is set: the same Conversation as the Telegram
 * bot, rendered as plain text. Works in a terminal (prompt; Ctrl-D, Ctrl-C or /quit to leave)
 * and with piped input (no prompt; each question is echoed, answered in order; ends at EOF).
 */
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import { parseCommand } from "./commands.js";
import type { Conversation, Reply } from "./conversation.js";
import { describeError, type Logger } from "./log.js";
import { renderTerminal } from "./render-reply.js";
import { NOTICES } from "./texts.js";

/** The chat id the terminal conversation is stored under. */
export const TERMINAL_CHAT_ID = 0;

/** Options of {@link runTerminalChat}. */
export interface TerminalChatOptions {
  conversation: Conversation;
  input: Readable & { isTTY?: boolean };
  output: Writable;
  logger: Logger;
  /** Show a prompt and expect a person at the keyboard; defaults to `input.isTTY`. */
  interactive?: boolean;
  /** Ends the chat after the question being answered (main.ts aborts it on SIGTERM/SIGINT). */
  signal?: AbortSignal;
}

/** Words that end the chat (besides Ctrl-D / end of input). */
const QUIT = new Set(["quit", "exit", "q"]);

/** Answers one line: a command or a question. Null means "quit". */
export async function replyToLine(conversation: Conversation, line: string): Promise<Reply | null> {
  const command = parseCommand(line);
  if (!command) return conversation.ask({ chatId: TERMINAL_CHAT_ID }, line);
  if (QUIT.has(command.name)) return null;
  const reply = await conversation.command({ chatId: TERMINAL_CHAT_ID }, command.name, command.args);
  return reply ?? { kind: "notice", text: NOTICES.unknownCommand(command.name) };
}

/**
 * Runs the chat until end of input or /quit. Resolves with exit code 0; a failing question is
 * logged and answered with an apology, and the chat goes on.
 */
export async function runTerminalChat(options: TerminalChatOptions): Promise<number> {
  const { conversation, input, output, logger } = options;
  const interactive = options.interactive ?? input.isTTY === true;
  const rl = createInterface({ input, output: interactive ? output : undefined, terminal: interactive });
  rl.setPrompt("问> ");
  rl.on("SIGINT", () => rl.close());
  let stopped = options.signal?.aborted === true;
  options.signal?.addEventListener("abort", () => {
    stopped = true;
    rl.close();
  });
  const write = (text: string) => void output.write(text + "\n");
  if (interactive) rl.prompt();
  for await (const raw of rl) {
    const line = raw.trim();
    if (stopped) break;
    if (line !== "") {
      if (!interactive) write(`问：${line}`);
      let reply: Reply | null;
      try {
        reply = await replyToLine(conversation, line);
      } catch (err) {
        logger.error("terminal question failed", describeError(err));
        reply = { kind: "notice", text: NOTICES.internalError };
      }
      if (reply === null) break;
      write(renderTerminal(reply) + "\n");
    }
    if (interactive) rl.prompt();
  }
  rl.close();
  return 0;
}
