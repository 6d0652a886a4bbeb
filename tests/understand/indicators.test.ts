/** The indicator dimension, Duckling style: each question with the indicators it must name. */
import { describe, expect, it } from "vitest";
import { INDICATOR_EXAMPLES } from "../../src/understand/corpus/subject.js";
import { read } from "./lexicon.js";

describe("indicators a question names", () => {
  it.each(INDICATOR_EXAMPLES)("%s", (question, indicators) => {
    expect(read(question).subject.indicators.map((m) => m.names[0])).toEqual(indicators);
  });

  it("narrows a name to the variant the question qualifies", () => {
    expect(read("铁西区2023年在职养老保险人数").subject.indicators[0]!.names).toEqual([
      "养老保险人数（在职）",
    ]);
    expect(read("铁西区2023年养老保险人数").subject.indicators[0]!.names).toEqual([
      "养老保险人数（含离退休职工）",
      "养老保险人数（在职）",
    ]);
  });
});
