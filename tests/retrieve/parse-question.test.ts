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

  it("names every place with its division codes; a parent written before its child qualifies it", () => {
    const codes = (q: string) => parse(q).places.map((p) => [p.written, p.codes]);
    expect(parse("鞍山市铁东区2023年GDP")).toMatchObject({ regions: ["铁东区"], otherPlaces: [] });
    expect(codes("鞍山市铁东区2023年GDP")).toEqual([["鞍山市铁东区", ["210302"]]]);
    expect(codes("四平市铁东区2022年GDP")).toEqual([["四平市铁东区", ["220303"]]]);
    expect(codes("北京市朝阳区2023年GDP")).toEqual([["北京市朝阳区", ["110105"]]]);
    expect(codes("辽宁省朝阳市2023年GDP")).toEqual([["辽宁省朝阳市", ["211300"]]]);
    expect(codes("朝阳区2023年GDP")).toEqual([["朝阳区", ["110105", "220104"]]]);
    expect(parse("北京市2023年GDP").regions).toEqual(["北京市"]);
    expect(parse("海城市2023年社零").regions).toEqual(["海城市"]);
    expect(parse("海拉尔2017年棚户区改造完成多少户").regions).toEqual(["海拉尔区"]);
    expect(parse("黔东南州2016年社零总额").regions).toEqual(["黔东南苗族侗族自治州"]);
    expect(parse("2019年全國一般公共預算收入").regions).toEqual(["全国"]);
    expect(parse("中国2019年规上工业增加值增长多少").regions).toEqual(["全国"]);
    expect(parse("鞍山高新区2023年GDP")).toMatchObject({ regions: [], otherPlaces: ["鞍山高新区"] });
  });

  it("finds no place inside ordinary words (regression: 新增城镇 named 增城, 居民和 named 民和)", () => {
    expect(parse("鞍山2021年新增城镇就业多少人").regions).toEqual(["鞍山市"]);
    expect(parse("2019年全国城镇居民和农村居民人均可支配收入差多少").regions).toEqual(["全国"]);
    expect(parse("中心城区改造了多少户").places).toEqual([]);
  });

  it("reads years and parts of the year as written", () => {
    expect(parse("铁东区二〇二三年GDP").years).toEqual([2023]);
    expect(parse("洛阳23年一般公共预算收入").years).toEqual([2023]);
    expect(parse("铁东区2023全年GDP")).toMatchObject({ years: [2023], partOfYear: null });
    expect(parse("立山区2024年前三季度GDP").partOfYear).toBe("前三季度");
    expect(parse("立山区2024年第一季度GDP").partOfYear).toBe("一季度");
    expect(parse("立山区2024年1—9月GDP").partOfYear).toBe("1-9月");
  });
});
