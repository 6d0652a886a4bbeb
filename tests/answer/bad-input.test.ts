import { beforeAll, describe, expect, it } from "vitest";
import type { AnswerService } from "../../src/answer/answer-service.js";
import { realService } from "./service.js";

let service: AnswerService;
beforeAll(async () => {
  service = await realService();
});

const cases: Array<[string, string, RegExp]> = [
  ["empty", "", /^请输入要查询的问题/u],
  ["whitespace only", " \t\n　 ", /^请输入要查询的问题/u],
  ["10,000 characters", "铁东区".repeat(3334), /^问题太长了（10002字）/u],
  ["emoji only", "😀😀🎉", /^目前只能回答关于已收录的统计公报和工作报告的中文问题/u],
  ["English", "What was the GDP of Tiedong in 2023?", /^目前只能回答/u],
  ["SQL", "'; DROP TABLE indicators; --", /^目前只能回答/u],
  ["control characters", "\u0000\u0007\u001b[31m", /^目前只能回答/u],
  ["bare /cite", "/cite", /^请输入要查询的问题/u],
];

describe("bad input gets a helpful reply, never a crash", () => {
  it.each(cases)("%s", async (_name, question, text) => {
    const a = await service.ask(question);
    expect(a.status).toBe("not_found");
    expect(a.text).toMatch(text);
    // Examples come from the corpus held: a figure of its best covered place and period.
    expect(a.text).toMatch(/例如：\n- (?:铁东区|立山区|鞍山市)20\d\d年\S+是多少/u);
    expect(a.options.length).toBeGreaterThan(0);
    expect(a.citations).toEqual([]);
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
  });

  it("answers a question wrapped in HTML tags as if the tags were not there", async () => {
    const a = await service.ask("<b>铁东区2023年社零总额</b><script>alert(1)</script>");
    expect(a.status).toBe("answered");
    expect(a.text).toBe("铁东区2023年社会消费品零售总额为140.1亿元，同比增长9.1%[1]。");
  });

  it("answers a question with control characters and full-width digits inside", async () => {
    const a = await service.ask("铁东区\u0007２０２３年社零总额");
    expect(a.text).toBe("铁东区2023年社会消费品零售总额为140.1亿元，同比增长9.1%[1]。");
  });

  it("treats Chinese gibberish as not found rather than guessing", async () => {
    const a = await service.ask("铁东区2023年量子纠缠猫粮多少吨");
    expect(a.status).toBe("not_found");
    expect(a.facts).toEqual([]);
  });
});

describe("regression: a task question naming no task crashed the task route", () => {
  it.each(["谁牵头", "责任单位有哪些", "牵头的是哪个部门"])("%s → which task?", async (question) => {
    const a = await service.ask(question);
    expect(a.status).toBe("clarify");
    expect(a.route).toBe("which-task");
    expect(a.text).toMatch(/^请说明是哪一项任务/u);
  });
});
