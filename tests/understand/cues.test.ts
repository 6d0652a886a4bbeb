/** The follow-up mark, Duckling style: each message with what its mark or frame leaves. */
import { describe, expect, it } from "vitest";
import { readFollowUpMark } from "../../src/understand/cues.js";
import { MARK_EXAMPLES } from "../../src/understand/corpus/cues.js";

describe("follow-up marks and substitution frames", () => {
  it.each(MARK_EXAMPLES)("%s", (message, expected) => {
    expect(readFollowUpMark(message, false)).toEqual(expected);
  });

  it("a message that starts with a place has no frame to strip", () => {
    expect(readFollowUpMark("海城市呢", true)).toEqual({
      text: "海城市呢",
      marked: true,
      substitution: false,
    });
  });
});
