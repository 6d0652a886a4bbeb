/**
 * Admin commands in the chat (users in ADMIN_CHAT_IDS): `/docs` lists the documents held,
 * `/remove 编号` removes one after a 确认删除 button, and a document sent to the bot is read
 * first — the detected region, period, kind and title are shown with 确认 / 修改 / 取消 buttons —
 * and goes live only when confirmed. 修改 takes corrections as text (`地区 立山区；时期
 * 2024年上半年`) and shows the result again. Anybody else's upload or admin command is refused
 * and changes nothing. Adds and removals run one at a time.
 */
import { Composer, type Context } from "grammy";
import type { AnswerService } from "../answer/answer-service.js";
import type { IncomingFile, StatedMetadata } from "../index/add-documents.js";
import type { DocumentMeta } from "../types.js";
import { parseCorrection, reasonForStaff, type DocumentIntake } from "./document-intake.js";
import { bookTitle } from "./format-answer.js";
import { describeError, type Logger } from "./log.js";
import type { SendReply } from "./reply-sender.js";
import { NOTICES } from "./texts.js";

/** The largest file the Bot API lets a bot download (getFile). */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/** The bot's replies about documents. */
export const ADMIN_TEXTS = {
  notAdmin: "只有管理员可以向机器人添加文件，这个文件没有被添加。需要添加请联系管理员。",
  adminOnly: "只有管理员可以使用这个命令。",
  received: "已收到文件，正在读取……",
  noName: "这个文件没有文件名，无法判断格式；请以 PDF、Word（.docx）、网页、Markdown 或文本文件发送。",
  tooBig: (mb: number) => `文件有 ${mb.toFixed(1)} MB，超过机器人可下载的 20 MB；请在服务器上添加。`,
  downloadFailed: "没能下载这个文件，资料库没有改变。请稍后重发。",
  check: (m: Pick<DocumentMeta, "title" | "region" | "period" | "kind">) =>
    `请核对识别出的信息，确认后这份文件才会加入资料库：\n标题：${bookTitle(m.title)}\n地区：${m.region}\n时期：${m.period}\n文种：${m.kind}`,
  howToCorrect: "请直接发送要修改的项，例如：地区 立山区；时期 2024年上半年；文种 统计公报",
  notUnderstood: "没有看懂要修改的内容。请按“地区 立山区；时期 2024年上半年；文种 统计公报”的格式发送。",
  building: "正在加入资料库并建立索引，请稍候……",
  added: (m: DocumentMeta, rows: number, tasks: number) =>
    `已添加${bookTitle(m.title)}（${m.region}，${m.period}，${m.kind}），提取指标数据${rows}条、任务${tasks}项，现在可以就这份文件提问。`,
  refused: (reason: string) => `没有添加：${reason}。资料库没有改变。`,
  failed: "处理文件时出错，已记录；资料库保持原样。",
  cancelled: "已取消，资料库没有改变。",
  expired: "这个操作已过期，请重新发送文件或命令。",
  docs: (lines: string[]) =>
    `资料库现有 ${lines.length} 份文件：\n${lines.join("\n")}\n\n删除某份文件：/remove 编号`,
  removeUsage: "用法：/remove 编号（编号见 /docs），例如 /remove 2",
  noSuchDoc: (n: string, count: number) => `没有编号为 ${n} 的文件；现有 ${count} 份，发送 /docs 查看编号。`,
  confirmRemove: (title: string) => `确定删除${bookTitle(title)}吗？删除后将不能再就这份文件提问。`,
  removed: (title: string) => `已删除${bookTitle(title)}。`,
} as const;

/** Options of {@link adminFeature}. */
export interface AdminFeatureOptions {
  intake: DocumentIntake;
  service: AnswerService;
  logger: Logger;
  send: SendReply;
  /** Bot API root and token for file downloads (`<root>/file/bot<token>/<file_path>`). */
  apiRoot: string;
  token: string;
  /** Changes per process start; part of the buttons' data. */
  epoch: string;
}

interface PendingUpload {
  chatId: number;
  userId: number;
  file: IncomingFile;
  stated: StatedMetadata;
  awaitingCorrection: boolean;
}

/** /docs, /remove and document uploads. */
export function adminFeature(options: AdminFeatureOptions): Composer<Context> {
  const { intake, service, logger, send, epoch } = options;
  const composer = new Composer<Context>();
  const uploads = new Map<number, PendingUpload>();
  const removals = new Map<number, { file: string; title: string }>();
  let nextId = 1;
  let queue: Promise<unknown> = Promise.resolve();
  const isAdmin = (ctx: Context) => ctx.from !== undefined && intake.adminChatIds.includes(ctx.from.id);
  const notice = (
    ctx: Context,
    text: string,
    keyboard?: Array<Array<{ text: string; callback_data: string }>>,
  ) =>
    send(ctx, { kind: "notice", text }, { replyTo: ctx.msg?.message_id, ...(keyboard ? { keyboard } : {}) });
  /** Runs changes of the corpus one at a time. */
  const serially = <T>(job: () => Promise<T>): Promise<T> => {
    const run = queue.then(job);
    queue = run.catch(() => {});
    return run;
  };

  const download = async (ctx: Context): Promise<Uint8Array> => {
    const file = await ctx.getFile();
    if (!file.file_path) throw new Error("getFile returned no file_path");
    const url = `${options.apiRoot}/file/bot${options.token}/${file.file_path}`;
    const response = await fetch(url, { signal: AbortSignal.timeout(60_000) });
    if (!response.ok) throw new Error(`file download answered HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  };

  /** Reads the pending file and asks for confirmation (or says why it cannot be added). */
  const check = async (ctx: Context, id: number, pending: PendingUpload) => {
    const preview = await intake.preview(pending.file, pending.stated);
    if (!preview.ok) {
      uploads.delete(id);
      logger.info("upload refused", { chatId: ctx.chatId, reason: preview.reason });
      return notice(ctx, ADMIN_TEXTS.refused(reasonForStaff(preview.reason)));
    }
    const data = (what: string) => `u:${epoch}:${id}:${what}`;
    await notice(ctx, ADMIN_TEXTS.check(preview.meta), [
      [
        { text: "✅ 确认", callback_data: data("ok") },
        { text: "✏️ 修改", callback_data: data("edit") },
        { text: "取消", callback_data: data("no") },
      ],
    ]);
  };

  composer.on("message:document", async (ctx) => {
    const document = ctx.msg.document;
    if (!isAdmin(ctx)) {
      logger.info("refused a document from a non-admin", { chatId: ctx.chatId, userId: ctx.from?.id });
      return notice(ctx, ADMIN_TEXTS.notAdmin);
    }
    const name = document.file_name;
    if (!name) return notice(ctx, ADMIN_TEXTS.noName);
    if ((document.file_size ?? 0) > MAX_UPLOAD_BYTES)
      return notice(ctx, ADMIN_TEXTS.tooBig((document.file_size ?? 0) / 1024 / 1024));
    await notice(ctx, ADMIN_TEXTS.received);
    let bytes: Uint8Array;
    try {
      bytes = await download(ctx);
    } catch (e) {
      logger.warn("document download failed", { chatId: ctx.chatId, ...describeError(e) });
      return notice(ctx, ADMIN_TEXTS.downloadFailed);
    }
    const id = nextId++;
    const pending: PendingUpload = {
      chatId: ctx.chatId,
      userId: ctx.from.id,
      file: { name, bytes },
      stated: {},
      awaitingCorrection: false,
    };
    uploads.set(id, pending);
    await check(ctx, id, pending);
  });

  // Corrections after 修改: the admin's next text in that chat (commands pass through).
  composer.on("message:text", async (ctx, next) => {
    const entry = [...uploads].find(
      ([, u]) => u.awaitingCorrection && u.chatId === ctx.chatId && u.userId === ctx.from.id,
    );
    if (!entry || ctx.msg.text.startsWith("/")) return next();
    const [id, pending] = entry;
    const correction = parseCorrection(ctx.msg.text);
    if (!correction) return notice(ctx, ADMIN_TEXTS.notUnderstood);
    pending.stated = { ...pending.stated, ...correction };
    pending.awaitingCorrection = false;
    await check(ctx, id, pending);
  });

  composer.callbackQuery(/^u:/u, async (ctx) => {
    const m = /^u:([a-z0-9]{1,12}):(\d{1,9}):(ok|edit|no)$/u.exec(ctx.callbackQuery.data);
    const id = Number(m?.[2]);
    const pending = m && m[1] === epoch ? uploads.get(id) : undefined;
    if (!pending || ctx.from.id !== pending.userId) {
      await ctx.answerCallbackQuery({
        text: pending ? ADMIN_TEXTS.adminOnly : ADMIN_TEXTS.expired,
        show_alert: true,
      });
      return;
    }
    await ctx.answerCallbackQuery();
    if (m![3] === "edit") {
      pending.awaitingCorrection = true;
      return notice(ctx, ADMIN_TEXTS.howToCorrect);
    }
    uploads.delete(id);
    if (m![3] === "no") return notice(ctx, ADMIN_TEXTS.cancelled);
    await notice(ctx, ADMIN_TEXTS.building);
    try {
      const result = await serially(() => intake.add(pending.file, pending.stated));
      const added = result.added[0];
      logger.info("document upload handled", { chatId: ctx.chatId, added: result.added.length });
      if (added) await notice(ctx, ADMIN_TEXTS.added(added.meta, added.rows, added.tasks));
      for (const r of result.refused) await notice(ctx, ADMIN_TEXTS.refused(reasonForStaff(r.reason)));
    } catch (e) {
      logger.error("adding an uploaded document failed", { chatId: ctx.chatId, ...describeError(e) });
      await notice(ctx, ADMIN_TEXTS.failed);
    }
  });

  composer.command("docs", async (ctx) => {
    if (!isAdmin(ctx)) return notice(ctx, ADMIN_TEXTS.adminOnly);
    const lines = service
      .sources()
      .map((s, i) => `${i + 1}. ${bookTitle(s.title)}（${s.region}｜${s.period}｜${s.kind}）`);
    await notice(ctx, ADMIN_TEXTS.docs(lines));
  });

  composer.command("remove", async (ctx) => {
    if (!isAdmin(ctx)) return notice(ctx, ADMIN_TEXTS.adminOnly);
    const n = ctx.match.trim();
    const sources = service.sources();
    if (!/^\d{1,4}$/u.test(n)) return notice(ctx, ADMIN_TEXTS.removeUsage);
    const doc = sources[Number(n) - 1];
    if (!doc) return notice(ctx, ADMIN_TEXTS.noSuchDoc(n, sources.length));
    const id = nextId++;
    removals.set(id, { file: doc.file, title: doc.title });
    await notice(ctx, ADMIN_TEXTS.confirmRemove(doc.title), [
      [
        { text: "确认删除", callback_data: `r:${epoch}:${id}:ok` },
        { text: "取消", callback_data: `r:${epoch}:${id}:no` },
      ],
    ]);
  });

  composer.callbackQuery(/^r:/u, async (ctx) => {
    const m = /^r:([a-z0-9]{1,12}):(\d{1,9}):(ok|no)$/u.exec(ctx.callbackQuery.data);
    const removal = m && m[1] === epoch ? removals.get(Number(m[2])) : undefined;
    if (!removal || !isAdmin(ctx)) {
      await ctx.answerCallbackQuery({
        text: removal ? ADMIN_TEXTS.adminOnly : NOTICES.staleButton,
        show_alert: true,
      });
      return;
    }
    removals.delete(Number(m![2]));
    await ctx.answerCallbackQuery();
    if (m![3] === "no") return notice(ctx, ADMIN_TEXTS.cancelled);
    try {
      await serially(() => intake.remove(removal.file));
      logger.info("document removed", { chatId: ctx.chatId, file: removal.file });
      await notice(ctx, ADMIN_TEXTS.removed(removal.title));
    } catch (e) {
      logger.error("removing a document failed", { chatId: ctx.chatId, ...describeError(e) });
      await notice(ctx, ADMIN_TEXTS.failed);
    }
  });

  return composer;
}
