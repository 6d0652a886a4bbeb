/**
 * The bot's media and sharing features, installed by createBot in one call: charts (📈 buttons,
 * /chart), exports (/export, 📥 buttons) and inline mode. Each lives in its own module; this
 * file only wires them, so create-bot.ts stays a list of middleware.
 */
import type { Bot, Context } from "grammy";
import type { InlineKeyboardButton } from "grammy/types";
import type { AnswerService } from "../answer/answer-service.js";
import type { AppConfig } from "../config.js";
import { chartButtons, chartFeature } from "./chart/chart-feature.js";
import type { Conversation, Reply } from "./conversation.js";
import { exportButtons, exportFeature } from "./export.js";
import { inlineFeature } from "./inline.js";
import type { Logger } from "./log.js";

/** What the features need from createBot. */
export interface FeatureOptions {
  service: AnswerService;
  conversation: Conversation;
  logger: Logger;
  config: Pick<AppConfig, "allowedChatIds">;
  /** createBot's reply sender; the features pass their buttons back through it. */
  send: (
    ctx: Context,
    reply: Reply,
    replyTo?: number,
    actions?: (reply: Reply) => InlineKeyboardButton[][],
  ) => Promise<void>;
}

/**
 * Installs the features on the bot (call after the allow-list, rate limit and sequentialize,
 * before the bot's own commands and callback handler). Returns the extra keyboard rows for a
 * reply, for createBot's sender.
 */
export function installFeatures(
  bot: Bot,
  options: FeatureOptions,
): (reply: Reply) => InlineKeyboardButton[][] {
  const { service, conversation, logger } = options;
  const actions = (reply: Reply) => [...chartButtons(reply, service), ...exportButtons(reply, service)];
  const send = (ctx: Context, reply: Reply, replyTo?: number) => options.send(ctx, reply, replyTo, actions);
  bot.use(chartFeature({ service, conversation, logger, send }));
  bot.use(exportFeature({ service, conversation, logger, send }));
  bot.use(inlineFeature({ service, logger }));
  return actions;
}
