/**
 * Builds the grammY bot: API transformers, middleware and handlers, given an AnswerService and
 * the settings. No process-level side effects (no polling, no signals, no network calls): the
 * caller starts it with run-bot.ts, tests start it against an emulator.
 *
 * Middleware order (each step only sees what the previous let through):
 * 1. allow-list (access.ts) — outsiders get one refusal and nothing else;
 * 2. update log (debug);
 * 3. per-user rate limit on messages (@grammyjs/ratelimiter) with a Chinese notice;
 * 4. `sequentialize` per chat (@grammyjs/runner), so a chat's questions are answered in order
 *    while different chats are answered concurrently;
 * 5. commands, "原文 [n]" buttons, text questions, a note for non-text messages;
 * 6. `bot.catch`: log (token redacted) and apologise to the user.
 */
import { autoRetry } from "@grammyjs/auto-retry";
import { limit } from "@grammyjs/ratelimiter";
import { sequentialize } from "@grammyjs/runner";
import { Api, Bot, GrammyError, HttpError, type Context, type ErrorHandler } from "grammy";
import type { InlineKeyboardButton, UserFromGetMe } from "grammy/types";
import type { AnswerService } from "../answer/answer-service.js";
import type { AppConfig } from "../config.js";
import { toWellFormed } from "../ingest/normalise.js";
import { accessControl } from "./access.js";
import { AnswerStore } from "./answer-store.js";
import { BOT_COMMANDS, parseCommand, type ParsedCommand } from "./commands.js";
import { Conversation, type Reply } from "./conversation.js";
import { installFeatures } from "./features.js";
import { FEATURE_USAGE } from "./menus.js";
import { documentUploadHandler, type DocumentIntake } from "./document-intake.js";
import { describeError, type Logger } from "./log.js";
import { Outbox, type OutgoingMessage, type SendMessage } from "./outbox.js";
import { renderTelegram } from "./render-reply.js";
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

/** Extra keyboard rows under a reply (chart and export buttons); see features.ts. */
export type ReplyActions = (reply: Reply) => InlineKeyboardButton[][];

/**
 * A reply as the HTML messages to send; the first quotes `replyTo` when given, the last
 * carries the extra rows of `actions` under its own buttons.
 */
export function outgoingMessages(reply: Reply, replyTo?: number, actions?: ReplyActions): OutgoingMessage[] {
  const messages = renderTelegram(reply);
  const extra = actions?.(reply) ?? [];
  return messages.map((message, i) => {
    const rows = [...(message.keyboard?.inline_keyboard ?? []), ...(i === messages.length - 1 ? extra : [])];
    return {
      // Telegram refuses text that is not valid UTF-8 (a lone surrogate echoed from a question).
      text: toWellFormed(message.html),
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
      ...(rows.length > 0 ? { reply_markup: { inline_keyboard: rows } } : {}),
      ...(i === 0 && replyTo !== undefined
        ? { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } }
        : {}),
    };
  });
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
  /** Every reply goes through the outbox: persisted before the update counts as handled. */
  const send = (ctx: Context, reply: Reply, replyTo?: number, actions?: ReplyActions) =>
    outbox.enqueue(ctx.chatId!, outgoingMessages(reply, replyTo, actions));
  const conversation = new Conversation(service, options.store ?? new AnswerStore(), logger, FEATURE_USAGE);
  const known = new Set<string>(BOT_COMMANDS.map((c) => c.command));

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
  // 原文 buttons too (issue 12, item 10): each press sends a message, so 200 presses would
  // flood the chat and earn 429s that delay every chat's answers. Presses over the limit are
  // answered with a short toast (no message) and otherwise ignored.
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
  bot.use(sequentialize((ctx: Context) => ctx.chatId?.toString()));
  // Charts, exports, inline answers (features.ts); they add buttons under answers.
  const actions = installFeatures(bot, { service, conversation, logger, config, send });

  /** Runs a parsed command; null when it is addressed to another bot (`/help@OtherBot`). */
  const runCommand = async (ctx: Context, parsed: ParsedCommand): Promise<Reply | null> => {
    if (parsed.target && parsed.target.toLowerCase() !== ctx.me.username.toLowerCase()) return null;
    const reply = await conversation.command(ctx.chatId!, parsed.name, parsed.args, ctx.from?.first_name);
    return reply ?? { kind: "notice", text: NOTICES.unknownCommand(parsed.name) };
  };

  bot.command([...known], async (ctx) => {
    const parsed = parseCommand(ctx.msg.text) ?? {
      name: ctx.msg.text.slice(1),
      args: ctx.match,
      target: null,
    };
    const reply = await runCommand(ctx, parsed);
    if (reply) await send(ctx, reply, ctx.msg.message_id, actions);
  });

  bot.on("callback_query:data", async (ctx) => {
    const result =
      ctx.chatId === undefined
        ? ({ ok: false, reason: "stale" } as const)
        : conversation.button(ctx.chatId, ctx.callbackQuery.data);
    if (!result.ok) {
      logger.info("button could not be served", { chatId: ctx.chatId, reason: result.reason });
      const text = result.reason === "stale" ? NOTICES.staleButton : NOTICES.unknownButton;
      await ctx.answerCallbackQuery({ text, show_alert: true });
      return;
    }
    await ctx.answerCallbackQuery();
    await send(ctx, result.reply, ctx.callbackQuery.message?.message_id, actions);
  });

  bot.on("message:text", async (ctx) => {
    const text = ctx.msg.text;
    // Commands without entities (pasted text, some clients) and unknown commands.
    const parsed = parseCommand(text);
    if (parsed) {
      const reply = await runCommand(ctx, parsed);
      if (reply) await send(ctx, reply, ctx.msg.message_id, actions);
      else logger.debug("ignored a command addressed to another bot", { chatId: ctx.chatId });
      return;
    }
    // In groups a question may mention the bot: "@AnshanBot 铁东区…".
    const question = text.split(`@${ctx.me.username}`).join(" ");
    await send(ctx, await conversation.ask(ctx.chatId, question), ctx.msg.message_id, actions);
  });

  if (options.documents) {
    bot.on(
      "message:document",
      documentUploadHandler({
        intake: options.documents,
        logger,
        apiRoot: apiRoot ?? "https://api.telegram.org",
        token: config.telegramToken,
      }),
    );
  }

  bot.on([...NON_TEXT], async (ctx) => {
    await send(ctx, { kind: "notice", text: NOTICES.nonText }, ctx.msg?.message_id);
  });

  bot.use((ctx) => {
    logger.debug("no handler for update", { updateId: ctx.update.update_id, chatId: ctx.chatId });
  });

  bot.catch(botErrorHandler(logger, outbox));
  return bot;
}
