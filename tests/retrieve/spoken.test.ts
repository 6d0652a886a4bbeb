/**
 * The spoken-wording dimension, Duckling style: each example with the text it must become.
 */
import { describe, expect, it } from "vitest";
import { chineseDigitsToArabic, normaliseSpoken } from "../../src/retrieve/spoken.js";

const EXAMPLES: Array<[spoken: string, written: string]> = [
  // Chinese-numeral years
  ["请问二〇二三年铁东区临时救助开展了多少人次", "2023年铁东区临时救助开展多少人次"],
  ["二零二二年铁东区GDP", "2022年铁东区GDP"],
  ["铁东区二三年社零", "铁东区23年社零"],
  // fillers
  ["帮我查一下铁东区2023年下沉到社区的政务服务事项有多少项", "铁东区2023年下沉到社区的政务服务事项有多少项"],
  ["麻烦查一下立山区上半年GDP", "立山区上半年GDP"],
  ["我想知道铁东区2023年税收收入", "铁东区2023年税收收入"],
  ["23年铁东区电子印章大概签了多少次章", "23年铁东区电子印章签多少次章"],
  ["铁东区2023年GDP大约多少", "铁东区2023年GDP多少"],
  ["看一下铁东区2023年社零", "铁东区2023年社零"],
  ["对比一下2022年", "对比2022年"],
  // year end
  ["帮我查一下，截至2023年底铁东区建成了几个星级便民服务站", "2023年铁东区建成几个星级便民服务站"],
  ["截止到2022年末铁东区养老保险人数", "2022年铁东区养老保险人数"],
  ["2023年底全区有多少个服务站", "2023年全区有多少个服务站"],
  // colloquial verbs
  ["铁东区23年科技服务业营业收入涨了多少", "铁东区23年科技服务业营业收入增长多少"],
  ["铁东区2023年商品房销售额降了多少", "铁东区2023年商品房销售额下降多少"],
  ["铁东区2023年高龄补贴发了多少", "铁东区2023年高龄补贴发放多少"],
  ["老旧小区改造花了多少钱", "老旧小区改造支出多少钱"],
  ["铁东区审批事项从2022年到2023年少了几项", "铁东区审批事项2022年和2023年少了几项"],
  // English abbreviations
  ["铁东区2023年gdp", "铁东区2023年GDP"],
  ["鞍山市CPI涨了多少", "鞍山市CPI增长多少"],
  // nothing to rewrite
  ["铁东区2023年社零总额是多少", "铁东区2023年社零总额是多少"],
  ["这两年的GDP", "这两年的GDP"],
];

describe("normaliseSpoken", () => {
  it.each(EXAMPLES)("%s → %s", (spoken, written) => {
    expect(normaliseSpoken(spoken)).toBe(written);
  });
});

describe("chineseDigitsToArabic", () => {
  it("reads a year digit by digit", () => {
    expect(chineseDigitsToArabic("二〇二四")).toBe("2024");
    expect(chineseDigitsToArabic("二零一九")).toBe("2019");
  });
});
