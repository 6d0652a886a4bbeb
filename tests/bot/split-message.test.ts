import { describe, expect, it } from "vitest";
import { splitMessage, TELEGRAM_TEXT_LIMIT } from "../../src/bot/split-message.js";

/** Tags of a piece are balanced: every opened tag is closed in order. */
function balanced(html: string): boolean {
  const stack: string[] = [];
  for (const [tag, close, name] of html.matchAll(/<(\/?)([a-z]+)[^>]*>/g)) {
    void tag;
    if (close) {
      if (stack.pop() !== name) return false;
    } else stack.push(name!);
  }
  return stack.length === 0;
}

describe("splitMessage", () => {
  it("keeps a short message whole", () => {
    expect(splitMessage("<b>140.1亿元</b> [1]")).toEqual(["<b>140.1亿元</b> [1]"]);
  });

  it("returns nothing for text with nothing visible", () => {
    expect(splitMessage("")).toEqual([]);
    expect(splitMessage("\n\n")).toEqual([]);
  });

  it("cuts at line boundaries and drops the break", () => {
    expect(splitMessage("aaaa\nbbbb\ncccc", 9)).toEqual(["aaaa\nbbbb", "cccc"]);
  });

  it("prefers a line break over a sentence end", () => {
    expect(splitMessage("一。二\n三四", 5)).toEqual(["一。二", "三四"]);
  });

  it("inside an over-long line, prefers a sentence end", () => {
    expect(splitMessage("一二。三四五六", 6)).toEqual(["一二。", "三四五六"]);
  });

  it("never cuts inside a tag", () => {
    expect(splitMessage("<b>abc</b>\n<b>def</b>", 12)).toEqual(["<b>abc</b>", "<b>def</b>"]);
  });

  it("closes a tag at the cut and reopens it in the next piece", () => {
    expect(splitMessage("<b>一二三四五六</b>", 12)).toEqual(["<b>一二三四五</b>", "<b>六</b>"]);
  });

  it("reopens a tag with its attributes", () => {
    expect(splitMessage('<a href="u">abcd</a>', 18)).toEqual(['<a href="u">ab</a>', '<a href="u">cd</a>']);
  });

  it("never cuts inside an entity", () => {
    expect(splitMessage("a&amp;b", 5)).toEqual(["a", "&amp;", "b"]);
  });

  it("never cuts a surrogate pair", () => {
    expect(splitMessage("😀😀", 3)).toEqual(["😀", "😀"]);
  });

  it("splits a long answer into pieces that rejoin to the original", () => {
    const line = "铁东区社会消费品零售总额完成<b>140.1亿元</b>，同比增长<b>9.1%</b> [1]；&lt;注&gt;";
    const html = Array.from({ length: 200 }, (_, i) => `${i + 1}. ${line}`).join("\n");
    expect(html.length).toBeGreaterThan(TELEGRAM_TEXT_LIMIT * 2);
    const pieces = splitMessage(html);
    expect(pieces.length).toBe(4); // 12 691 characters
    for (const piece of pieces) {
      expect(piece.length).toBeLessThanOrEqual(TELEGRAM_TEXT_LIMIT);
      expect(balanced(piece)).toBe(true);
    }
    expect(pieces.join("\n")).toBe(html);
  });

  it("hard-splits one over-long line with balanced tags in every piece", () => {
    const html = `<i>${"很长的一句话，".repeat(1000)}</i>`;
    const pieces = splitMessage(html);
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) {
      expect(piece.length).toBeLessThanOrEqual(TELEGRAM_TEXT_LIMIT);
      expect(piece.startsWith("<i>") && piece.endsWith("，</i>")).toBe(true);
      expect(balanced(piece)).toBe(true);
    }
    expect(pieces.map((p) => p.slice(3, -4)).join("")).toBe("很长的一句话，".repeat(1000));
  });

  it("rejects a limit below 1", () => {
    expect(() => splitMessage("x", 0)).toThrow(RangeError);
  });
});
