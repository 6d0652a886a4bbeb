/**
 * Issue 18, point 5, end to end: a question that writes a held indicator or place the way a
 * pinyin input method errs gets `您是不是要问：…？` with the corrected question as a button —
 * never a silent substitution; pressing it answers the corrected question.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAnswerService } from "../../../src/answer/answer-service.js";
import { startBotOnApiServer, type BotOnApiServer } from "./api-server-harness.js";
import { pipelineConfig } from "./harness.js";

let env: BotOnApiServer;
beforeAll(async () => {
  env = await startBotOnApiServer(await createAnswerService(pipelineConfig()));
});
afterAll(async () => {
  await env?.stop();
});

describe("near names", () => {
  it("社令总额 (a homophone) → 您是不是要问：社零总额？ with a button that asks it", async () => {
    const staff = env.staff({ id: 6201 });
    const clarify = await staff.ask("2023年铁东区社令总额是多少");
    expect(clarify.text).toBe("没有找到“社令总额”。您是不是要问：社零总额？");
    expect(clarify.text).not.toContain("140.1");
    expect(clarify.buttons).toEqual([["2023年铁东区社零总额是多少"]]);
    const [answer] = await staff.press(clarify.message, "2023年铁东区社零总额是多少");
    expect(answer!.text).toContain("140.1亿元");
    expect(answer!.message.reply_to_message?.message_id).toBe(clarify.message.message_id);
  });

  it("GPD (a transposition) → GDP", async () => {
    const staff = env.staff({ id: 6202 });
    const clarify = await staff.ask("铁东区2023年GPD");
    expect(clarify.text).toBe("没有找到“GPD”。您是不是要问：GDP？");
    const [answer] = await staff.press(clarify.message, "铁东区2023年GDP");
    expect(answer!.text).toContain("314.6亿元");
  });
});
