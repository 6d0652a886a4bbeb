/** The measure dimension, Duckling style: each question with its measure word and topic terms. */
import { describe, expect, it } from "vitest";
import { MEASURE_EXAMPLES } from "../../src/understand/corpus/subject.js";
import { read } from "./lexicon.js";

describe("the measure word asked and the topic", () => {
  it.each(MEASURE_EXAMPLES)("%s → %s %j", (question, measure, terms) => {
    const { subject } = read(question);
    expect(subject.measure).toBe(measure);
    expect(subject.terms).toEqual(terms);
  });

  it("names the noun a figure counts: after the ask, or before it without a measure word", () => {
    expect(read("千山区发现多少处隐患问题").subject.head).toBe("隐患");
    expect(read("千山区检查罚款多少").subject.head).toBe("罚款");
    expect(read("千山区接种疫苗多少人").subject.head).toBeNull();
  });
});
