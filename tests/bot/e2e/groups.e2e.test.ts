/**
 * Issue 18, point 7, end to end: in a group (privacy mode off, so the bot sees every message)
 * the bot answers only when mentioned, replied to, or sent a command; each member's
 * follow-ups continue their own conversation.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAnswerService } from "../../../src/answer/answer-service.js";
import { BOT_USERNAME, startBotOnApiServer, type BotOnApiServer } from "./api-server-harness.js";
import { pipelineConfig } from "./harness.js";

let env: BotOnApiServer;
beforeAll(async () => {
  env = await startBotOnApiServer(await createAnswerService(pipelineConfig()));
});
afterAll(async () => {
  await env?.stop();
});

const quiet = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("groups", () => {
  it("ignores chatter and unaddressed questions; answers a mention, a reply and a command", async () => {
    const group = env.server.group(-7001, "区统计局办公室");
    const wang = env.staff({ id: 7101, first_name: "王" }, group);
    const sentBefore = env.server.callsTo("sendMessage").length;
    env.server.sendText(wang.user, "大家中午吃什么", { chat: group });
    env.server.sendText(wang.user, "铁东区2023年GDP是多少", { chat: group });
    await quiet(700);
    expect(env.server.callsTo("sendMessage").length).toBe(sentBefore);
    expect(
      env.entries.filter((e) => e.msg === "ignored a group message not addressed to the bot"),
    ).toHaveLength(2);

    const answer = await wang.ask(`@${BOT_USERNAME} 铁东区2023年GDP是多少`);
    expect(answer.text).toContain("314.6亿元");
    const followUp = await wang.ask("那2022年的呢", { replyTo: answer.message });
    expect(followUp.text).toContain("285.9亿元");
    const help = await wang.ask("/help");
    expect(help.text).toContain("在群里请 @我、回复我的消息或使用命令提问");
  });

  it("each member's follow-up continues their own conversation", async () => {
    const group = env.server.group(-7002, "区发改局");
    const li = env.staff({ id: 7201, first_name: "李" }, group);
    const zhao = env.staff({ id: 7202, first_name: "赵" }, group);
    const first = await li.ask(`@${BOT_USERNAME} 铁东区2023年GDP是多少`);
    expect(first.text).toContain("314.6亿元");
    await zhao.ask(`@${BOT_USERNAME} 立山区2024年上半年地区生产总值是多少`);
    const liNext = await li.ask(`@${BOT_USERNAME} 那2022年的呢`);
    expect(liNext.text).toContain("285.9亿元");
    expect(liNext.text).toContain("按上一问：铁东区");
    // /chart acts on the member's own last answer.
    const [photo] = await zhao.send("/chart");
    expect(photo!.method).toBe("sendMessage");
    expect(photo!.text).toBe("这个回答只有一个数值（资料中没有可比的其他时期），不画图。");
  });
});
