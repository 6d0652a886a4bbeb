/**
 * End-to-end harness on our own Bot API test server (tests/support/bot-api-server.ts): the real
 * grammY bot (createBot + startPolling with the runner) and the real answering pipeline, with
 * every bot call recorded (sendPhoto, sendDocument, edits, answerInlineQuery included).
 *
 * {@link Staff} drives one person in a chat the way a user does — sends text or a command,
 * presses a button by its label — and returns what the bot did in reply: the messages it
 * sent, edited or the files and photos it sent, as the user sees them.
 */
import type { Chat, InlineKeyboardButton, Message, User } from "grammy/types";
import type { AnswerService } from "../../../src/answer/answer-service.js";
import type { DocumentIntake } from "../../../src/bot/document-intake.js";
import { createBot } from "../../../src/bot/create-bot.js";
import { startPolling, type Polling } from "../../../src/bot/run-bot.js";
import { loadConfig } from "../../../src/config.js";
import { BotApiServer, type RecordedCall } from "../../support/bot-api-server.js";
import { captureLogger, pipelineEnv, TEST_TOKEN } from "./harness.js";
import type { LogEntry } from "../../../src/bot/log.js";
import { marked } from "../formatted.js";

/** The bot's username on the test server. */
export const BOT_USERNAME = "anshan_test_bot";

/** A running bot on a running Bot API test server. */
export interface BotOnApiServer {
  server: BotApiServer;
  polling: Polling;
  entries: LogEntry[];
  /** Sends `text` from `user` (a command when it starts with "/") and waits for the bot's next call of `method`. */
  exchange(user: User, text: string, method?: string): Promise<RecordedCall>;
  /** A person chatting with the bot: in private by default, or in `chat`. */
  staff(user: Partial<User> & { id: number }, chat?: Chat): Staff;
  stop(): Promise<void>;
}

/** Options of {@link startBotOnApiServer}. */
export interface ApiServerBotOptions {
  documents?: DocumentIntake;
}

/** Starts the server and the bot (RATE_LIMIT_MAX 1000 unless `env` says otherwise). */
export async function startBotOnApiServer(
  service: AnswerService,
  env: Record<string, string> = {},
  options: ApiServerBotOptions = {},
): Promise<BotOnApiServer> {
  const server = await BotApiServer.start({ token: TEST_TOKEN, bot: { username: BOT_USERNAME } });
  const config = loadConfig({
    ...pipelineEnv(),
    TELEGRAM_BOT_TOKEN: TEST_TOKEN,
    TELEGRAM_API_ROOT: server.apiRoot,
    RATE_LIMIT_MAX: "1000",
    LOG_LEVEL: "debug",
    ...env,
  });
  const { logger, entries } = captureLogger();
  const bot = createBot({
    service,
    config,
    logger,
    ...(options.documents ? { documents: options.documents } : {}),
  });
  const polling = await startPolling(bot, { logger });
  return {
    server,
    polling,
    entries,
    async exchange(user, text, method = "sendMessage") {
      const mark = server.mark();
      const sent: Message = text.startsWith("/")
        ? server.sendCommand(user, text)
        : server.sendText(user, text);
      return server.waitForCall(method, {
        after: mark,
        where: (c) => c.ok && Number(c.params.chat_id) === sent.chat.id,
      });
    },
    staff: (user, chat) => new Staff(server, server.user(user), chat),
    async stop() {
      await polling.stop();
      await server.stop();
    },
  };
}

/** Methods by which the bot shows something in a chat. */
const SHOWING = new Set([
  "sendMessage",
  "sendPhoto",
  "sendDocument",
  "editMessageText",
  "editMessageReplyMarkup",
]);

/** One thing the bot did in the chat, as the user sees it. */
export interface Shown {
  method: string;
  /** The message as it stands after this call. */
  message: Message;
  /** Text or caption, with bold/italic marked as <b>/<i>. */
  marked: string;
  /** Plain text or caption. */
  text: string;
  /** Button labels, row by row. */
  buttons: string[][];
  call: RecordedCall;
}

function shown(call: RecordedCall): Shown {
  const message = call.result as Message;
  const text = message.text ?? message.caption ?? "";
  const keyboard = (message.reply_markup?.inline_keyboard ?? []) as InlineKeyboardButton[][];
  return {
    method: call.method,
    message,
    text,
    marked: marked(text, message.entities ?? message.caption_entities ?? []),
    buttons: keyboard.map((row) => row.map((b) => b.text)),
    call,
  };
}

/** A person chatting with the bot (see the module comment). */
export class Staff {
  constructor(
    readonly server: BotApiServer,
    readonly user: User,
    readonly chat?: Chat,
  ) {}

  get chatId(): number {
    return this.chat?.id ?? this.user.id;
  }

  /**
   * Runs `action` and collects what the bot shows in this chat until it has shown `count`
   * things and then nothing new for `settleMs`.
   */
  async expect(action: () => unknown, count = 1, settleMs = 120, timeoutMs = 30_000): Promise<Shown[]> {
    const mark = this.server.mark();
    action();
    const mine = () =>
      this.server.calls
        .slice(mark)
        .filter((c) => c.ok && SHOWING.has(c.method) && Number(c.params.chat_id) === this.chatId);
    const deadline = Date.now() + timeoutMs;
    let seen = 0;
    let quietSince = Date.now();
    for (;;) {
      const now = mine().length;
      if (now !== seen) {
        seen = now;
        quietSince = Date.now();
      }
      if (seen >= count && Date.now() - quietSince >= settleMs) break;
      if (Date.now() > deadline)
        throw new Error(
          `chat ${this.chatId}: ${seen}/${count} bot messages; calls: ${this.server.calls
            .slice(mark)
            .map((c) => c.method)
            .join(", ")}`,
        );
      await new Promise((r) => setTimeout(r, 20));
    }
    return mine().map(shown);
  }

  /** Sends text (a command when it starts with "/"); returns what the bot showed in reply. */
  async send(text: string, options: { replyTo?: Message; count?: number } = {}): Promise<Shown[]> {
    const chat = this.chat ? { chat: this.chat } : {};
    return this.expect(
      () =>
        text.startsWith("/")
          ? this.server.sendCommand(this.user, text, chat)
          : this.server.sendText(this.user, text, {
              ...chat,
              ...(options.replyTo ? { replyTo: options.replyTo } : {}),
            }),
      options.count ?? 1,
    );
  }

  /** The first bot reply to `text`. */
  async ask(text: string, options: { replyTo?: Message } = {}): Promise<Shown> {
    return (await this.send(text, options))[0]!;
  }

  /** Presses the button labelled `label` (exactly, or matching) on a bot message. */
  async press(message: Message, label: string | RegExp, count = 1): Promise<Shown[]> {
    const current =
      this.server.messages(message.chat.id).find((m) => m.message_id === message.message_id) ?? message;
    const button = (current.reply_markup?.inline_keyboard ?? [])
      .flat()
      .find((b) => (typeof label === "string" ? b.text === label : label.test(b.text)));
    if (!button || !("callback_data" in button) || !button.callback_data)
      throw new Error(
        `no button ${String(label)} on message ${message.message_id}: ${JSON.stringify(current.reply_markup)}`,
      );
    return this.expect(() => this.server.pressButton(this.user, current, button.callback_data!), count);
  }

  /** The message as it stands now (after edits). */
  current(message: Message): Message {
    return this.server.messages(message.chat.id).find((m) => m.message_id === message.message_id) ?? message;
  }
}
