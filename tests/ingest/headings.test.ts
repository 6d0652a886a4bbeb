import { describe, expect, it } from "vitest";
import { UNIT_LINE, headingMarker, headingTitle, markerNumber } from "../../src/ingest/headings.js";
import { IDS, realDoc } from "./fixtures.js";

/** The normalised line of a corpus document that starts with `prefix`. */
const lineOf = (id: string, prefix: string) => {
  const line = realDoc(id)
    .text.split("\n")
    .find((l) => l.startsWith(prefix));
  if (!line) throw new Error(`no line starting with ${prefix} in ${id}`);
  return line;
};

describe("headingMarker", () => {
  it("recognises the five numbering styles on corpus lines", () => {
    expect(headingMarker(lineOf(IDS.bulletin2023, "一、综合"))).toEqual({ style: "cn-dun", marker: "一、" });
    expect(headingMarker(lineOf(IDS.tasks, "十二、"))).toEqual({ style: "cn-dun", marker: "十二、" });
    expect(headingMarker(lineOf(IDS.lishan, "（一）锚定"))).toEqual({ style: "cn-paren", marker: "（一）" });
    expect(headingMarker(lineOf(IDS.tasks, "17."))).toEqual({ style: "num-dot", marker: "17." });
    expect(headingMarker(lineOf(IDS.bulletin2022, "（1）华尔街项目"))).toEqual({
      style: "num-paren",
      marker: "（1）",
    });
    // The 2022 bulletin's ninth chapter, `- 市場管理` in the source, normalised to `-市场管理`.
    expect(lineOf(IDS.bulletin2022, "-")).toBe("-市场管理");
    expect(headingMarker("-市场管理")).toEqual({ style: "dash", marker: "-" });
    expect(headingMarker("- 市場管理")).toEqual({ style: "dash", marker: "- " });
  });

  it("accepts half-width brackets as published", () => {
    expect(headingMarker("(一)千方百计稳企惠企助企")).toEqual({ style: "cn-paren", marker: "(一)" });
    expect(headingMarker("(1)華爾街項目。")).toEqual({ style: "num-paren", marker: "(1)" });
  });

  it("takes `4.4-9月份…` for item 4 but not a line starting with a decimal figure", () => {
    expect(headingMarker(lineOf(IDS.bulletin2022, "4.4-9月份"))).toEqual({ style: "num-dot", marker: "4." });
    expect(headingMarker("2.815万元")).toBeNull();
    expect(headingMarker("3.4%")).toBeNull();
  });

  it("ignores paragraphs, dates and unit lines", () => {
    expect(headingMarker(lineOf(IDS.bulletin2023, "2023年，铁东区地区生产总值"))).toBeNull();
    expect(headingMarker("1-12月，规上工业增加值同比增长12.3%；")).toBeNull();
    expect(headingMarker("牵头单位：市商务局")).toBeNull();
    expect(headingMarker("——在立山区第十九届人民代表大会第17次会议上")).toBeNull();
    expect(UNIT_LINE.test("牵头单位：市商务局")).toBe(true);
    expect(UNIT_LINE.test("责任单位:海城市政府")).toBe(true);
    expect(UNIT_LINE.test("17.举办汽车嘉年华。")).toBe(false);
  });
});

describe("headingTitle and markerNumber", () => {
  it("keeps a short heading whole and cuts a lead sentence at its first stop", () => {
    expect(headingTitle("一、综合")).toBe("一、综合");
    expect(headingTitle("17.举办汽车嘉年华。")).toBe("17.举办汽车嘉年华");
    expect(headingTitle(lineOf(IDS.bulletin2023, "（二）婚姻登记办主要指标"))).toBe(
      "（二）婚姻登记办主要指标",
    );
  });

  it("cuts a long lead clause at 40 characters with …", () => {
    expect(headingTitle(lineOf(IDS.bulletin2023, "（一）全区共有城乡低保户"))).toBe(
      "（一）全区共有城乡低保户3084户3854人、特困供养人员223户225人、孤儿…",
    );
  });

  it("reads the number of a numbered marker", () => {
    expect(markerNumber("17.")).toBe(17);
    expect(markerNumber("210.")).toBe(210);
    expect(markerNumber("（3）")).toBe(3);
    expect(markerNumber("（一）")).toBeNull();
  });
});
