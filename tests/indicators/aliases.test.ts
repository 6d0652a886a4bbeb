import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  findIndicatorMentions,
  indicatorForms,
  indicatorOfGrowthSubject,
  indicatorsOfPhrase,
  indicatorsNamedBy,
  loadVocabulary,
} from "../../src/indicators/aliases.js";
import {
  CATALOGUE_PATH,
  CatalogueError,
  catalogueProblems,
  loadCatalogue,
  type Catalogue,
} from "../../src/indicators/catalogue.js";

const vocabulary = loadVocabulary();
const mentions = (text: string) =>
  findIndicatorMentions(vocabulary, text).map((m) => [m.term, m.index, m.indicators]);

describe("the indicator catalogue", () => {
  it("lists 150 or more indicators in file order, the national accounts first", () => {
    expect(vocabulary.names.length).toBeGreaterThanOrEqual(150);
    expect(vocabulary.names.slice(0, 4)).toEqual([
      "地区生产总值",
      "第一产业增加值",
      "第二产业增加值",
      "第三产业增加值",
    ]);
    expect(vocabulary.entries.get("出口总额")?.partOf).toBe("进出口总额");
    expect(vocabulary.entries.get("人均地区生产总值")?.perCapitaOf).toBe("地区生产总值");
    expect(vocabulary.entries.get("限额以上社会消费品零售总额")?.subsetOf).toBe("社会消费品零售总额");
  });

  it("has every name and alias naming one indicator", () => {
    expect(catalogueProblems(loadCatalogue())).toEqual([]);
    for (const [key, names] of vocabulary.byTerm) expect([key, names.length]).toEqual([key, 1]);
  });

  it("resolves colloquial names to canonical indicators", () => {
    const resolved = Object.fromEntries(
      [
        "社零",
        "社零总额",
        "GDP",
        "gdp",
        "固投",
        "财政收入",
        "地方财政一般预算收入",
        "规上工业增加值",
        "全社会固定资产投资",
      ].map((t) => [t, indicatorsNamedBy(vocabulary, t)]),
    );
    expect(resolved).toEqual({
      社零: ["社会消费品零售总额"],
      社零总额: ["社会消费品零售总额"],
      GDP: ["地区生产总值"],
      gdp: ["地区生产总值"],
      固投: ["固定资产投资"],
      财政收入: ["一般公共预算收入"],
      地方财政一般预算收入: ["一般公共预算收入"],
      规上工业增加值: ["规模以上工业增加值"],
      全社会固定资产投资: ["固定资产投资"],
    });
  });

  // Was a fit: two pension counts of one bulletin were catalogue indicators with an exception.
  it("names the indicator under a note that includes, and nothing under a note that narrows", () => {
    expect(indicatorsOfPhrase(vocabulary, "养老保险人数")).toEqual(["基本养老保险参保人数"]);
    expect(indicatorsOfPhrase(vocabulary, "养老保险参保人数（含离退休人员）")).toEqual([
      "基本养老保险参保人数",
    ]);
    expect(indicatorsOfPhrase(vocabulary, "参加基本养老保险人数(含退休职工)")).toEqual([
      "基本养老保险参保人数",
    ]);
    expect(indicatorsOfPhrase(vocabulary, "养老保险参保人数（在职）")).toEqual([]);
    expect(indicatorsOfPhrase(vocabulary, "地区生产总值（现价）")).toEqual(["地区生产总值"]);
    expect(indicatorsOfPhrase(vocabulary, "执业（助理）医师")).toEqual(["执业（助理）医师"]);
    expect(indicatorsNamedBy(vocabulary, "审批事项")).toEqual([]);
  });

  // Was a fit: growth words as aliases of a level (规上工业增速 → 规模以上工业增加值).
  it("has no growth word in a name: a growth is read by the figure grammar", () => {
    const growthWord = /增速|增幅|增长率/u;
    for (const [name, entry] of vocabulary.entries)
      for (const alias of entry.aliases)
        expect([alias, growthWord.test(alias) && !growthWord.test(name)]).toEqual([alias, false]);
    expect(indicatorsNamedBy(vocabulary, "就业人数")).toEqual([]);
  });

  it("resolves the bare colloquial 规上", () => {
    expect(indicatorsNamedBy(vocabulary, "规上")).toEqual(["规模以上工业增加值"]);
    expect(mentions("2022年铁东区规上增速")).toEqual([["规上", 8, ["规模以上工业增加值"]]]);
  });
});

describe("findIndicatorMentions", () => {
  it("prefers the longest term and does not report the terms inside it", () => {
    expect(mentions("2023年铁东区社会消费品零售总额是多少")).toEqual([
      ["社会消费品零售总额", 8, ["社会消费品零售总额"]],
    ]);
    expect(mentions("铁东区限额以上社会消费品零售总额")).toEqual([
      ["限额以上社会消费品零售总额", 3, ["限额以上社会消费品零售总额"]],
    ]);
    expect(mentions("规上工业增加值同比增长12.3%")).toEqual([["规上工业增加值", 0, ["规模以上工业增加值"]]]);
  });

  it("finds several mentions in text order, Latin case-insensitively", () => {
    expect(mentions("铁东gdp和固投分别增长多少")).toEqual([
      ["GDP", 2, ["地区生产总值"]],
      ["固投", 6, ["固定资产投资"]],
    ]);
    expect(mentions("铁东区2023年有多少对结婚登记")).toEqual([]);
  });
});

describe("indicatorsOfPhrase: the indicator a statement's subject names", () => {
  const of = (phrase: string) => indicatorsOfPhrase(vocabulary, phrase);
  it("reads names with abbreviations, footnote markers and place/time words in front", () => {
    expect(of("地区生产总值（GDP）")).toEqual(["地区生产总值"]);
    expect(of("全市生产总值②")).toEqual(["地区生产总值"]);
    expect(of("国内生产总值[2]")).toEqual(["地区生产总值"]);
    expect(of("全年全国一般公共预算收入")).toEqual(["一般公共预算收入"]);
  });
  it("never reads a part, a per-capita figure or a longer noun as the whole", () => {
    expect(of("人均地区生产总值")).toEqual(["人均地区生产总值"]);
    expect(of("出口总额")).toEqual(["出口总额"]);
    expect(of("货物进出口总额")).toEqual(["进出口总额"]);
    expect(of("规上工业企业")).toEqual([]);
    expect(of("第三产业增加值")).toEqual(["第三产业增加值"]);
    expect(of("城乡居民人均可支配收入")).toEqual([]);
  });
});

describe("loadCatalogue with a malformed file", () => {
  const root = mkdtempSync(join(tmpdir(), "catalogue-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  let counter = 0;
  const withFile = (content: string | null) => {
    const path = join(root, `catalogue-${++counter}.json`);
    if (content !== null) writeFileSync(path, content);
    return path;
  };
  const errorOf = (path: string): CatalogueError => {
    try {
      loadVocabulary(path);
    } catch (e) {
      return e as CatalogueError;
    }
    throw new Error("loadVocabulary did not throw");
  };
  const real = JSON.parse(readFileSync(CATALOGUE_PATH, "utf8")) as Catalogue;

  it("names the file when it is missing or not JSON", () => {
    for (const content of [null, '{ "version": 3, "indicators": [']) {
      const path = withFile(content);
      const error = errorOf(path);
      expect(error).toBeInstanceOf(CatalogueError);
      expect(error.path).toBe(path);
      expect(error.message.startsWith(`cannot read ${path}: `)).toBe(true);
    }
  });

  it("names the file and the bad field when the shape is wrong", () => {
    const gdp = { name: "地区生产总值", unit: "money", aliases: [] };
    const cases: Array<[unknown, string]> = [
      [{ ...real, version: 1 }, "version"],
      [{ version: 3, indicators: [] }, "indicators"],
      [{ version: 3, indicators: [{ ...gdp, aliases: ["社"] }] }, "indicators.0.aliases.0"],
      [{ version: 3, indicators: [{ ...gdp, unit: "dollars" }] }, "indicators.0.unit"],
      [{ version: 3, indicators: [{ ...gdp, extra: 1 }] }, "indicators.0"],
      [
        { version: 3, qualifiers: [{ dimension: "城乡", values: { 城镇: [] } }], indicators: [gdp] },
        "qualifiers.0.values.城镇",
      ],
    ];
    for (const [json, field] of cases) {
      const path = withFile(JSON.stringify(json));
      const error = errorOf(path);
      expect(error).toBeInstanceOf(CatalogueError);
      expect(error.message.startsWith(`${path}: ${field}: `)).toBe(true);
    }
  });

  it("refuses an alias of two indicators, a relation to an unknown indicator and a word of two qualifiers", () => {
    const path = withFile(
      JSON.stringify({
        version: 3,
        qualifiers: [
          { dimension: "城乡", values: { 城镇: ["城镇"] } },
          { dimension: "统计方式", values: { 登记: ["城镇"] } },
        ],
        indicators: [
          { name: "进出口总额", unit: "money", aliases: ["外贸"] },
          { name: "出口总额", unit: "money", aliases: ["外贸"], partOf: "进出口" },
        ],
      }),
    );
    expect(errorOf(path).message).toBe(
      `${path}: "出口总额".partOf names "进出口", which is not catalogued; "外贸" names two indicators: 进出口总额, 出口总额; qualifier word "城镇" marks 城乡.城镇 and 统计方式.登记`,
    );
  });

  it("refuses a growth alias that is already a name", () => {
    const path = withFile(
      JSON.stringify({
        version: 3,
        indicators: [
          { name: "地区生产总值", unit: "money", aliases: ["经济总量"], growthAliases: ["经济"] },
          { name: "工业增加值", unit: "money", aliases: [], growthAliases: ["经济总量"] },
        ],
      }),
    );
    expect(errorOf(path).message).toBe(
      `${path}: growth alias "经济总量" of 工业增加值 is already a name of 地区生产总值`,
    );
  });

  it("accepts a copy of the real file", () => {
    expect(loadVocabulary(withFile(JSON.stringify(real))).names).toEqual(vocabulary.names);
  });
});

describe("growth aliases", () => {
  it("name an indicator only as the subject of a rate, never as a name of their own", () => {
    expect(indicatorOfGrowthSubject(vocabulary, "经济")).toBe("地区生产总值");
    expect(indicatorOfGrowthSubject(vocabulary, "数字经济")).toBeNull();
    expect(indicatorsOfPhrase(vocabulary, "经济")).toEqual([]);
    expect(indicatorsOfPhrase(vocabulary, "经济增长点")).toEqual([]);
  });
});

describe("two-character names in questions", () => {
  // Was a bug: 人口 inside 农村贫困人口 (and 出口 inside 机电产品出口) named the indicator.
  it("names no indicator when the name is the head of a longer noun", () => {
    expect(mentions("2019年全国年末农村贫困人口减少了多少")).toEqual([]);
    expect(mentions("2019年全国机电产品出口多少")).toEqual([]);
  });

  it("still names it after a place, a time, a scope or a joining word", () => {
    expect(mentions("鞍山人口多少")).toEqual([["人口", 2, ["常住人口"]]]);
    expect(mentions("2023年人口")).toEqual([["人口", 5, ["常住人口"]]]);
    expect(mentions("全市人口")).toEqual([["人口", 2, ["常住人口"]]]);
    expect(mentions("全口径社零增速是多少").map((m) => m[0])).toEqual(["社零"]);
    expect(mentions("进口和出口").map((m) => m[0])).toEqual(["进口", "出口"]);
  });
});

describe("indicatorForms", () => {
  it("gives every catalogued name of the indicator a term names, and the term alone otherwise", () => {
    expect(indicatorForms(vocabulary, "棚户区改造")).toEqual(expect.arrayContaining(["棚户区改造", "棚改"]));
    expect(indicatorForms(vocabulary, "社零")[0]).toBe("社零");
    expect(indicatorForms(vocabulary, "社零")).toContain("社会消费品零售总额");
    expect(indicatorForms(vocabulary, "离婚登记")).toEqual(["离婚登记"]);
  });
});
