/**
 * Issue 18, point 9 (the catalogue), end to end: /catalog lists places × years × kinds held;
 * a place and period opens its indicators in the same message (the menu plugin edits it), an
 * indicator's button asks its figure, ↩ 目录 goes back.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAnswerService, type AnswerService } from "../../../src/answer/answer-service.js";
import { startBotOnApiServer, type BotOnApiServer } from "./api-server-harness.js";
import { pipelineConfig } from "./harness.js";

let service: AnswerService;
let env: BotOnApiServer;
beforeAll(async () => {
  service = await createAnswerService(pipelineConfig());
  env = await startBotOnApiServer(service);
});
afterAll(async () => {
  await env?.stop();
});

describe("/catalog", () => {
  it("shows what is held and browses one place and year's indicators", async () => {
    const staff = env.staff({ id: 8101 });
    const catalog = await staff.ask("/catalog");
    const lines = catalog.text.split("\n");
    expect(lines[0]).toBe(`资料目录（共${service.sources().length}份文件）`);
    expect(lines).toContain("铁东区：2022年统计公报；2023年统计公报；2023年政府工作报告");
    expect(lines).toContain("立山区：2024年上半年计划执行情况报告");
    expect(catalog.buttons.flat()).toEqual(
      expect.arrayContaining(["铁东区 2023年", "铁东区 2022年", "立山区 2024年上半年"]),
    );

    const [place] = await staff.press(catalog.message, "铁东区 2023年");
    expect(place!.method).toBe("editMessageText");
    expect(place!.message.message_id).toBe(catalog.message.message_id);
    const held = service.indicatorsOf("铁东区", "2023年");
    expect(place!.text.split("\n")[0]).toBe(`铁东区2023年可查询的指标（共${held.length}项）`);
    expect(place!.text).toContain("1. 地区生产总值");
    expect(place!.buttons.flat()).toEqual(expect.arrayContaining(["地区生产总值", "↩ 目录"]));

    const [answer] = await staff.press(catalog.message, "地区生产总值");
    expect(answer!.method).toBe("sendMessage");
    expect(answer!.text).toContain("314.6亿元");

    if (held.length > 10) {
      const [next] = await staff.press(catalog.message, "▶");
      expect(next!.text).toMatch(/第2\/\d+页/u);
    }
    const [back] = await staff.press(catalog.message, "↩ 目录");
    expect(back!.text.split("\n")[0]).toBe(lines[0]);
  });
});
