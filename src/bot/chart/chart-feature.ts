/**
 * Charts in Telegram: `/chart` (the last answer), `/chart <问题>`, and the 📈 buttons under
 * answers that have a chart (next-steps.ts; a comparison, a series of periods, a region-period's
 * growth rates). Each sends a PNG (sendPhoto) whose caption repeats the title and the sources.
 */
import { Composer, InputFile, type Context } from "grammy";
import type { AnswerService } from "../../answer/answer-service.js";
import type { Answer } from "../../types.js";
import type { Conversation, Speaker } from "../conversation.js";
import { describeError, type Logger } from "../log.js";
import type { SendReply } from "../reply-sender.js";
import { buildChart, offeredCharts, type ChartKind, type ChartSpec } from "./chart-data.js";
import { renderChart } from "./render-chart.js";

/** The photo caption: title and sources (Telegram allows 1024 characters). */
export function chartCaption(spec: ChartSpec): string {
  const lines = [spec.title, ...spec.computedNotes, ...spec.sources.map((s) => `来源：${s}`)];
  const caption = lines.join("\n");
  return caption.length <= 1024 ? caption : `${caption.slice(0, 1021)}…`;
}

/** Texts of the chart feature. */
export const CHART_NOTICES = {
  noAnswer: "还没有可以画图的回答。请先提问，或发送 /chart 加问题，例如 /chart 铁东区GDP",
  noChart: "这个回答只有一个数值（资料中没有可比的其他时期），不画图。",
};

/** Options of {@link chartFeature}. */
export interface ChartFeatureOptions {
  service: AnswerService;
  conversation: Conversation;
  logger: Logger;
  send: SendReply;
  speakerOf(ctx: Context): Speaker;
}

/** The feature: /chart, and drawing a stored answer's chart (the 📈 buttons). */
export interface ChartFeature {
  composer: Composer<Context>;
  /** Draws a chart of the answer (its first one, or the kind asked); a notice when it has none. */
  chartAnswer(ctx: Context, answer: Answer, kind?: ChartKind, replyTo?: number): Promise<void>;
}

/**
 * `/chart` alone draws the speaker's last answer; `/chart 问题` asks the question first (it
 * becomes the last answer) and draws it.
 */
export function chartFeature(options: ChartFeatureOptions): ChartFeature {
  const { service, conversation, logger, send } = options;
  const composer = new Composer<Context>();

  const sendChart = async (ctx: Context, spec: ChartSpec, replyTo?: number) => {
    await ctx.replyWithChatAction("upload_photo").catch((err: unknown) => {
      logger.debug("chat action failed", describeError(err));
    });
    const started = performance.now();
    const { png } = renderChart(spec);
    logger.info("chart rendered", {
      chatId: ctx.chatId,
      kind: spec.kind,
      ms: Math.round(performance.now() - started),
    });
    await ctx.replyWithPhoto(new InputFile(png, "chart.png"), {
      caption: chartCaption(spec),
      ...(replyTo !== undefined
        ? { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } }
        : {}),
    });
  };

  const chartAnswer = async (ctx: Context, answer: Answer, kind?: ChartKind, replyTo?: number) => {
    const spec = kind
      ? buildChart(kind, answer, service.tables())
      : offeredCharts(answer, service.tables())[0];
    if (!spec) return send(ctx, { kind: "notice", text: CHART_NOTICES.noChart }, { replyTo });
    await sendChart(ctx, spec, replyTo);
  };

  composer.command("chart", async (ctx) => {
    const question = ctx.match.trim();
    const replyTo = ctx.msg.message_id;
    const speaker = options.speakerOf(ctx);
    if (question === "") {
      const last = conversation.lastAnswer(speaker);
      if (!last) return send(ctx, { kind: "notice", text: CHART_NOTICES.noAnswer }, { replyTo });
      return chartAnswer(ctx, last.answer, undefined, replyTo);
    }
    const reply = await conversation.ask(speaker, question);
    if (reply.kind !== "answer" || reply.answer.status !== "answered") return send(ctx, reply, { replyTo });
    await chartAnswer(ctx, reply.answer, undefined, replyTo);
  });

  return { composer, chartAnswer };
}
