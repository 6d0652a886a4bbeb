/** The wording dimension, Duckling style: each typed example with the text it must become. */
import { describe, expect, it } from "vitest";
import { WORDING_EXAMPLES } from "../../src/understand/corpus/wording.js";
import { chineseDigitsToArabic, writtenForm } from "../../src/understand/wording.js";

describe("writtenForm", () => {
  it.each(WORDING_EXAMPLES)("%s → %s", (typed, written) => {
    expect(writtenForm(typed)).toBe(written);
  });
});

describe("chineseDigitsToArabic", () => {
  it("reads a year digit by digit", () => {
    expect(chineseDigitsToArabic("二〇二四")).toBe("2024");
    expect(chineseDigitsToArabic("二零一九")).toBe("2019");
  });
});
