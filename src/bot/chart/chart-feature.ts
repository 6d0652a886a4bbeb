/**
 * Charts in Telegram: the 📈 buttons under answers that have a chart (a comparison, a series of
 * periods, a region-period's growth rates), and `/chart <问题>`. Both send a PNG (sendPhoto)
 * whose caption repeats the title and the sources.
 *
 * Install with `bot.use(chartFeature(…))` before the bot's own callback handler; add
 * {@link chartButtons} rows to answer keyboards.
 */
import { Composer, InputFile, type Context } from "grammy";
import type { InlineKeyboardButton } from "grammy/types";
import type { AnswerService } from "../../answer/answer-service.js";
import type { Answer } from "../../types.js";
import type { Conversation, Reply } from "../conversation.js";
import type { AnswerRef } from "../format-answer.js";
import { describeError, type Logger } from "../log.js";
import { NOTICES } from "../texts.js";
import { buildChart, offeredCharts, type ChartKind, type ChartSpec } from "./chart-data.js";
import { renderChart } from "./render-chart.js";

const KIND_CODES: Record<ChartKind, string> = { compare: "c", series: "s", growth: "g" };
const BUTTON_TEXT: Record<ChartKind, string> = {
  compare: "📈 对比图",
  series: "📈 历年走势",
  growth: "📈 主要增速",
};

/** `g:<epoch>:<answerId>:<kind>` (well under Telegram's 64 bytes). */
export function chartButtonData(ref: AnswerRef, kind: ChartKind): string {
  return `g:${ref.epoch}:${ref.answerId}:${KIND_CODES[kind]}`;
}

/** Decodes {@link chartButtonData}; null for anything else. */
export function parseChartButton(data: string): (AnswerRef & { kind: ChartKind }) | null {
  const m = /^g:([a-z0-9]{1,12}):(\d{1,15}):([csg])$/.exec(data);
  if (!m) return null;
  const kind = (Object.keys(KIND_CODES) as ChartKind[]).find((k) => KIND_CODES[k] === m[3])!;
  return { epoch: m[1]!, answerId: Number(m[2]), kind };
}

/** The 📈 button row for an answer reply with charts; no rows otherwise. */
export function chartButtons(reply: Reply, service: AnswerService): InlineKeyboardButton[][] {
  if (reply.kind !== "answer") return [];
  const charts = offeredCharts(reply.answer, service.tables());
  if (charts.length === 0) return [];
  return [
    charts.map((c) => ({ text: BUTTON_TEXT[c.kind], callback_data: chartButtonData(reply.ref, c.kind) })),
  ];
}

/** The photo caption: title and sources (Telegram allows 1024 characters). */
export function chartCaption(spec: ChartSpec): string {
  const lines = [spec.title, ...spec.computedNotes, ...spec.sources.map((s) => `来源：${s}`)];
  const caption = lines.join("\n");
  return caption.length <= 1024 ? caption : `${caption.slice(0, 1021)}…`;
}

/** Texts of the chart feature. */
export const CHART_NOTICES = {
  usage: "用法：/chart 问题，例如 /chart 对比铁东区2022和2023年的GDP 或 /chart 铁东区GDP",
  noChart: "这个回答只有一个数值（资料中没有可比的其他时期），不画图。",
};

/** Options of {@link chartFeature}. */
export interface ChartFeatureOptions {
  service: AnswerService;
  conversation: Conversation;
  logger: Logger;
  /** Sends a reply the way the bot sends answers (HTML, buttons). */
  send: (ctx: Context, reply: Reply, replyTo?: number) => Promise<void>;
}

/** /chart and the 📈 buttons. */
export function chartFeature(options: ChartFeatureOptions): Composer<Context> {
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

  composer.command("chart", async (ctx) => {
    const question = ctx.match.trim();
    if (question === "") return send(ctx, { kind: "notice", text: CHART_NOTICES.usage }, ctx.msg.message_id);
    const reply = await conversation.ask(ctx.chatId, question);
    if (reply.kind !== "answer" || reply.answer.status !== "answered")
      return send(ctx, reply, ctx.msg.message_id);
    const [spec] = offeredCharts(reply.answer, service.tables());
    if (!spec) return send(ctx, { kind: "notice", text: CHART_NOTICES.noChart }, ctx.msg.message_id);
    await sendChart(ctx, spec, ctx.msg.message_id);
  });

  composer.callbackQuery(/^g:/, async (ctx) => {
    const ref = parseChartButton(ctx.callbackQuery.data);
    const answer: Answer | undefined =
      ref && ctx.chatId !== undefined && ref.epoch === conversation.store.epoch
        ? conversation.store.get(ctx.chatId, ref.answerId)
        : undefined;
    const spec = answer && ref ? buildChart(ref.kind, answer, service.tables()) : null;
    if (!spec) {
      await ctx.answerCallbackQuery({
        text: ref ? NOTICES.staleButton : NOTICES.unknownButton,
        show_alert: true,
      });
      return;
    }
    await ctx.answerCallbackQuery();
    await sendChart(ctx, spec, ctx.callbackQuery.message?.message_id);
  });

  return composer;
}
