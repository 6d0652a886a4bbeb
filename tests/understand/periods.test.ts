/** The period dimension, Duckling style: each question with the period it must name. */
import { describe, expect, it } from "vitest";
import { PERIOD_EXAMPLES } from "../../src/understand/corpus/scope.js";
import { read } from "./lexicon.js";

describe("periods a question names", () => {
  it.each(PERIOD_EXAMPLES)("%s", (question, period) => {
    expect(read(question).scope.period).toMatchObject(period);
  });
});
