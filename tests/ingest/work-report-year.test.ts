/**
 * The year of a work report is the year whose work it plans. Example corpus: report openings
 * and outlines written the way Chinese work reports are written (review headings, plan
 * headings, delivery dates of January or December, five-year plans), each with the year it
 * must read as.
 */
import { describe, expect, it } from "vitest";
import { workReportYear } from "../../src/ingest/work-report-year.js";

/** A report: its titles, its head lines (subtitle, speaker) and its body, and the year it plans. */
const EXAMPLES: Array<{ what: string; titles: string[]; head: string; body: string; year: number }> = [
  {
    what: "delivered in January, review and plan headings",
    titles: ["政府工作报告"],
    head: "——2023年1月12日在市第十七届人民代表大会第二次会议上",
    body: "一、2022年工作回顾\n过去一年，全市…。\n二、2023年工作安排\n今年经济社会发展的主要预期目标是…。",
    year: 2023,
  },
  {
    what: "delivered in December: it plans the next year",
    titles: ["某市政府工作报告（2024年12月25日 某某）"],
    head: "2024年12月25日在市第八届人民代表大会第四次会议\n市长某某",
    body: "一、2024年工作回顾\n今年以来，全市…。\n二、2025年工作安排\n2025年是“十四五”规划收官之年。",
    year: 2025,
  },
  {
    what: "delivered in November, the plan heading names the year",
    titles: ["市人民政府工作报告（2012）"],
    head: "——2011年11月15日在市第十五届人民代表大会第一次会议上",
    body: "一、五年政府工作回顾\n…。\n三、2012年工作安排\n…。",
    year: 2012,
  },
  {
    what: "a review of one year in a heading with the review of the government's term",
    titles: ["政府工作报告"],
    head: "",
    body: "一、2022年和本届政府工作回顾\n…。\n二、今后五年的目标任务\n…。",
    year: 2023,
  },
  {
    what: "a Chinese-numeral delivery date",
    titles: ["政府工作报告"],
    head: "——二〇二一年一月二十三日在市第十五届人民代表大会第四次会议上",
    body: "一、“十三五”时期经济社会发展回顾\n…。\n二、“十四五”时期主要目标任务\n…。",
    year: 2021,
  },
  {
    what: "a dated bracket line with the date only",
    titles: ["政府工作报告"],
    head: "（2000年1月20日）",
    body: "一、1999年工作的回顾\n…。",
    year: 2000,
  },
  {
    what: "the title's year outweighs a wrongly printed delivery date",
    titles: ["某省2003年政府工作报告"],
    head: "（2010年2月20日 某某）",
    body: "一、过去五年工作回顾\n1998年到2002年，…。\n二、2003年的主要任务\n…。",
    year: 2003,
  },
  {
    what: "a long-range goal in the title is no title year",
    titles: ["关于国民经济和社会发展“九五”计划和2010年远景目标纲要的报告"],
    head: "——1996年2月6日在省第一届人民代表大会第四次会议上",
    body: "…。",
    year: 1996,
  },
  {
    what: "no year but a five-year plan's first year",
    titles: ["政府工作报告"],
    head: "——省第九届人民代表大会第四次会议",
    body: "一、去年及“九五”工作回顾\n去年全省…。\n二、今年及“十五”政府工作的总体要求\n今年是“十五”计划的第一年，…。",
    year: 2001,
  },
  {
    what: "a five-year plan's report",
    titles: ["政府工作报告"],
    head: "",
    body: "现在，我代表市人民政府，向大会作关于国民经济和社会发展第十一个五年规划纲要的报告。\n一、“十五”时期的回顾\n…。",
    year: 2006,
  },
  {
    what: "a review since an earlier year is no review of that year",
    titles: ["2007年政府工作报告"],
    head: "",
    body: "一、2003年以来工作回顾\n…。",
    year: 2007,
  },
  {
    what: "a target reached in a review heading is no plan",
    titles: ["政府工作报告"],
    head: "——2014年1月20日在州第十三届人民代表大会第五次会议上",
    body: "一、发挥各方面积极性，较好完成2013年目标任务\n…。",
    year: 2014,
  },
  {
    what: "a review phrase in the opening",
    titles: ["政府工作报告"],
    head: "",
    body: "各位代表：\n刚刚过去的2007年，是我市发展历程中很不平凡的一年。",
    year: 2008,
  },
];

describe("the year a work report plans", () => {
  for (const e of EXAMPLES) {
    it(e.what, () => {
      expect(workReportYear(e.titles, e.head, e.body)?.year).toBe(e.year);
    });
  }

  it("shows the words it read the year from", () => {
    const reading = workReportYear(
      ["政府工作报告"],
      "2024年12月25日在市人民代表大会会议",
      "一、2024年工作回顾\n…。",
    );
    expect(reading).toEqual({
      year: 2025,
      evidence: "“一、2024年工作回顾”（回顾2024年）；“2024年12月25日”（12月作报告，部署下一年）",
    });
  });

  it("names no year when the report names none", () => {
    expect(
      workReportYear(["政府工作报告"], "", "各位代表：\n现在，我代表市人民政府向大会报告工作。"),
    ).toBeNull();
  });
});
