/**
 * Regression: documents without an ordinary title line were skipped whole ("cannot detect
 * title, kind"). Heads written the way such documents arrive: a bulletin whose title banner was
 * an image (its text starts with the issuing bureau and a date), a bulletin whose first line is
 * only `2024 [1]`, a work report whose first line is its subtitle, one delivered in December.
 */
import { describe, expect, it } from "vitest";
import { readDocumentBytes } from "../../src/ingest/read-document.js";

async function metaOf(text: string) {
  const read = await readDocumentBytes("doc.txt", Buffer.from(text, "utf8"), {});
  if (!read.ok) throw new Error(read.problem.reason);
  const m = read.document.meta;
  return [m.regionPath.join(""), m.period, m.kind, m.title];
}

describe("documents without a title line", () => {
  it("a bulletin whose text starts with the issuing bureau and a date", async () => {
    expect(
      await metaOf(
        "洛阳市统计局\n2024年3月28日\n2023年，全市上下坚持稳中求进工作总基调，经济运行持续回升向好。\n一、综合\n初步核算，全年全市地区生产总值5482.7亿元。",
      ),
    ).toEqual(["河南省洛阳市", "2023年", "统计公报", "洛阳市2023年统计公报"]);
  });

  it("a bulletin whose first line is only its year and a footnote mark", async () => {
    expect(
      await metaOf(
        "2024 [1]\n\n2024年，面对外部压力加大、内部困难增多的复杂严峻形势，全市经济运行总体平稳。\n一、综合\n初步核算，全年成都市地区生产总值23511.3亿元。\n二、农业\n全年粮食播种面积…。",
      ),
    ).toEqual(["四川省成都市", "2024年", "统计公报", "成都市2024年统计公报"]);
  });

  it("a work report whose first line is its subtitle", async () => {
    expect(
      await metaOf(
        "—2017年2月11日在海拉尔区第十届人民代表大会第一次会议上\n区长 某某\n各位代表：\n现在，我代表区人民政府向大会报告工作，请予审议。\n一、2016年工作回顾\n全区地区生产总值增长7%。",
      ),
    ).toEqual([
      "内蒙古自治区呼伦贝尔市海拉尔区",
      "2017年",
      "政府工作报告",
      "呼伦贝尔市海拉尔区2017年政府工作报告",
    ]);
  });

  it("a work report delivered in December is filed under the year it plans", async () => {
    expect(
      await metaOf(
        "张家界市政府工作报告（2024年12月25日 王某）\n2024年12月25日在张家界市第八届人民代表大会第四次会议\n市长 王某\n各位代表：\n现在，我代表市人民政府，向大会报告政府工作。\n一、2024年工作回顾\n今年以来，全市…。\n二、2025年工作安排\n2025年全市经济社会发展的主要预期目标是：地区生产总值增长6%左右。",
      ),
    ).toEqual(["湖南省张家界市", "2025年", "政府工作报告", "张家界市政府工作报告（2024年12月25日王某）"]);
  });
});
