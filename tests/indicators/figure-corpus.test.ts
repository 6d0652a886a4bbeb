import { describe, expect, it } from "vitest";
import { FIGURE_EXAMPLES, GROWTH_EXAMPLES } from "../../src/indicators/figure-corpus.js";
import { findFigures, findGrowths, parseHanNumeral } from "../../src/indicators/parse-figure.js";

describe("the figure grammar's corpus", () => {
  it.each(FIGURE_EXAMPLES.map((e) => [e.text, e.figures] as const))("%s", (text, figures) => {
    const growths = findGrowths(text);
    const found = findFigures(text)
      .filter((f) => !growths.some((g) => f.index < g.end && g.index < f.end) || figures.length > 0)
      .map((f) => `${f.figure.text} = ${f.figure.number} ${f.figure.unit}`);
    expect(found).toEqual(figures);
  });

  it.each(GROWTH_EXAMPLES.map((e) => [e.text, e.growths] as const))("%s", (text, growths) => {
    expect(findGrowths(text).map((g) => `${g.growth.text} = ${g.growth.percent}`)).toEqual(growths);
  });
});

describe("parseHanNumeral", () => {
  it("reads positional and unit-character numerals", () => {
    expect(parseHanNumeral("二〇二三")).toBe(2023);
    expect(parseHanNumeral("一千二百")).toBe(1200);
    expect(parseHanNumeral("十三")).toBe(13);
    expect(parseHanNumeral("三百零五")).toBe(305);
    expect(parseHanNumeral("两千")).toBe(2000);
    expect(parseHanNumeral("十二万")).toBeNull();
    expect(parseHanNumeral("成都")).toBeNull();
  });
});
