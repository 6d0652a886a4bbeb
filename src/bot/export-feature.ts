/**
 * `/export` and the 📥 导出 buttons. `/export` alone acts on the speaker's last answer (its
 * list, else its published figures); `/export 铁东区 2023年` exports the indicator rows of what
 * is named (regions, periods — `2023` is every period of that year — and indicators, matched
 * against the table itself); `/export 任务 市发展改革委` the tasks whose units or text contain
 * the words. The format is asked with two buttons (CSV, Excel) unless given: `/export CSV`,
 * `/export 铁东区 xlsx`; a format word is never read as a filter.
 */
import { Composer, InputFile, type Context } from "grammy";
import type { AnswerService, CorpusTables } from "../answer/answer-service.js";
import { loadVocabulary } from "../indicators/aliases.js";
import type { AnswerRef, Conversation, Speaker } from "./conversation.js";
import { exportCaption, exportFile, type ExportFormat } from "./export-files.js";
import {
  answerTable,
  indicatorHeads,
  indicatorTable,
  taskTable,
  type ExportTable,
  type RowFilter,
} from "./export-table.js";
import type { Logger } from "./log.js";
import type { SendReply } from "./reply-sender.js";
import { NOTICES } from "./texts.js";

/** What `/export …` asks for. */
export interface ExportRequest {
  format: ExportFormat | null;
  /** Nothing named: the last answer. */
  lastAnswer: boolean;
  tasks: boolean;
  /** For tasks: the words after 任务. */
  text: string;
  filter: RowFilter;
  /** Words that matched nothing in the table (then nothing is exported). */
  unmatched: string;
}

const FORMAT_WORD = /(?<![A-Za-z])(csv|xlsx|xls|excel)(?![A-Za-z])|表格/giu;

/** Reads `/export` arguments; format words (CSV, XLSX, Excel, 表格) are taken out first. */
export function parseExportRequest(args: string, tables: Pick<CorpusTables, "rows">): ExportRequest {
  let format: ExportFormat | null = null;
  let rest = args.replace(FORMAT_WORD, (word) => {
    format = /^csv$/iu.test(word) ? "csv" : "xlsx";
    return " ";
  });
  rest = rest.trim();
  const base = { format, lastAnswer: false, tasks: false, text: "", unmatched: "" };
  const none: RowFilter = { regions: [], periods: [], indicators: [] };
  if (rest === "") return { ...base, lastAnswer: true, filter: none };
  if (/^(任务|tasks?)(\s|$)/iu.test(rest))
    return { ...base, tasks: true, text: rest.replace(/^\S+\s*/u, ""), filter: none };
  const take = (values: Iterable<string>) => {
    const found = [...new Set(values)]
      .filter((v) => v !== "" && rest.includes(v))
      .sort((a, b) => b.length - a.length);
    const kept = found.filter((v) => rest.includes(v));
    for (const v of kept) rest = rest.split(v).join(" ");
    return kept;
  };
  const regions = take(tables.rows.map((r) => r.region));
  const periods = take(tables.rows.map((r) => r.period));
  for (const year of rest.match(/\d{4}(?=年|\b)/gu) ?? []) {
    const ofYear = tables.rows.map((r) => r.period).filter((p) => p.startsWith(`${year}年`));
    if (ofYear.length === 0) continue;
    periods.push(...ofYear);
    rest = rest.replace(new RegExp(`${year}年?`, "u"), " ");
  }
  const indicators = take(tables.rows.flatMap((r) => (r.indicator ? [r.indicator] : [])));
  const unmatched = rest.replace(/[\s,，、;；和及]+/gu, " ").trim();
  return { ...base, filter: { regions, periods: [...new Set(periods)], indicators }, unmatched };
}

/** Texts of the export feature. */
export const EXPORT_TEXTS = {
  nothing: (what: string) =>
    `没有符合“${what}”的数据。可以写地区、年份或指标，例如 /export 铁东区 2023年；任务清单用 /export 任务 单位名。`,
  noAnswer: "还没有可以导出的回答。请先提问，或写明要导出的内容，例如 /export 铁东区 2023年。",
  answerHasNothing: "上一条回答没有可以导出的数字或清单。可以写明要导出的内容，例如 /export 铁东区 2023年。",
  askFormat: (table: ExportTable) => `导出“${table.title}”（共${table.rows.length}行）：请选择文件格式。`,
  expired: "这个导出已过期，请重新发送 /export。",
} as const;

/** Pending exports waiting for a format, at most this many (oldest forgotten first). */
const MAX_PENDING = 200;

/** Options of {@link exportFeature}. */
export interface ExportFeatureOptions {
  service: AnswerService;
  conversation: Conversation;
  logger: Logger;
  send: SendReply;
  speakerOf(ctx: Context): Speaker;
}

/** The feature: its middleware and the start of an export for a stored answer (buttons). */
export interface ExportFeature {
  composer: Composer<Context>;
  /** Asks the format for a stored answer's export (the 📥 buttons). */
  startExport(ctx: Context, ref: AnswerRef): Promise<void>;
}

/** /export, the format buttons and exports of stored answers. */
export function exportFeature(options: ExportFeatureOptions): ExportFeature {
  const { service, conversation, logger, send } = options;
  const composer = new Composer<Context>();
  const pending = new Map<number, ExportTable>();
  let nextId = 1;
  let heads: Set<string> | undefined;

  const sendFile = async (ctx: Context, table: ExportTable, format: ExportFormat, replyTo?: number) => {
    const file = await exportFile(table, format);
    await ctx.replyWithDocument(new InputFile(file.bytes, file.name), {
      caption: exportCaption(table),
      ...(replyTo !== undefined
        ? { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } }
        : {}),
    });
    logger.info("exported", { chatId: ctx.chatId, format, rows: table.rows.length });
  };

  /** Sends the file when the format is known, else asks for it with two buttons. */
  const offer = async (ctx: Context, table: ExportTable, format: ExportFormat | null, replyTo?: number) => {
    if (format) return sendFile(ctx, table, format, replyTo);
    const id = nextId++;
    pending.set(id, table);
    if (pending.size > MAX_PENDING) pending.delete(pending.keys().next().value!);
    const keyboard = [
      [
        { text: "CSV", callback_data: `e:${conversation.store.epoch}:${id}:csv` },
        { text: "Excel（XLSX）", callback_data: `e:${conversation.store.epoch}:${id}:xlsx` },
      ],
    ];
    await send(ctx, { kind: "notice", text: EXPORT_TEXTS.askFormat(table) }, { replyTo, keyboard });
  };

  const tableOfAnswer = (ctx: Context, ref: AnswerRef) => {
    const answer = ctx.chatId === undefined ? undefined : conversation.stored(ctx.chatId, ref);
    return answer ? answerTable(answer, service.tables()) : null;
  };

  composer.command("export", async (ctx) => {
    const tables = service.tables();
    const request = parseExportRequest(ctx.match, tables);
    const replyTo = ctx.msg.message_id;
    const notice = (text: string) => send(ctx, { kind: "notice", text }, { replyTo });
    if (request.lastAnswer) {
      const last = conversation.lastAnswer(options.speakerOf(ctx));
      if (!last) return notice(EXPORT_TEXTS.noAnswer);
      const table = answerTable(last.answer, tables);
      return table ? offer(ctx, table, request.format, replyTo) : notice(EXPORT_TEXTS.answerHasNothing);
    }
    const needle = request.text.trim();
    heads ??= indicatorHeads(loadVocabulary());
    const table = request.tasks
      ? taskTable(
          tables.tasks.filter(
            (t) => needle === "" || [t.lead, t.responsible, t.text].some((s) => s?.includes(needle)),
          ),
          tables,
          needle ? `${needle}相关任务` : "任务分解方案全部任务",
        )
      : indicatorTable(tables, request.filter, heads);
    if (request.unmatched !== "" || table.rows.length === 0)
      return notice(EXPORT_TEXTS.nothing(ctx.match.trim()));
    await offer(ctx, table, request.format, replyTo);
  });

  composer.callbackQuery(/^e:/u, async (ctx) => {
    const m = /^e:([a-z0-9]{1,12}):(\d{1,9}):(csv|xlsx)$/u.exec(ctx.callbackQuery.data);
    const table = m && m[1] === conversation.store.epoch ? pending.get(Number(m[2])) : undefined;
    if (!table) {
      await ctx.answerCallbackQuery({
        text: m ? EXPORT_TEXTS.expired : NOTICES.unknownButton,
        show_alert: true,
      });
      return;
    }
    await ctx.answerCallbackQuery();
    await sendFile(ctx, table, m![3] as ExportFormat, ctx.callbackQuery.message?.message_id);
  });

  return {
    composer,
    async startExport(ctx, ref) {
      const table = tableOfAnswer(ctx, ref);
      if (!table) return send(ctx, { kind: "notice", text: EXPORT_TEXTS.answerHasNothing });
      await offer(ctx, table, null, ctx.callbackQuery?.message?.message_id);
    },
  };
}
