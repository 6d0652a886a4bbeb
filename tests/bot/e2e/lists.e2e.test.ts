/**
 * Issue 18, points 3 and 8, end to end: a unit's task list is a compact page — the document
 * named once, about ten short lines — paged with ◀ ▶ that edit the same message (the menu
 * plugin's buttons), with 原文 for one item on demand; a unit "负责" for tasks covers both
 * roles and says which for each.
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

const TITLE = "《鞍山市人民政府关于印发《2023年市〈政府工作报告〉任务分解和责任分工方案》的通知》";
const items = (text: string) => text.split("\n").filter((l) => /^\d+\. 第\d+项 /u.test(l));

describe("task lists", () => {
  it("a compact first page: count, the document once, ten short lines, no citation list", async () => {
    const staff = env.staff({ id: 6101 });
    const page = await staff.ask("市发展改革委牵头哪些任务");
    const lines = page.text.split("\n");
    expect(lines[0]).toMatch(/^市发展改革委牵头的任务（共(\d+)项，均为牵头）$/u);
    const count = Number(/共(\d+)项/u.exec(lines[0]!)![1]);
    expect(count).toBeGreaterThan(10);
    expect(lines[1]).toBe(`据${TITLE}：`);
    expect(page.text.split(TITLE).length - 1).toBe(1);
    expect(items(page.text)).toHaveLength(10);
    for (const item of items(page.text)) expect(item.length).toBeLessThanOrEqual(60);
    expect(page.text.length).toBeLessThan(1000);
    expect(lines.at(-1)).toMatch(/^第1\/\d+页 · 点“原文”可查看其中一项的出处$/u);
    expect(page.buttons).toEqual([["原文", "▶"], ["📥 导出"]]);
    // The menu plugin's buttons: `<menu>/<row>/<col>/<payload>/<hash>`.
    const data = page.message
      .reply_markup!.inline_keyboard.flat()
      .map((b) => ("callback_data" in b ? b.callback_data : ""));
    for (const d of data) expect(d).toMatch(/^list\/\d\/\d\/[a-z0-9]+\.\d+\.0\.p\/h/u);
  });

  it("▶ and ◀ edit the same message in place", async () => {
    const staff = env.staff({ id: 6102 });
    const first = await staff.ask("市发展改革委牵头哪些任务");
    const [second] = await staff.press(first.message, "▶");
    expect(second!.method).toBe("editMessageText");
    expect(second!.message.message_id).toBe(first.message.message_id);
    expect(second!.text).toMatch(/第2\/\d+页/u);
    expect(items(second!.text)[0]).toMatch(/^11\. /u);
    expect(second!.buttons[0]).toEqual(expect.arrayContaining(["◀", "原文"]));
    const [back] = await staff.press(first.message, "◀");
    expect(back!.message.message_id).toBe(first.message.message_id);
    expect(items(back!.text)[0]).toMatch(/^1\. /u);
    // Nothing new was sent: paging only edits.
    expect(env.server.callsTo("sendMessage").filter((c) => Number(c.params.chat_id) === 6102)).toHaveLength(
      1,
    );
  });

  it("原文 shows the items' numbers; one press opens that item's source", async () => {
    const staff = env.staff({ id: 6103 });
    const page = await staff.ask("市发展改革委牵头哪些任务");
    const [picking] = await staff.press(page.message, "原文");
    expect(picking!.method).toBe("editMessageReplyMarkup");
    expect(picking!.buttons).toEqual([["1", "2", "3", "4", "5"], ["6", "7", "8", "9", "10"], ["↩ 返回"]]);
    const number = /第(\d+)项/u.exec(items(page.text)[2]!)![1];
    const [excerpt] = await staff.press(page.message, "3");
    expect(excerpt!.method).toBe("sendMessage");
    expect(excerpt!.text).toMatch(/^原文 \[\d+\]/u);
    expect(excerpt!.text).toContain(`${number}.`);
    expect(excerpt!.text).toContain("牵头单位：");
    const [paging] = await staff.press(page.message, "↩ 返回");
    expect(paging!.buttons[0]).toEqual(["原文", "▶"]);
  });

  it("a unit that is 负责 for tasks: those it leads and those it shares, each marked", async () => {
    const staff = env.staff({ id: 6104 });
    const page = await staff.ask("市卫健委负责哪些工作");
    expect(page.text.split("\n")[0]).toMatch(
      /^市卫生健康委牵头或作为责任单位的任务（共\d+项，括号内注明牵头或责任）$/u,
    );
    const roles = items(page.text).map((l) => /（(牵头|责任)）$/u.exec(l)?.[1]);
    expect(new Set(roles)).toEqual(new Set(["牵头", "责任"]));
    expect(page.text).not.toContain("计算值");
  });

  it("📥 导出 under a list exports its tasks", async () => {
    const staff = env.staff({ id: 6105 });
    const page = await staff.ask("市发展改革委牵头哪些任务");
    const [prompt] = await staff.press(page.message, "📥 导出");
    const [file] = await staff.press(prompt!.message, "CSV");
    expect(file!.call.files.document!.filename).toBe("市发展改革委牵头的任务.csv");
    const csv = file!.call.files.document!.bytes.toString("utf8");
    expect(csv.split("\r\n")[0]).toBe("\uFEFF序号,任务,牵头单位,责任单位,章节,文件");
  });
});
