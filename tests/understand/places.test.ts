/** The place dimension, Duckling style: each question with the places it must name. */
import { describe, expect, it } from "vitest";
import { PLACE_EXAMPLES } from "../../src/understand/corpus/scope.js";
import { read } from "./lexicon.js";

describe("places a question names", () => {
  it.each(PLACE_EXAMPLES)("%s", (question, places) => {
    expect(read(question).scope.places.map((p) => [p.written, p.name, p.codes])).toEqual(places);
  });

  it("a parent written with the place names it exactly (qualified)", () => {
    expect(read("鞍山市铁东区2023年社零").scope.places[0]).toMatchObject({
      qualified: true,
      codes: ["210302"],
    });
    expect(read("铁东区2023年社零").scope.places[0]).toMatchObject({ qualified: false });
  });
});
