/**
 * (c) the allow-list and the per-user rate limit, with the real bot and pipeline on the emulator.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAnswerService, type AnswerService } from "../../../src/answer/answer-service.js";
import { pipelineConfig, startBotOnEmulator, type BotOnEmulator } from "./harness.js";

const STAFF_CHAT = 1001;
const OTHER_CHAT = 2002;
const QUESTION = "2023年铁东区社零总额是多少";

let service: AnswerService;
beforeAll(async () => {
  service = await createAnswerService(pipelineConfig());
});

describe("(c) allow-list", () => {
  let env: BotOnEmulator;
  beforeAll(async () => {
    env = await startBotOnEmulator(service, { ALLOWED_CHAT_IDS: `${STAFF_CHAT}, -100777` });
  });
  afterAll(async () => {
    await env?.stop();
  });

  it("a chat outside the list gets one refusal and nothing else", async () => {
    const outsider = env.chat(OTHER_CHAT);
    await outsider.say(QUESTION);
    await outsider.command("/sources");
    await outsider.command("/cite 2023年铁东区社零总额");
    await outsider.say("2022年铁东区实名制就业人数是多少");
    await outsider.press("c:anything:1:1");
    const [refusal] = await outsider.waitForReplies(1);
    // Give the bot time to (wrongly) send more; staff traffic proves it is still polling.
    const staff = env.chat(STAFF_CHAT);
    const answer = await staff.next(() => staff.say(QUESTION));
    await new Promise((r) => setTimeout(r, 300));

    expect(outsider.replies()).toHaveLength(1);
    expect(refusal!.text).toBe(
      "抱歉，本机器人仅供鞍山市各区机关工作人员使用，此会话未获授权。如需开通，请把会话编号 2002 发给管理员。",
    );
    expect(refusal!.buttons).toEqual([]);
    expect(answer.text).toContain("140.1亿元");
    expect(env.entries.filter((e) => e.msg === "refused a chat outside the allow-list")).toHaveLength(1);
    expect(env.entries.filter((e) => e.msg === "answered").map((e) => e.chatId)).toEqual([STAFF_CHAT]);
  });
});

describe("rate limit", () => {
  let env: BotOnEmulator;
  beforeAll(async () => {
    env = await startBotOnEmulator(service, { RATE_LIMIT_MAX: "2", RATE_LIMIT_WINDOW_MS: "60000" });
  });
  afterAll(async () => {
    await env?.stop();
  });

  it("a user over the limit gets one friendly notice; the others are still answered", async () => {
    const user = env.chat(3003);
    for (let i = 0; i < 4; i++) await user.say(QUESTION);
    const replies = await user.waitForReplies(3);
    await new Promise((r) => setTimeout(r, 300));
    expect(user.replies()).toHaveLength(3);
    const notices = replies.filter((r) => r.text.startsWith("您提问太快了"));
    expect(notices.map((r) => r.text)).toEqual(["您提问太快了，请 60 秒后再试。已收到的问题会照常回答。"]);
    expect(replies.filter((r) => r.text.includes("140.1亿元"))).toHaveLength(2);
    const other = env.chat(3004);
    expect((await other.next(() => other.say(QUESTION))).text).toContain("140.1亿元");
  });
});
