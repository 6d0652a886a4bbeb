/**
 * Question breadth on the real pipeline: the task table as a table, rankings and filters,
 * differences (个百分点, 计算值), plan vs result, multi-part questions, vague questions,
 * whole-year questions and conversations.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { AnswerService } from "../../src/answer/answer-service.js";
import { NEW_CONVERSATION } from "../../src/answer/follow-up.js";
import { realService } from "./service.js";

let service: AnswerService;
beforeAll(async () => {
  service = await realService();
});

describe("the task table", () => {
  it("answers a task by its number in Chinese numerals", async () => {
    const a = await service.ask("第一百六十二项任务由谁牵头");
    expect(a.status).toBe("answered");
    expect(a.text).toContain(
      "第162项任务“发展废钢产业，建设500万吨废钢加工基地”，牵头单位：市工业和信息化局",
    );
    expect(a.citations[0]!.quote).toContain("162.发展废钢产业");
  });

  it("lists a unit's tasks with count, numbers and a citation each; abbreviations name the same unit", async () => {
    const full = await service.ask("市发展改革委牵头哪些任务");
    const short = await service.ask("市发改委牵头哪些任务");
    expect(full.status).toBe("answered");
    expect(short.text).toBe(full.text);
    // A count of the table's rows is no computed figure: no 计算值 on it (issue 18).
    const count = Number(full.text.match(/共(\d+)项（按任务分解方案逐项清点）/u)?.[1]);
    expect(full.text).not.toContain("计算值");
    const items = full.text.split("\n").filter((l) => l.startsWith("- 第"));
    expect(items).toHaveLength(count);
    expect(full.citations).toHaveLength(count);
    for (const c of full.citations) expect(c.quote).toMatch(/牵头单位：[^\n]*市发展改革委/u);
    // The same list, structured for front ends that page it.
    expect(full.list?.role).toBe("牵头");
    expect(full.list?.source).toBe(full.citations[0]!.title);
    expect(full.list?.items).toHaveLength(count);
    expect(full.list?.items[0]!.label).toMatch(/^第\d+项 \S+（牵头）$/u);
    expect(full.list?.items.map((i) => i.citation)).toEqual(full.citations.map((c) => c.id));
  });

  it("a unit that is 负责 for tasks: both roles, each item says which (issue 18)", async () => {
    const a = await service.ask("市卫健委负责哪些工作");
    expect(a.text).toMatch(/^市卫生健康委牵头或作为责任单位的任务共\d+项/u);
    expect(a.list?.role).toBe("牵头或责任");
    const roles = new Set(a.list?.items.map((i) => /（(牵头|责任)）$/u.exec(i.label)?.[1]));
    expect([...roles].sort()).toEqual(["牵头", "责任"]);
  });

  it("tells which task a quoted text is", async () => {
    const a = await service.ask("“改造供水二次加压泵站20座”是任务分解里的第几项");
    expect(a.text.split("\n")[0]).toBe("“改造供水二次加压泵站20座”是任务分解方案的第143项。");
  });

  it("says so when a unit leads nothing", async () => {
    const a = await service.ask("辽宁科技大学牵头哪些任务");
    expect(a.status).toBe("not_found");
    expect(a.text).toBe("任务分解方案的210项任务中，没有辽宁科技大学牵头的任务。");
  });
});

describe("rankings and filters", () => {
  it("names the deepest fall among the main indicators, with every rate cited", async () => {
    const a = await service.ask("铁东区2023年哪个指标降得最厉害");
    // Declines are said as 下降 where listed (issue 18); the citation keeps 同比增长-35.5%.
    expect(a.text.split("\n")[0]).toBe("铁东区2023年主要指标中降幅最大的是商品房销售额，同比下降35.5%[1]。");
    expect(a.citations[0]!.quote).toContain("同比增长-35.5%");
    expect(a.facts.map((f) => f.growthPercent)).toEqual([
      40.1, 31.3, 15.1, 12.3, 9.1, 7.3, 3.5, -26.4, -35.5,
    ]);
  });

  it("filters the indicators that fell", async () => {
    const a = await service.ask("铁东区2022年有哪些主要指标是下降的");
    expect(a.text.split("\n")[0]).toBe("铁东区2022年主要指标中下降的有5项：");
    expect(a.facts.every((f) => (f.growthPercent ?? 0) < 0)).toBe(true);
  });
});

describe("differences and plan vs result", () => {
  it("computes the difference of two growth rates in 个百分点, labelled", async () => {
    const a = await service.ask("铁东区税收收入增速2023年比2022年高了多少个百分点");
    expect(a.text).toContain("2023年比2022年高72.8个百分点（计算值，由两个公布的百分比相减得出）。");
    expect(a.facts.filter((f) => f.computed)).toEqual([
      expect.objectContaining({ value: "72.8个百分点", number: 72.8, citation: null }),
    ]);
  });

  it("labels a district's result against the city's target", async () => {
    const a = await service.ask("铁东区2023年GDP增速比鞍山市定的增长目标高多少");
    expect(a.text).toContain("铁东区实际比鞍山市目标高1.3个百分点（计算值");
    expect(a.text).toContain("（注意：这是铁东区的实际数与鞍山市的目标相比。）");
    expect(a.citations.map((c) => c.doc)).toEqual([
      "tiedong-2023-statistical-bulletin.txt",
      "anshan-2023-government-work-report-task-breakdown.txt",
    ]);
  });

  it("states target and result, each cited", async () => {
    const a = await service.ask("铁东区2023年新增市场主体目标是多少户，实际完成多少户");
    expect(a.text).toBe(
      "铁东区2023年新增市场主体：\n- 目标（铁东区）：6000户[1]\n- 实际：7611户[2]\n实际比目标多1611户（计算值，由两个公布数相减得出）。",
    );
  });
});

describe("multi-part questions and bound numbers", () => {
  it("answers every part with its own citation", async () => {
    const a = await service.ask("立山区上半年募集了多少个青年见习岗位，帮扶了多少名就业困难人员实现就业");
    expect(a.text).toContain("140个");
    expect(a.text).toContain("671名");
    const b = await service.ask("鞍山市2023年计划新增科技型中小企业、高新技术企业各多少家");
    expect(b.text).toBe(
      "鞍山市2023年（工作安排）：新增科技型中小企业200家[1]。\n鞍山市2023年（工作安排）：新增高新技术企业40家[2]。",
    );
  });

  it("takes the figure of the subject asked from a 分别 statement", async () => {
    const a = await service.ask("立山区“五经普”户均增加值与“四经普”相比增长多少");
    expect(a.text).toBe("立山区2024年上半年：户均增加值增长77%[1]（原文以“分别”列出，按顺序对应）。");
    expect(a.citations[0]!.quote).toContain("分别增长");
    const b = await service.ask("立山区五经普总产出增长了多少");
    expect(b.text).toContain("总产出增长89.7%[1]");
  });

  it("binds the figure to the noun asked (公办率, not 普惠率)", async () => {
    const a = await service.ask("铁东区幼儿园公办率比市政府要求的目标高出几个百分点");
    expect(a.text).toContain("56.17%");
    expect(a.text).toContain("3.57个百分点");
    expect(a.text).not.toContain("89.33");
  });
});

describe("refusals", () => {
  it.each(["人", "水", "%铁", "的"])("a question of nothing (%s) gets clarify, never a figure", async (q) => {
    const a = await service.ask(q);
    expect(a.status).toBe("clarify");
    expect(a.facts).toEqual([]);
  });

  it("a whole-year question is not answered from a half-year document", async () => {
    const a = await service.ask("立山区2024年全年一般公共预算收入是多少");
    expect(a.status).toBe("not_found");
    expect(a.text).not.toContain("4.1亿元");
  });

  it("an achieved figure is not answered with a target", async () => {
    const a = await service.ask("鞍山市2023年社会消费品零售总额完成了多少");
    expect(a.status).toBe("not_found");
  });
});

describe("conversations", () => {
  it("carries region and subject to 那2022年呢 and says so", async () => {
    const t1 = await service.askInConversation("铁东区23年事实无人抚养儿童有多少名", NEW_CONVERSATION);
    expect(t1.answer.text).toContain("49名");
    const t2 = await service.askInConversation("那2022年呢", t1.state);
    expect(t2.answer.question).toBe("那2022年呢");
    expect(t2.answer.status).toBe("not_found");
    expect(t2.answer.text).toContain("按上一问：铁东区");
    expect(t2.answer.text).not.toContain("49名");
  });

  it("a lead follow-up finds the task through the indicator an alias names", async () => {
    const t1 = await service.askInConversation("鞍山市2023年GDP增长目标是多少", NEW_CONVERSATION);
    const t2 = await service.askInConversation("牵头单位是谁", t1.state);
    expect(t2.answer.text).toContain("第1项任务“地区生产总值增长6%左右”，牵头单位：市发展改革委");
  });

  it("a region follow-up answers from the new region's own period", async () => {
    const t1 = await service.askInConversation(
      "铁东区2023年政务服务事项办理时限在法定时限基础上压缩了多少",
      NEW_CONVERSATION,
    );
    expect(t1.answer.text).toContain("84.22%");
    const t2 = await service.askInConversation("立山区呢", t1.state);
    expect(t2.answer.text).toContain("立山区2024年上半年：平均办理时限压减84.69%[1]。");
  });
});
