/**
 * End to end: an admin sends a PDF bulletin to the running bot (our Bot API server on
 * 127.0.0.1, with file upload and download), the bot downloads it, adds it, builds
 * incrementally and swaps the new build in; a staff question about that document is then
 * answered with a citation and its page, without a restart. A non-admin's upload and an
 * unreadable file are refused and change nothing. Real model, real indexes, real grammY.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Bot } from "grammy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLiveAnswerService, type LiveAnswerService } from "../../../src/answer/live-answer-service.js";
import { createBot } from "../../../src/bot/create-bot.js";
import { UPLOAD_TEXTS, corpusIntake } from "../../../src/bot/document-intake.js";
import { createLogger } from "../../../src/bot/log.js";
import { startPolling, type Polling } from "../../../src/bot/run-bot.js";
import { syntheticBulletin } from "../../../src/cli/synthetic-bulletin.js";
import { loadConfig, type AppConfig } from "../../../src/config.js";
import { loadEmbedder } from "../../../src/embed/embedder.js";
import { buildArtefacts } from "../../../src/index/build-artefacts.js";
import { BotApiServer, type RecordedCall } from "../../support/bot-api-server.js";
import { makePdf } from "../../support/make-pdf.js";

const CORPUS = resolve(import.meta.dirname, "../../../corpus");
const MODEL_DIR = resolve(import.meta.dirname, "../../../embeddings/models");
const EXCERPT = "tiedong-2023-government-work-report-excerpt.txt";
const ADMIN_ID = 1001;
const STAFF_ID = 2002;

const root = mkdtempSync(join(tmpdir(), "admin-upload-"));
const corpusDir = join(root, "corpus");
const artefactDir = join(root, "artefacts");

/** The bulletin the admin sends: a synthetic 千山区 2016 bulletin as a 3-page PDF. */
const BULLETIN = syntheticBulletin("鞍山市", "千山区", 2016);
const LINES = BULLETIN.split("\n").filter((l) => l !== "");
const PDF = makePdf([LINES.slice(0, 20), LINES.slice(20, 45), LINES.slice(45)]);
const GDP = /地区生产总值\D{0,4}?(\d+(?:\.\d+)?亿元)/u.exec(BULLETIN)![1]!;

const folder = () =>
  Object.fromEntries(
    readdirSync(corpusDir).map((f) => [f, readFileSync(join(corpusDir, f)).toString("base64")]),
  );
const textOf = (call: RecordedCall) => String(call.params["text"] ?? "");

describe("admin document upload to the running bot", () => {
  let server: BotApiServer;
  let service: LiveAnswerService;
  let polling: Polling;
  let bot: Bot;
  let config: AppConfig;

  beforeAll(async () => {
    mkdirSync(corpusDir);
    for (const f of [EXCERPT, "metadata-overrides.json"]) copyFileSync(join(CORPUS, f), join(corpusDir, f));
    const embedder = await loadEmbedder({
      modelDir: MODEL_DIR,
      modelId: "BAAI/bge-small-zh-v1.5",
      allowRemote: false,
    });
    await buildArtefacts({ corpusDir, artefactDir, embedder });
    server = await BotApiServer.start();
    config = loadConfig({
      TELEGRAM_BOT_TOKEN: server.token,
      TELEGRAM_API_ROOT: server.apiRoot,
      CORPUS_DIR: corpusDir,
      ARTEFACT_DIR: artefactDir,
      EMBEDDING_MODEL_DIR: MODEL_DIR,
      ADMIN_CHAT_IDS: String(ADMIN_ID),
      LOG_LEVEL: "warn",
    });
    const logger = createLogger({ level: "warn", secrets: [server.token], write: () => {} });
    service = await createLiveAnswerService(config, { pollMs: 200 });
    bot = createBot({ service, config, logger, documents: corpusIntake(config, service, logger) });
    polling = await startPolling(bot, { logger, drainTimeoutMs: 5_000 });
  }, 600_000);

  afterAll(async () => {
    await polling?.stop();
    service?.close();
    await server?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  const ask = async (userId: number, question: string) => {
    const mark = server.mark();
    server.sendText(server.user({ id: userId, first_name: "Staff" }), question);
    return textOf(await server.waitForCall("sendMessage", { after: mark, timeoutMs: 30_000 }));
  };

  it("does not know the document before it is sent", async () => {
    const reply = await ask(STAFF_ID, "千山区2016年地区生产总值是多少");
    expect(reply).not.toContain(GDP);
  });

  it("refuses a non-admin's upload and changes nothing", async () => {
    const before = folder();
    const builtAt = service.builtAt();
    const mark = server.mark();
    server.sendDocument(server.user({ id: STAFF_ID }), { bytes: PDF, filename: "qianshan-2016.pdf" });
    const reply = await server.waitForCall("sendMessage", { after: mark });
    expect(textOf(reply)).toBe(UPLOAD_TEXTS.notAdmin);
    expect(server.callsTo("getFile")).toEqual([]);
    expect(folder()).toEqual(before);
    expect(service.builtAt()).toBe(builtAt);
  });

  it("refuses an admin's unreadable file with the reason and changes nothing", async () => {
    const before = folder();
    const mark = server.mark();
    server.sendDocument(server.user({ id: ADMIN_ID }), {
      bytes: Buffer.from("not a pdf"),
      filename: "broken.pdf",
    });
    const reply = await server.waitForCall("sendMessage", {
      after: mark,
      where: (c) => textOf(c).startsWith("没有添加"),
      timeoutMs: 30_000,
    });
    expect(textOf(reply)).toBe(UPLOAD_TEXTS.refused("broken.pdf", "unreadable PDF: Invalid PDF structure."));
    expect(folder()).toEqual(before);
  });

  it("adds an admin's PDF bulletin, replies with what it found, and answers questions about it at once", async () => {
    const mark = server.mark();
    server.sendDocument(server.user({ id: ADMIN_ID }), { bytes: PDF, filename: "qianshan-2016.pdf" });
    const reply = textOf(
      await server.waitForCall("sendMessage", {
        after: mark,
        where: (c) => textOf(c).startsWith("已添加") || textOf(c).startsWith("没有添加"),
        timeoutMs: 500_000,
      }),
    );
    expect(reply).toContain("qianshan-2016.pdf：《鞍山市千山区2016年国民经济和社会发展统计公报》");
    expect(reply).toContain("地区 千山区，时期 2016年，文种 统计公报，格式 PDF（pdf）");
    expect(reply).toMatch(/提取：\d+ 个章节，\d+ 条指标数据，0 项任务，\d+ 个检索段落/u);
    expect(server.callsTo("getFile")).toHaveLength(2);
    expect(readFileSync(join(corpusDir, "qianshan-2016.pdf"))).toEqual(PDF);

    const answer = await ask(STAFF_ID, "千山区2016年地区生产总值是多少");
    expect(answer).toContain(GDP);
    expect(answer).toContain("《鞍山市千山区2016年国民经济和社会发展统计公报》 第1页");
  }, 600_000);
});
