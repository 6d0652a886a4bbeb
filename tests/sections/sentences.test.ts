import { describe, expect, it } from "vitest";
import { splitStatements, statementAt } from "../../src/sections/sentences.js";
import { IDS, rangeOf, realDoc } from "../ingest/fixtures.js";

describe("splitStatements", () => {
  it("splits the 2022 综合 paragraph at 。 and ；", () => {
    const text = realDoc(IDS.bulletin2022).text;
    const zonghe = rangeOf(text, "2022年，铁东区地区生产总值累计完成285.9亿元");
    const lineEnd = text.indexOf("\n", zonghe.start);
    const statements = splitStatements(text, zonghe.start, lineEnd).map((r) => text.slice(r.start, r.end));
    expect(statements).toEqual([
      "2022年，铁东区地区生产总值累计完成285.9亿元，按可比价格计算，同比增长0.6%。",
      "1—12月，规模以上工业增加值同比下降14.2%；",
      "全社会固定资产投资34.5亿元，同比增长3.4%；",
      "社会消费品零售总额128.4亿元，同比增长0.7%；",
      "地方财政一般预算收入7.8亿元，同比下降28.1%；",
      "税收收入6.4亿元，同比下降32.7%；",
      "商品房销售面积31万平方米，同比下降29%；",
      "商品房销售额20.57亿元，同比下降20.6%；",
      "城镇居民人均可支配收入53911元，同比增长2.1%。",
      "劳动及社会保障完成情况。",
      "2022年度，全区实名制就业人数10597人；",
      "养老保险人数（含离退休职工）129513人，养老保险人数（在职）90026人；",
      "工伤保险人数28820人；",
      "生育保险人数28997人。",
    ]);
  });

  it("splits at line ends, trims blank lines and keeps a closing quote with its sentence", () => {
    const text = realDoc(IDS.bulletin2023).text;
    const statements = splitStatements(text, 0, rangeOf(text, "2023年，铁东区地区生产总值").start);
    expect(statements.map((r) => text.slice(r.start, r.end))).toEqual([
      "鞍山市铁东区2023年国民经济",
      "和社会发展统计公报",
      "2023年，在市委市政府和区委区政府正确领导下，铁东区坚持以习近平新时代中国特色社会主义思想为指引，深入贯彻习近平总书记系列重要讲话和党的二十大精神，贯彻新发展理念，着力推进高质量发展，经济稳步增长，社会民生持续改善，民生福祉持续增进。",
      "一、综合",
    ]);
    const quoted = rangeOf(text, "解决了企业群众“想办事，却不知道去哪办，找谁办，怎么办？”的难题。");
    const parts = splitStatements(text, quoted.start, quoted.end).map((r) => text.slice(r.start, r.end));
    expect(parts[0]).toBe("解决了企业群众“想办事，却不知道去哪办，找谁办，怎么办？”");
  });

  it("gives nothing for an empty or blank range", () => {
    expect(splitStatements("")).toEqual([]);
    expect(splitStatements("\n\n  \n")).toEqual([]);
  });
});

describe("statementAt", () => {
  it("finds the statement holding an offset", () => {
    const text = realDoc(IDS.bulletin2023).text;
    const statements = splitStatements(text);
    const at = statementAt(statements, rangeOf(text, "140.1亿元").start)!;
    expect(text.slice(at.start, at.end)).toBe("社会消费品零售总额完成140.1亿元，同比增长9.1%；");
    expect(statementAt(statements, rangeOf(text, "一、综合\n").start + 4)).toBeUndefined();
  });
});
