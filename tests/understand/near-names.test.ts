/**
 * The near-names dimension and its example corpus, written from how pinyin input methods err:
 * a homophone picked from the candidate list (社令 for 社零), a fuzzy-pinyin syllable
 * (z/zh, n/l, an/ang …), two keys or characters swapped (GPD), one character wrong in a long
 * name. Each example gives the question, the name the typed form is near, and the reason; the
 * held names are the real indicator catalogue and places of several provinces.
 */
import { describe, expect, it } from "vitest";
import { loadVocabulary } from "../../src/indicators/aliases.js";
import {
  createNearNameIndex,
  foldSyllable,
  syllables,
  withNearName,
  type NearNameReason,
} from "../../src/understand/near-names.js";

const vocabulary = loadVocabulary();
const PLACES = [
  "铁东区",
  "铁西区",
  "立山区",
  "千山区",
  "鞍山市",
  "海城市",
  "台安县",
  "岫岩满族自治县",
  "沈阳市",
  "大连市",
  "朝阳区",
  "长春市",
  "重庆市",
  "南岗区",
];
const index = createNearNameIndex({ indicators: vocabulary.terms, places: PLACES });

/** [question, near name, reason, written]. */
const CORPUS: Array<[string, string, NearNameReason, string]> = [
  // homophones: the right syllables, the wrong character from the candidate list
  ["铁东区2023年社令总额是多少", "社零总额", "homophone", "社令总额"],
  ["立山去2024年上半年地区生产总值", "立山区", "homophone", "立山去"],
  ["千山曲固定资产投资增长多少", "千山区", "homophone", "千山曲"],
  ["海城2023年固定资产投次", "固定资产投资", "one-edit", "固定资产投次"],
  ["鞍山2022年一般公共预算收如", "一般公共预算收入", "homophone", "一般公共预算收如"],
  ["台安县城镇居民人均可之配收入", "城镇居民人均可支配收入", "homophone", "城镇居民人均可之配收入"],
  ["大连市商品房销受面积", "商品房销售面积", "homophone", "商品房销受面积"],
  ["沈阳市2023年进出口总饿", "进出口总额", "homophone", "进出口总饿"],
  ["长春事的常住人口", "长春市", "homophone", "长春事"],
  // fuzzy pinyin: z/zh, s/sh, n/l, an/ang, in/ing
  ["铁西区税收收人是多少", "税收收入", "one-edit", "税收收人"],
  ["重庆市民间投姿", "民间投资", "homophone", "民间投姿"],
  ["南岗区城镇居民人均可资配收入", "城镇居民人均可支配收入", "near-homophone", "城镇居民人均可资配收入"],
  ["台安县龙村居民人均消费支出", "农村居民人均消费支出", "near-homophone", "龙村居民人均消费支出"],
  ["铁西区地区森产总值", "地区生产总值", "near-homophone", "地区森产总值"],
  ["南岗区网上另售额", "网上零售额", "homophone", "网上另售额"],
  ["岫岩满族自治县户籍人口和常驻人口", "常住人口", "homophone", "常驻人口"],
  ["朝阳区居民消费价格指树", "居民消费价格指数", "homophone", "居民消费价格指树"],
  // transpositions: two neighbouring keys or characters swapped
  ["铁东区2023年GPD", "GDP", "transposition", "GPD"],
  ["立山区CIP涨了多少", "CPI", "transposition", "CIP"],
  ["大连市固定资产资投", "固定资产投资", "transposition", "固定资产资投"],
  // one edit in a long name: a character replaced, dropped or doubled
  ["海城市规模以上工业增价值", "规模以上工业增加值", "homophone", "规模以上工业增价值"],
  ["沈阳市规模以上工业加值增速", "规模以上工业增加值", "one-edit", "规模以上工业加值"],
  ["铁东区城镇居民人均可支配配收入", "城镇居民人均可支配收入", "one-edit", "城镇居民人均可支配配收入"],
];

describe("near names: the example corpus", () => {
  it.each(CORPUS)("%s → %s (%s)", (question, name, reason, written) => {
    const found = index.find(question);
    const hit = found.find((c) => c.name === name);
    expect(hit, JSON.stringify(found)).toBeDefined();
    expect([hit!.reason, hit!.written]).toEqual([reason, written]);
    expect(question.slice(hit!.start, hit!.start + hit!.written.length)).toBe(written);
  });
});

describe("near names: what is never a near name", () => {
  it.each([
    "铁东区2023年社零总额是多少",
    "铁东区2023年GDP",
    "立山区CPI涨了多少",
    "立山区PPI是多少",
    "海城市规模以上工业增加值",
    "今年的天气怎么样",
    "大家中午吃什么",
  ])("%s → none", (question) => {
    expect(index.find(question)).toEqual([]);
  });

  it("a short name gets no one-edit candidates: CPI and PPI both exist", () => {
    expect(index.find("鞍山市XPI").map((c) => c.name)).toEqual([]);
  });

  it("digits never take part: 2023年 is no near name of anything", () => {
    expect(index.find("2032年").length).toBe(0);
  });

  it("a match inside a longer match of the same kind is dropped (社令 inside 社令总额)", () => {
    const found = index.find("铁东区社令总额");
    expect(found.map((c) => c.name)).toContain("社零总额");
    expect(found.map((c) => c.name)).not.toContain("社零");
  });

  it("returns at most three candidates, homophones first", () => {
    const found = index.find("立山去社令总额和GPD");
    expect(found.length).toBeLessThanOrEqual(3);
    expect(found[0]!.reason).toBe("homophone");
  });
});

describe("near names: helpers", () => {
  it("reads toneless syllables in context and keeps other characters", () => {
    expect(syllables("长春GDP")).toEqual(["chang", "chun", "G", "D", "P"]);
    expect(syllables("市长")).toEqual(["shi", "zhang"]);
  });

  it("folds fuzzy pairs at the start and the end of a syllable", () => {
    expect(["zhang", "shi", "ling", "neng", "huang"].map(foldSyllable)).toEqual([
      "zan",
      "si",
      "nin",
      "nen",
      "fuan",
    ]);
  });

  it("writes the held name in place of the typed one", () => {
    const [candidate] = index.find("铁东区2023年社令总额是多少");
    expect(withNearName("铁东区2023年社令总额是多少", candidate!)).toBe("铁东区2023年社零总额是多少");
  });
});
