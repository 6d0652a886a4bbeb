import { describe, expect, it } from "vitest";
import { loadVocabulary } from "../../src/indicators/aliases.js";
import { parseQuestion } from "../../src/retrieve/parse-question.js";

const vocabulary = loadVocabulary();
const parse = (q: string) => parseQuestion(q, vocabulary);

describe("parseQuestion", () => {
  it("finds region, year, indicator alias and intent of a value question", () => {
    const q = parse("铁东区2023年社零总额是多少");
    expect(q).toMatchObject({
      regions: ["铁东区"],
      years: [2023],
      intent: "value",
      command: null,
      unit: null,
    });
    expect(q.indicators.map((m) => [m.term, m.indicators])).toEqual([["社零总额", ["社会消费品零售总额"]]]);
  });

  it("reads traditional script and full-width digits", () => {
    const q = parse("鐵東區２０２２年城鎮居民人均可支配收入");
    expect(q.regions).toEqual(["铁东区"]);
    expect(q.years).toEqual([2022]);
    expect(q.indicators[0]!.indicators).toEqual(["城镇居民人均可支配收入"]);
  });

  it("treats two years, 这两年 and /compare as comparisons", () => {
    expect(parse("对比铁东区2022和2023年的GDP")).toMatchObject({ intent: "compare", years: [2022, 2023] });
    expect(parse("铁东区这两年的GDP")).toMatchObject({ intent: "compare", allPeriods: true });
    expect(parse("/compare 铁东区 社零 2022 2023")).toMatchObject({ intent: "compare", command: "compare" });
  });

  it("recognises /cite, lead, target and growth intents", () => {
    // /cite is a command on top of the cited question's own intent.
    expect(parse("/cite 铁东区2023年社零总额")).toMatchObject({
      command: "cite",
      intent: "value",
      text: "铁东区2023年社零总额",
    });
    expect(parse("发布数字经济应用场景机会清单的牵头单位").intent).toBe("lead");
    expect(parse("鞍山市2023年社会消费品零售总额增长目标")).toMatchObject({
      intent: "target",
      regions: ["鞍山市"],
    });
    expect(parse("立山区2024年上半年规上工业增加值增速")).toMatchObject({
      intent: "growth",
      partOfYear: "上半年",
    });
  });

  it("reads the measure word asked and the topic", () => {
    expect(parse("铁东区2023年离婚登记多少对")).toMatchObject({ unit: "对", topic: "离婚登记" });
    expect(parse("铁东区2023年有多少名孤儿")).toMatchObject({ unit: "名", topic: "孤儿" });
    expect(parse("检查药品零售企业多少家次").unit).toBe("家次");
  });

  it("prefers the district over the city and notes places outside the corpus", () => {
    expect(parse("鞍山市铁东区2023年GDP")).toMatchObject({ regions: ["铁东区"], otherPlaces: [] });
    expect(parse("四平市铁东区2022年GDP")).toMatchObject({ regions: ["铁东区"], otherPlaces: ["四平市"] });
    expect(parse("北京市2023年GDP")).toMatchObject({ regions: [], otherPlaces: ["北京市"] });
    expect(parse("海城市2023年社零").regions).toEqual(["海城市"]);
  });
});
