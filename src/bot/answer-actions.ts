/**
 * The buttons under an answer (next-steps.ts): 原文 shows a citation's excerpt, 画图 draws the
 * chart, 📥 导出 asks the export format, and a next-step question (the neighbouring year, the
 * parent region, a clarification's choice) is asked as if the presser had typed it — in a
 * group, in the presser's own conversation.
 */
import { Composer, type Context } from "grammy";
import type { AnswerService } from "../answer/answer-service.js";
import type { ChartFeature } from "./chart/chart-feature.js";
import type { Conversation, Speaker } from "./conversation.js";
import type { ExportFeature } from "./export-feature.js";
import type { Logger } from "./log.js";
import { askSteps, parseAction } from "./next-steps.js";
import type { SendReply } from "./reply-sender.js";
import { NOTICES } from "./texts.js";

/** What the answer buttons need. */
export interface AnswerActionOptions {
  service: AnswerService;
  conversation: Conversation;
  logger: Logger;
  send: SendReply;
  charts: ChartFeature;
  exports: ExportFeature;
  speakerOf(ctx: Context): Speaker;
}

/** Handles `a:…` button presses. */
export function answerActions(options: AnswerActionOptions): Composer<Context> {
  const { service, conversation, logger, send } = options;
  const composer = new Composer<Context>();
  composer.callbackQuery(/^a:/u, async (ctx) => {
    const parsed = parseAction(ctx.callbackQuery.data);
    const answer =
      parsed && ctx.chatId !== undefined ? conversation.stored(ctx.chatId, parsed.ref) : undefined;
    if (!parsed || !answer) {
      logger.info("button could not be served", { chatId: ctx.chatId, reason: parsed ? "stale" : "unknown" });
      await ctx.answerCallbackQuery({
        text: parsed ? NOTICES.staleButton : NOTICES.unknownButton,
        show_alert: true,
      });
      return;
    }
    const replyTo = ctx.callbackQuery.message?.message_id;
    const { action } = parsed;
    if (action.kind === "cite") {
      const citation = answer.citations.find((c) => c.id === action.citationId);
      if (!citation)
        return void (await ctx.answerCallbackQuery({ text: NOTICES.staleButton, show_alert: true }));
      await ctx.answerCallbackQuery();
      return send(ctx, { kind: "excerpt", citation, excerpt: service.excerpt(citation) }, { replyTo });
    }
    if (action.kind === "chart") {
      await ctx.answerCallbackQuery();
      return options.charts.chartAnswer(ctx, answer, action.chart, replyTo);
    }
    if (action.kind === "export") {
      await ctx.answerCallbackQuery();
      return options.exports.startExport(ctx, parsed.ref);
    }
    const step = askSteps(answer, service)[action.index];
    if (!step) return void (await ctx.answerCallbackQuery({ text: NOTICES.staleButton, show_alert: true }));
    await ctx.answerCallbackQuery({ text: step.question });
    const reply = await conversation.ask(options.speakerOf(ctx), step.question);
    await send(ctx, reply, { replyTo });
  });
  return composer;
}
