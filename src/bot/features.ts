/**
 * The bot's Telegram-only features, installed by createBot in one call: paged lists and the
 * catalogue (menus), charts (/chart, 📈), exports (/export, 📥), the buttons under answers,
 * inline mode and the admin commands. Each lives in its own module; this file only wires them,
 * so create-bot.ts stays a list of middleware.
 */
import type { Bot, Context } from "grammy";
import type { AnswerService } from "../answer/answer-service.js";
import { adminFeature } from "./admin-feature.js";
import { answerActions } from "./answer-actions.js";
import { catalogFeature } from "./catalog-feature.js";
import { chartFeature } from "./chart/chart-feature.js";
import type { Conversation } from "./conversation.js";
import type { DocumentIntake } from "./document-intake.js";
import { exportFeature } from "./export-feature.js";
import { speakerOf } from "./group-gate.js";
import { inlineFeature, type InlineFeature } from "./inline.js";
import { listMenu } from "./list-menu.js";
import type { Logger } from "./log.js";
import type { Outbox } from "./outbox.js";
import { replySender, type SendReply } from "./reply-sender.js";
import { NOTICES } from "./texts.js";

/** What the features need from createBot. */
export interface FeatureOptions {
  service: AnswerService;
  conversation: Conversation;
  logger: Logger;
  outbox: Outbox;
  /** Admin uploads and removals; without it /docs and /remove answer that only admins may. */
  documents?: DocumentIntake;
  /** For file downloads of uploads. */
  apiRoot: string;
  token: string;
}

/** What createBot uses of the features. */
export interface InstalledFeatures {
  send: SendReply;
  inline: InlineFeature;
  /** Opens the catalogue (/catalog). */
  openCatalog(ctx: Context): Promise<void>;
}

/**
 * Installs the features on the bot (after the allow-list, group gate, rate limits and
 * sequentialize; before the bot's own commands and text handler).
 */
export function installFeatures(bot: Bot, options: FeatureOptions): InstalledFeatures {
  const { service, conversation, logger, outbox } = options;
  // The list menu and the sender need each other: the sender renders list menus, the menu's
  // buttons send excerpts and exports through the sender.
  let send: SendReply = () => Promise.reject(new Error("sender not ready"));
  const deferred: SendReply = (ctx, reply, sendOptions) => send(ctx, reply, sendOptions);
  const lists = listMenu({
    conversation,
    logger,
    sendExcerpt: (ctx, citation) =>
      deferred(
        ctx,
        { kind: "excerpt", citation, excerpt: service.excerpt(citation) },
        { replyTo: ctx.callbackQuery?.message?.message_id },
      ),
    // Called on a press, long after `exports` below is set.
    startExport: (ctx, ref) => exports.startExport(ctx, ref),
  });
  send = replySender({ outbox, service, listMenu: lists });
  const common = { service, conversation, logger, send, speakerOf };
  const exports = exportFeature(common);
  const charts = chartFeature(common);
  const catalog = catalogFeature(common);
  const inline = inlineFeature({ service, logger });

  bot.use(lists);
  bot.use(catalog.menu);
  bot.use(inline.composer);
  bot.use(exports.composer);
  bot.use(charts.composer);
  bot.use(answerActions({ ...common, charts, exports }));
  if (options.documents) {
    bot.use(
      adminFeature({
        intake: options.documents,
        service,
        logger,
        send,
        apiRoot: options.apiRoot,
        token: options.token,
        epoch: conversation.store.epoch,
      }),
    );
  } else {
    bot.command(["docs", "remove"], (ctx) =>
      send(ctx, { kind: "notice", text: NOTICES.adminOnly }, { replyTo: ctx.msg.message_id }),
    );
  }
  return { send, inline, openCatalog: catalog.open };
}
