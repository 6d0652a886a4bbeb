/**
 * Issue 18, point 2, end to end: exports hold what a statistician keeps. `/export 铁东区
 * 2023年` through the real bot asks the format; the CSV and XLSX that arrive are opened:
 * only rows that name an indicator, value as published beside the parsed number, unit,
 * growth, period, place, document and section; the XLSX has a named sheet with a bold frozen
 * header, column widths and numbers as numbers, and a second sheet with the sources; the
 * caption reads like a title and names no period the place lacks.
 */
import { unzipSync, strFromU8 } from "fflate";
import readXlsxFile from "read-excel-file/node";
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

const HEADER = [
  "指标",
  "地区",
  "时期",
  "公布值",
  "数值",
  "单位",
  "增速（公布）",
  "增速（%）",
  "类别",
  "文件",
  "章节",
];

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

describe("/export of a place and year", () => {
  it("asks the format, then sends an XLSX a statistician can use", async () => {
    const staff = env.staff({ id: 4201 });
    const [prompt] = await staff.send("/export 铁东区 2023年");
    expect(prompt!.text).toMatch(/^导出“铁东区2023年主要指标”（共\d+行）：请选择文件格式。$/u);
    const [file] = await staff.press(prompt!.message, "Excel（XLSX）");
    const document = file!.call.files.document!;
    expect(document.filename).toBe("铁东区2023年主要指标.xlsx");
    // The caption reads like a title and names no period the place lacks (regression: file-name captions).
    const caption = file!.text.split("\n");
    expect(caption[0]).toBe("铁东区2023年主要指标");
    expect(caption[1]).toMatch(/^共\d+行，出自\d+份文件/u);
    expect(file!.text).not.toMatch(/上半年|_/u);

    const sheets = await readXlsxFile(document.bytes);
    expect(sheets.map((s) => s.sheet)).toEqual(["指标", "来源"]);
    const [header, ...rows] = sheets[0]!.data;
    expect(header).toEqual(HEADER);
    expect(rows.length).toBeGreaterThan(10);
    // Regression: 366 of 403 rows had no indicator (原文指标 二, 合格率全部 …).
    for (const r of rows) {
      expect(typeof r[0]).toBe("string");
      expect(String(r[0]).length).toBeGreaterThanOrEqual(2);
      expect(r[0]).not.toBe("合格率全部");
      expect([r[1], r[2]]).toEqual(["铁东区", "2023年"]);
      if (r[4] !== null) expect(typeof r[4]).toBe("number");
      if (r[7] !== null) expect(typeof r[7]).toBe("number");
    }
    const gdp = rows.find((r) => r[0] === "地区生产总值" && r[3] === "314.6亿元");
    expect(gdp?.slice(3, 9)).toEqual(["314.6亿元", 314.6, "亿元", "同比增长7.3%", 7.3, "实绩"]);
    expect(gdp?.[9]).toBe("鞍山市铁东区2023年国民经济和社会发展统计公报");
    expect(gdp?.[10]).toBe("一、综合");

    const [sourceHeader, ...sources] = sheets[1]!.data;
    expect(sourceHeader).toEqual(["序号", "文件", "地区", "时期", "文种", "行数"]);
    expect(sources.map((s) => s[1])).toContain("鞍山市铁东区2023年国民经济和社会发展统计公报");
    expect(sources.reduce((n, s) => n + Number(s[5]), 0)).toBe(rows.length);

    // Bold, frozen header and set widths, read from the workbook itself.
    const files = unzipSync(new Uint8Array(document.bytes));
    const sheet = strFromU8(files["xl/worksheets/sheet1.xml"]!);
    expect(sheet).toMatch(/<pane[^>]*ySplit="1"[^>]*state="frozen"/u);
    expect(sheet).toMatch(/<col [^>]*width="24"/u);
    expect(strFromU8(files["xl/styles.xml"]!)).toContain("<b/>");
    const firstRow = /<row r="1"[^>]*>(.*?)<\/row>/su.exec(sheet)![1]!;
    expect(firstRow.match(/<c [^>]*s="\d+"/gu)?.length).toBe(HEADER.length);
  });

  it("the CSV holds the same rows, with a BOM for Excel and WPS", async () => {
    const staff = env.staff({ id: 4202 });
    const [file] = await staff.send("/export 铁东区 2023年 csv");
    const bytes = file!.call.files.document!.bytes;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parseCsv(bytes.toString("utf8").slice(1));
    expect(header).toEqual(HEADER);
    const kept = service
      .tables()
      .rows.filter(
        (r) => r.region === "铁东区" && r.period === "2023年" && (r.value !== null || r.growth !== null),
      );
    expect(rows.length).toBeLessThanOrEqual(kept.length);
    expect(rows.length).toBeGreaterThanOrEqual(kept.filter((r) => r.indicator !== null).length);
  });

  it("names nothing the corpus holds: a notice, no documents", async () => {
    const staff = env.staff({ id: 4203 });
    const [reply] = await staff.send("/export 北京市 1999年");
    expect(reply!.text).toContain("没有符合“北京市 1999年”的数据");
    expect(env.server.callsTo("sendDocument").filter((c) => Number(c.params.chat_id) === 4203)).toEqual([]);
  });
});
