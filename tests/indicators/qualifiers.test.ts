import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { indicatorsOfPhrase, loadVocabulary } from "../../src/indicators/aliases.js";
import { extractTables } from "../../src/indicators/extract-tables.js";
import {
  agreesWithMentions,
  mentionAsks,
  noteNarrows,
  qualifiersAgree,
  qualifierValues,
} from "../../src/indicators/qualifiers.js";
import { readDocument } from "../../src/ingest/read-document.js";
import type { IndicatorRow } from "../../src/types.js";

const vocabulary = loadVocabulary();
/** The indicator a phrase names in the catalogue, as the extractor names a row's. */
const named = (phrase: string) => {
  const names = indicatorsOfPhrase(vocabulary, phrase);
  return names.length === 1 ? names[0]! : null;
};
/** What a question naming `words` asks: the words and the indicators they name. */
const ask = (words: string) => ({ words, indicators: indicatorsOfPhrase(vocabulary, words) });
const row = (phrase: string) => ({ phrase, indicator: named(phrase) });

/**
 * The dimension's example corpus: [what a question names, a row's phrase as documents write
 * it, whether the row answers]. Written from how bulletins and reports name their figures.
 */
const EXAMPLES: Array<[string, string, boolean]> = [
  // 登记 / 调查
  ["城镇登记失业率", "城镇登记失业率", true],
  ["城镇登记失业率", "登记失业率", true],
  ["城镇登记失业率", "城镇调查失业率", false],
  ["登记失业率", "全国城镇调查失业率", false],
  ["城镇调查失业率", "城镇登记失业率", false],
  ["城镇调查失业率", "全国城镇调查失业率", true],
  ["调查失业率", "城镇调查失业率平均值", true],
  ["城镇登记失业率", "失业率", false],
  // 常住 / 户籍
  ["常住人口", "年末常住人口", true],
  ["常住人口", "户籍人口", false],
  ["户籍人口", "年末户籍总人口", true],
  ["户籍人口", "常住人口", false],
  ["人口", "年末常住人口", true],
  // 城镇 / 农村 / 全体
  ["城镇居民人均可支配收入", "城镇常住居民人均可支配收入", true],
  ["城镇居民人均可支配收入", "农村居民人均可支配收入", false],
  ["城镇居民人均可支配收入", "全体居民人均可支配收入", false],
  ["城镇居民人均可支配收入", "居民人均可支配收入", false],
  ["居民人均可支配收入", "城镇居民人均可支配收入", false],
  ["居民人均可支配收入", "全体居民人均可支配收入", true],
  ["农民人均纯收入", "农村居民人均纯收入", true],
  ["农村居民人均可支配收入", "城市居民人均可支配收入", false],
  ["城镇化率", "常住人口城镇化率", true],
  ["城镇新增就业", "新增就业", true],
  // 国际 / 国内
  ["国际集装箱航线", "国际集装箱航线", true],
  ["国际集装箱航线", "国内集装箱航线", false],
  ["国际集装箱航线", "集装箱航线", false],
  ["国内旅游收入", "国际旅游收入", false],
  ["入境游客", "国内游客", false],
  // 限上, 规上
  ["限上社零", "限额以上单位消费品零售额", true],
  ["限上社零", "社会消费品零售总额", false],
  ["社会消费品零售总额", "限额以上社会消费品零售总额", false],
  ["社零", "社会消费品零售总额", true],
  ["规模以上工业增加值", "规上工业增加值", true],
  ["规模以上工业增加值", "工业增加值", false],
  ["工业增加值", "规模以上工业增加值", false],
  // 人均
  ["地区生产总值", "人均地区生产总值", false],
  ["人均GDP", "地区生产总值", false],
  ["人均GDP", "人均生产总值", true],
  ["人均可支配收入", "居民人均可支配收入", true],
  // 新增 / 累计
  ["新增市场主体", "新登记市场主体", true],
  ["新增市场主体", "实有市场主体", false],
  ["新增高新技术企业", "高新技术企业", false],
  ["高新技术企业", "新增高新技术企业", true],
  // 年末 / 全年 (a contradiction only: 全年 is no word a figure must carry)
  ["全年地区生产总值", "地区生产总值", true],
  ["年末城镇调查失业率", "全年城镇调查失业率平均值", false],
  // 一般公共预算 / 财政总收入
  ["一般公共预算收入", "地方一般公共预算收入", true],
  ["财政总收入", "一般公共预算收入", false],
  ["一般公共预算收入", "财政总收入", false],
  ["政府性基金预算收入", "一般公共预算收入", false],
  // 进口 / 出口 / 进出口
  ["出口总额", "进出口总额", false],
  ["进出口总额", "出口总额", false],
  ["进口", "货物进口额", true],
  ["外贸进出口", "货物进出口总额", true],
  // 人民币 / 本外币
  ["存款余额", "人民币存款余额", false],
  ["人民币贷款余额", "金融机构人民币贷款余额", true],
  ["本外币存款余额", "人民币存款余额", false],
  // 在职 / 含离退休
  ["养老保险人数（含离退休职工）", "养老保险人数(含离退休职工)", true],
  ["养老保险人数（含离退休职工）", "养老保险人数（在职）", false],
  ["在职养老保险人数", "养老保险人数（在职）", true],
  ["养老保险人数（在职）", "养老保险人数（含离退休职工）", false],
];

describe("qualifiersAgree: the example corpus", () => {
  it.each(EXAMPLES)("%s ← %s: %s", (asked, phrase, agrees) => {
    expect(qualifiersAgree(ask(asked), row(phrase), vocabulary)).toBe(agrees);
  });
});

describe("qualifierValues", () => {
  it("reads the longest word, the last value of a dimension, and never a word before 化", () => {
    const values = (text: string) => Object.fromEntries(qualifierValues(text, vocabulary.qualifiers));
    expect(values("进出口总额中出口")).toEqual({ 贸易方向: "出口" });
    expect(values("城镇化率")).toEqual({});
    expect(values("国际化水平")).toEqual({});
    expect(values("限额以上单位消费品零售额")).toEqual({ 限额: "限上" });
    expect(values("城镇登记失业率")).toEqual({ 城乡: "城镇", 统计方式: "登记" });
  });

  it("tells a note that narrows from one that includes or describes", () => {
    expect(noteNarrows("在职", vocabulary.qualifiers)).toBe(true);
    expect(noteNarrows("含离退休职工", vocabulary.qualifiers)).toBe(false);
    expect(noteNarrows("现价", vocabulary.qualifiers)).toBe(false);
  });
});

describe("agreesWithMentions", () => {
  it("reads no qualifier in a place's name (白城市 holds 城市)", () => {
    const text = "白城市2016年GDP增长目标";
    const mentions = [{ index: 8, term: "GDP", indicators: ["地区生产总值"] }];
    const gdp = { phrase: "地区生产总值", indicator: "地区生产总值" };
    expect(agreesWithMentions(text, mentions, gdp, vocabulary, [{ written: "白城市" }])).toBe(true);
    expect(agreesWithMentions(text, mentions, gdp, vocabulary)).toBe(false);
  });
});

describe("mentionAsks", () => {
  it("gives each named indicator the words up to its neighbours", () => {
    const text = "2023年GDP和人均GDP分别是多少";
    const mentions = [
      { index: 5, term: "GDP", indicators: ["地区生产总值"] },
      { index: 9, term: "人均GDP", indicators: ["人均地区生产总值"] },
    ];
    expect(mentionAsks(text, mentions).map((a) => a.words)).toEqual(["2023年GDP和", "和人均GDP分别是多少"]);
  });
});

describe("over the public corpus (every national bulletin and every 10th work report)", () => {
  const dir = join(import.meta.dirname, "..", "..", "..", "shared", "public-corpus", "docs");
  const rows: IndicatorRow[] = [];

  beforeAll(async () => {
    const meta = readFileSync(join(dir, "..", "meta.jsonl"), "utf8")
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { file: string; kind: string });
    const files = meta.filter((m, i) => m.kind === "统计公报" || i % 10 === 0).map((m) => m.file);
    for (const file of files) {
      const read = await readDocument(join(dir, file), {});
      if (read.ok) rows.push(...extractTables([read.document], vocabulary).rows);
    }
  }, 120_000);

  it("never rejects a row for the indicator its own phrase names, asked by any of its names", () => {
    const named = rows.filter((r) => r.indicator !== null);
    expect(named.length).toBeGreaterThan(3000);
    const rejected = new Set<string>();
    for (const r of named) {
      const entry = vocabulary.entries.get(r.indicator!)!;
      for (const term of [entry.name, ...entry.aliases])
        if (!qualifiersAgree({ words: term, indicators: [entry.name] }, r, vocabulary))
          rejected.add(`${term} ← ${r.phrase}`);
    }
    expect([...rejected]).toEqual([]);
  });

  it("never answers 登记失业率 with a 调查 row, and answers it with every 登记 row", () => {
    const unemployment = rows.filter((r) => /失业率/u.test(r.phrase));
    const survey = unemployment.filter((r) => r.phrase.includes("调查"));
    const registered = unemployment.filter((r) => r.phrase.includes("登记"));
    expect(survey.length).toBeGreaterThan(0);
    expect(registered.length).toBeGreaterThan(0);
    for (const r of survey) expect(qualifiersAgree(ask("城镇登记失业率"), r, vocabulary)).toBe(false);
    for (const r of registered)
      expect([r.phrase, qualifiersAgree(ask("城镇登记失业率"), r, vocabulary)]).toEqual([r.phrase, true]);
  });
});
