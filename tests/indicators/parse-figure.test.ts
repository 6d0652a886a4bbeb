import { describe, expect, it } from "vitest";
import {
  decimalDifference,
  findFigures,
  findGrowths,
  parseFigure,
  parseGrowth,
} from "../../src/indicators/parse-figure.js";
import { IDS, realDoc } from "../ingest/fixtures.js";

const texts = (text: string) => findFigures(text).map((f) => f.figure.text);

describe("parseFigure", () => {
  it("reads values with their published and canonical units", () => {
    expect(parseFigure("314.6亿元")).toEqual({
      text: "314.6亿元",
      numeral: "314.6",
      number: 314.6,
      unit: "亿元",
      canonicalUnit: "亿元",
    });
    expect(parseFigure("22.8万平")).toEqual({
      text: "22.8万平",
      numeral: "22.8",
      number: 22.8,
      unit: "万平",
      canonicalUnit: "万平方米",
    });
    expect(parseFigure("31万平方米")).toEqual({
      text: "31万平方米",
      numeral: "31",
      number: 31,
      unit: "万平方米",
      canonicalUnit: "万平方米",
    });
    expect(parseFigure("1100平")).toMatchObject({ unit: "平", canonicalUnit: "平方米" });
    expect(parseFigure("53771元")).toMatchObject({ numeral: "53771", number: 53771, unit: "元" });
    expect(parseFigure("1697对")).toMatchObject({ number: 1697, unit: "对" });
    expect(parseFigure("4445台（套）")).toMatchObject({ number: 4445, unit: "台（套）" });
    expect(parseFigure("45个工作日")).toMatchObject({ number: 45, unit: "个工作日" });
  });

  it("keeps approximate figures and the numeral as written", () => {
    expect(parseFigure("1.1万余人")).toEqual({
      text: "1.1万余人",
      numeral: "1.1",
      number: 1.1,
      unit: "万余人",
      canonicalUnit: "万人",
    });
    expect(parseFigure("3000多人次")).toMatchObject({ unit: "多人次", canonicalUnit: "人次" });
    expect(parseFigure("72.90万")).toEqual({
      text: "72.90万",
      numeral: "72.90",
      number: 72.9,
      unit: "万",
      canonicalUnit: "万",
    });
  });

  it("drops a space between number and unit from the text", () => {
    expect(parseFigure("63.65 亿元")).toMatchObject({ text: "63.65亿元", numeral: "63.65", unit: "亿元" });
  });

  it("gives null for anything but exactly one figure", () => {
    expect(parseFigure("12345平台")).toBeNull();
    expect(parseFigure("314.6")).toBeNull();
    expect(parseFigure("亿元")).toBeNull();
    expect(parseFigure("314.6亿元，")).toBeNull();
    expect(parseFigure("3084户3854人")).toBeNull();
  });
});

describe("findFigures", () => {
  it("finds every figure of a corpus sentence with its offsets", () => {
    const found = findFigures("全区共有城乡低保户3084户3854人、特困供养人员223户225人、孤儿13名");
    expect(found.map((f) => [f.figure.text, f.index, f.end])).toEqual([
      ["3084户", 9, 14],
      ["3854人", 14, 19],
      ["223户", 26, 30],
      ["225人", 30, 34],
      ["13名", 37, 40],
    ]);
  });

  it("does not read 平台, 平方 in names, years or phone numbers as figures", () => {
    expect(findFigures("12345平台")).toEqual([]);
    expect(findFigures("上半年，教育局12345工作平台接到诉求函件")).toEqual([]);
    expect(findFigures("拨打“0412-12345”主动向所在的社区报备")).toEqual([]);
    expect(texts("四方台立交桥南（16万平）地块排迁")).toEqual(["16万平"]);
    expect(texts("已维修车行道4万平，人行道2万平。")).toEqual(["4万平", "2万平"]);
    expect(texts("1-12月，规上工业增加值同比增长12.3%；")).toEqual(["12.3%"]);
  });

  it("finds the figures of the corpus at the places they are published", () => {
    const text = realDoc(IDS.bulletin2023).text;
    const zonghe = text.split("\n").find((l) => l.startsWith("2023年，铁东区地区生产总值"))!;
    expect(texts(zonghe).filter((t) => !t.endsWith("%"))).toEqual([
      "314.6亿元",
      "39.73亿元",
      "22.8万平",
      "13.3亿元",
      "140.1亿元",
      "10.19亿元",
      "9.01亿元",
      "53771元",
      "10416人",
      "133918人",
      "92016人",
      "35452人",
    ]);
  });

  // BUG: a range such as `1-2家` or `70-80%` yields its upper bound alone (`2家`, `80%`), and the
  // extractor then writes the row `力争新增上市公司1-` = 2家. Expected: the range is not read as
  // the single figure `2家` (read it whole, or skip it); actual: ["10家", "2家"].
  it("does not read the upper bound of a range as a figure on its own", () => {
    expect(texts("培育上市后备企业10家，力争新增上市公司1-2家。")).toEqual(["10家", "1-2家"]);
  });
});

describe("findGrowths and parseGrowth", () => {
  it("resolves the sign from the verb and the number", () => {
    expect(parseGrowth("同比增长9.1%")).toEqual({ text: "同比增长9.1%", percent: 9.1, figure: "9.1%" });
    expect(parseGrowth("同比下降14.2%")).toEqual({ text: "同比下降14.2%", percent: -14.2, figure: "14.2%" });
    expect(parseGrowth("同比增长-26.4%")).toEqual({
      text: "同比增长-26.4%",
      percent: -26.4,
      figure: "-26.4%",
    });
    expect(parseGrowth("增长6%")).toEqual({ text: "增长6%", percent: 6, figure: "6%" });
    expect(parseGrowth("比上年提高2.1个百分点")).toEqual({
      text: "比上年提高2.1个百分点",
      percent: 2.1,
      figure: "2.1个百分点",
    });
    expect(parseGrowth("同比增长")).toBeNull();
  });

  it("finds every growth rate of a sentence with its offsets", () => {
    const sentence = "商品房销售面积完成22.8万平，同比增长-26.4%；商品房销售额完成13.3亿元，同比增长-35.5%；";
    const found = findGrowths(sentence);
    const second = sentence.indexOf("同比增长-35.5%");
    expect(found.map((g) => [g.growth.text, g.growth.percent, g.index, g.end])).toEqual([
      ["同比增长-26.4%", -26.4, 16, 26],
      ["同比增长-35.5%", -35.5, second, second + 10],
    ]);
    expect(
      findGrowths("2022年，铁东区地区生产总值累计完成285.9亿元，按可比价格计算，同比增长0.6%。"),
    ).toHaveLength(1);
  });
});

describe("decimalDifference", () => {
  it("subtracts published numerals exactly", () => {
    expect(decimalDifference("20.57", "13.3")).toBe("-7.27");
    expect(decimalDifference("7.8", "10.19")).toBe("2.39");
    expect(decimalDifference("10.19", "7.8")).toBe("-2.39");
    expect(decimalDifference("129513", "133918")).toBe("4405");
    expect(decimalDifference("285.9", "314.6")).toBe("28.7");
    expect(decimalDifference("0.6", "7.3")).toBe("6.7");
    expect(decimalDifference("-26.4", "9.1")).toBe("35.5");
    expect(decimalDifference("9.1", "-26.4")).toBe("-35.5");
    expect(decimalDifference("22", "22.0")).toBe("0.0");
  });
});
