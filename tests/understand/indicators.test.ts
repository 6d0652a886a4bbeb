/** The indicator dimension, Duckling style: each question with the indicators it must name. */
import { describe, expect, it } from "vitest";
import { INDICATOR_EXAMPLES } from "../../src/understand/corpus/subject.js";
import { read } from "./lexicon.js";

describe("indicators a question names", () => {
  it.each(INDICATOR_EXAMPLES)("%s", (question, indicators) => {
    expect(read(question).subject.indicators.map((m) => m.names[0])).toEqual(indicators);
  });

  it("keeps the words that ask for each name, for the qualifier rule (names are never narrowed)", () => {
    const one = read("铁西区2023年在职养老保险人数").subject.indicators;
    expect(one.map((m) => [m.names, m.asked])).toEqual([
      [["基本养老保险参保人数"], "2023年在职养老保险人数"],
    ]);
    // Each name asks with the words up to its neighbour (人均 is the second's, not the first's).
    const two = read("白城市2020年GDP和人均GDP分别是多少").subject.indicators;
    expect(two.map((m) => [m.asked.includes("人均"), m.asked.includes("GDP")])).toEqual([
      [false, true],
      [true, true],
    ]);
  });

  it("a share's side asks only with its own words", () => {
    const q = read("海城市2022年税收收入占一般公共预算收入多大比重");
    expect(q.ask.kind).toBe("ratio");
    if (q.ask.kind !== "ratio") return;
    expect(q.ask.part.indicators.map((m) => m.asked)).toEqual(["2022年税收收入"]);
    expect(q.ask.whole?.indicators.map((m) => m.names)).toEqual([["一般公共预算收入"]]);
  });
});
