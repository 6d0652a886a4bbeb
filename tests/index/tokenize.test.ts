import { beforeAll, describe, expect, it } from "vitest";
import { createTokenizer, STOP_WORDS, type Tokenizer } from "../../src/index/tokenize.js";

const SENTENCE = "社会消费品零售总额完成140.1亿元，同比增长9.1%";

describe("createTokenizer", () => {
  let plain: Tokenizer;
  let withTerms: Tokenizer;
  beforeAll(() => {
    plain = createTokenizer([]);
    withTerms = createTokenizer(["社会消费品零售总额", "规上工业增加值", "社零", " ", "GDP增速"]);
  });

  it("keeps a user term as one token and numbers whole", () => {
    expect(withTerms.tokens(SENTENCE)).toEqual([
      "社会消费品零售总额",
      "完成",
      "140.1",
      "亿元",
      "同比",
      "增长",
      "9.1%",
    ]);
  });

  it("splits the indicator name without the user dictionary", () => {
    const tokens = plain.tokens(SENTENCE);
    expect(tokens).not.toContain("社会消费品零售总额");
    expect(tokens).toContain("140.1");
    expect(tokens).toContain("9.1%");
  });

  it("drops punctuation, whitespace and stop words and lower-cases Latin letters", () => {
    const tokens = withTerms.tokens("铁东区 2023年的社零是多少？规上工业增加值呢！GDP增速（%）");
    expect(tokens).toEqual(["铁东区", "2023", "年", "社零", "规上工业增加值", "gdp增速"]);
    for (const t of tokens) {
      expect(STOP_WORDS.has(t)).toBe(false);
      expect(t).not.toMatch(/^[\p{P}\p{S}\s]+$/u);
    }
  });

  it("gives no tokens for text without words", () => {
    expect(withTerms.tokens("，。！？ \n")).toEqual([]);
    expect(withTerms.tokens("")).toEqual([]);
  });
});

describe("Tokenizer.parts", () => {
  const tokenizer = createTokenizer(["高速公路里程", "小学在校生", "城镇调查失业率"]);

  it("splits a compound name into its words, dropping pieces inside longer ones", () => {
    expect(tokenizer.parts("高速公路里程")).toEqual(["高速", "公路", "里程"]);
    expect(tokenizer.parts("小学在校生")).toEqual(["小学", "在校生"]);
    expect(tokenizer.parts("城镇调查失业率")).toEqual(["城镇", "调查", "失业率"]);
  });

  it("gives a word without parts back alone", () => {
    expect(tokenizer.parts("社零")).toEqual(["社零"]);
    expect(tokenizer.parts("GDP")).toEqual(["gdp"]);
  });
});
