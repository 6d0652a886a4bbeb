/**
 * Builds the grammY bot: API transformers, middleware and handlers, given an AnswerService and
 * the settings. No process-level side effects (no polling, no signals, no network calls): the
 * caller starts it with run-bot.ts, tests start it against an emulator.
 *
 * Middleware order (each step only sees what the previous let through):
 * 1. allow-list (access.ts) — outsiders get one refusal and nothing else;
 * 2. update log (debug);
 * 3. group gate (group-gate.ts) — in groups only messages addressed to the bot go on;
 * 4. per-user rate limits on messages and on buttons (@grammyjs/ratelimiter) with a notice;
 * 5. `sequentialize` per chat (@grammyjs/runner), so a chat's questions are answered in order
 *    while different chats are answered concurrently;
 * 6. the features (features.ts: menus, inline, /export, /chart, answer buttons, admin);
 * 7. commands, text questions, a note for non-text messages;
 * 8. `bot.catch`: log (token redacted) and apologise to the user.
 */
import { autoRetry } from "@grammyjs/auto-retry";
import { limit } from "@grammyjs/ratelimiter";
import { sequentialize } from "@grammyjs/runner";
import { Api, Bot, GrammyError, HttpError, type Context, type ErrorHandler } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { AnswerService } from "../answer/answer-service.js";
import type { AppConfig } from "../config.js";
import { accessControl } from "./access.js";
import { AnswerStore } from "./answer-store.js";
import { BOT_COMMANDS, parseCommand, type ParsedCommand } from "./commands.js";
import { Conversation, type Reply } from "./conversation.js";
import type { DocumentIntake } from "./document-intake.js";
import { installFeatures } from "./features.js";
import { groupGate, speakerOf } from "./group-gate.js";
import { describeError, type Logger } from "./log.js";
import { FEATURE_USAGE } from "./menus.js";
import { Outbox, type SendMessage } from "./outbox.js";
import { NOTICES } from "./texts.js";

/** Bot settings taken from {@link AppConfig}. */
export type BotConfig = Pick<
  AppConfig,
  | "telegramToken"
  | "telegramApiRoot"
  | "allowedChatIds"
  | "rateLimitMax"
  | "rateLimitWindowMs"
  | "telegramMaxRetries"
>;

/** Options of {@link createBot}. */
export interface CreateBotOptions {
  service: AnswerService;
  config: BotConfig;
  logger: Logger;
  /** Answer memory for the buttons; a fresh bounded store by default. */
  store?: AnswerStore;
  /** Known bot identity, to skip the getMe call of `bot.init()` (tests). */
  botInfo?: UserFromGetMe;
  /**
   * Where every message to a chat goes (durable, ordered, retried; see outbox.ts). main.ts
   * passes one kept on disk; by default an in-memory outbox over {@link telegramSender}.
   */
  outbox?: Outbox;
  /** Admin document uploads (document-intake.ts); without it documents get the text-only note. */
  documents?: DocumentIntake;
}

/** How long one sendMessage may take before it is abandoned and retried (outbox). */
export const SEND_TIMEOUT_SECONDS = 15;

/**
 * sendMessage through a client of its own: a request timeout instead of grammY's 500 s and no
 * auto-retry, because the outbox does the retrying (honouring retry_after without a bound).
 */
export function telegramSender(config: BotConfig, timeoutSeconds = SEND_TIMEOUT_SECONDS): SendMessage {
  if (!config.telegramToken) throw new MissingTokenError();
  const apiRoot = normalizeApiRoot(config.telegramApiRoot);
  const api = new Api(config.telegramToken, {
    ...(apiRoot ? { apiRoot } : {}),
    timeoutSeconds,
  });
  return (params) => api.raw.sendMessage(params as Parameters<typeof api.raw.sendMessage>[0]);
}

/** Thrown by {@link createBot} when the settings hold no bot token. */
export class MissingTokenError extends Error {
  constructor() {
    super("TELEGRAM_BOT_TOKEN is not set; get a token from @BotFather");
    this.name = "MissingTokenError";
  }
}

/** auto-retry waits at most this long for a `retry_after` before giving up on a call. */
export const MAX_RETRY_DELAY_SECONDS = 30;

/** Message kinds that get the "text only" note. */
const NON_TEXT = [
  "message:sticker",
  "message:photo",
  "message:voice",
  "message:audio",
  "message:video",
  "message:video_note",
  "message:animation",
  "message:document",
  "message:location",
  "message:venue",
  "message:contact",
  "message:poll",
  "message:dice",
] as const;

/** grammY rejects an apiRoot with a trailing slash; a URL from the environment may have one. */
export function normalizeApiRoot(apiRoot: string | undefined): string | undefined {
  return apiRoot?.replace(/\/+$/, "");
}

/** The error handler: log with context (no token, no stack to the user), then apologise. */
export function botErrorHandler(logger: Logger, outbox?: Outbox): ErrorHandler<Context> {
  return async (err) => {
    const { ctx } = err;
    const kind =
      err.error instanceof GrammyError ? "telegram" : err.error instanceof HttpError ? "network" : "handler";
    const where = { updateId: ctx.update.update_id, chatId: ctx.chatId, kind };
    logger.error("update failed", { ...where, ...describeError(err.error) });
    try {
      if (ctx.chatId !== undefined && outbox)
        await outbox.enqueue(ctx.chatId, [{ text: NOTICES.internalError }]);
      else if (ctx.chatId !== undefined) await ctx.reply(NOTICES.internalError);
      else if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: NOTICES.internalError });
    } catch (replyError) {
      logger.error("could not tell the user about the failure", { ...where, ...describeError(replyError) });
    }
  };
}

/**
 * Creates the bot with all middleware installed. Call once per process; start it with
 * `startPolling` (run-bot.ts). Throws {@link MissingTokenError} without a token.
 */
export function createBot(options: CreateBotOptions): Bot {
  const { service, config, logger } = options;
  if (!config.telegramToken) throw new MissingTokenError();
  const apiRoot = normalizeApiRoot(config.telegramApiRoot);
  const bot = new Bot(config.telegramToken, {
    client: apiRoot ? { apiRoot } : {},
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
  });
  // Bounded retries: rate limits (retry_after ≤ 30 s) and 5xx, at most telegramMaxRetries times.
  // Network errors are rethrown: auto-retry would retry those without a bound. The runner
  // retries getUpdates by itself.
  bot.api.config.use(
    autoRetry({
      maxRetryAttempts: config.telegramMaxRetries,
      maxDelaySeconds: MAX_RETRY_DELAY_SECONDS,
      rethrowHttpErrors: true,
    }),
  );

  const outbox = options.outbox ?? new Outbox({ send: telegramSender(config), logger });
  const conversation = new Conversation(service, options.store ?? new AnswerStore(), logger, FEATURE_USAGE);
  const known = new Set<string>([...BOT_COMMANDS.map((c) => c.command), "catalog"]);

  bot.use(accessControl({ allowedChatIds: config.allowedChatIds, logger }));
  bot.use((ctx, next) => {
    logger.debug("update received", {
      updateId: ctx.update.update_id,
      chatId: ctx.chatId,
      messageId: ctx.msg?.message_id,
      kind: Object.keys(ctx.update).find((k) => k !== "update_id"),
    });
    return next();
  });
  bot.use(groupGate(logger));
  installRateLimits(bot, config, logger, outbox);
  bot.use(sequentialize((ctx: Context) => ctx.chatId?.toString()));
  const features = installFeatures(bot, {
    service,
    conversation,
    logger,
    outbox,
    ...(options.documents ? { documents: options.documents } : {}),
    apiRoot: apiRoot ?? "https://api.telegram.org",
    token: config.telegramToken,
  });
  const { send } = features;

  /** Runs a parsed command; null when it is addressed to another bot (`/help@OtherBot`). */
  const runCommand = async (ctx: Context, parsed: ParsedCommand): Promise<Reply | null> => {
    if (parsed.target && parsed.target.toLowerCase() !== ctx.me.username.toLowerCase()) return null;
    const speaker = speakerOf(ctx);
    // A card's "查看完整回答" button opens the bot with /start q<key>: answer that question.
    const card = parsed.name === "start" ? /^q([a-z0-9]{1,8})$/u.exec(parsed.args) : null;
    if (card) {
      const question = features.inline.questionOf(card[1]!);
      return question
        ? conversation.ask(speaker, question)
        : { kind: "notice", text: NOTICES.inlineCardExpired };
    }
    const reply = await conversation.command(speaker, parsed.name, parsed.args, ctx.from?.first_name);
    return reply ?? { kind: "notice", text: NOTICES.unknownCommand(parsed.name) };
  };

  const onCommand = async (ctx: Context, parsed: ParsedCommand) => {
    if (
      parsed.name === "catalog" &&
      (!parsed.target || parsed.target.toLowerCase() === ctx.me.username.toLowerCase())
    )
      return features.openCatalog(ctx);
    const reply = await runCommand(ctx, parsed);
    if (reply) await send(ctx, reply, { replyTo: ctx.msg?.message_id });
    else logger.debug("ignored a command addressed to another bot", { chatId: ctx.chatId });
  };

  bot.command([...known], async (ctx) => {
    const parsed = parseCommand(ctx.msg.text) ?? {
      name: ctx.msg.text.slice(1),
      args: ctx.match,
      target: null,
    };
    await onCommand(ctx, parsed);
  });

  bot.on("message:text", async (ctx) => {
    const text = ctx.msg.text;
    // Commands without entities (pasted text, some clients) and unknown commands.
    const parsed = parseCommand(text);
    if (parsed) return onCommand(ctx, parsed);
    // In groups a question mentions the bot: "@AnshanBot 铁东区…".
    const question = text.split(`@${ctx.me.username}`).join(" ");
    await send(ctx, await conversation.ask(speakerOf(ctx), question), { replyTo: ctx.msg.message_id });
  });

  bot.on("callback_query:data", async (ctx) => {
    logger.info("button could not be served", { chatId: ctx.chatId, reason: "unknown" });
    await ctx.answerCallbackQuery({ text: NOTICES.staleButton, show_alert: true });
  });

  bot.on([...NON_TEXT], async (ctx) => {
    await send(ctx, { kind: "notice", text: NOTICES.nonText }, { replyTo: ctx.msg?.message_id });
  });

  bot.use((ctx) => {
    logger.debug("no handler for update", { updateId: ctx.update.update_id, chatId: ctx.chatId });
  });

  bot.catch(botErrorHandler(logger, outbox));
  return bot;
}

/** Per-user rate limits on messages and on button presses (issue 12, item 10). */
function installRateLimits(bot: Bot, config: BotConfig, logger: Logger, outbox: Outbox): void {
  bot.on(
    "message",
    limit({
      timeFrame: config.rateLimitWindowMs,
      limit: config.rateLimitMax,
      keyGenerator: (ctx: Context) => ctx.from?.id.toString(),
      onLimitExceeded: async (ctx: Context) => {
        logger.info("rate limit reached", { userId: ctx.from?.id, chatId: ctx.chatId });
        if (ctx.chatId !== undefined) {
          await outbox.enqueue(ctx.chatId, [{ text: NOTICES.rateLimited(config.rateLimitWindowMs) }]);
        }
      },
    }),
  );
  // Each press may send a message, so 200 presses would flood the chat and earn 429s that
  // delay every chat's answers. Presses over the limit get a short toast and nothing else.
  bot.on(
    "callback_query",
    limit({
      timeFrame: config.rateLimitWindowMs,
      limit: config.rateLimitMax,
      keyGenerator: (ctx: Context) => ctx.from?.id.toString(),
      keyPrefix: "button",
      // Every press over the limit still gets its callback answered (a toast, no message),
      // or the user's client shows a spinner until it times out.
      alwaysReply: true,
      onLimitExceeded: async (ctx: Context) => {
        logger.debug("button rate limit reached", { userId: ctx.from?.id, chatId: ctx.chatId });
        try {
          await ctx.answerCallbackQuery({ text: NOTICES.buttonRateLimited });
        } catch (err) {
          logger.debug("could not answer a rate-limited button press", describeError(err));
        }
      },
    }),
  );
}
