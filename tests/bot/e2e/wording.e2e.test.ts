/**
 * Issue 18, point 6, end to end: replies read as a civil servant expects — no 语料, no English
 * field names or file names; declines listed as 下降 while the quote keeps the published
 * wording; 计算值 only on computed figures; /cite gives a paste-ready citation.
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

/** Latin words a reply may contain: the names people use for indicators, and commands. */
const ALLOWED_LATIN = /\/[a-z]+|GDP|CPI|PPI|CSV|XLSX|Excel|R&D|5G/gu;

describe("wording", () => {
  it.each(["千山区2023年GDP是多少", "铁东区2023年进出口总额是多少", "今年的天气怎么样", "/region 朝阳区"])(
    "%s: no 语料, no English",
    async (question) => {
      const reply = await env.staff({ id: 6300 + question.length }).ask(question);
      expect(reply.text).not.toContain("语料");
      expect(reply.text.replace(ALLOWED_LATIN, "")).not.toMatch(/[A-Za-z]{2,}/u);
    },
  );

  it("/sources: Chinese field names, no file names (regression: metadata-overrides.json)", async () => {
    const reply = await env.staff({ id: 6310 }).ask("/sources");
    expect(reply.text).toContain("文种：统计公报");
    expect(reply.text).not.toMatch(/\.(txt|json|pdf)|metadata|title|district|period|kind/u);
    expect(reply.text).toContain("标题、城市、区县、时期、文种为人工补记");
  });

  it("declines are listed as 下降; the quote keeps 同比增长-26.4% as published", async () => {
    const staff = env.staff({ id: 6311 });
    const list = await staff.ask("铁东区2023年哪些指标下降了");
    expect(list.text).toContain("商品房销售面积：同比下降26.4%");
    expect(list.text).not.toContain("增长-");
    const [excerpt] = await staff.press(list.message, "原文 [1]");
    expect(excerpt!.text).toContain("同比增长-26.4%");
  });

  it("计算值 only on computed figures: a difference has it, a count of tasks does not", async () => {
    const staff = env.staff({ id: 6312 });
    expect((await staff.ask("对比铁东区2022和2023年的GDP")).text).toContain("（计算值");
    expect((await staff.ask("市发展改革委牵头哪些任务")).text).not.toContain("计算值");
  });

  it("/cite gives a citation ready to paste into a document", async () => {
    const staff = env.staff({ id: 6313 });
    const replies = await staff.send("/cite 铁东区2023年社零总额");
    const text = replies.map((r) => r.text).join("\n");
    expect(text).toContain("可直接引用：");
    expect(text).toContain(
      "据《鞍山市铁东区2023年国民经济和社会发展统计公报》（一、综合）显示，社会消费品零售总额完成140.1亿元，同比增长9.1%。",
    );
  });
});
