import { describe, expect, it } from "vitest";
import {
  convertKeepingLength,
  identity,
  rawOffset,
  rawSlice,
  rewrite,
  toRuns,
} from "../../src/ingest/mapped-text.js";
import { simplify } from "../../src/ingest/normalise.js";
import { corpusText } from "./fixtures.js";

// Fragments exactly as they stand in the corpus files (checked by the first test).
const SPACED = "地区生产总值完成 63.65 亿元"; // lishan report, spaces around the number
const ANNOTATED = "鐵東區(qū)地區(qū)生產(chǎn)總值"; // traditional bulletin, pinyin after characters
const TITLE = "鞍山市鐵東區(qū)2022年國民經(jīng)濟"; // traditional bulletin, title line
const PINYIN = /\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,8}\)/gu;

describe("fixtures", () => {
  it("are text of the corpus files", () => {
    expect(corpusText("lishan-2024h1-plan-execution-report.txt")).toContain(SPACED);
    const traditional = corpusText("tiedong-2022-statistical-bulletin-traditional.txt");
    expect(traditional).toContain(ANNOTATED);
    expect(traditional).toContain(TITLE);
  });
});

describe("identity", () => {
  it("maps every character to itself", () => {
    expect(identity("铁东区")).toEqual({ text: "铁东区", map: [0, 1, 2] });
    expect(identity("")).toEqual({ text: "", map: [] });
  });
});

describe("rewrite", () => {
  it("drops removed characters and their mapping", () => {
    const out = rewrite(identity(SPACED), / /gu, () => "");
    expect(out.text).toBe("地区生产总值完成63.65亿元");
    expect(out.map).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 15, 16]);
  });

  it("removes pinyin annotations keeping the offsets of the characters around them", () => {
    const out = rewrite(identity(ANNOTATED), PINYIN, () => "");
    expect(out.text).toBe("鐵東區地區生產總值");
    expect(out.map).toEqual([0, 1, 2, 7, 8, 13, 14, 21, 22]);
  });

  it("maps a same-length replacement character for character", () => {
    const out = rewrite(identity("养老保险人数(含离退休职工)133918人"), /[()]/gu, (m) =>
      m[0] === "(" ? "（" : "）",
    );
    expect(out.text).toBe("养老保险人数（含离退休职工）133918人");
    expect(out.map).toEqual(identity(out.text).map);
  });

  it("maps every character of a replacement of another length to the match's first offset", () => {
    const shorter = rewrite(identity(TITLE), /區\(qū\)/gu, () => "区");
    expect(shorter.text).toBe("鞍山市鐵東区2022年國民經(jīng)濟");
    expect(shorter.map.slice(0, 8)).toEqual([0, 1, 2, 3, 4, 5, 10, 11]);
    const longer = rewrite(identity("22.8万平"), /万平/gu, () => "万平方米");
    expect(longer.text).toBe("22.8万平方米");
    expect(longer.map).toEqual([0, 1, 2, 3, 4, 4, 4, 4]);
  });

  it("applies successive rewrites on top of each other", () => {
    let t = rewrite(identity(TITLE), PINYIN, () => "");
    t = rewrite(t, /[鐵東區國經濟]/gu, (m) => simplify(m[0]));
    expect(t.text).toBe("鞍山市铁东区2022年国民经济");
    expect(t.map).toEqual([0, 1, 2, 3, 4, 5, 10, 11, 12, 13, 14, 15, 16, 17, 24]);
  });

  it("refuses a regex without the global flag", () => {
    expect(() => rewrite(identity(SPACED), / /u, () => "")).toThrow(/global regex/);
  });
});

describe("convertKeepingLength", () => {
  it("keeps the map when the conversion keeps the length", () => {
    const input = rewrite(identity(ANNOTATED), PINYIN, () => "");
    const out = convertKeepingLength(input, simplify);
    expect(out).toEqual({ text: "铁东区地区生产总值", map: input.map });
  });

  it("falls back to line by line when a line changes length", () => {
    const input = identity("一、综合\n社会消费品零售总额128.4亿元");
    const out = convertKeepingLength(input, (s) => s.replace("综合", "综合情况"));
    expect(out.text).toBe("一、综合情况\n社会消费品零售总额128.4亿元");
    // The changed line maps to its first offset; the unchanged line keeps its exact offsets.
    expect(out.map.slice(0, 6)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(out.map.slice(6)).toEqual(input.map.slice(4));
  });
});

describe("toRuns, rawOffset and rawSlice", () => {
  const spaced = rewrite(identity(SPACED), / /gu, () => "");
  const runs = toRuns(spaced);

  it("compress the map into runs of consecutive offsets", () => {
    expect(runs).toEqual([
      [0, 0, 8],
      [8, 9, 5],
      [13, 15, 2],
    ]);
    expect(toRuns(identity("铁东区"))).toEqual([[0, 0, 3]]);
    expect(toRuns(identity(""))).toEqual([]);
    expect(toRuns(rewrite(identity("22.8万平"), /万平/gu, () => "万平方米"))).toEqual([
      [0, 0, 5],
      [5, 4, 1],
      [6, 4, 1],
      [7, 4, 1],
    ]);
  });

  it("map normalised offsets to raw offsets", () => {
    expect([0, 7, 8, 12, 13, 14].map((o) => rawOffset(runs, o))).toEqual([0, 7, 9, 13, 15, 16]);
    // Past the end: the last raw character; no runs at all: 0.
    expect(rawOffset(runs, 99)).toBe(16);
    expect(rawOffset([], 5)).toBe(0);
  });

  it("give back the raw text of a normalised range", () => {
    expect(spaced.text.slice(8, 15)).toBe("63.65亿元");
    expect(rawSlice(SPACED, runs, 8, 15)).toBe("63.65 亿元");
    expect(rawSlice(SPACED, runs, 0, spaced.text.length)).toBe(SPACED);
    expect(rawSlice(SPACED, runs, 8, 8)).toBe("");
    expect(rawSlice(SPACED, runs, 9, 8)).toBe("");
  });

  it("give back annotated traditional text for simplified text", () => {
    const simplified = convertKeepingLength(
      rewrite(identity(ANNOTATED), PINYIN, () => ""),
      simplify,
    );
    const annotatedRuns = toRuns(simplified);
    expect(annotatedRuns).toEqual([
      [0, 0, 3],
      [3, 7, 2],
      [5, 13, 2],
      [7, 21, 2],
    ]);
    expect(rawSlice(ANNOTATED, annotatedRuns, 3, 9)).toBe("地區(qū)生產(chǎn)總值");
    expect(rawSlice(ANNOTATED, annotatedRuns, 0, 3)).toBe("鐵東區");
  });
});
