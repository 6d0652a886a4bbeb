import { describe, expect, it } from "vitest";
import { cutSafely, splitMessage, TELEGRAM_TEXT_LIMIT } from "../../src/bot/split-message.js";
import { bold, line, plain } from "../../src/bot/rich-text.js";

const texts = (pieces: ReturnType<typeof splitMessage>) => pieces.map((p) => p.text);

describe("splitMessage", () => {
  it("keeps a short message whole, entities and all", () => {
    const message = line(bold("140.1亿元"), " [1]");
    const [piece] = splitMessage(message);
    expect(piece!.text).toBe("140.1亿元 [1]");
    expect(piece!.entities).toEqual([{ type: "bold", offset: 0, length: 7 }]);
  });

  it("returns nothing for text with nothing visible", () => {
    expect(splitMessage(plain(""))).toEqual([]);
    expect(splitMessage(plain("\n\n"))).toEqual([]);
  });

  it("cuts at line boundaries and drops the break", () => {
    expect(texts(splitMessage(plain("aaaa\nbbbb\ncccc"), 9))).toEqual(["aaaa\nbbbb", "cccc"]);
  });

  it("prefers a line break, then a sentence end, then a pause", () => {
    expect(texts(splitMessage(plain("一二。三四\n五六"), 6))).toEqual(["一二。三四", "五六"]);
    expect(texts(splitMessage(plain("一二。三四，五六七"), 7))).toEqual(["一二。", "三四，五六七"]);
    expect(texts(splitMessage(plain("一二，三四五六七"), 6))).toEqual(["一二，", "三四五六七"]);
  });

  it("never cuts inside a figure, a citation marker or a title", () => {
    // Regression (issue 18): an inline title was cut at "…159、19".
    expect(texts(splitMessage(plain("合计完成159.19亿元"), 9))).toEqual(["合计完成", "159.19亿元"]);
    expect(texts(splitMessage(plain("增长9.1%[17]。"), 6))).toEqual(["增长9.1%", "[17]。"]);
    expect(texts(splitMessage(plain("据此《鞍山市统计公报》"), 10))).toEqual(["据此", "《鞍山市统计公报》"]);
  });

  it("shifts and clips entities into each piece", () => {
    const message = line("前言\n", bold("一二三"), "\n后记");
    const pieces = splitMessage(message, 4);
    expect(texts(pieces)).toEqual(["前言", "一二三", "后记"]);
    expect(pieces[1]!.entities).toEqual([{ type: "bold", offset: 0, length: 3 }]);
  });

  it("keeps every piece within Telegram's limit", () => {
    const long = plain("社会消费品零售总额完成140.1亿元，同比增长9.1%。".repeat(400));
    for (const piece of splitMessage(long))
      expect(piece.text.length).toBeLessThanOrEqual(TELEGRAM_TEXT_LIMIT);
  });

  it("never splits a surrogate pair", () => {
    const pieces = splitMessage(plain("😀😀😀"), 3);
    expect(texts(pieces)).toEqual(["😀", "😀", "😀"]);
  });

  it("rejects a limit that is not a positive integer", () => {
    expect(() => splitMessage(plain("a"), 0)).toThrow(RangeError);
  });
});

describe("cutSafely", () => {
  it("keeps text that fits", () => {
    expect(cutSafely("铁东区2023年地区生产总值：314.6亿元", 64)).toBe("铁东区2023年地区生产总值：314.6亿元");
  });

  it("cuts before a figure rather than inside it, and marks the cut", () => {
    expect(cutSafely("两项合计完成投资159.19亿元，同比增长", 12)).toBe("两项合计完成投资…");
  });

  it("cuts before a citation or title rather than inside it", () => {
    expect(cutSafely("见文件[17] 《鞍山市2023年政府工作报告》", 12)).toBe("见文件[17]…");
  });
});
