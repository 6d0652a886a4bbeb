/**
 * The region a document speaks for, from its whole text with the gazetteer. Example corpus:
 * heads and bodies written the way documents of every level are (nation, province, autonomous
 * region, city, autonomous prefecture, district), with and without a place in the title, each
 * with the division it must read as.
 */
import { describe, expect, it } from "vitest";
import { detectRegion, withoutNames } from "../../src/ingest/detect-region.js";
import { readHead } from "../../src/ingest/document-head.js";
import { qualifiedName } from "../../src/ingest/gazetteer.js";
import { issuerLevel } from "../../src/ingest/issuer-level.js";

const region = (text: string) => {
  const code = detectRegion(readHead(text), text, [], undefined)?.code;
  return code ? qualifiedName(code) : null;
};

/** Repeats a sentence, as a report's body names its own place and level again and again. */
const body = (sentence: string, times = 5) => Array.from({ length: times }, () => sentence).join("\n");

const EXAMPLES: Array<[string, string, string | null]> = [
  [
    "a province in the title",
    "浙江省2019年政府工作报告\n各位代表：\n" + body("全省经济平稳增长。"),
    "浙江省",
  ],
  [
    "the nation from its statistics bureau",
    "2012年\n中华人民共和国国家统计局\n2013年2月22日\n2012年，全国各族人民…。",
    "全国",
  ],
  ["the nation from the title", "中华人民共和国2019年国民经济和社会发展统计公报", "全国"],
  [
    "a city from the subtitle's venue",
    "政府工作报告\n——2022年1月9日在乌鲁木齐市第十七届人民代表大会第一次会议上\n各位代表：\n" +
      body("全市上下…。"),
    "乌鲁木齐市",
  ],
  [
    "a city whose report names its province more than its level's other places",
    "2010年政府工作报告\n各位代表：\n现在，我代表市人民政府向大会报告工作。\n" +
      body("宁波经济发展迈上新台阶，居全省第一。") +
      body("全省推广杭州经验。", 2),
    "宁波市",
  ],
  [
    "a province with no name in the head, named in the body",
    "政府工作报告\n各位代表：\n现在，我代表省人民政府向大会报告工作。\n" +
      body("江西全省上下…。") +
      "南昌、赣州…。",
    "江西省",
  ],
  [
    "an autonomous region (全区) named by its short form",
    "2023年政府工作报告\n各位代表：\n现在，我代表自治区人民政府，向大会报告政府工作。\n" +
      body("全区各族人民…，广西…。"),
    "广西壮族自治区",
  ],
  [
    "an autonomous prefecture by its short form in the title",
    "黔东南州2016年国民经济和社会发展统计公报\n" + body("全州地区生产总值…。"),
    "黔东南苗族侗族自治州",
  ],
  [
    "a district with its city as qualifier",
    "鞍山市铁东区2023年国民经济和社会发展统计公报\n" + body("2023年，铁东区…，全区…。"),
    "鞍山市铁东区",
  ],
  [
    "a speaker's name that is also a county's short form is no place",
    "玉溪市政府工作报告（2023年1月6日 江华）\n各位代表：\n" + body("全市…。"),
    "玉溪市",
  ],
  [
    "a province named only through its cities",
    "1983年政府工作报告\n各位代表:\n现在，我代表省政府向大会报告工作。\n" +
      body("我省杭州、宁波、温州…，全省…。") +
      "湖南、浙江的经验…。",
    "浙江省",
  ],
  [
    "no place anywhere",
    "政府工作报告\n各位代表：\n现在，我代表市人民政府向大会报告工作。\n" + body("全市…。"),
    null,
  ],
];

describe("the region of a document", () => {
  for (const [what, text, expected] of EXAMPLES) {
    it(what, () => {
      expect(region(text)).toBe(expected);
    });
  }
});

describe("the level a document speaks for", () => {
  it("reads the body it represents, else its most frequent self-reference", () => {
    expect(issuerLevel("现在，我代表市人民政府向大会报告工作。全省第一。全省第一。", "")?.suffix).toBe("市");
    expect(issuerLevel("现在，我代表自治区人民政府，向大会报告。", "")?.suffix).toBe("区");
    expect(issuerLevel(body("全州上下…。"), "")?.suffix).toBe("州");
    expect(issuerLevel(body("我国经济…，全国…。"), "")?.suffix).toBe("国");
    expect(issuerLevel("全年", "中华人民共和国国家统计局")?.suffix).toBe("国");
    expect(issuerLevel("经济平稳。", "")).toBeNull();
  });

  it("does not count comparisons with the level above as self-references", () => {
    expect(issuerLevel("居全省第一。高于全省5.8个百分点。获全省推广。全市上下…。", "")?.suffix).toBe("市");
  });
});

describe("people's names in head lines", () => {
  it("drops the speaker after an office and after a date in brackets", () => {
    expect(withoutNames("市长王洪斌")).toBe("市长");
    expect(withoutNames("海南省省长冯飞")).toBe("海南省省长");
    expect(withoutNames("玉溪市政府工作报告（2023年1月6日江华）")).toBe("玉溪市政府工作报告（2023年1月6日）");
    expect(withoutNames("（2021年1月25日在吉林省第十三届人民代表大会第四次会议上韩俊）")).toBe(
      "（2021年1月25日在吉林省第十三届人民代表大会第四次会议上）",
    );
  });
});
