/** The ask dimension, Duckling style: each question with the ask it must be read as. */
import { describe, expect, it } from "vitest";
import { ASK_EXAMPLES } from "../../src/understand/corpus/asks.js";
import { read } from "./lexicon.js";

describe("what a question asks", () => {
  it.each(ASK_EXAMPLES)("%s", (question, ask) => {
    expect(read(question).ask).toMatchObject(ask);
  });

  it("reads the parts of a multi-part question as questions of their own, sharing the scope", () => {
    const q = read("千山区2022年GDP是多少？增长了多少？");
    const parts = q.ask.kind === "multi" ? q.ask.parts : [];
    expect(parts.map((p) => p.ask.kind)).toEqual(["value", "growth"]);
    // The second part has no subject of its own: it asks about the first part's.
    expect(parts.map((p) => p.subject.indicators[0]?.names[0])).toEqual(["地区生产总值", "地区生产总值"]);
    expect(parts.every((p) => p.scope.period.years[0] === 2022)).toBe(true);
  });

  it("gives a ratio's part and whole their own subjects", () => {
    const q = read("千山区税收占财政收入的比重");
    expect(
      q.ask.kind === "ratio" && [q.ask.part.indicators[0]?.names[0], q.ask.whole?.indicators[0]?.names[0]],
    ).toEqual(["税收收入", "一般公共预算收入"]);
  });
});
