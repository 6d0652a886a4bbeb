/**
 * Rows of a work report's review of several years read as the last year's figure — only where a
 * sentence states that year's level, never a sum, an average, a milestone or a plan. Sentences
 * are written the way reports review a term; the reader is the one lookup the rule needs.
 */
import { describe, expect, it } from "vitest";
import { asLastYearOfReview, withReviewYears } from "../../src/answer/review-rows.js";
import type { CorpusReader } from "../../src/retrieve/corpus-reader.js";
import type { IndicatorRow } from "../../src/types.js";

const reader = {
  meta: (id: string) => (id === "r2024" ? { year: 2024 } : { year: 2021 }),
} as unknown as CorpusReader;

function row(period: string, indicator: string | null, clause: string, docId = "r2024"): IndicatorRow {
  const figure = /(?<![增长\d.])(\d+(?:\.\d+)?)(亿元|元|%)/u.exec(clause);
  return {
    id: clause,
    region: "某市",
    period,
    indicator,
    phrase: indicator ?? "",
    value: figure
      ? {
          text: figure[0],
          numeral: figure[1]!,
          number: Number(figure[1]),
          unit: figure[2]!,
          canonicalUnit: figure[2]!,
        }
      : null,
    growth: /增长/u.test(clause) ? { text: "增长7%", percent: 7, figure: "7%" } : null,
    basis: null,
    nature: "result",
    qualifier: null,
    clause,
    source: { docId, sectionId: "s", start: 0, end: clause.length },
  };
}

describe("a review's rows read as its last year", () => {
  it.each([
    ["2019—2023年", "地区生产总值", "全市生产总值8765亿元、增长7%", "2023年"],
    ["2019—2023年", "森林覆盖率", "森林覆盖率达42.5%", "2023年"],
    ["2019—2023年", "地区生产总值", "全年地区生产总值增长7%", "2023年"],
  ])("%s %s: %s", (period, indicator, clause, expected) => {
    expect(asLastYearOfReview(row(period, indicator, clause), reader)?.period).toBe(expected);
  });

  it.each([
    ["2019—2023年", "地区生产总值", "全市生产总值年均增长7%"],
    ["2019—2023年", "固定资产投资", "累计完成固定资产投资5000亿元"],
    ["2019—2023年", "城镇新增就业", "城镇新增就业50万人"],
    ["2019—2023年", "地区生产总值", "地区生产总值突破8000亿元"],
    ["2019—2023年", "地区生产总值", "地区生产总值比2018年增长40%"],
    ["2019—2023年", "地区生产总值", "地区生产总值增长40%"],
    ["2019—2023年", null, "治理污染企业525家"],
    ["2021—2025年", "地区生产总值", "地区生产总值达到9000亿元"],
  ])("not %s %s: %s", (period, indicator, clause) => {
    expect(asLastYearOfReview(row(period, indicator, clause, "r2021"), reader)).toBeNull();
    expect(asLastYearOfReview(row(period, indicator, clause), reader)).toBeNull();
  });

  it("a figure published for the year itself wins", () => {
    const review = row("2019—2023年", "地区生产总值", "全市生产总值8765亿元、增长7%");
    const own = { ...row("2023年", "地区生产总值", "地区生产总值8766亿元"), id: "own" };
    expect(withReviewYears([review, own], reader).map((r) => r.period)).toEqual(["2019—2023年", "2023年"]);
  });
});
