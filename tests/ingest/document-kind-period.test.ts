/**
 * Kinds and periods as documents write them. Example corpora: titles and heads of bulletins,
 * work reports, plan reports and notices (written from the language, national and local, old
 * and new), each with the kind or period it must read as; and Chinese dates and years.
 */
import { describe, expect, it } from "vitest";
import { findDates, findYears, readCount, readYear } from "../../src/ingest/chinese-dates.js";
import { readKind } from "../../src/ingest/detect-kind.js";
import { readHead } from "../../src/ingest/document-head.js";
import { documentPeriod } from "../../src/ingest/document-period.js";
import { planOrdinal, planYears } from "../../src/ingest/five-year-plans.js";

describe("Chinese years and dates", () => {
  it("reads years in Arabic and Chinese digits", () => {
    expect(["2019", "一九七八", "二〇二一", "一九八○", "二零零五", "1899", "五千六百"].map(readYear)).toEqual(
      [2019, 1978, 2021, 1980, 2005, null, null],
    );
  });

  it("reads months and days as counted", () => {
    expect(["12", "十", "十二", "二十三", "三十一", "九", "百"].map(readCount)).toEqual([
      12,
      10,
      12,
      23,
      31,
      9,
      null,
    ]);
  });

  it("finds full dates and years that are no part of a date", () => {
    const text = "1979年6月27日\n一九七八年，我国…；二〇二一年一月二十三日在…会议上，2023年1-9月";
    expect(findDates(text).map((d) => [d.year, d.month, d.day])).toEqual([
      [1979, 6, 27],
      [2021, 1, 23],
    ]);
    expect(findYears(text).map((y) => y.year)).toEqual([1978, 2023]);
  });

  it("knows the years of the five-year plans", () => {
    expect(
      ["六五", "九五", "十五", "十一五", "十四五", "十五五"].map((n) => planYears(planOrdinal(n)!)?.first),
    ).toEqual([1981, 1996, 2001, 2006, 2021, 2026]);
  });
});

/** A head (titles and first lines) and the kind it must read as. */
const KINDS: Array<[string, string]> = [
  ["中华人民共和国2017年国民经济和社会发展统计公报\n中华人民共和国国家统计局\n2018年2月28日", "统计公报"],
  ["中华人民共和国国家统计局关于一九七八年国民经济计划执行结果的公报\n1979年6月27日", "统计公报"],
  ["关于1981年国民经济和社会发展计划执行结果的公报", "统计公报"],
  ["洛阳市2023年国民经济和社会发展统计公报", "统计公报"],
  ["2023年政府工作报告\n——2023年1月12日在市第十七届人民代表大会第二次会议上", "政府工作报告"],
  ["湖北省人民政府2004年工作报告", "政府工作报告"],
  [
    "克拉玛依市政工作报告（2020年1月15日 某某）\n各位代表：\n现在，我代表市人民政府向大会报告工作。",
    "政府工作报告",
  ],
  [
    "关于浙江省第七个五年计划的报告\n各位代表:\n现在，我代表省人民政府作关于我省“七五”计划的报告。",
    "政府工作报告",
  ],
  [
    "——2017年2月11日在区第十七届人民代表大会第一次会议上\n各位代表：\n现在，我代表区人民政府向大会报告工作。",
    "政府工作报告",
  ],
  ["关于某区2024年上半年国民经济和社会发展计划执行情况与下半年计划的报告", "计划执行情况报告"],
  ["关于2023年国民经济和社会发展计划执行情况与2024年计划草案的报告", "计划执行情况报告"],
  ["某市人民政府关于印发《2023年市〈政府工作报告〉任务分解和责任分工方案》的通知", "任务分解方案"],
  ["2024年1-9月全区经济运行情况", "经济运行情况"],
  ["关于加快发展数字经济的实施意见", "意见"],
  ["某市统计局\n2024年3月20日\n2023年，全市经济运行稳中有进。\n一、综合\n全年地区生产总值…", "统计公报"],
  ["2023年，全区上下…。", "其他"],
];

describe("the kind of a document", () => {
  for (const [text, kind] of KINDS) {
    it(`${text.split("\n")[0]!.slice(0, 30)} → ${kind}`, () => {
      const head = readHead(text);
      const titles = [head.yamlTitle, ...head.titles].filter((t): t is string => !!t);
      expect(readKind(titles, head.text, text.slice(head.text.length)).kind).toBe(kind);
    });
  }
});

/** A document's beginning and the period it must read as (not a work report). */
const PERIODS: Array<[string, string]> = [
  ["鞍山市铁东区2023年国民经济\n和社会发展统计公报\n2023年，在市委市政府…。", "2023年"],
  ["关于立山区2024年上半年全区国民经济和社会发展计划执行情况与下半年计划的报告", "2024年上半年"],
  ["2024年1-9月全区经济运行情况", "2024年1-9月"],
  [
    "中华人民共和国国家统计局关于一九七八年国民经济计划执行结果的公报\n1979年6月27日\n一九七八年，我国…。",
    "1978年",
  ],
  [
    "---\ntitle: 1980年\n---\n中华人民共和国国家统计局关于一九八〇年国民经济计划执行结果的公报\n1981年4月29日",
    "1980年",
  ],
  ["2024 [1]\n\n2024年，全市经济运行总体平稳。\n一、综合", "2024年"],
  ["某市统计局\n2024年3月20日\n2023年，全市经济运行稳中有进。\n一、综合", "2023年"],
  ["一九八五年，我省工农业生产…。", "1985年"],
];

describe("the period of a document other than a work report", () => {
  for (const [text, period] of PERIODS) {
    it(`${text.replace(/\n/gu, " ").slice(0, 30)} → ${period}`, () => {
      const head = readHead(text);
      const titles = [head.yamlTitle, ...head.titles].filter((t): t is string => !!t);
      expect(documentPeriod(titles, head, text)?.period).toBe(period);
    });
  }
});
