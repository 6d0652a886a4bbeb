/**
 * Where admin uploads go (admin-feature.ts talks to Telegram): a file is first read to show
 * what was detected — region, period, kind, title — and goes live only after the admin
 * confirms (确认), possibly with corrections (修改: 地区/时期/文种). Adding copies it into the
 * first corpus folder and builds incrementally (src/index/add-documents.ts); the live service
 * reloads before the reply. Removing deletes a document and rebuilds the same way.
 */
import type { LiveAnswerService } from "../answer/live-answer-service.js";
import type { AppConfig } from "../config.js";
import {
  addDocuments,
  overrideOf,
  removeDocument,
  type AddResult,
  type IncomingFile,
  type StatedMetadata,
} from "../index/add-documents.js";
import { readOverrides } from "../ingest/load-corpus.js";
import { readDocumentBytes } from "../ingest/read-document.js";
import type { DocumentMeta } from "../types.js";
import type { Logger } from "./log.js";

/** What reading a file before adding it found. */
export type Preview = { ok: true; meta: DocumentMeta } | { ok: false; reason: string };

/** How admins change the corpus from the chat. */
export interface DocumentIntake {
  /** User ids (= their private chat ids) allowed to add and remove documents. */
  adminChatIds: readonly number[];
  /** Reads a file without adding it: the metadata it would get. */
  preview(file: IncomingFile, stated: StatedMetadata): Promise<Preview>;
  /** Adds one file; resolves after the new build is in service. */
  add(file: IncomingFile, stated: StatedMetadata): Promise<AddResult>;
  /** Removes a document by its file name; resolves after the new build is in service. */
  remove(file: string): Promise<void>;
}

/**
 * A refusal reason in plain Chinese (the ingest stage words them in English for logs); the
 * technical reason stays in the log.
 */
export function reasonForStaff(reason: string): string {
  if (/unsupported file type/iu.test(reason))
    return "不支持这种文件类型，请以 PDF、Word（.docx）、网页、Markdown 或文本文件发送";
  if (/unreadable PDF|Invalid PDF/iu.test(reason)) return "PDF 文件无法读取，可能已损坏或加密";
  if (/already exists/iu.test(reason)) return "已有同名的文件，请改名后再发送";
  if (/file name/iu.test(reason)) return "文件名不可用，请改名后再发送";
  if (/empty|no text/iu.test(reason)) return "文件中没有可读的文字（扫描件需先识别文字）";
  return "无法读取这个文件";
}

/**
 * Corrections written by an admin: `地区 立山区；时期 2024年上半年；文种 统计公报` (any order,
 * separated by ；，, or spaces). Null when nothing is recognised.
 */
export function parseCorrection(text: string): StatedMetadata | null {
  const stated: StatedMetadata = {};
  const take = (label: RegExp) => label.exec(text)?.[1]?.trim();
  const region = take(/(?:地区|地方|区域)\s*[：:为是]?\s*([^；;，,\s]+)/u);
  const period = take(/(?:时期|期间|年份|时间)\s*[：:为是]?\s*([^；;，,\s]+)/u);
  const kind = take(/(?:文种|类型|种类)\s*[：:为是]?\s*([^；;，,\s]+)/u);
  if (region) stated.region = region;
  if (period) stated.period = /^\d{4}$/u.test(period) ? `${period}年` : period;
  if (kind) stated.kind = kind;
  return Object.keys(stated).length > 0 ? stated : null;
}

/**
 * The intake of a running bot: reads and adds to the first corpus folder of `config`, builds
 * with the service's loaded model and puts the new build in service before resolving.
 */
export function corpusIntake(
  config: Pick<AppConfig, "adminChatIds" | "corpusDirs" | "artefactDir" | "embeddingCacheDir">,
  service: LiveAnswerService,
  logger: Logger,
): DocumentIntake {
  const target = () => ({
    corpusDirs: config.corpusDirs,
    artefactDir: config.artefactDir,
    embeddingCacheDir: config.embeddingCacheDir,
    embedder: service.embedder,
    log: (line: string) => logger.info("build", { line }),
  });
  return {
    adminChatIds: config.adminChatIds,
    async preview(file, stated) {
      let override;
      try {
        override = overrideOf(stated);
      } catch (e) {
        return { ok: false, reason: (e as Error).message };
      }
      const overrides = {
        ...readOverrides(config.corpusDirs[0]!),
        ...(override ? { [file.name]: override } : {}),
      };
      const read = await readDocumentBytes(file.name, file.bytes, overrides);
      return read.ok ? { ok: true, meta: read.document.meta } : { ok: false, reason: read.problem.reason };
    },
    async add(file, stated) {
      const result = await addDocuments([file], stated, target());
      if (result.build) await service.reload();
      return result;
    },
    async remove(file) {
      await removeDocument(file, target());
      await service.reload();
    },
  };
}
