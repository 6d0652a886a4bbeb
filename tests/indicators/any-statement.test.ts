import { describe, expect, it } from "vitest";
import { loadVocabulary } from "../../src/indicators/aliases.js";
import { extractIndicators } from "../../src/indicators/extract-indicators.js";
import { normaliseDocument } from "../../src/ingest/normalise.js";
import { parseSections } from "../../src/sections/parse-sections.js";
import type { CorpusDocument, DocumentMeta } from "../../src/types.js";

const vocabulary = loadVocabulary();
const meta = {
  id: "s",
  file: "s.txt",
  title: "2022年某市国民经济和社会发展统计公报",
  city: "某市",
  district: null,
  region: "某市",
  regionCode: "",
  regionPath: ["某市"],
  period: "2022年",
  year: 2022,
  kind: "统计公报",
  script: "simplified",
  encoding: "utf-8",
  notes: [],
  sha256: "",
} as unknown as DocumentMeta;

function rows(raw: string): string[] {
  const n = normaliseDocument(raw);
  const doc: CorpusDocument = { meta, raw, text: n.text, offsets: n.offsets };
  return extractIndicators({ doc, sections: parseSections(doc), vocabulary }).map(
    (r) => `${r.indicator ?? "-"} | ${r.phrase} | ${r.value?.text ?? "-"} | ${r.growth?.text ?? "-"}`,
  );
}

describe("rows from any statement", () => {
  it("names a catalogued subject as a whole and keeps growth with its value", () => {
    expect(
      rows(
        "全年实现地区生产总值（GDP）20817.5 亿元，按可比价格计算，比上年增长 2.8%。按常住人口计算，人均地区生产总值98149元，增长2.0%。",
      ),
    ).toEqual([
      "地区生产总值 | 地区生产总值（GDP） | 20817.5亿元 | 比上年增长2.8%",
      "人均地区生产总值 | 人均地区生产总值 | 98149元 | 增长2.0%",
    ]);
    expect(
      rows("全年货物进出口总额8222.0亿元，比上年增长14.8%。其中，出口总额4841.2亿元，增长17.9%。"),
    ).toEqual([
      "进出口总额 | 货物进出口总额 | 8222.0亿元 | 比上年增长14.8%",
      "出口总额 | 出口总额 | 4841.2亿元 | 增长17.9%",
    ]);
  });

  it("keeps the growth of an uncatalogued subject with its value", () => {
    expect(rows("全年发生各类生产安全事故211起，下降12.8%。")).toEqual([
      "- | 各类生产安全事故 | 211起 | 下降12.8%",
    ]);
  });

  it("binds numbers to the nouns after them in a list", () => {
    expect(rows("购置12辆机扫车、4辆洒水车。")).toEqual(["- | 机扫车 | 12辆 | -", "- | 洒水车 | 4辆 | -"]);
  });

  it("gives a change clause its subject and the growth after it to the subject", () => {
    expect(rows("年末常住人口2119.2万人，比上年末增加24.5万人，增长1.2%。")).toEqual([
      "常住人口 | 年末常住人口 | 2119.2万人 | 增长1.2%",
      "- | 年末常住人口比上年末增加 | 24.5万人 | -",
    ]);
  });

  // Was a bug: the first item of `完成1.8万户、189万平方米棚改任务` had no noun of its own and
  // gave no row, so 1.8万户 could not be found.
  it("gives a bare figure listed before others the noun that ends the list", () => {
    expect(rows("全年投资90.07亿元，完成1.8万户、189万平方米棚改任务。")).toEqual([
      "- | 投资 | 90.07亿元 | -",
      "- | 棚改任务 | 1.8万户 | -",
      "- | 棚改任务 | 189万平方米 | -",
    ]);
    // An item with a subject of its own keeps it.
    expect(rows("完成造林1.2万亩、治理水土流失面积30平方公里。")).toEqual([
      "- | 造林 | 1.2万亩 | -",
      "- | 治理水土流失面积 | 30平方公里 | -",
    ]);
  });
});

describe("经济增长 as reports set it", () => {
  it("reads a rate of the economy alone as the growth of its GDP, never a figure of something else", () => {
    expect(rows("今年主要预期目标是：经济增长6%左右，城镇新增就业5万人。")).toEqual([
      "地区生产总值 | 经济 | - | 增长6%",
      "城镇新增就业 | 城镇新增就业 | 5万人 | -",
    ]);
    expect(rows("全年数字经济增长12%。")).toEqual(["- | 数字经济 | - | 增长12%"]);
    expect(rows("消费拉动经济增长2.1个百分点，培育新的经济增长点5个。")).toEqual([
      "- | 消费拉动经济 | - | 增长2.1个百分点",
      "- | 培育新的经济增长点 | 5个 | -",
    ]);
  });
});

describe("a growth, then its level", () => {
  it("reads the level after a growth and a note as the same subject's, keeping its own bound", () => {
    expect(rows("全区生产总值增长6.5%（预计数，下同），达到1280亿元以上，财政收入增长5%。")).toEqual([
      "地区生产总值 | 生产总值 | 1280亿元以上 | 增长6.5%",
      "一般公共预算收入 | 财政收入 | - | 增长5%",
    ]);
    expect(rows("地区生产总值年均增长5.8%（按可比价格计算），总量超过3100亿元。")).toEqual([
      "地区生产总值 | 地区生产总值 | 超过3100亿元 | 年均增长5.8%",
    ]);
    expect(rows("常住人口城镇化率提高1.2个百分点，达到61.3%。")).toEqual([
      "常住人口城镇化率 | 常住人口城镇化率 | 61.3% | 提高1.2个百分点",
    ]);
  });

  it("keeps a second rate after a growth as a growth, never a level", () => {
    expect(rows("固定资产投资增长12%，力争达到15%。")).toEqual(["固定资产投资 | 固定资产投资 | - | 增长12%"]);
  });

  it("never reads a bound as a subject, nor a threshold before a noun as its value", () => {
    expect(rows("亿元以上项目完成投资，累计建成1.2万个以上。")).toEqual(["- | 建成 | 1.2万个 | -"]);
    expect(rows("全年500万元以上项目固定资产投资增长9%。")).toEqual([
      "- | 以上项目固定资产投资 | 500万元 | 增长9%",
    ]);
  });
});

describe("a change from one figure to another", () => {
  it("gives the later figure to the subject and leaves the earlier one apart", () => {
    expect(rows("五年来，全市生产总值由980亿元增加到1460亿元，年均增长8.3%。")).toEqual([
      "- | 生产总值由 | 980亿元 | -",
      "地区生产总值 | 生产总值 | 1460亿元 | 年均增长8.3%",
    ]);
    expect(rows("常住人口城镇化率从55.2%提高至58.6%。")).toEqual([
      "- | 常住人口城镇化率从 | 55.2% | -",
      "常住人口城镇化率 | 常住人口城镇化率 | 58.6% | -",
    ]);
  });
});
