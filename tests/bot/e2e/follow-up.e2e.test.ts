/**
 * A multi-turn conversation through the real bot, runner and answering pipeline on the
 * emulator: follow-ups that change the period, the region or the measure, a source request,
 * and a chat's default region (/region). Paged lists: lists.e2e.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAnswerService, type AnswerService } from "../../../src/answer/answer-service.js";
import { pipelineConfig, startBotOnEmulator, type BotOnEmulator } from "./harness.js";

let service: AnswerService;
let env: BotOnEmulator;

beforeAll(async () => {
  service = await createAnswerService(pipelineConfig());
  env = await startBotOnEmulator(service);
});

afterAll(async () => {
  await env?.stop();
});

describe("conversation context in the bot", () => {
  it("answers follow-ups from the previous question of the same chat only", async () => {
    const chat = env.chat(7101);
    const other = env.chat(7102);
    const first = await chat.next(() => chat.say("铁东区2023年GDP是多少"));
    expect(first.text).toContain("314.6亿元");

    const year = await chat.next(() => chat.say("那2022年的呢"));
    expect(year.text).toContain("按上一问：铁东区");
    expect(year.text).toContain("285.9亿元");
    expect(year.text).not.toContain("314.6");

    const region = await chat.next(() => chat.say("立山区呢"));
    expect(region.text).toContain("立山区2024年上半年");
    expect(region.text).toContain("63.65亿元");

    const source = await chat.next(() => chat.say("原文呢"));
    expect(source.text).toContain("原文摘录");
    expect(source.text).toContain("【63.65亿元】");

    // Another chat has no context: its "那2022年的呢" is not answered from chat 7101's question.
    const alone = await other.next(() => other.say("那2022年的呢"));
    expect(alone.text).not.toContain("285.9");
  });

  it("uses the chat's default region set with /region, and says so", async () => {
    const chat = env.chat(7201);
    const set = await chat.next(() => chat.command("/region 铁东区"));
    expect(set.text).toContain("已设置默认地区：铁东区");
    const answer = await chat.next(() => chat.say("2022年社零总额是多少"));
    expect(answer.text).toContain("铁东区（默认地区）");
    expect(answer.text).toContain("128.4亿元");
    const unknown = await chat.next(() => chat.command("/region 朝阳区"));
    expect(unknown.text).toContain("已收录的文件中没有“朝阳区”");
    const help = await chat.next(() => chat.command("/help"));
    expect(help.text).toContain("/region");
  });
});
