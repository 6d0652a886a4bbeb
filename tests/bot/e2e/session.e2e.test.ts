/**
 * The scripted session (tests/bot/session/session.ts, 47 steps) through the real bot and
 * pipeline on the Bot API test server: every step is answered (the group chatter on purpose
 * is not), nothing is logged as an error, and the committed transcript in docs/ was made from
 * the same script (`npm run transcript` regenerates it).
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAnswerService } from "../../../src/answer/answer-service.js";
import { runSession, SESSION, transcriptMarkdown, type StepRecord } from "../session/session.js";
import { startBotOnApiServer, type BotOnApiServer } from "./api-server-harness.js";
import { pipelineConfig } from "./harness.js";

const TRANSCRIPT = resolve(import.meta.dirname, "../../../docs/session-transcript.md");
let env: BotOnApiServer;
let records: StepRecord[];
beforeAll(async () => {
  env = await startBotOnApiServer(await createAnswerService(pipelineConfig()));
  records = await runSession(env);
}, 240_000);
afterAll(async () => {
  await env?.stop();
});

describe("a staffer's scripted session", () => {
  it("has at least 40 steps, each answered as scripted", () => {
    expect(SESSION.length).toBeGreaterThanOrEqual(40);
    expect(records).toHaveLength(SESSION.length);
    records.forEach((r) => {
      const ignored = "expect" in r.step && r.step.expect === "nothing";
      expect(r.bot.length, r.user).toBeGreaterThan(0);
      expect(r.bot[0]!.startsWith("（机器人没有回复"), r.user).toBe(ignored);
    });
  });

  it("shows what the issue asks for along the way", () => {
    const all = records.map((r) => r.bot.join("\n")).join("\n");
    expect(all).toContain("您是不是要问：社零总额？");
    expect(all).toContain("📎 铁东区2022年、2023年地区生产总值.xlsx");
    expect(all).toContain("工作表「来源」");
    expect(all).toContain("✏️ （上面的消息改为）");
    expect(all).toContain("可直接引用：");
    expect(all).toContain("同比下降26.4%");
    expect(all).not.toContain("语料");
  });

  it("logged no error", () => {
    expect(env.entries.filter((e) => e.level === "error")).toEqual([]);
  });

  it("the committed transcript was made from this script (npm run transcript)", () => {
    const committed = readFileSync(TRANSCRIPT, "utf8");
    const userLines = (md: string) => md.split("\n").filter((l) => /^## \d+\. 👤/u.test(l));
    expect(userLines(committed)).toEqual(userLines(transcriptMarkdown(records)));
  });
});
