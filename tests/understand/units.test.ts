/** Work units as task tables write them: keys, abbreviations, the unit a question names. */
import { describe, expect, it } from "vitest";
import { findUnitMention, namesUnit, unitKey, unitsOf } from "../../src/understand/units.js";
import { UNITS } from "./lexicon.js";

describe("unit names", () => {
  it("keys drop notes, 等… tails and 人民", () => {
    expect(unitKey("市发展改革委（负责城镇居民人均可支配收入）")).toBe("市发展改革委");
    expect(unitKey("市建投集团等市属相关国有企业集团")).toBe("市建投集团");
    expect(unitKey("台安县人民政府")).toBe("台安县政府");
  });

  it("splits a column into its units", () => {
    expect(unitsOf("市商务局、海城市政府；市财政局")).toEqual(["市商务局", "海城市政府", "市财政局"]);
    expect(unitsOf(null)).toEqual([]);
  });

  it("matches abbreviations by rule, never a different body", () => {
    expect(namesUnit("市发改委", "市发展改革委")).toBe(true);
    expect(namesUnit("市卫健委", "市卫生健康委")).toBe(true);
    expect(namesUnit("市住建局", "市住房城乡建设局")).toBe(true);
    expect(namesUnit("台安县人民政府", "台安县政府")).toBe(true);
    expect(namesUnit("市委", "市卫生健康委")).toBe(false);
    expect(namesUnit("市城投集团", "市建投集团")).toBe(false);
  });

  it("finds the unit a question names, and where", () => {
    expect(findUnitMention("市发改委牵头哪些任务", UNITS)).toEqual({
      unit: "市发展改革委",
      start: 0,
      end: 4,
    });
    expect(findUnitMention("台安县人民政府牵头的任务", UNITS)?.unit).toBe("台安县政府");
    expect(findUnitMention("各县（市）区政府负责哪些任务", UNITS)?.unit).toBe("各县区政府");
    expect(findUnitMention("今天天气怎么样", UNITS)).toBeNull();
  });
});
