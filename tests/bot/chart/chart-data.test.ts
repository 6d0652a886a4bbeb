/** Chart data from answers and a hand-built indicator table (the pure part of the charts). */
import { describe, expect, it } from "vitest";
import type { CorpusTables } from "../../../src/answer/answer-service.js";
import { buildChart, growthLabel, offeredCharts } from "../../../src/bot/chart/chart-data.js";
import type { IndicatorRow } from "../../../src/types.js";
import { makeAnswer, makeCitation, makeFact, TIEDONG_2023_TITLE } from "../fixtures.js";

let n = 0;
function row(
  period: string,
  value: string,
  number: number,
  unit: string,
  extra: Partial<IndicatorRow> = {},
): IndicatorRow {
  const doc = `tiedong-${period.slice(0, 4)}`;
  return {
    id: `r${++n}`,
    region: "铁东区",
    period,
    indicator: "社会消费品零售总额",
    phrase: "社会消费品零售总额",
    value: { text: value, numeral: String(number), number, unit, canonicalUnit: unit },
    growth: null,
    basis: null,
    nature: "result",
    qualifier: null,
    clause: "",
    source: { docId: doc, sectionId: `${doc}#1`, start: 100, end: 124 },
    ...extra,
  };
}

function tables(rows: IndicatorRow[]): CorpusTables {
  return {
    rows,
    tasks: [],
    meta: (docId) => ({ title: docId === "tiedong-2023" ? TIEDONG_2023_TITLE : docId }) as never,
    quote: () => "",
    section: () => "一、综合",
  };
}

describe("series", () => {
  it("every period of the same kind and unit, oldest first; other units and half-years left out", () => {
    const t = tables([
      row("2023年", "140.1亿元", 140.1, "亿元"),
      row("2021年", "118.2亿元", 118.2, "亿元"),
      row("2022年", "1284000万元", 1284000, "万元"),
      row("2024年上半年", "70.2亿元", 70.2, "亿元"),
      row("2023年", "9%", 9, "%", { nature: "target" }),
    ]);
    const chart = buildChart("series", makeAnswer(), t)!;
    expect(chart.title).toBe("铁东区 社会消费品零售总额（亿元）");
    expect(chart.points.map((p) => [p.label, p.text])).toEqual([
      ["2021年", "118.2亿元"],
      ["2023年", "140.1亿元"],
    ]);
    expect(chart.sources).toEqual(["《tiedong-2021》 一、综合", `《${TIEDONG_2023_TITLE}》 一、综合`]);
  });

  it("one period only: no chart offered", () => {
    expect(offeredCharts(makeAnswer(), tables([row("2023年", "140.1亿元", 140.1, "亿元")]))).toEqual([]);
  });

  it("a page on the citation is shown as 第N页", () => {
    const answer = makeAnswer({
      citations: [{ ...makeCitation({ docId: "tiedong-2023" }), page: 3 } as never],
    });
    const t = tables([row("2022年", "128.4亿元", 128.4, "亿元"), row("2023年", "140.1亿元", 140.1, "亿元")]);
    expect(buildChart("series", answer, t)!.sources[1]).toBe(`《${TIEDONG_2023_TITLE}》 一、综合，第3页`);
  });
});

describe("compare and growth", () => {
  it("a comparison charts the published facts; the computed difference is a note marked 计算值", () => {
    const answer = makeAnswer({
      intent: "compare",
      facts: [
        makeFact({ period: "2022年", value: "128.4亿元", number: 128.4, growth: null }),
        makeFact({ period: "2023年", value: "140.1亿元", number: 140.1, growth: "同比增长9.1%" }),
        makeFact({
          period: "2022年→2023年",
          indicator: "社会消费品零售总额变化",
          value: "11.7亿元",
          computed: true,
          citation: null,
        }),
      ],
    });
    const chart = buildChart("compare", answer, tables([]))!;
    expect(chart.points.map((p) => p.text)).toEqual(["128.4亿元", "140.1亿元\n同比增长9.1%"]);
    expect(chart.computedNotes).toEqual(["2022年→2023年 社会消费品零售总额变化：11.7亿元（计算值）"]);
  });

  it("growth rates: one bar per catalogue indicator, labels as published", () => {
    const g = (text: string, percent: number, figure: string) => ({ text, percent, figure });
    const t = tables([
      row("2023年", "140.1亿元", 140.1, "亿元", { growth: g("同比增长9.1%", 9.1, "9.1%") }),
      row("2023年", "13.3亿元", 13.3, "亿元", {
        indicator: "商品房销售额",
        growth: g("同比下降35.5%", -35.5, "35.5%"),
      }),
      row("2023年", "1亿元", 1, "亿元", { indicator: null, growth: g("增长1%", 1, "1%") }),
    ]);
    const chart = buildChart("growth", makeAnswer({ intent: "growth" }), t)!;
    expect(chart.title).toBe("铁东区2023年 主要指标增速（%）");
    expect(chart.points.map((p) => [p.label, p.value, p.text])).toEqual([
      ["社会消费品零售总额", 9.1, "9.1%"],
      ["商品房销售额", -35.5, "下降35.5%"],
    ]);
    expect(growthLabel({ growth: g("同比增长-26.4%", -26.4, "-26.4%") })).toBe("-26.4%");
  });
});
