/**
 * Charts end to end: the real bot and pipeline on the Bot API test server; the PNG that arrives
 * through sendPhoto is checked (PNG header dimensions, caption naming region, indicator, unit
 * and sources).
 */
import type { Message } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAnswerService, type AnswerService } from "../../../src/answer/answer-service.js";
import { pngSize } from "../../support/bot-api-server.js";
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

describe("charts", () => {
  it("a comparison answer has a 📈 画图 button; pressing it sends a PNG chart with title and sources", async () => {
    const user = env.server.user({ id: 4101 });
    const answer = await env.exchange(user, "对比铁东区2022和2023年的GDP");
    const message = answer.result as Message;
    const buttons = (message.reply_markup?.inline_keyboard ?? []).flat();
    const chartButton = buttons.find((b) => b.text === "📈 画图");
    expect(chartButton).toBeDefined();
    const mark = env.server.mark();
    env.server.pressButton(user, message, (chartButton as { callback_data: string }).callback_data);
    const photo = await env.server.waitForCall("sendPhoto", { after: mark });
    expect(photo.ok).toBe(true);
    expect(photo.files.photo!.filename).toBe("chart.png");
    expect(pngSize(photo.files.photo!.bytes)).toEqual({ width: 960, height: 590 });
    expect(String(photo.params.caption).split("\n")).toEqual([
      "铁东区 地区生产总值（亿元）",
      "2022年→2023年 地区生产总值变化：28.7亿元（计算值）",
      "来源：《鞍山市铁东区2022年国民经济和社会发展统计公报》 一、综合",
      "来源：《鞍山市铁东区2023年国民经济和社会发展统计公报》 一、综合",
    ]);
    expect(photo.params.reply_parameters).toContain(`"message_id":${message.message_id}`);
    const answered = await env.server.waitForCall("answerCallbackQuery", { after: mark });
    expect(answered.ok).toBe(true);
  });

  it("/chart with a one-period question charts every period the corpus holds", async () => {
    const user = env.server.user({ id: 4102 });
    const photo = await env.exchange(user, "/chart 2023年铁东区社零总额是多少", "sendPhoto");
    const caption = String(photo.params.caption);
    expect(caption.split("\n")[0]).toBe("铁东区 社会消费品零售总额（亿元）");
    expect(caption).toContain("《鞍山市铁东区2022年国民经济和社会发展统计公报》");
    expect(caption).toContain("《鞍山市铁东区2023年国民经济和社会发展统计公报》");
    expect(pngSize(photo.files.photo!.bytes)?.width).toBe(960);
  });

  it("/chart of a growth question draws the region-period's main growth rates", async () => {
    const user = env.server.user({ id: 4103 });
    const photo = await env.exchange(user, "/chart 2024年上半年立山区规上工业增加值增速是多少", "sendPhoto");
    expect(String(photo.params.caption).split("\n")[0]).toBe("立山区2024年上半年 主要指标增速（%）");
  });

  it("a figure the corpus holds for one period only gets no chart", async () => {
    const user = env.server.user({ id: 4104 });
    const reply = await env.exchange(user, "/chart 立山区上半年一共组织了几场招聘会");
    expect(String(reply.params.text)).toBe("这个回答只有一个数值（资料中没有可比的其他时期），不画图。");
    expect(env.server.callsTo("sendPhoto").filter((c) => Number(c.params.chat_id) === 4104)).toEqual([]);
    const plain = await env.exchange(user, "立山区上半年一共组织了几场招聘会");
    const buttons = ((plain.result as Message).reply_markup?.inline_keyboard ?? []).flat().map((b) => b.text);
    expect(buttons.filter((t) => t.startsWith("📈"))).toEqual([]);
  });
});
