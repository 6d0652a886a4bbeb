/**
 * `/export …` and the 📥 button under task answers: the indicator rows (or tasks) as CSV (UTF-8
 * with BOM, for Excel/WPS) and XLSX, sent with sendDocument.
 *
 * Filters come from what the user names, matched against the table itself (no lists in code):
 * regions and indicators that occur in the rows, periods (`2023年`, or `2023` for every period
 * of that year). `/export 任务 市发展改革委` exports the tasks whose units or text contain the
 * rest. XLSX is written by write-excel-file (maintained, one dependency: fflate; SheetJS on npm
 * is outdated and has known vulnerabilities).
 */
import { Composer, InputFile, type Context } from "grammy";
import type { InlineKeyboardButton } from "grammy/types";
import writeExcelFile from "write-excel-file/node";
import type { AnswerService, CorpusTables } from "../answer/answer-service.js";
import { csvField, UTF8_BOM } from "../indicators/table-export.js";
import type { Answer, IndicatorRow, TaskRow } from "../types.js";
import type { Conversation, Reply } from "./conversation.js";
import type { Logger } from "./log.js";
import { NOTICES } from "./texts.js";

type Cell = string | number | null;

/** What `/export` was asked for. */
export interface ExportFilter {
  regions: string[];
  periods: string[];
  indicators: string[];
  /** True for `/export 任务 …`. */
  tasks: boolean;
  /** For tasks: the text left after the keyword (a unit or words of the task). */
  text: string;
  /** Words that matched nothing in the table (then nothing is exported). */
  unmatched: string;
}

/** A table ready to send as CSV and XLSX. */
export interface ExportTable {
  name: string;
  header: string[];
  rows: Cell[][];
}

/** Reads the filter from the command's text, using the values the table holds. */
export function parseExportFilter(args: string, tables: CorpusTables): ExportFilter {
  let rest = args.trim();
  const tasks = /^(任务|tasks?)(\s|$)/i.test(rest);
  if (tasks)
    return {
      regions: [],
      periods: [],
      indicators: [],
      tasks,
      text: rest.replace(/^\S+\s*/, ""),
      unmatched: "",
    };
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
  for (const year of rest.match(/\d{4}(?=年|\b)/g) ?? []) {
    const ofYear = tables.rows.map((r) => r.period).filter((p) => p.startsWith(`${year}年`));
    if (ofYear.length === 0) continue;
    periods.push(...ofYear);
    rest = rest.replace(new RegExp(`${year}年?`), " ");
  }
  const indicators = take(tables.rows.flatMap((r) => (r.indicator ? [r.indicator] : [])));
  const unmatched = rest.replace(/[\s,，、;；和及]+/g, " ").trim();
  return { regions, periods: [...new Set(periods)], indicators, tasks: false, text: "", unmatched };
}

const INDICATOR_HEADER = [
  "地区",
  "时期",
  "指标",
  "原文指标",
  "数值",
  "数字",
  "单位",
  "增速",
  "增速(%)",
  "口径",
  "性质",
  "限定",
  "文件",
  "原文",
];

/** The indicator rows matching the filter, as a table. */
export function indicatorTable(
  rows: readonly IndicatorRow[],
  tables: CorpusTables,
  filter: ExportFilter,
): ExportTable {
  const picked = rows.filter(
    (r) =>
      (filter.regions.length === 0 || filter.regions.includes(r.region)) &&
      (filter.periods.length === 0 || filter.periods.includes(r.period)) &&
      (filter.indicators.length === 0 || (r.indicator !== null && filter.indicators.includes(r.indicator))),
  );
  const parts = [...filter.regions, ...filter.periods, ...filter.indicators];
  return {
    name: ["指标", ...parts].join("_"),
    header: INDICATOR_HEADER,
    rows: picked.map((r) => [
      r.region,
      r.period,
      r.indicator,
      r.phrase,
      r.value?.text ?? null,
      r.value?.number ?? null,
      r.value?.unit ?? null,
      r.growth?.text ?? null,
      r.growth?.percent ?? null,
      r.basis,
      r.nature === "target" ? "目标" : "结果",
      r.qualifier,
      tables.meta(r.source.docId)?.title ?? r.source.docId,
      tables.quote(r.source),
    ]),
  };
}

const TASK_HEADER = ["序号", "任务", "牵头单位", "责任单位", "章节", "文件"];

/** Tasks as a table. */
export function taskTable(tasks: readonly TaskRow[], tables: CorpusTables, name: string): ExportTable {
  return {
    name,
    header: TASK_HEADER,
    rows: tasks.map((t) => [
      t.number,
      t.text,
      t.lead,
      t.responsible,
      t.path.join(" > "),
      tables.meta(t.docId)?.title ?? t.docId,
    ]),
  };
}

/** The tasks an answer cites (a task list answer). */
export function answerTasks(answer: Answer, tables: CorpusTables): TaskRow[] {
  return tables.tasks.filter((t) =>
    answer.citations.some((c) => c.docId === t.docId && c.start < t.end && t.start < c.end),
  );
}

/** CSV text: UTF-8 BOM, RFC 4180 quoting, CRLF. */
export function toCsv(table: ExportTable): string {
  return UTF8_BOM + [table.header, ...table.rows].map((r) => r.map(csvField).join(",")).join("\r\n") + "\r\n";
}

/** XLSX bytes (one sheet, header row first). */
export async function toXlsx(table: ExportTable): Promise<Buffer> {
  return writeExcelFile([table.header, ...table.rows]).toBuffer();
}

/** Texts of the export feature. */
export const EXPORT_NOTICES = {
  nothing: (what: string) =>
    `没有符合“${what}”的数据。可以写地区、年份或指标，例如 /export 铁东区 2023年；任务清单用 /export 任务 单位名。`,
  caption: (table: ExportTable) => `${table.name}：${table.rows.length} 行`,
};

/** `x:<epoch>:<answerId>`: export the tasks of a stored answer. */
export function exportButtons(reply: Reply, service: AnswerService): InlineKeyboardButton[][] {
  if (reply.kind !== "answer" || reply.answer.status !== "answered") return [];
  if (answerTasks(reply.answer, service.tables()).length === 0) return [];
  return [[{ text: "📥 导出任务", callback_data: `x:${reply.ref.epoch}:${reply.ref.answerId}` }]];
}

/** Options of {@link exportFeature}. */
export interface ExportFeatureOptions {
  service: AnswerService;
  conversation: Conversation;
  logger: Logger;
  send: (ctx: Context, reply: Reply, replyTo?: number) => Promise<void>;
}

/** /export and the 📥 button. */
export function exportFeature(options: ExportFeatureOptions): Composer<Context> {
  const { service, conversation, logger, send } = options;
  const composer = new Composer<Context>();

  const sendTable = async (ctx: Context, table: ExportTable, replyTo?: number) => {
    const reply =
      replyTo !== undefined
        ? { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } }
        : {};
    await ctx.replyWithDocument(new InputFile(Buffer.from(toCsv(table), "utf8"), `${table.name}.csv`), {
      caption: EXPORT_NOTICES.caption(table),
      ...reply,
    });
    await ctx.replyWithDocument(new InputFile(await toXlsx(table), `${table.name}.xlsx`), reply);
    logger.info("exported", { chatId: ctx.chatId, name: table.name, rows: table.rows.length });
  };

  composer.command("export", async (ctx) => {
    const tables = service.tables();
    const filter = parseExportFilter(ctx.match, tables);
    const needle = filter.text.trim();
    const table = filter.tasks
      ? taskTable(
          tables.tasks.filter(
            (t) => needle === "" || [t.lead, t.responsible, t.text].some((s) => s?.includes(needle)),
          ),
          tables,
          ["任务", ...(needle ? [needle] : [])].join("_"),
        )
      : indicatorTable(tables.rows, tables, filter);
    if (filter.unmatched !== "" || table.rows.length === 0)
      return send(
        ctx,
        { kind: "notice", text: EXPORT_NOTICES.nothing(ctx.match.trim()) },
        ctx.msg.message_id,
      );
    await sendTable(ctx, table, ctx.msg.message_id);
  });

  composer.callbackQuery(/^x:/, async (ctx) => {
    const m = /^x:([a-z0-9]{1,12}):(\d{1,15})$/.exec(ctx.callbackQuery.data);
    const answer =
      m && ctx.chatId !== undefined && m[1] === conversation.store.epoch
        ? conversation.store.get(ctx.chatId, Number(m[2]))
        : undefined;
    const tasks = answer ? answerTasks(answer, service.tables()) : [];
    if (tasks.length === 0) {
      await ctx.answerCallbackQuery({
        text: m ? NOTICES.staleButton : NOTICES.unknownButton,
        show_alert: true,
      });
      return;
    }
    await ctx.answerCallbackQuery();
    await sendTable(ctx, taskTable(tasks, service.tables(), "任务"), ctx.callbackQuery.message?.message_id);
  });

  return composer;
}
