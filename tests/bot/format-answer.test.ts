import { describe, expect, it } from "vitest";
import {
  citeButtonData,
  excerptLines,
  figureStrings,
  formatAnswer,
  markFigures,
  parseCiteButton,
  sourcesLines,
} from "../../src/bot/format-answer.js";
import { escapeHtml, renderHtml, renderPlain } from "../../src/bot/rich-text.js";
import { makeAnswer, makeCitation, makeFact, SOURCES, TIEDONG_2023_TITLE } from "./fixtures.js";

describe("escapeHtml", () => {
  it("escapes exactly &, < and >", () => {
    expect(escapeHtml(`a & b < c > d "e" 'f'`)).toBe(`a &amp; b &lt; c &gt; d "e" 'f'`);
  });

  it("escapes & first so entities are not double-read", () => {
    expect(escapeHtml("&lt;")).toBe("&amp;lt;");
  });
});

describe("formatAnswer", () => {
  it("bolds the figures, keeps the markers and lists the sources", () => {
    const { html } = formatAnswer(makeAnswer(), { epoch: "e1", answerId: 7 });
    expect(html).toBe(
      "铁东区2023年社会消费品零售总额为<b>140.1亿元</b>，同比增长<b>9.1%</b> [1]。\n" +
        "\n" +
        "<b>出处</b>\n" +
        `[1] 《${TIEDONG_2023_TITLE}》 一、综合`,
    );
  });

  it("bolds a citation's figure when the answer has no facts (a task's lead unit)", () => {
    const answer = makeAnswer({
      intent: "lead",
      text: "第50项任务“发布数字经济应用场景机会清单”，牵头单位：市工业和信息化局[1]。",
      facts: [],
      citations: [makeCitation({ figure: "市工业和信息化局", section: "（二）加快数字经济发展" })],
    });
    expect(formatAnswer(answer).html.split("\n")[0]).toBe(
      "第50项任务“发布数字经济应用场景机会清单”，牵头单位：<b>市工业和信息化局</b>[1]。",
    );
  });

  it("makes one 原文 button per citation, four per row", () => {
    const citations = [1, 2, 3, 4, 5].map((id) => makeCitation({ id }));
    const { keyboard } = formatAnswer(makeAnswer({ citations }), { epoch: "e1", answerId: 7 });
    expect(keyboard).toEqual({
      inline_keyboard: [
        [1, 2, 3, 4].map((n) => ({ text: `原文 [${n}]`, callback_data: `c:e1:7:${n}` })),
        [{ text: "原文 [5]", callback_data: "c:e1:7:5" }],
      ],
    });
  });

  it("makes no keyboard without citations or without a stored ref", () => {
    expect(
      formatAnswer(makeAnswer({ citations: [] }), { epoch: "e1", answerId: 1 }).keyboard,
    ).toBeUndefined();
    expect(formatAnswer(makeAnswer()).keyboard).toBeUndefined();
  });

  it("escapes corpus text in the answer, the titles and the section path", () => {
    const answer = makeAnswer({
      text: "A&B <公司> 完成140.1亿元 [1]",
      citations: [makeCitation({ title: "<标题>", section: "一、综合 > （一）就业" })],
    });
    expect(formatAnswer(answer).html).toBe(
      "A&amp;B &lt;公司&gt; 完成<b>140.1亿元</b> [1]\n\n<b>出处</b>\n[1] 《&lt;标题&gt;》 一、综合 &gt; （一）就业",
    );
  });

  it("lists the choices of a clarify answer", () => {
    const answer = makeAnswer({
      status: "clarify",
      text: "您问的是哪个区？",
      facts: [],
      citations: [],
      options: ["铁东区2023年社零总额", "立山区2024年上半年社零总额"],
    });
    expect(formatAnswer(answer).html).toBe(
      "您问的是哪个区？\n\n<b>可以这样问：</b>\n• 铁东区2023年社零总额\n• 立山区2024年上半年社零总额",
    );
  });

  it("adds the /help hint to a not_found answer", () => {
    const answer = makeAnswer({ status: "not_found", text: "没有找到。", facts: [], citations: [] });
    expect(formatAnswer(answer).html).toBe("没有找到。\n\n发送 /help 查看可以问哪些问题。");
    const helpful = makeAnswer({
      status: "not_found",
      text: "没有找到，发送 /help 查看示例。",
      facts: [],
      citations: [],
    });
    expect(formatAnswer(helpful).html).toBe("没有找到，发送 /help 查看示例。");
  });
});

describe("markFigures", () => {
  it("does not mark a figure inside a longer number", () => {
    expect(markFigures("增长19.1%，另一项9.1%", ["9.1%"])).toEqual([
      { text: "增长19.1%，另一项" },
      { text: "9.1%", style: "b" },
    ]);
  });

  it("lets the longer figure win when figures overlap", () => {
    expect(markFigures("销售额13.3亿元", ["13.3", "13.3亿元"])).toEqual([
      { text: "销售额" },
      { text: "13.3亿元", style: "b" },
    ]);
  });

  it("marks every occurrence and computed differences too", () => {
    const answer = makeAnswer({
      citations: [],
      facts: [
        makeFact({ value: "20.57亿元", growth: null }),
        makeFact({ value: "13.3亿元", growth: null }),
        makeFact({ value: "-7.27亿元", growth: null, computed: true, citation: null }),
      ],
    });
    const figures = figureStrings(answer);
    expect(figures).toEqual(["20.57亿元", "-7.27亿元", "13.3亿元", "7.27亿元"]);
    const html = renderHtml([
      markFigures("2022年20.57亿元 [1]，2023年13.3亿元 [2]，减少7.27亿元。", figures),
    ]);
    expect(html).toBe("2022年<b>20.57亿元</b> [1]，2023年<b>13.3亿元</b> [2]，减少<b>7.27亿元</b>。");
  });
});

describe("cite button data", () => {
  it("round-trips and stays within Telegram's 64 bytes", () => {
    const button = { epoch: "zzzzzzz", answerId: 999_999_999_999_999, citationId: 9999 };
    const data = citeButtonData(button);
    expect(Buffer.byteLength(data, "utf8")).toBeLessThanOrEqual(64);
    expect(parseCiteButton(data)).toEqual(button);
  });

  it("rejects other data", () => {
    expect(parseCiteButton("c:e1:7")).toBeNull();
    expect(parseCiteButton("c:E1:7:1")).toBeNull();
    expect(parseCiteButton("x:e1:7:1")).toBeNull();
    expect(parseCiteButton("")).toBeNull();
  });
});

describe("excerptLines", () => {
  it("does not repeat a title and section the excerpt already shows", () => {
    const excerpt = `《${TIEDONG_2023_TITLE}》\n一、综合\n…「社会消费品零售总额完成【140.1亿元】，同比增长9.1%；」…`;
    expect(renderHtml(excerptLines(makeCitation(), excerpt))).toBe(
      `<b>原文 [1]</b>\n\n《${TIEDONG_2023_TITLE}》\n一、综合\n…「社会消费品零售总额完成<b>【140.1亿元】</b>，同比增长9.1%；」…`,
    );
  });

  it("shows the title and the excerpt with the figure in bold", () => {
    const excerpt = "一、综合\n社会消费品零售总额完成【140.1亿元】，同比增长9.1%；";
    expect(renderHtml(excerptLines(makeCitation(), excerpt))).toBe(
      `<b>原文 [1]</b> 《${TIEDONG_2023_TITLE}》\n\n一、综合\n社会消费品零售总额完成<b>【140.1亿元】</b>，同比增长9.1%；`,
    );
  });

  it("adds the section when the excerpt does not name it", () => {
    const citation = makeCitation({ section: "二、社会保障 > （一）低保" });
    expect(renderHtml(excerptLines(citation, "共有<低保户>【3084户】"))).toBe(
      `<b>原文 [1]</b> 《${TIEDONG_2023_TITLE}》\n<i>二、社会保障 &gt; （一）低保</i>\n\n共有&lt;低保户&gt;<b>【3084户】</b>`,
    );
  });
});

describe("sourcesLines", () => {
  it("lists title, region, period, kind, file and notes", () => {
    expect(renderPlain(sourcesLines(SOURCES))).toBe(
      [
        "资料来源（共 2 份）",
        "",
        `1. 《${TIEDONG_2023_TITLE}》`,
        "地区：铁东区｜时期：2023年｜类型：统计公报",
        "文件：tiedong-2023-statistical-bulletin.txt",
        "⚠ 数据质量：标题中的城市名与正文不一致。",
        "",
        "2. 《关于立山区2024年上半年国民经济和社会发展计划执行情况的报告》",
        "地区：立山区｜时期：2024年上半年｜类型：计划执行报告",
        "文件：lishan-2024h1-plan-execution-report.txt",
      ].join("\n"),
    );
  });
});
