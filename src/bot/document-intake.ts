/**
 * Admins add documents by sending them to the bot. A document message from a user whose id is
 * in ADMIN_CHAT_IDS is downloaded through the Bot API (getFile, then the file URL), added to
 * the corpus (checked first, copied, built incrementally; see src/index/add-documents.ts) and
 * answered with the metadata detected, what was extracted and the data-quality notes. A file
 * that cannot be indexed gets the reason and changes nothing. Anybody else's document is
 * refused and changes nothing. Uploads are handled one at a time.
 */
import { HttpError, type Context } from "grammy";
import type { LiveAnswerService } from "../answer/live-answer-service.js";
import type { AppConfig } from "../config.js";
import { addDocuments, type AddResult, type IncomingFile } from "../index/add-documents.js";
import { describeAddedDocument } from "../index/describe-added.js";
import { describeError, type Logger } from "./log.js";

/** The largest file the Bot API lets a bot download (getFile). */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/** Where uploads go: who may add, and how a file is added (and the live service reloaded). */
export interface DocumentIntake {
  /** User ids (= their private chat ids) allowed to add documents. */
  adminChatIds: readonly number[];
  /** Adds one file; resolves after the new build is in service. */
  add(file: IncomingFile): Promise<AddResult>;
}

/** The bot's replies about uploads. */
export const UPLOAD_TEXTS = {
  notAdmin: "只有管理员可以向机器人添加文件，这个文件没有被添加。需要添加请联系管理员。",
  received: (name: string) => `已收到 ${name}，正在读取并建立索引，请稍候……`,
  noName:
    "这个文件没有文件名，无法判断格式；请以 PDF、Word（.docx）、网页（.html）、Markdown 或文本文件发送。",
  tooBig: (mb: number) =>
    `文件有 ${mb.toFixed(1)} MB，超过 Bot API 允许机器人下载的 20 MB；请在服务器上用 npm run add 添加。`,
  downloadFailed: "没能从 Telegram 下载这个文件，语料库没有改变。请稍后重发。",
  added: (lines: string[]) => `已添加，现在可以就这份文件提问：\n${lines.join("\n")}`,
  refused: (file: string, reason: string) => `没有添加 ${file}：${reason}\n语料库没有改变。`,
  failed: "添加文件时出错，已记录；语料库保持原样。",
} as const;

/** Options of {@link documentUploadHandler}. */
export interface UploadHandlerOptions {
  intake: DocumentIntake;
  logger: Logger;
  /** Bot API root for file downloads (`<root>/file/bot<token>/<file_path>`). */
  apiRoot: string;
  token: string;
}

/** The handler for `message:document`. */
export function documentUploadHandler(options: UploadHandlerOptions): (ctx: Context) => Promise<void> {
  const { intake, logger } = options;
  let queue: Promise<unknown> = Promise.resolve();
  /**
   * Replies, retrying once after a network error: a build takes seconds, long enough for the
   * Bot API server to close the idle keep-alive connection the reply would reuse.
   */
  const reply = async (ctx: Context, text: string) => {
    const send = () =>
      ctx.reply(text, {
        reply_parameters: { message_id: ctx.msg!.message_id, allow_sending_without_reply: true },
      });
    try {
      return await send();
    } catch (e) {
      if (!(e instanceof HttpError)) throw e;
      logger.warn("reply failed on the network; retrying once", { chatId: ctx.chatId, ...describeError(e) });
      return send();
    }
  };

  const download = async (ctx: Context): Promise<Uint8Array> => {
    const file = await ctx.getFile();
    if (!file.file_path) throw new Error("getFile returned no file_path");
    const url = `${options.apiRoot}/file/bot${options.token}/${file.file_path}`;
    const response = await fetch(url, { signal: AbortSignal.timeout(60_000) });
    if (!response.ok) throw new Error(`file download answered HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  };

  return async (ctx) => {
    const document = ctx.msg?.document;
    if (!document) return;
    const userId = ctx.from?.id;
    if (userId === undefined || !intake.adminChatIds.includes(userId)) {
      logger.info("refused a document from a non-admin", { chatId: ctx.chatId, userId });
      await reply(ctx, UPLOAD_TEXTS.notAdmin);
      return;
    }
    const name = document.file_name;
    if (!name) return void (await reply(ctx, UPLOAD_TEXTS.noName));
    if ((document.file_size ?? 0) > MAX_UPLOAD_BYTES)
      return void (await reply(ctx, UPLOAD_TEXTS.tooBig((document.file_size ?? 0) / 1024 / 1024)));
    await reply(ctx, UPLOAD_TEXTS.received(name));
    const work = queue.then(async () => {
      let bytes: Uint8Array;
      try {
        bytes = await download(ctx);
      } catch (e) {
        logger.warn("document download failed", { chatId: ctx.chatId, file: name, ...describeError(e) });
        await reply(ctx, UPLOAD_TEXTS.downloadFailed);
        return;
      }
      try {
        const result = await intake.add({ name, bytes });
        logger.info("document upload handled", {
          chatId: ctx.chatId,
          file: name,
          added: result.added.length,
          refused: result.refused.map((r) => r.reason),
        });
        const added = result.added[0];
        if (added) await reply(ctx, UPLOAD_TEXTS.added(describeAddedDocument(added)));
        for (const r of result.refused) await reply(ctx, UPLOAD_TEXTS.refused(r.file, r.reason));
      } catch (e) {
        logger.error("adding an uploaded document failed", {
          chatId: ctx.chatId,
          file: name,
          ...describeError(e),
        });
        await reply(ctx, UPLOAD_TEXTS.failed);
      }
    });
    queue = work.catch(() => {});
    await work;
  };
}

/**
 * The intake of a running bot: adds to the first corpus folder of `config`, builds with the
 * service's loaded model and puts the new build in service before the reply is sent.
 */
export function corpusIntake(
  config: Pick<AppConfig, "adminChatIds" | "corpusDirs" | "artefactDir" | "embeddingCacheDir">,
  service: LiveAnswerService,
  logger: Logger,
): DocumentIntake {
  return {
    adminChatIds: config.adminChatIds,
    add: async (file) => {
      const result = await addDocuments(
        [file],
        {},
        {
          corpusDirs: config.corpusDirs,
          artefactDir: config.artefactDir,
          embeddingCacheDir: config.embeddingCacheDir,
          embedder: service.embedder,
          log: (line) => logger.info("build", { line }),
        },
      );
      if (result.build) await service.reload();
      return result;
    },
  };
}
