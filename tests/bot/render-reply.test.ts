import { describe, expect, it } from "vitest";
import { renderTelegram, renderTerminal } from "../../src/bot/render-reply.js";
import { TELEGRAM_TEXT_LIMIT } from "../../src/bot/split-message.js";
import { makeAnswer, TIEDONG_2023_TITLE } from "./fixtures.js";

const ref = { epoch: "e1", answerId: 3 };

describe("renderTelegram", () => {
  it("sends a short answer as one message with its keyboard", () => {
    const messages = renderTelegram({ kind: "answer", answer: makeAnswer(), ref });
    expect(messages).toHaveLength(1);
    expect(messages[0]!.keyboard).toEqual({
      inline_keyboard: [[{ text: "原文 [1]", callback_data: "c:e1:3:1" }]],
    });
  });

  it("splits a long answer and puts the keyboard on the last message only", () => {
    const text = Array.from(
      { length: 150 },
      (_, i) => `${i + 1}. 社会消费品零售总额完成140.1亿元 [1]，同比增长9.1%。`,
    ).join("\n");
    const messages = renderTelegram({ kind: "answer", answer: makeAnswer({ text }), ref });
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) expect(m.html.length).toBeLessThanOrEqual(TELEGRAM_TEXT_LIMIT);
    expect(messages.slice(0, -1).every((m) => m.keyboard === undefined)).toBe(true);
    expect(messages.at(-1)!.keyboard).toBeDefined();
  });

  it("never returns an empty list", () => {
    expect(renderTelegram({ kind: "notice", text: "" })).toEqual([
      { html: "抱歉，这次没有得到可以显示的回答，请换个问法。" },
    ]);
  });
});

describe("renderTerminal", () => {
  it("renders the same answer without markup, with a /cite hint", () => {
    expect(renderTerminal({ kind: "answer", answer: makeAnswer(), ref })).toBe(
      [
        "铁东区2023年社会消费品零售总额为140.1亿元，同比增长9.1% [1]。",
        "",
        "出处",
        `[1] 《${TIEDONG_2023_TITLE}》 一、综合`,
        "",
        "输入 /cite n 查看第 n 条引用的原文。",
      ].join("\n"),
    );
  });
});
