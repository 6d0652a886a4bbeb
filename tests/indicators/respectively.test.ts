import { describe, expect, it } from "vitest";
import { findRespectively } from "../../src/indicators/respectively.js";

const pairs = (statement: string) =>
  findRespectively(statement).map((r) => ({
    change: r.change,
    pairs: r.pairs.map((p) => [p.subject, p.figure?.text ?? null, p.growth?.text ?? null]),
  }));

describe("findRespectively", () => {
  it("binds each rate of a 分别 list to its own subject", () => {
    expect(pairs("“五经普”总产出和户均增加值与“四经普”相比分别增长89.7%、77%，数据质量位列前列。")).toEqual([
      {
        change: null,
        pairs: [
          ["“五经普”总产出和户均增加值与“四经普”相比", null, "增长89.7%"],
          ["“五经普”总产出和户均增加值与“四经普”相比", null, "增长77%"],
        ],
      },
    ]);
    expect(
      pairs("四川天府新区成都直管区、成都高新区、成都东部新区完成投资分别增长8.9%、8.5%、7.7%。"),
    ).toEqual([
      {
        change: null,
        pairs: [
          ["四川天府新区成都直管区", null, "增长8.9%"],
          ["成都高新区", null, "增长8.5%"],
          ["成都东部新区完成投资", null, "增长7.7%"],
        ],
      },
    ]);
  });

  it("distributes 城乡 and 三次产业 over their figures, and a following 同比分别 to the same subjects", () => {
    expect(pairs("城乡常住居民人均可支配收入分别完成37820元、28104元，同比分别增长6.5%、9.4%。")).toEqual([
      {
        change: null,
        pairs: [
          ["城镇常住居民人均可支配收入", "37820元", "增长6.5%"],
          ["农村常住居民人均可支配收入", "28104元", "增长9.4%"],
        ],
      },
    ]);
    expect(pairs("三次产业对经济增长的贡献率分别为2.0%、28.6%和69.4%。")[0]!.pairs.map((p) => p[0])).toEqual([
      "第一产业对经济增长的贡献率",
      "第二产业对经济增长的贡献率",
      "第三产业对经济增长的贡献率",
    ]);
  });

  it("marks figures after 增加 as changes, not levels", () => {
    expect(pairs("城乡居民人均可支配收入分别增加2279元和1762元，分别增长6.3%和9.9%；")).toEqual([
      {
        change: "增加",
        pairs: [
          ["城镇居民人均可支配收入", "2279元", "增长6.3%"],
          ["农村居民人均可支配收入", "1762元", "增长9.9%"],
        ],
      },
    ]);
  });
});
