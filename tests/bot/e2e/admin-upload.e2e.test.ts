/**
 * End to end (issue 18, point 9, and the parent-region step of point 1): an admin sends a PDF
 * bulletin to the running bot (our Bot API server on 127.0.0.1, with file upload and
 * download); the bot reads it and shows the detected region, period, kind and title with
 * 确认 / 修改 / 取消; a correction is shown again; on 确认 it is added, built incrementally and
 * swapped in, and a staff question about it is answered with a citation and its page, without
 * a restart. A city bulletin added the same way makes "the same indicator in the parent
 * region" a button under the district's answer. /docs lists the documents and /remove takes
 * one out after 确认删除. A non-admin's upload or /docs changes nothing. Real model, real
 * indexes, real grammY.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLiveAnswerService, type LiveAnswerService } from "../../../src/answer/live-answer-service.js";
import { ADMIN_TEXTS } from "../../../src/bot/admin-feature.js";
import { corpusIntake } from "../../../src/bot/document-intake.js";
import { createLogger } from "../../../src/bot/log.js";
import { syntheticBulletin } from "../../../src/cli/synthetic-bulletin.js";
import { loadConfig } from "../../../src/config.js";
import { loadEmbedder } from "../../../src/embed/embedder.js";
import { buildArtefacts } from "../../../src/index/build-artefacts.js";
import { makePdf } from "../../support/make-pdf.js";
import { startBotOnApiServer, type BotOnApiServer, type Staff } from "./api-server-harness.js";

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
/** The city's bulletin of the same year, as text. */
const CITY = syntheticBulletin("辽宁省", "鞍山市", 2016);
const CITY_GDP = /地区生产总值\D{0,4}?(\d+(?:\.\d+)?亿元)/u.exec(CITY)![1]!;

const folder = () =>
  Object.fromEntries(
    readdirSync(corpusDir).map((f) => [f, readFileSync(join(corpusDir, f)).toString("base64")]),
  );

let env: BotOnApiServer;
let service: LiveAnswerService;
let admin: Staff;
let staff: Staff;

describe("admin documents in the chat", () => {
  beforeAll(async () => {
    mkdirSync(corpusDir);
    for (const f of [EXCERPT, "metadata-overrides.json"]) copyFileSync(join(CORPUS, f), join(corpusDir, f));
    const embedder = await loadEmbedder({
      modelDir: MODEL_DIR,
      modelId: "BAAI/bge-small-zh-v1.5",
      allowRemote: false,
    });
    await buildArtefacts({ corpusDir, artefactDir, embedder });
    const env0 = {
      CORPUS_DIR: corpusDir,
      ARTEFACT_DIR: artefactDir,
      EMBEDDING_MODEL_DIR: MODEL_DIR,
      ADMIN_CHAT_IDS: String(ADMIN_ID),
    };
    const config = loadConfig({ ...env0, LOG_LEVEL: "warn" });
    const logger = createLogger({ level: "warn", write: () => {} });
    service = await createLiveAnswerService(config, { pollMs: 200 });
    env = await startBotOnApiServer(service, env0, { documents: corpusIntake(config, service, logger) });
    admin = env.staff({ id: ADMIN_ID, first_name: "管理员" });
    staff = env.staff({ id: STAFF_ID, first_name: "Staff" });
  }, 600_000);

  afterAll(async () => {
    await env?.stop();
    service?.close();
    rmSync(root, { recursive: true, force: true });
  });

  /** Sends a file as `who` and returns the bot's message with the 确认 button (or its refusal). */
  const upload = async (who: Staff, bytes: Uint8Array, filename: string) => {
    const replies = await who.expect(
      () => env.server.sendDocument(who.user, { bytes, filename }),
      2,
      300,
      120_000,
    );
    return replies.at(-1)!;
  };

  it("refuses a non-admin's upload and /docs, and changes nothing", async () => {
    const before = folder();
    const [refusal, ...more] = await staff.expect(() =>
      env.server.sendDocument(staff.user, { bytes: PDF, filename: "qianshan-2016.pdf" }),
    );
    expect(more).toEqual([]);
    expect(refusal!.text).toBe(ADMIN_TEXTS.notAdmin);
    expect(env.server.callsTo("getFile")).toEqual([]);
    expect((await staff.ask("/docs")).text).toBe(ADMIN_TEXTS.adminOnly);
    expect(folder()).toEqual(before);
  });

  it("an unreadable file: the reason in plain Chinese, nothing changed", async () => {
    const before = folder();
    const refusal = await upload(admin, Buffer.from("not a pdf"), "broken.pdf");
    expect(refusal.text).toBe("没有添加：PDF 文件无法读取，可能已损坏或加密。资料库没有改变。");
    expect(folder()).toEqual(before);
  });

  it("shows what was detected, takes a correction, goes live on 确认 and is answered at once", async () => {
    expect((await staff.ask("千山区2016年地区生产总值是多少")).text).not.toContain(GDP);
    const check = await upload(admin, PDF, "qianshan-2016.pdf");
    expect(check.text.split("\n")).toEqual([
      "请核对识别出的信息，确认后这份文件才会加入资料库：",
      "标题：《鞍山市千山区2016年国民经济和社会发展统计公报》",
      "地区：千山区",
      "时期：2016年",
      "文种：统计公报",
    ]);
    expect(check.buttons).toEqual([["✅ 确认", "✏️ 修改", "取消"]]);
    expect(readdirSync(corpusDir)).not.toContain("qianshan-2016.pdf");

    const [how] = await admin.press(check.message, "✏️ 修改");
    expect(how!.text).toBe(ADMIN_TEXTS.howToCorrect);
    const corrected = await admin.ask("文种 统计公报；时期 2016年");
    expect(corrected.text).toContain("文种：统计公报");
    const done = await admin
      .press(corrected.message, "✅ 确认", 2)
      .then(async (first) =>
        first.some((s) => s.text.startsWith("已添加"))
          ? first
          : [...first, ...(await admin.expect(() => {}, 1, 300, 500_000))],
      );
    expect(done.map((s) => s.text)).toContain(ADMIN_TEXTS.building);
    expect(done.at(-1)!.text).toMatch(
      /^已添加《鞍山市千山区2016年国民经济和社会发展统计公报》（千山区，2016年，统计公报），提取指标数据\d+条、任务0项，现在可以就这份文件提问。$/u,
    );
    expect(readFileSync(join(corpusDir, "qianshan-2016.pdf"))).toEqual(PDF);

    const answer = await staff.ask("千山区2016年地区生产总值是多少");
    expect(answer.text).toContain(GDP);
    expect(answer.text).toContain("《鞍山市千山区2016年国民经济和社会发展统计公报》 一、综合 第1页");
  }, 600_000);

  it("with the city's bulletin held, the district's answer offers the parent region", async () => {
    const check = await upload(admin, Buffer.from(CITY, "utf8"), "anshan-2016.txt");
    expect(check.text).toContain("地区：鞍山市");
    const added = await admin
      .press(check.message, "✅ 确认", 2)
      .then(async (first) =>
        first.some((s) => s.text.startsWith("已添加"))
          ? first
          : [...first, ...(await admin.expect(() => {}, 1, 300, 500_000))],
      );
    expect(added.at(-1)!.text).toMatch(/^已添加/u);
    const answer = await staff.ask("千山区2016年地区生产总值是多少");
    expect(answer.buttons.flat()).toContain("鞍山市同指标");
    const [city] = await staff.press(answer.message, "鞍山市同指标");
    expect(city!.text).toContain(CITY_GDP);
    expect(city!.text).toContain("鞍山市2016年");
  }, 600_000);

  it("/docs lists the documents; /remove takes one out after 确认删除", async () => {
    const docs = await admin.ask("/docs");
    expect(docs.text).toMatch(/^资料库现有 3 份文件：/u);
    const line = docs.text.split("\n").find((l) => l.includes("千山区2016年"))!;
    expect(line).toMatch(
      /^\d\. 《鞍山市千山区2016年国民经济和社会发展统计公报》（千山区｜2016年｜统计公报）$/u,
    );
    expect(docs.text).not.toMatch(/\.pdf|\.txt/u);
    const n = line.split(".")[0]!;
    const confirm = await admin.ask(`/remove ${n}`);
    expect(confirm.text).toBe(
      "确定删除《鞍山市千山区2016年国民经济和社会发展统计公报》吗？删除后将不能再就这份文件提问。",
    );
    const [removed] = await admin
      .press(confirm.message, "确认删除", 1)
      .then(async (first) =>
        first[0]!.text.startsWith("已删除") ? first : admin.expect(() => {}, 1, 300, 500_000),
      );
    expect(removed!.text).toBe("已删除《鞍山市千山区2016年国民经济和社会发展统计公报》。");
    expect(readdirSync(corpusDir)).not.toContain("qianshan-2016.pdf");
    expect((await staff.ask("千山区2016年地区生产总值是多少")).text).not.toContain(GDP);
  }, 600_000);
});
