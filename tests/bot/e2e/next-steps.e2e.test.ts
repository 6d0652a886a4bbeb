/**
 * Issue 18, point 1, end to end on the Bot API test server with the real pipeline: /chart and
 * /export act on the last answer; /export asks CSV or Excel with buttons and never reads a
 * format word as a filter; answers with figures offer buttons for the next steps (原文, 画图,
 * 导出, the neighbouring year held). The parent-region step is in admin-upload.e2e.test.ts,
 * whose corpus holds a city and its district.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAnswerService } from "../../../src/answer/answer-service.js";
import { pngSize } from "../../support/bot-api-server.js";
import { startBotOnApiServer, type BotOnApiServer } from "./api-server-harness.js";
import { pipelineConfig } from "./harness.js";

let env: BotOnApiServer;
beforeAll(async () => {
  env = await startBotOnApiServer(await createAnswerService(pipelineConfig()));
});
afterAll(async () => {
  await env?.stop();
});

describe("next steps under an answer", () => {
  it("a figure offers 原文, a chart, 导出 and the neighbouring year; the year button asks it", async () => {
    const staff = env.staff({ id: 5101 });
    const answer = await staff.ask("铁东区2023年GDP是多少");
    expect(answer.text).toContain("314.6亿元");
    expect(answer.marked).toContain("<b>314.6亿元</b>");
    expect(answer.call.params.parse_mode).toBeUndefined();
    expect(answer.buttons).toEqual([["原文"], ["📈 历年走势", "📥 导出"], ["◀ 2022年"]]);

    const [earlier] = await staff.press(answer.message, "◀ 2022年");
    expect(earlier!.text).toContain("285.9亿元");
    expect(earlier!.text).not.toContain("314.6");
    expect(earlier!.buttons.flat()).toContain("2023年 ▶");

    const [excerpt] = await staff.press(answer.message, "原文");
    expect(excerpt!.marked).toContain("<b>【314.6亿元】</b>");
    expect(excerpt!.text).toContain("可直接引用：");

    const [photo] = await staff.press(answer.message, "📈 历年走势");
    expect(photo!.method).toBe("sendPhoto");
    expect(pngSize(photo!.call.files.photo!.bytes)?.width).toBe(960);
    expect(photo!.text.split("\n")[0]).toBe("铁东区 地区生产总值（亿元）");
  });

  it("/chart alone draws the last answer; before any answer it says what to do", async () => {
    const staff = env.staff({ id: 5102 });
    const [none] = await staff.send("/chart");
    expect(none!.text).toBe("还没有可以画图的回答。请先提问，或发送 /chart 加问题，例如 /chart 铁东区GDP");
    await staff.ask("对比铁东区2022和2023年的GDP");
    const [photo] = await staff.send("/chart");
    expect(photo!.method).toBe("sendPhoto");
    expect(photo!.text.split("\n")).toContain("2022年→2023年 地区生产总值变化：28.7亿元（计算值）");
  });

  it("/export alone asks CSV or Excel for the last answer; the button sends that file", async () => {
    const staff = env.staff({ id: 5103 });
    await staff.ask("2023年铁东区社零总额是多少");
    const [prompt] = await staff.send("/export");
    expect(prompt!.text).toBe("导出“铁东区2023年社会消费品零售总额”（共1行）：请选择文件格式。");
    expect(prompt!.buttons).toEqual([["CSV", "Excel（XLSX）"]]);
    const [file] = await staff.press(prompt!.message, "CSV");
    expect(file!.method).toBe("sendDocument");
    expect(file!.call.files.document!.filename).toBe("铁东区2023年社会消费品零售总额.csv");
    const csv = file!.call.files.document!.bytes.toString("utf8");
    expect(csv).toContain("社会消费品零售总额,铁东区,2023年,140.1亿元,140.1,亿元");
    expect(file!.text.split("\n")[0]).toBe("铁东区2023年社会消费品零售总额");
  });

  it("/export CSV is a format, not a filter (regression: 没有符合“CSV”的数据)", async () => {
    const staff = env.staff({ id: 5104 });
    await staff.ask("2023年铁东区社零总额是多少");
    const [file] = await staff.send("/export CSV");
    expect(file!.method).toBe("sendDocument");
    expect(file!.call.files.document!.filename).toMatch(/\.csv$/u);
    expect(file!.text).not.toContain("没有符合");
  });

  it("the 📥 导出 button under an answer asks the format", async () => {
    const staff = env.staff({ id: 5105 });
    const answer = await staff.ask("2023年铁东区社零总额是多少");
    const [prompt] = await staff.press(answer.message, "📥 导出");
    expect(prompt!.buttons).toEqual([["CSV", "Excel（XLSX）"]]);
    const [file] = await staff.press(prompt!.message, "Excel（XLSX）");
    expect(file!.call.files.document!.filename).toBe("铁东区2023年社会消费品零售总额.xlsx");
  });
});
