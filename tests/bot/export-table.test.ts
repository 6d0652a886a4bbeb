/** What an export keeps (export-table.ts) and how /export reads its words (export-feature.ts). */
import { describe, expect, it } from "vitest";
import { loadVocabulary } from "../../src/indicators/aliases.js";
import { parseExportRequest } from "../../src/bot/export-feature.js";
import { clearSubject, indicatorHeads, indicatorTitle } from "../../src/bot/export-table.js";
import type { IndicatorRow } from "../../src/types.js";

const heads = indicatorHeads(loadVocabulary());

describe("clear subjects", () => {
  it.each(["满意率", "绿地面积", "技术合同登记额", "普通高中升学率", "当月成交额"])(
    "%s names what is counted",
    (p) => {
      expect(clearSubject(p, heads)).toBe(true);
    },
  );
  it.each([
    "二",
    "合格率全部",
    "对全区",
    "和普惠率",
    "确保",
    "“全程网办”事项占比",
    "从2021年至2024年老旧小区改造",
  ])("%s does not", (p) => {
    expect(clearSubject(p, heads)).toBe(false);
  });
});

describe("export titles read like captions", () => {
  it("names the places, the periods the rows hold and what", () => {
    const row = (region: string, period: string, indicator: string) => ({ region, period, indicator });
    expect(
      indicatorTitle([row("铁东区", "2023年", "地区生产总值"), row("铁东区", "2022年", "地区生产总值")]),
    ).toBe("铁东区2022年、2023年地区生产总值");
    expect(
      indicatorTitle([row("铁东区", "2023年", "地区生产总值"), row("铁东区", "2023年", "税收收入")]),
    ).toBe("铁东区2023年主要指标");
    const years = ["2019年", "2020年", "2021年", "2022年"].map((p) => row("铁东区", p, "税收收入"));
    expect(indicatorTitle(years)).toBe("铁东区2019年至2022年税收收入");
  });
});

describe("/export words", () => {
  const rows = [
    { region: "铁东区", period: "2023年", indicator: "地区生产总值" },
    { region: "铁东区", period: "2023年上半年", indicator: null },
    { region: "立山区", period: "2024年上半年", indicator: "地区生产总值" },
  ] as unknown as IndicatorRow[];

  it("a format word is never a filter (regression: /export CSV → 没有符合“CSV”的数据)", () => {
    expect(parseExportRequest("CSV", { rows })).toMatchObject({
      format: "csv",
      lastAnswer: true,
      unmatched: "",
    });
    expect(parseExportRequest("xlsx", { rows })).toMatchObject({ format: "xlsx", lastAnswer: true });
    expect(parseExportRequest("铁东区 2023 Excel", { rows })).toMatchObject({
      format: "xlsx",
      lastAnswer: false,
      filter: { regions: ["铁东区"], periods: ["2023年", "2023年上半年"] },
      unmatched: "",
    });
  });

  it("nothing named means the last answer; words that match nothing are kept as unmatched", () => {
    expect(parseExportRequest("", { rows })).toMatchObject({ format: null, lastAnswer: true });
    expect(parseExportRequest("北京市 1999年", { rows }).unmatched).toBe("北京市 1999年");
    expect(parseExportRequest("任务 市发展改革委", { rows })).toMatchObject({
      tasks: true,
      text: "市发展改革委",
    });
  });
});
