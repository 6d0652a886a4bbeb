import { describe, expect, it } from "vitest";
import { loadVocabulary } from "../../src/indicators/aliases.js";
import { extractIndicators } from "../../src/indicators/extract-indicators.js";
import {
  announcesTargets,
  reportParts,
  reportYears,
  spanOfHeading,
  spanOfOpener,
} from "../../src/indicators/report-parts.js";
import { normaliseDocument } from "../../src/ingest/normalise.js";
import { parseSections } from "../../src/sections/parse-sections.js";
import type { CorpusDocument, DocumentMeta } from "../../src/types.js";

const vocabulary = loadVocabulary();

/** A work report of `year` (the year it plans) with the given text. */
function report(year: number, raw: string): CorpusDocument {
  const meta = {
    id: "r",
    file: "r.md",
    title: `${year}年某市政府工作报告`,
    city: "某市",
    district: null,
    region: "某市",
    regionCode: "",
    regionPath: ["某市"],
    period: `${year}年`,
    year,
    kind: "政府工作报告",
    script: "simplified",
    encoding: "utf-8",
    notes: [],
    sha256: "",
  } as unknown as DocumentMeta;
  const n = normaliseDocument(raw);
  return { meta, raw, text: n.text, offsets: n.offsets };
}

/** `indicator figure → period nature` for every catalogued row. */
function periods(year: number, raw: string): string[] {
  const doc = report(year, raw);
  return extractIndicators({ doc, sections: parseSections(doc), vocabulary })
    .filter((r) => r.indicator)
    .map((r) => `${r.indicator} ${r.value?.text ?? r.growth!.text} → ${r.period} ${r.nature}`);
}

const ADDRESS = "各位代表：\n\n现在，我代表市人民政府向大会报告工作，请予审议。\n\n";

/**
 * The example corpus of statement periods in work reports: how reports of every era write
 * their review and plan, each with the period and nature its figures must get. Written from
 * how such reports are composed, not copied from any document or question.
 */
describe("statement periods of a work report", () => {
  it("reads a review and a plan under bare-line headings", () => {
    expect(
      periods(
        2021,
        `${ADDRESS}2020年工作回顾\n\n全市地区生产总值增长3.1%，固定资产投资增长5%。\n\n2021年工作安排\n\n地区生产总值增长7%左右，固定资产投资增长8%。`,
      ),
    ).toEqual([
      "地区生产总值 增长3.1% → 2020年 result",
      "固定资产投资 增长5% → 2020年 result",
      "地区生产总值 增长7% → 2021年 target",
      "固定资产投资 增长8% → 2021年 target",
    ]);
  });

  it("reads the review from the address on, when no heading opens it", () => {
    expect(
      periods(
        2006,
        `${ADDRESS}全市生产总值达到820亿元，增长12.5%。\n\n今年全市经济社会发展的主要预期目标是：生产总值增长11%。`,
      ),
    ).toEqual(["地区生产总值 820亿元 → 2005年 result", "地区生产总值 增长11% → 2006年 target"]);
  });

  it("reads paragraphs opened by their period: 过去的一年, 五年来, 今年", () => {
    expect(
      periods(
        2018,
        `${ADDRESS}过去的一年，全市生产总值增长7.8%。\n\n五年来，全市生产总值年均增长8.6%。\n\n今年，全市生产总值增长7.5%左右。`,
      ),
    ).toEqual([
      "地区生产总值 增长7.8% → 2017年 result",
      "地区生产总值 年均增长8.6% → 2013—2017年 result",
      "地区生产总值 增长7.5% → 2018年 target",
    ]);
  });

  it("reads 今年 and 明年 from the delivery date: a December report reviews its own year", () => {
    const head = "政府工作报告\n\n——2024年12月20日在市第五届人民代表大会第五次会议上\n\n";
    expect(
      periods(
        2025,
        `${head}${ADDRESS}今年以来，全市地区生产总值预计增长5.3%。\n\n明年经济社会发展的主要预期目标是：地区生产总值增长5.5%左右。`,
      ),
    ).toEqual(["地区生产总值 增长5.3% → 2024年 result", "地区生产总值 增长5.5% → 2025年 target"]);
  });

  it("gives a span its own period: 过去五年, “十四五”时期, 今后五年, 年均", () => {
    expect(
      periods(
        2021,
        `${ADDRESS}一、“十三五”时期工作回顾\n\n全市地区生产总值年均增长6.8%。\n\n二、“十四五”时期主要目标任务\n\n地区生产总值年均增长6%左右。\n\n三、2021年工作安排\n\n地区生产总值增长7%以上。`,
      ),
    ).toEqual([
      "地区生产总值 年均增长6.8% → 2016—2020年 result",
      "地区生产总值 年均增长6% → 2021—2025年 target",
      "地区生产总值 增长7% → 2021年 target",
    ]);
  });

  it("keeps a level target of a year apart from the average growth of the years up to it", () => {
    expect(
      periods(2021, `${ADDRESS}今后五年的主要目标：到2025年，地区生产总值达到900亿元、年均增长6.5%左右。`),
    ).toEqual(["地区生产总值 900亿元 → 2025年 target", "地区生产总值 年均增长6.5% → 2021—2025年 target"]);
  });

  it("reads a target recalled in a review as the reviewed year's, and an estimate as its result", () => {
    expect(
      periods(
        2016,
        `${ADDRESS}2015年工作回顾\n\n全面完成年初确定的地区生产总值增长8%的目标。预计全年地区生产总值增长8.3%。`,
      ),
    ).toEqual(["地区生产总值 增长8% → 2015年 target", "地区生产总值 增长8.3% → 2015年 result"]);
  });

  it("reads a later statement of a paragraph by its own opening words", () => {
    expect(
      periods(
        2016,
        `${ADDRESS}2016年工作安排\n\n2016年是“十三五”的开局之年。过去一年，全市上下奋力拼搏。全市地区生产总值增长6.9%。\n\n地区生产总值增长6.5%左右。`,
      ),
    ).toEqual(["地区生产总值 增长6.9% → 2015年 result", "地区生产总值 增长6.5% → 2016年 target"]);
  });

  it("reads a plan's name opening a statement as a span only with a word of time", () => {
    expect(
      periods(
        2022,
        `${ADDRESS}一年来，我们稳中求进。“十四五”实现良好开局，一般公共预算收入增长12%。“十四五”时期，全市生产总值年均增长7%。`,
      ),
    ).toEqual(["一般公共预算收入 增长12% → 2021年 result", "地区生产总值 年均增长7% → 2021—2025年 target"]);
  });

  it("reads a plan excerpt without address or headings as the planned year's targets", () => {
    expect(periods(2023, "全年城镇新增就业不低于7000人，城镇登记失业率控制在4%以内。")).toEqual([
      "城镇新增就业 7000人 → 2023年 target",
      "城镇登记失业率 4% → 2023年 target",
    ]);
  });

  it("keeps the figures of a district or zone out of the region's indicators", () => {
    expect(
      periods(
        2022,
        `${ADDRESS}2022年工作安排\n\n地区生产总值增长6%。高新区生产总值达到300亿元。经济开发区要加快建设，力争生产总值增长15%。`,
      ),
    ).toEqual(["地区生产总值 增长6% → 2022年 target"]);
    expect(
      periods(
        2022,
        `${ADDRESS}2022年工作安排\n\n（三）全力推进临港经济技术开发区建设。对标一流园区，全年实现生产总值增长15%以上。全市生产总值增长6%。`,
      ),
    ).toEqual(["地区生产总值 增长6% → 2022年 target"]);
  });

  it("reads 今年以来 in a report delivered in its year as the months so far", () => {
    expect(
      periods(2022, `${ADDRESS}2022年工作安排\n\n今年以来，全市上下积极应对疫情冲击，地区生产总值增长3.1%。`),
    ).toEqual(["地区生产总值 增长3.1% → 2022年以来 result"]);
  });
});

describe("the cues of parts", () => {
  const years = { planned: 2024, delivered: 2024 };

  it("reads headings by their years and words", () => {
    const span = (h: string) => spanOfHeading(h, years);
    expect(span("2023年工作回顾")).toEqual({ role: "review", from: 2023, to: 2023 });
    expect(span("过去一年的工作回顾")).toEqual({ role: "review", from: 2023, to: 2023 });
    expect(span("过去五年工作回顾")).toEqual({ role: "review", from: 2019, to: 2023 });
    expect(span("本届政府工作回顾")).toEqual({ role: "review", from: 2019, to: 2023 });
    expect(span("2019年以来工作回顾")).toEqual({ role: "review", from: 2019, to: 2023 });
    expect(span("2024年工作安排")).toEqual({ role: "plan", from: 2024, to: 2024 });
    expect(span("2023年政府的主要工作")).toEqual({ role: "review", from: 2023, to: 2023 });
    expect(span("今后五年的目标任务")).toEqual({ role: "plan", from: 2024, to: 2028 });
    expect(span("“十五五”时期主要目标任务")).toEqual({ role: "plan", from: 2026, to: 2030 });
    expect(span("全面完成了市人大确定的各项目标任务")).toEqual({ role: "review", from: 2023, to: 2023 });
    expect(span("名词解释")).toEqual({ role: "review", from: 2023, to: 2023 });
    expect(span("突出城市建设，提升城市形象")).toBeNull();
    expect(span("推进“八五”普法")).toBeNull();
  });

  it("reads a paragraph's opening words, never words inside its first clause", () => {
    const span = (p: string) => spanOfOpener(p, years);
    expect(span("过去的一年，是极不平凡的一年。")).toEqual({ role: "review", from: 2023, to: 2023 });
    expect(span("各位代表！一年来，我们…")).toEqual({ role: "review", from: 2023, to: 2023 });
    expect(span("回顾过去五年，我们深切体会到…")).toEqual({ role: "review", from: 2019, to: 2023 });
    expect(span("2024年是全面贯彻…的关键之年。")).toEqual({ role: "plan", from: 2024, to: 2024 });
    expect(span("新的一年，我们要…")).toEqual({ role: "plan", from: 2024, to: 2024 });
    expect(span("上年，全市经济运行总体平稳。")).toEqual({ role: "review", from: 2023, to: 2023 });
    expect(span("预期今年全省地区生产总值增长6%左右")).toEqual({ role: "plan", from: 2024, to: 2024 });
    expect(span("预计全年地区生产总值增长5%")).toEqual({ role: "review", from: 2023, to: 2023 });
    expect(span("比上年增长5%")).toBeNull();
    expect(span("面对今年初突发的疫情，我们…")).toBeNull();
    expect(span("聚焦未来五年发展目标，综合考虑…")).toBeNull();
    expect(span("2019年，全市…")).toBeNull();
  });

  it("tells announced targets from recalled ones", () => {
    expect(announcesTargets("综合考虑各方面因素，今年经济社会发展的主要预期目标是：", years)).toBe(true);
    expect(announcesTargets("全市经济社会发展的主要预期目标为：", years)).toBe(true);
    expect(announcesTargets("建议2024年全市主要预期目标为：", years)).toBe(true);
    expect(announcesTargets("今后五年的主要预期目标是：", years)).toBe(false);
    expect(announcesTargets("年初确定的主要预期目标是：", years)).toBe(false);
  });

  it("takes the delivered year from a date in the head", () => {
    expect(reportYears(2025, "（2024年12月25日在市人民代表大会上）")).toEqual({
      planned: 2025,
      delivered: 2024,
    });
    expect(reportYears(2025, "——2025年1月20日在市人民代表大会上")).toEqual({
      planned: 2025,
      delivered: 2025,
    });
    expect(reportYears(2025, "各位代表：")).toEqual({ planned: 2025, delivered: 2025 });
  });

  it("starts the review at the address and a part at each heading or opening that names one", () => {
    const text = `标题\n${ADDRESS}2023年工作回顾\n\n一、经济平稳增长\n\n2024年工作安排\n\n今年要…`;
    expect(reportParts(text, years).map((p) => `${p.role} ${p.from}-${p.to}`)).toEqual([
      "review 2023-2023",
      "review 2023-2023",
      "plan 2024-2024",
      "plan 2024-2024",
    ]);
  });
});
