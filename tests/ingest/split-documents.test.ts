/**
 * One file, several documents: a saved collection of a district's bulletins of three years
 * (only the newest keeps its title line) and a file of two work reports, written the way such
 * documents are, are split at each new head naming another year; every part gets its own
 * metadata and id, and every part's text maps back to the file verbatim.
 */
import { describe, expect, it } from "vitest";
import { documentStarts } from "../../src/ingest/split-documents.js";
import { readDocumentBytes } from "../../src/ingest/read-document.js";
import { rawSlice } from "../../src/ingest/mapped-text.js";

/** One year's bulletin body: opening paragraph and chapters, as district bulletins read. */
function bulletinBody(year: number, gdp: string): string {
  return [
    `${year}年，在市委市政府和区委区政府正确领导下，全区经济社会保持平稳发展。`,
    "",
    "一、综合",
    "",
    `${year}年，鞍山市铁东区地区生产总值完成${gdp}亿元，按可比价格计算，同比增长5.1%。`,
    "",
    "二、工业",
    "",
    `${year}年，全区规模以上工业增加值同比增长6.2%。`,
    "",
    "三、国内贸易",
    "",
    `全年社会消费品零售总额完成132.${year % 10}亿元，同比增长4.0%。`,
    "",
  ].join("\n");
}

const COLLECTION = [
  "鞍山市铁东区2023年国民经济和社会发展统计公报",
  "",
  bulletinBody(2023, "314.6"),
  bulletinBody(2022, "285.9"),
  bulletinBody(2021, "280.2"),
].join("\n");

/** One city's work report of a year, delivered in January. */
function workReport(year: number): string {
  return [
    `${year}年政府工作报告`,
    `——${year}年1月10日在鞍山市第十七届人民代表大会第${year - 2020}次会议上`,
    "鞍山市市长",
    "各位代表：",
    "现在，我代表市人民政府，向大会报告工作，请予审议。",
    `一、${year - 1}年工作回顾`,
    `${year - 1}年，全市地区生产总值增长4.5%。`,
    `二、${year}年工作安排`,
    `${year}年全市经济社会发展的主要预期目标是：地区生产总值增长5.5%左右。`,
    "",
  ].join("\n");
}

describe("documentStarts", () => {
  it("splits a saved collection of three years' bulletins at each untitled opening", () => {
    const starts = documentStarts(COLLECTION);
    expect(starts.map((s) => COLLECTION.slice(s, s + 9))).toEqual(["2022年，在市委", "2021年，在市委"]);
  });

  it("splits a file of two work reports at the second title", () => {
    const text = `${workReport(2024)}${workReport(2023)}`;
    expect(documentStarts(text).map((s) => text.slice(s, s + 11))).toEqual(["2023年政府工作报告"]);
  });

  it("keeps one bulletin whole: a chapter's own first paragraph names the year again", () => {
    expect(
      documentStarts(["鞍山市铁东区2023年国民经济和社会发展统计公报", bulletinBody(2023, "1")].join("\n")),
    ).toEqual([]);
  });

  it("keeps one work report whole: its review and plan headings name two years", () => {
    expect(documentStarts(workReport(2024))).toEqual([]);
  });
});

describe("reading a file of several documents", () => {
  it("gives each part its id, part number, year and the file's region, quoting the file verbatim", async () => {
    const bytes = Buffer.from(COLLECTION, "utf8");
    const read = await readDocumentBytes("tiedong-bulletins.txt", bytes, {});
    if (!read.ok) throw new Error(read.problem.reason);
    expect(
      read.documents.map((d) => [d.meta.id, d.meta.part, d.meta.region, d.meta.period, d.meta.kind]),
    ).toEqual([
      ["tiedong-bulletins#1", 1, "铁东区", "2023年", "统计公报"],
      ["tiedong-bulletins#2", 2, "铁东区", "2022年", "统计公报"],
      ["tiedong-bulletins#3", 3, "铁东区", "2021年", "统计公报"],
    ]);
    expect(read.document).toBe(read.documents[0]);
    expect(read.documents[0]!.meta.title).toBe("鞍山市铁东区2023年国民经济和社会发展统计公报");
    // The older bulletins have no title line: theirs is composed, and a note says so.
    expect(read.documents[1]!.meta.title).toBe("鞍山市铁东区2022年统计公报");
    expect(read.documents[1]!.meta.notes.map((n) => n.code)).toContain("title-composed");
    for (const d of read.documents) {
      expect(d.meta.file).toBe("tiedong-bulletins.txt");
      const figure = d.text.indexOf("地区生产总值完成");
      const quote = rawSlice(d.raw, d.offsets, figure, figure + 20);
      expect(COLLECTION).toContain(quote);
      expect(quote).toBe(d.text.slice(figure, figure + 20));
    }
    expect(read.documents[2]!.text).toContain("280.2亿元");
    expect(read.documents[2]!.text).not.toContain("285.9亿元");
  });
});
