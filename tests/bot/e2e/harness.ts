/**
 * End-to-end harness: the telegram-test-api emulator on 127.0.0.1 and the real grammY bot
 * (createBot + startPolling, i.e. the runner) with the real answering pipeline.
 *
 * Emulator facts this harness works around (telegram-test-api 4.2.1):
 * - getUpdates answers at once (ignores `timeout`/`offset`): a test-only transformer sleeps
 *   50 ms before each getUpdates so polling does not spin;
 * - setMyCommands / sendChatAction are unknown: HTTP 500 with `{message}` (no `ok`), which
 *   grammY turns into a GrammyError without error_code (the bot logs a warning and goes on);
 * - the user-side sendMessage returns no message id: ids are read from `server.storage`;
 * - commands need `sendCommand` (bot_command entity), as with real Telegram clients;
 * - callback queries carry `message: {from, chat}` without a message id;
 * - answerCallbackQuery is accepted but not recorded, so alerts cannot be asserted.
 */
import { createServer } from "node:net";
import type { Transformer } from "grammy";
import type { MessageEntity } from "grammy/types";
import { TelegramServer, type StoredBotUpdate } from "telegram-test-api/lib/telegramServer.js";
import type { AnswerService } from "../../../src/answer/answer-service.js";
import { createBot } from "../../../src/bot/create-bot.js";
import { createLogger, type LogEntry, type Logger } from "../../../src/bot/log.js";
import { startPolling, type Polling } from "../../../src/bot/run-bot.js";
import { loadConfig, type AppConfig } from "../../../src/config.js";
import { marked } from "../formatted.js";

/** Settings of the answering pipeline that a test run may redirect (e.g. to a private build). */
const PIPELINE_VARS = ["CORPUS_DIR", "ARTEFACT_DIR", "EMBEDDING_MODEL_DIR", "EMBEDDING_MODEL_ID"] as const;

/**
 * The pipeline's settings for tests: the project defaults, or the folders named by the
 * variables above when the test run sets them (`ARTEFACT_DIR=/tmp/a npx vitest run …`).
 */
export function pipelineEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of PIPELINE_VARS) {
    const value = process.env[name];
    if (value) env[name] = value;
  }
  return env;
}

/** The AppConfig the real answering pipeline is created from in the e2e tests. */
export function pipelineConfig(): AppConfig {
  return loadConfig({ ...pipelineEnv(), LOG_LEVEL: "warn" });
}

/** A token the config regex accepts; the emulator accepts any string. */
export const TEST_TOKEN = "123456:" + "TestTokenForTheEmulatorOnlyAbcdefgh";

/** A port nobody listens on right now (the OS picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Starts the emulator on a free port; stop it with `server.stop()`. */
export async function startEmulator(): Promise<{ server: TelegramServer; apiRoot: string }> {
  const server = new TelegramServer({ port: await freePort(), host: "127.0.0.1", storeTimeout: 3600 });
  await server.start();
  return { server, apiRoot: server.config.apiURL };
}

/** A logger that keeps every entry (debug and up) for assertions. */
export function captureLogger(): { logger: Logger; entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  return {
    entries,
    logger: createLogger({ level: "debug", secrets: [TEST_TOKEN], write: (_l, e) => entries.push(e) }),
  };
}

/** Test-only: sleep before getUpdates, because the emulator answers it immediately. */
export function slowGetUpdates(ms = 50): Transformer {
  return async (prev, method, payload, signal) => {
    if (method === "getUpdates") await new Promise((r) => setTimeout(r, ms));
    return prev(method, payload, signal);
  };
}

/** A running bot on a running emulator. */
export interface BotOnEmulator {
  server: TelegramServer;
  polling: Polling;
  entries: LogEntry[];
  /** A user chatting with the bot in chat `chatId` (private chats: user id = chat id). */
  chat(chatId: number, userId?: number, type?: "private" | "group"): UserChat;
  stop(): Promise<void>;
}

/** Starts emulator + bot with the given settings (RATE_LIMIT_MAX defaults to 1000 here). */
export async function startBotOnEmulator(
  service: AnswerService,
  env: Record<string, string> = {},
): Promise<BotOnEmulator> {
  const { server, apiRoot } = await startEmulator();
  const config = loadConfig({
    ...pipelineEnv(),
    TELEGRAM_BOT_TOKEN: TEST_TOKEN,
    TELEGRAM_API_ROOT: apiRoot,
    RATE_LIMIT_MAX: "1000",
    LOG_LEVEL: "debug",
    ...env,
  });
  const { logger, entries } = captureLogger();
  const bot = createBot({ service, config, logger });
  bot.api.config.use(slowGetUpdates());
  const polling = await startPolling(bot, { logger });
  return {
    server,
    polling,
    entries,
    chat: (chatId, userId = chatId, type = "private") => new UserChat(server, chatId, userId, type),
    async stop() {
      await polling.stop();
      await server.stop();
    },
  };
}

/** What the bot sent, as stored by the emulator. */
export interface BotReply {
  text: string;
  /** The text with bold and italic marked as <b>/<i> (from the message's entities). */
  html: string;
  replyTo: number | undefined;
  buttons: Array<{ text: string; data: string }>;
}

function toReply(update: StoredBotUpdate): BotReply {
  const m = update.message as unknown as {
    text: string;
    entities?: string | MessageEntity[];
    reply_parameters?: { message_id?: number };
    reply_markup?: { inline_keyboard?: Array<Array<{ text: string; callback_data?: string }>> };
  };
  const entities =
    typeof m.entities === "string" ? (JSON.parse(m.entities) as MessageEntity[]) : (m.entities ?? []);
  return {
    // Formatting arrives as entities; `html` marks bold and italic as tags for assertions.
    html: marked(m.text, entities),
    text: m.text,
    replyTo: m.reply_parameters?.message_id,
    buttons: (m.reply_markup?.inline_keyboard ?? [])
      .flat()
      .map((b) => ({ text: b.text, data: b.callback_data ?? "" })),
  };
}

/** Every bot message in a chat so far, oldest first. */
export function repliesIn(server: TelegramServer, chatId: number): BotReply[] {
  return server.storage.botMessages.filter((u) => Number(u.message.chat_id) === chatId).map(toReply);
}

/** Polls `check` every 20 ms until it returns a value; fails with `describe()` after `ms`. */
export async function waitFor<T>(check: () => T | undefined, ms: number, describe: () => string): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms: ${describe()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** One user in one chat, driving the emulator's client API. */
export class UserChat {
  private readonly client;
  constructor(
    private readonly server: TelegramServer,
    readonly chatId: number,
    userId: number,
    type: "private" | "group" = "private",
  ) {
    this.client = server.getClient(TEST_TOKEN, {
      chatId,
      userId,
      type,
      firstName: `用户${userId}`,
      timeout: 5000,
    });
  }

  /** Sends a plain text message (a question). */
  async say(text: string): Promise<void> {
    await this.client.sendMessage(this.client.makeMessage(text));
  }

  /** Sends a command the way Telegram clients do (with a bot_command entity). */
  async command(text: string): Promise<void> {
    await this.client.sendCommand(this.client.makeCommand(text));
  }

  /** Presses an inline button with this callback data. */
  async press(data: string): Promise<void> {
    await this.client.sendCallback(this.client.makeCallbackQuery(data));
  }

  /** Sends a message without text (e.g. a sticker). */
  async send(extra: Record<string, unknown>): Promise<void> {
    const message = { ...this.client.makeMessage(""), ...extra } as Record<string, unknown>;
    delete message.text;
    await this.client.sendMessage(message as never);
  }

  /** The ids the emulator gave this chat's user messages, oldest first. */
  messageIds(): number[] {
    return this.server.storage.userMessages
      .filter((u) => "message" in u && (u.message as { chat?: { id?: number } }).chat?.id === this.chatId)
      .map((u) => u.messageId);
  }

  replies(): BotReply[] {
    return repliesIn(this.server, this.chatId);
  }

  /** Waits until the chat holds at least `count` bot messages; returns all of them. */
  async waitForReplies(count: number, ms = 15_000): Promise<BotReply[]> {
    return waitFor(
      () => {
        const replies = this.replies();
        return replies.length >= count ? replies : undefined;
      },
      ms,
      () =>
        `chat ${this.chatId} has ${this.replies().length}/${count} replies: ${JSON.stringify(this.replies())}`,
    );
  }

  /** Waits for the next bot message after the ones already there. */
  async next(action: () => Promise<void>, ms = 15_000): Promise<BotReply> {
    const before = this.replies().length;
    await action();
    const replies = await this.waitForReplies(before + 1, ms);
    return replies[before]!;
  }
}

/** The load used by the concurrency and shutdown tests: each question with a figure unique to it. */
export const LOAD_QUESTIONS: ReadonlyArray<readonly [question: string, figure: string]> = [
  ["2023年铁东区社零总额是多少", "140.1亿元"],
  ["2022年铁东区实名制就业人数是多少", "10597人"],
  ["2024年上半年立山区规上工业增加值增速是多少", "9.2%"],
  ["发布数字经济应用场景机会清单由哪个单位牵头", "市工业和信息化局"],
  ["对比一下铁东区2022年和2023年的商品房销售额", "20.57"],
];

/** Chat `index`'s questions: LOAD_QUESTIONS rotated by the index, so chats differ in order. */
export function loadPlan(index: number): ReadonlyArray<readonly [string, string]> {
  return LOAD_QUESTIONS.map((_, k) => LOAD_QUESTIONS[(index + k) % LOAD_QUESTIONS.length]!);
}

/**
 * Sends every chat's questions at once: chats in parallel, each chat's questions back to back
 * (awaiting only the emulator's acknowledgement, so their order in the chat is fixed).
 */
export async function sendLoad(chats: UserChat[]): Promise<void> {
  await Promise.all(
    chats.map(async (chat, i) => {
      for (const [question] of loadPlan(i)) await chat.say(question);
    }),
  );
}
