/**
 * Exports end to end: /export through the real bot on the Bot API test server; the CSV and
 * XLSX documents that arrive parse back to exactly the rows asked for.
 */
import { readSheet } from "read-excel-file/node";
import type { Message } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAnswerService, type AnswerService } from "../../../src/answer/answer-service.js";
import type { RecordedCall } from "../../support/bot-api-server.js";
import { startBotOnApiServer, type BotOnApiServer } from "./api-server-harness.js";
import { pipelineConfig } from "./harness.js";

/** RFC 4180 CSV → rows of strings. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (ch === '"') quoted = !quoted;
    else if (quoted) field += ch;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += ch;
  }
  return rows;
}

let service: AnswerService;
let env: BotOnApiServer;
beforeAll(async () => {
  service = await createAnswerService(pipelineConfig());
  env = await startBotOnApiServer(service);
});
afterAll(async () => {
  await env?.stop();
});

async function documents(chatId: number, mark: number): Promise<[RecordedCall, RecordedCall]> {
  const isDoc = (name: RegExp) => (c: RecordedCall) =>
    c.ok && Number(c.params.chat_id) === chatId && name.test(c.files.document?.filename ?? "");
  const csv = await env.server.waitForCall("sendDocument", { after: mark, where: isDoc(/\.csv$/) });
  const xlsx = await env.server.waitForCall("sendDocument", { after: mark, where: isDoc(/\.xlsx$/) });
  return [csv, xlsx];
}

describe("/export", () => {
  it("/export 铁东区 2023年 sends CSV (BOM) and XLSX holding exactly that region-period's rows", async () => {
    const user = env.server.user({ id: 4201 });
    const mark = env.server.mark();
    env.server.sendCommand(user, "/export 铁东区 2023年");
    const [csv, xlsx] = await documents(4201, mark);
    const expected = service.tables().rows.filter((r) => r.region === "铁东区" && r.period === "2023年");
    expect(expected.length).toBeGreaterThan(10);

    const bytes = csv.files.document!.bytes;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.files.document!.filename).toBe("指标_铁东区_2023年.csv");
    const table = parseCsv(bytes.toString("utf8").slice(1));
    expect(table[0]!.slice(0, 5)).toEqual(["地区", "时期", "指标", "原文指标", "数值"]);
    expect(table.slice(1).map((r) => [r[0], r[1], r[4]])).toEqual(
      expected.map((r) => ["铁东区", "2023年", r.value?.text ?? ""]),
    );
    expect(String(csv.params.caption)).toBe(`指标_铁东区_2023年：${expected.length} 行`);

    const sheet = await readSheet(xlsx.files.document!.bytes);
    expect(sheet.length).toBe(expected.length + 1);
    expect(sheet.slice(1).map((r) => [r[0], r[1], r[4] ?? null, r[5] ?? null])).toEqual(
      expected.map((r) => ["铁东区", "2023年", r.value?.text ?? null, r.value?.number ?? null]),
    );
  });

  it("names nothing the corpus holds: a notice, no documents", async () => {
    const user = env.server.user({ id: 4202 });
    const reply = await env.exchange(user, "/export 北京市 1999年");
    expect(String(reply.params.text)).toContain("没有符合“北京市 1999年”的数据");
    expect(env.server.callsTo("sendDocument").filter((c) => Number(c.params.chat_id) === 4202)).toEqual([]);
  });

  it("a task answer has a 📥 button that exports its tasks", async () => {
    const user = env.server.user({ id: 4203 });
    const answer = await env.exchange(user, "发布数字经济应用场景机会清单的牵头单位");
    const message = answer.result as Message;
    const button = (message.reply_markup?.inline_keyboard ?? []).flat().find((b) => b.text === "📥 导出任务");
    expect(button).toBeDefined();
    const mark = env.server.mark();
    env.server.pressButton(user, message, (button as { callback_data: string }).callback_data);
    const [csv, xlsx] = await documents(4203, mark);
    const rows = parseCsv(csv.files.document!.bytes.toString("utf8").slice(1));
    expect(rows.slice(1).map((r) => [r[0], r[2]])).toEqual([["50", "市工业和信息化局"]]);
    const sheet = await readSheet(xlsx.files.document!.bytes);
    expect(sheet[1]!.slice(0, 3)).toEqual([50, "发布数字经济应用场景机会清单。", "市工业和信息化局"]);
  });
});
