/** /help's example questions, built from what is held (help-examples.ts). */
import { describe, expect, it } from "vitest";
import type { Holding } from "../../src/answer/catalog.js";
import { followUpHint, heldExamples, periodPair, type HeldCorpus } from "../../src/bot/help-examples.js";
import { helpText, startText } from "../../src/bot/texts.js";

/** A document held: region, own period, kind (the rest as the catalogue fills it). */
function holding(region: string, period: string, kind = "统计公报"): Holding {
  const year = Number(period.slice(0, 4));
  return {
    region,
    regionPath: [region],
    year,
    period,
    kind,
    title: "",
    docId: `${region}${period}`,
    periods: [period],
  };
}

/** Two bulletins of 甲县 (2020, 2021), a half-year report of 乙区 (2022), a task list of 丙市. */
function corpus(over: Partial<HeldCorpus> = {}): HeldCorpus {
  const indicators: Record<string, string[]> = {
    "甲县|2020年": ["地区生产总值", "粮食产量"],
    "甲县|2021年": ["地区生产总值", "粮食产量", "财政收入"],
    "乙区|2022年上半年": ["规模以上工业增加值", "社会消费品零售总额"],
  };
  return {
    holdings: [
      holding("甲县", "2020年"),
      holding("甲县", "2021年"),
      holding("乙区", "2022年上半年", "计划执行情况报告"),
      holding("丙市", "2022年", "任务分解方案"),
    ],
    indicatorsOf: (region, period) => indicators[`${region}|${period}`] ?? [],
    tasks: [
      { number: 1, lead: "市统计局" },
      { number: 2, lead: "市交通局、市统计局" },
      { number: 3, lead: null },
      { number: 4, lead: "市交通局" },
      { number: 5, lead: "市水利局、市统计局" },
    ],
    ...over,
  };
}

describe("heldExamples", () => {
  it("asks a figure of the latest place with figures, compares one region's two years, asks tasks, cites", () => {
    expect(heldExamples(corpus())).toEqual([
      "乙区2022年上半年规模以上工业增加值是多少",
      "对比甲县2020年和2021年的地区生产总值",
      "市统计局牵头哪些任务",
      "第4项任务由谁牵头",
      "/cite 乙区2022年上半年社会消费品零售总额",
    ]);
  });

  it("skips a place that publishes no catalogued figure (a task list's own year)", () => {
    const [first] = heldExamples(corpus());
    expect(first).not.toContain("丙市");
  });

  it("compares another indicator than the first example's when the two years share one", () => {
    const held = corpus({ holdings: corpus().holdings.filter((h) => h.region !== "乙区") });
    expect(heldExamples(held).slice(0, 2)).toEqual([
      "甲县2021年地区生产总值是多少",
      "对比甲县2020年和2021年的粮食产量",
    ]);
  });

  it("offers no comparison across kinds of period (a half year against a year)", () => {
    const held = corpus({ holdings: [holding("乙区", "2021年"), holding("乙区", "2022年上半年")] });
    expect(periodPair(held.holdings)).toBeNull();
    expect(heldExamples(held).some((q) => q.startsWith("对比"))).toBe(false);
  });

  it("asks no task question without a task list, and nothing at all from an empty corpus", () => {
    expect(heldExamples(corpus({ tasks: [] })).some((q) => q.includes("任务"))).toBe(false);
    expect(heldExamples({ holdings: [], indicatorsOf: () => [], tasks: [] })).toEqual([]);
  });
});

describe("followUpHint", () => {
  it("names the region and the earlier period held", () => {
    expect(followUpHint(corpus().holdings)).toBe(
      "可以接着上一问追问，只说要换的部分：问过甲县2021年的数字后，可以问“那2020年的呢”“增速呢”“原文呢”；换地区就说地区名加“呢”。",
    );
  });

  it("without two periods of a region, the follow-ups that need none", () => {
    expect(followUpHint([holding("乙区", "2022年上半年")])).toBe(
      "可以接着上一问追问，只说要换的部分：例如“增速呢”“原文呢”；换地区就说地区名加“呢”。",
    );
  });
});

describe("help and start with examples", () => {
  it("lists the examples given, and says so when there are none", () => {
    const text = helpText([], corpus().holdings, ["甲县2021年地区生产总值是多少"]).text;
    expect(text).toContain("示例问题：\n• 甲县2021年地区生产总值是多少\n\n命令：");
    expect(helpText([], [], []).text).toContain("示例问题：\n还没有收录可以回答的文件。");
  });

  it("/start shows the first example, or none", () => {
    expect(startText("小王", ["甲县2021年地区生产总值是多少"]).text).toContain(
      "例如：甲县2021年地区生产总值是多少",
    );
    expect(startText(undefined, []).text).not.toContain("例如");
  });
});
