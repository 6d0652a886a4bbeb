import { describe, expect, it } from "vitest";
import { dropRunningHeaders, isHardWrapped, joinHardWraps, undoMarkup } from "../../src/ingest/layout.js";
import { identity, rawSlice, toRuns, type MappedText } from "../../src/ingest/mapped-text.js";
import { normaliseDocument } from "../../src/ingest/normalise.js";

const run = (f: (t: MappedText) => MappedText, raw: string) => f(identity(raw)).text;

describe("undoMarkup", () => {
  it("drops page comments and image links, and unmarks Markdown headings and bold", () => {
    expect(run(undoMarkup, "## 一、综合\n<!-- Page Page 3 -->\n![](images/a.jpg)\n**表1 人口**\n")).toBe(
      "一、综合\n\n\n表1 人口\n",
    );
  });

  it("drops page numbers on their own lines but not figures", () => {
    expect(run(undoMarkup, "甲\n— 3 —\n-1-\n第 2 页 共 9 页\n20817.5\n乙")).toBe("甲\n\n\n\n20817.5\n乙");
  });

  it("marks the cells of HTML, Markdown and tab-separated tables with ｜", () => {
    expect(
      run(
        undoMarkup,
        "<table><tr><td>指标</td><td>2021年</td></tr><tr><td>地区生产总值</td><td>19917.0</td></tr></table>",
      ),
    ).toBe("\n<tr><td>指标｜<td>2021年</td>\n<tr><td>地区生产总值｜<td>19917.0</td>\n</table>");
    expect(run(undoMarkup, "财政总收入\t148.87\t3.5")).toBe("财政总收入｜148.87｜3.5");
  });
});

describe("dropRunningHeaders", () => {
  it("keeps the first of a short line repeated on every page and drops the rest", () => {
    const raw = [
      "洛阳市2023年统计公报",
      "正文一。",
      "洛阳市2023年统计公报",
      "正文二。",
      "洛阳市2023年统计公报",
    ].join("\n");
    expect(run(dropRunningHeaders, raw)).toBe("洛阳市2023年统计公报\n正文一。\n\n正文二。\n");
  });

  it("keeps repeated label lines (牵头单位：…)", () => {
    const raw = "牵头单位：市商务局\n1.甲。\n牵头单位：市商务局\n2.乙。\n牵头单位：市商务局";
    expect(run(dropRunningHeaders, raw)).toBe(raw);
  });
});

describe("joinHardWraps", () => {
  const paragraph = (n: number) =>
    Array.from(
      { length: n },
      (_, i) => `这是第${String(i).padStart(2, "0")}行正文内容，继续写到行末没有句号`,
    ).join("\n");

  it("leaves text written one paragraph a line alone", () => {
    const text = Array.from({ length: 40 }, (_, i) => `第${i}段，内容完整的一段话写在一行里。`).join("\n");
    expect(isHardWrapped(text)).toBe(false);
    expect(run(joinHardWraps, text)).toBe(text);
  });

  it("re-joins a word and a figure broken across lines and a page break in PDF text", () => {
    const raw = `${paragraph(40)}\n根据地区生产总值统一核算初步结果，全年实现地区生产总\n值（GDP）20817.5亿元，按可比价格计算，比上年增长\n\n2.8%。\n（二）财政税收\n表1：2022年地区生产总值\n指标`;
    const text = run(joinHardWraps, raw);
    expect(text).toContain(
      "全年实现地区生产总值（GDP）20817.5亿元，按可比价格计算，比上年增长2.8%。\n（二）财政税收\n表1：2022年地区生产总值\n指标",
    );
  });

  it("keeps the map to the raw text across a joined line", () => {
    const raw = `${paragraph(40)}\n全年实现地区生产总\n值（GDP）20817.5 亿元，增长 2.8%。`;
    const n = normaliseDocument(raw);
    const at = n.text.indexOf("地区生产总值（GDP）20817.5亿元");
    expect(at).toBeGreaterThan(0);
    expect(rawSlice(raw, n.offsets, at, at + "地区生产总值（GDP）20817.5亿元".length)).toBe(
      "地区生产总\n值（GDP）20817.5 亿元",
    );
    expect(toRuns(identity("a")).length).toBe(1);
  });
});
