import { describe, expect, it } from "vitest";
import {
  answerText,
  excerptText,
  figureStrings,
  markFigures,
  noteForStaff,
  pasteReadyCitation,
  sourcesText,
} from "../../src/bot/format-answer.js";
import { makeAnswer, makeCitation, makeFact, SOURCES, TIEDONG_2023_TITLE } from "./fixtures.js";
import { markedOf } from "./formatted.js";

describe("answerText", () => {
  it("bolds the figures, keeps the markers and lists the sources", () => {
    expect(markedOf(answerText(makeAnswer()))).toBe(
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
    expect(markedOf(answerText(answer)).split("\n")[0]).toBe(
      "第50项任务“发布数字经济应用场景机会清单”，牵头单位：<b>市工业和信息化局</b>[1]。",
    );
  });

  it("names a document once when several citations come from it", () => {
    const answer = makeAnswer({
      text: "两项 [1][2]",
      facts: [],
      citations: [makeCitation(), makeCitation({ id: 2, section: "二、工业", page: 3 })],
    });
    expect(answerText(answer).text.split("\n").slice(2)).toEqual([
      "出处",
      `《${TIEDONG_2023_TITLE}》`,
      "[1] 一、综合",
      "[2] 二、工业 第3页",
    ]);
  });

  it("keeps corpus text as written (entities need no escaping)", () => {
    const answer = makeAnswer({
      text: "A&B <公司> 完成140.1亿元 [1]",
      citations: [makeCitation({ title: "<标题>", section: "一、综合 > （一）就业" })],
    });
    expect(markedOf(answerText(answer))).toBe(
      "A&B <公司> 完成<b>140.1亿元</b> [1]\n\n<b>出处</b>\n[1] 《<标题>》 一、综合 > （一）就业",
    );
  });

  it("leaves a clarification's choices to the buttons, or writes them for the terminal", () => {
    const answer = makeAnswer({
      status: "clarify",
      text: "您问的是哪个区？",
      facts: [],
      citations: [],
      options: ["铁东区2023年社零总额", "立山区2024年上半年社零总额"],
    });
    expect(answerText(answer).text).toBe("您问的是哪个区？");
    expect(markedOf(answerText(answer, { optionsAsText: true }))).toBe(
      "您问的是哪个区？\n\n<b>可以这样问：</b>\n• 铁东区2023年社零总额\n• 立山区2024年上半年社零总额",
    );
  });

  it("adds the /help hint to a not_found answer", () => {
    const answer = makeAnswer({ status: "not_found", text: "没有找到。", facts: [], citations: [] });
    expect(answerText(answer).text).toBe("没有找到。\n\n发送 /help 查看可以问哪些问题。");
    const helpful = makeAnswer({
      status: "not_found",
      text: "没有找到，发送 /help 查看示例。",
      facts: [],
      citations: [],
    });
    expect(answerText(helpful).text).toBe("没有找到，发送 /help 查看示例。");
  });
});

describe("markFigures", () => {
  it("does not mark a figure inside a longer number", () => {
    expect(markedOf(markFigures("增长19.1%，另一项9.1%", ["9.1%"]))).toBe("增长19.1%，另一项<b>9.1%</b>");
  });

  it("lets the longer figure win when figures overlap", () => {
    expect(markedOf(markFigures("销售额13.3亿元", ["13.3", "13.3亿元"]))).toBe("销售额<b>13.3亿元</b>");
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
    expect(markedOf(markFigures("2022年20.57亿元 [1]，2023年13.3亿元 [2]，减少7.27亿元。", figures))).toBe(
      "2022年<b>20.57亿元</b> [1]，2023年<b>13.3亿元</b> [2]，减少<b>7.27亿元</b>。",
    );
  });
});

describe("excerptText", () => {
  it("does not repeat a title and section the excerpt already shows; ends with the paste-ready citation", () => {
    const excerpt = `《${TIEDONG_2023_TITLE}》\n一、综合\n…「社会消费品零售总额完成【140.1亿元】，同比增长9.1%；」…`;
    expect(markedOf(excerptText(makeCitation(), excerpt)).split("\n")).toEqual([
      "<b>原文 [1]</b>",
      "",
      `《${TIEDONG_2023_TITLE}》`,
      "一、综合",
      "…「社会消费品零售总额完成<b>【140.1亿元】</b>，同比增长9.1%；」…",
      "",
      "<b>可直接引用：</b>",
      `据《${TIEDONG_2023_TITLE}》（一、综合）显示，社会消费品零售总额完成140.1亿元，同比增长9.1%。`,
    ]);
  });

  it("adds the title and the section when the excerpt does not name them", () => {
    const citation = makeCitation({ section: "二、社会保障 > （一）低保" });
    expect(markedOf(excerptText(citation, "共有<低保户>【3084户】")).split("\n").slice(0, 4)).toEqual([
      `<b>原文 [1]</b> 《${TIEDONG_2023_TITLE}》`,
      "<i>二、社会保障 > （一）低保</i>",
      "",
      "共有<低保户><b>【3084户】</b>",
    ]);
  });
});

describe("pasteReadyCitation", () => {
  it("names the document, the top section and the page, and quotes the sentence", () => {
    const c = makeCitation({
      section: "三、工业 > （一）规上工业",
      page: 4,
      quote: "规上工业增加值增长9.2%；",
    });
    expect(pasteReadyCitation(c)).toBe(
      `据《${TIEDONG_2023_TITLE}》（三、工业，第4页）显示，规上工业增加值增长9.2%。`,
    );
  });

  it("joins the lines of a task block", () => {
    const c = makeCitation({
      section: "",
      quote: "50.发布数字经济应用场景机会清单。\n\n牵头单位：市工业和信息化局",
    });
    expect(pasteReadyCitation(c)).toBe(
      `据《${TIEDONG_2023_TITLE}》显示，50.发布数字经济应用场景机会清单。；牵头单位：市工业和信息化局。`,
    );
  });
});

describe("sourcesText", () => {
  it("lists title, region, period and kind in Chinese, with the notes and no file names", () => {
    expect(sourcesText(SOURCES).text).toBe(
      [
        "资料来源（共 2 份）",
        "",
        `1. 《${TIEDONG_2023_TITLE}》`,
        "地区：铁东区｜时期：2023年｜文种：统计公报",
        "⚠ 数据说明：标题中的城市名与正文不一致。",
        "",
        "2. 《关于立山区2024年上半年国民经济和社会发展计划执行情况的报告》",
        "地区：立山区｜时期：2024年上半年｜文种：计划执行报告",
      ].join("\n"),
    );
  });

  it("rewords a note that names fields in English and a file (regression, issue 18)", () => {
    expect(
      noteForStaff("title、city、district、period、kind来自 metadata-overrides.json：原文为节选。"),
    ).toBe("标题、城市、区县、时期、文种为人工补记：原文为节选。");
  });
});

describe("pasteReadyCitation of a bracket-numbered section", () => {
  it("drops the bracketed number so the brackets do not double", () => {
    const c = makeCitation({
      section: "（五）全面发展社会事业 > 4.扎实推进民生工作",
      quote: "组织招聘会15场。",
    });
    expect(pasteReadyCitation(c)).toBe(
      `据《${TIEDONG_2023_TITLE}》（全面发展社会事业）显示，组织招聘会15场。`,
    );
  });
});
