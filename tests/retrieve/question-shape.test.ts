/**
 * Question shapes, Duckling style: each wording with the shape it must parse to.
 */
import { describe, expect, it } from "vitest";
import {
  asksPlanAndResult,
  parseDifferenceQuery,
  parseRankQuery,
  splitAsks,
} from "../../src/retrieve/question-shape.js";

describe("parseRankQuery", () => {
  const cases: Array<[string, ReturnType<typeof parseRankQuery>]> = [
    ["铁东区2023年哪个指标降得最厉害", { order: "fall", threshold: null, mainOnly: false }],
    [
      "铁东区2022年有哪些主要指标是下降的",
      { order: "filter", threshold: { op: "lt", percent: 0 }, mainOnly: true },
    ],
    ["铁东区2022年公报开头列的主要指标里，哪个增长最快", { order: "max", threshold: null, mainOnly: true }],
    [
      "铁东区2023年增速超过两位数的指标有哪些",
      { order: "filter", threshold: { op: "gt", percent: 10 }, mainOnly: false },
    ],
    ["哪些指标增速超过20%", { order: "filter", threshold: { op: "gt", percent: 20 }, mainOnly: false }],
    [
      "铁东区2023年增速超过10%的指标",
      { order: "filter", threshold: { op: "gt", percent: 10 }, mainOnly: false },
    ],
    ["立山区上半年GDP、社零，哪项增速最低", { order: "min", threshold: null, mainOnly: false }],
    ["铁东区2023年GDP是多少", null],
    // A ranking over years, not over indicators: not this shape.
    ["铁东区GDP增长最快的是哪年", null],
    ["铁东区2023年社零增长了多少", null],
  ];
  it.each(cases)("%s", (text, shape) => {
    expect(parseRankQuery(text)).toEqual(shape);
  });
});

describe("parseDifferenceQuery", () => {
  it("reads percentage-point, fall and target comparisons", () => {
    expect(parseDifferenceQuery("铁东区税收收入增速2023年比2022年高了多少个百分点")).toEqual({
      points: true,
      againstTarget: false,
      fall: false,
    });
    expect(parseDifferenceQuery("铁东区商品房销售额降幅2023年比2022年扩大了几个百分点")).toEqual({
      points: true,
      againstTarget: false,
      fall: true,
    });
    expect(parseDifferenceQuery("铁东区2023年GDP增速比鞍山市定的增长目标高多少")).toEqual({
      points: true,
      againstTarget: true,
      fall: false,
    });
    expect(parseDifferenceQuery("铁东区审批事项2022年和2023年少了几项")).toEqual({
      points: false,
      againstTarget: false,
      fall: false,
    });
    expect(parseDifferenceQuery("铁东区2023年社零总额是多少")).toBeNull();
  });
});

describe("asksPlanAndResult", () => {
  it("needs a target word and a result word", () => {
    expect(asksPlanAndResult("铁东区2023年新增市场主体目标是多少户，实际完成多少户")).toBe(true);
    expect(asksPlanAndResult("铁东区幼儿园普惠率年度目标是多少，实际做到多少")).toBe(true);
    expect(asksPlanAndResult("鞍山市2023年GDP增长目标")).toBe(false);
    expect(asksPlanAndResult("铁东区2023年GDP完成多少")).toBe(false);
  });
});

describe("splitAsks", () => {
  const cases: Array<[string, string[]]> = [
    ["孕妇建册、分娩和新生儿建册各多少人", ["孕妇建册多少人", "分娩多少人", "新生儿建册多少人"]],
    [
      "提标前城市低保和农村低保各有多少户、多少人",
      ["提标前城市低保多少户", "提标前城市低保多少人", "农村低保多少户", "农村低保多少人"],
    ],
    ["计划新增科技型中小企业、高新技术企业各多少家", ["计划新增科技型中小企业多少家", "高新技术企业多少家"]],
    [
      "募集了多少个青年见习岗位，帮扶了多少名就业困难人员实现就业",
      ["募集了多少个青年见习岗位", "帮扶了多少名就业困难人员实现就业"],
    ],
    ["社零总额是多少", ["社零总额是多少"]],
    ["组织了多少场招聘会，效果如何", ["组织了多少场招聘会，效果如何"]],
  ];
  it.each(cases)("%s", (body, parts) => {
    expect(splitAsks(body)).toEqual(parts);
  });
});
