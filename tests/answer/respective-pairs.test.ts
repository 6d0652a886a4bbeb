import { describe, expect, it } from "vitest";
import { respectivePairs } from "../../src/answer/respective-pairs.js";

describe("respectivePairs", () => {
  it("pairs subjects and figures in order, without the comparison", () => {
    expect(
      respectivePairs(
        "“五经普”总产出和户均增加值与“四经普”相比分别增长 89.7%、77%，数据质量和效率位列全市前列",
      ),
    ).toEqual([
      { subject: "“五经普”总产出", verb: "增长", figure: "89.7%" },
      { subject: "户均增加值", verb: "增长", figure: "77%" },
    ]);
    expect(respectivePairs("城市低保和农村低保分别为3333户、125户")).toEqual([
      { subject: "城市低保", verb: "为", figure: "3333户" },
      { subject: "农村低保", verb: "为", figure: "125户" },
    ]);
  });
  it("ignores 分别 without a list of figures", () => {
    expect(respectivePairs("分别对侵犯“奔富”、“红牛”注册专用权行为进行查处")).toEqual([]);
    expect(respectivePairs("四所学校分别结合各自学校的发展规划分享了工作思路")).toEqual([]);
  });
});
