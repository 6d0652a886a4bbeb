import { describe, expect, it } from "vitest";
import { renderTelegram, renderTerminal } from "../../src/bot/render-reply.js";
import { TELEGRAM_TEXT_LIMIT } from "../../src/bot/split-message.js";
import { makeAnswer, makeCitation, TIEDONG_2023_TITLE } from "./fixtures.js";

const ref = { epoch: "e1", answerId: 3 };

describe("renderTelegram", () => {
  it("sends a short answer as one message, figures in bold by entities", () => {
    const [message, ...rest] = renderTelegram({ kind: "answer", answer: makeAnswer(), ref });
    expect(rest).toEqual([]);
    const bold = message!.entities
      .filter((e) => e.type === "bold")
      .map((e) => message!.text.slice(e.offset, e.offset + e.length));
    expect(bold).toEqual(["140.1亿元", "9.1%", "出处"]);
  });

  it("splits a long answer within the limit, never inside a figure", () => {
    const text = Array.from(
      { length: 150 },
      (_, i) => `${i + 1}. 社会消费品零售总额完成140.1亿元 [1]，同比增长9.1%。`,
    ).join("");
    const messages = renderTelegram({ kind: "answer", answer: makeAnswer({ text }), ref });
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) expect(m.text.length).toBeLessThanOrEqual(TELEGRAM_TEXT_LIMIT);
    for (const m of messages.slice(0, -1)) expect(m.text).toMatch(/。$/u);
  });

  it("shows a list answer as its first page", () => {
    const citations = Array.from({ length: 12 }, (_, i) =>
      makeCitation({ id: i + 1, title: "任务分解方案" }),
    );
    const answer = makeAnswer({
      text: "…",
      facts: [],
      citations,
      list: {
        title: "市发展改革委牵头的任务",
        source: "任务分解方案",
        role: "牵头",
        items: citations.map((c) => ({ label: `第${c.id}项 任务${c.id}（牵头）`, citation: c.id })),
      },
    });
    const [page] = renderTelegram({ kind: "answer", answer, ref });
    expect(page!.text.split("\n")).toEqual([
      "市发展改革委牵头的任务（共12项，均为牵头）",
      "据《任务分解方案》：",
      ...Array.from({ length: 10 }, (_, i) => `${i + 1}. 第${i + 1}项 任务${i + 1}（牵头）`),
      "第1/2页 · 点“原文”可查看其中一项的出处",
    ]);
  });

  it("never returns an empty list", () => {
    expect(renderTelegram({ kind: "notice", text: "" }).map((m) => m.text)).toEqual([
      "抱歉，这次没有得到可以显示的回答，请换个问法。",
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

  it("writes a clarification's choices as text (there are no buttons)", () => {
    const answer = makeAnswer({
      status: "clarify",
      text: "您是不是要问：社零总额？",
      facts: [],
      citations: [],
      options: ["2023年铁东区社零总额是多少"],
    });
    expect(renderTerminal({ kind: "answer", answer, ref })).toBe(
      "您是不是要问：社零总额？\n\n可以这样问：\n• 2023年铁东区社零总额是多少",
    );
  });
});
