/**
 * Answers people expect, on the real pipeline over the seed corpus: ratio and share (computed
 * exactly, labelled 计算值), which is higher, plan vs result with a verdict, briefings, rankings
 * of targets, multi-part questions answering exactly the parts asked, refusals that hold
 * together, small talk, and the route and declines every answer records.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { AnswerService } from "../../src/answer/answer-service.js";
import { realService } from "./service.js";

let service: AnswerService;
beforeAll(async () => {
  service = await realService();
});

describe("ratio and share", () => {
  it("shows both published figures and the share computed in decimal, labelled", async () => {
    const a = await service.ask("铁东区2023年税收收入占一般公共预算收入多大比重");
    expect(a.route).toBe("share");
    expect(a.text.split("\n")).toEqual([
      "铁东区2023年税收收入占一般公共预算收入的比重：",
      "- 税收收入：9.01亿元，同比增长40.1%[1]",
      "- 一般公共预算收入：10.19亿元，同比增长31.3%[2]",
      "税收收入约占一般公共预算收入的88.42%（计算值，由上列两个公布数相除得出，四舍五入）。",
    ]);
    expect(a.facts.filter((f) => f.computed)).toEqual([
      expect.objectContaining({ value: "88.42%", citation: null }),
    ]);
  });

  it("takes the whole a share implies: the indicator the question narrows by a qualifier (在职)", async () => {
    const a = await service.ask("铁东区2022年在职养老保险人数占多大比例");
    expect(a.text).toContain("- 养老保险人数（在职）：90026人");
    expect(a.text).toContain("- 基本养老保险参保人数：129513人");
    expect(a.text).toContain("约占基本养老保险参保人数的69.51%（计算值");
  });

  it("prefers a share the document publishes", async () => {
    const a = await service.ask("立山区上半年全程网办事项的占比");
    expect(a.text).toBe("立山区2024年上半年：“全程网办”事项占比94.21%[1]。");
  });
});

describe("which is higher", () => {
  it("across years, with both figures cited and the difference labelled", async () => {
    const a = await service.ask("铁东区社零增速22年和23年哪一年高");
    expect(a.route).toBe("which-is-higher");
    expect(a.text).toContain("- 2023年：140.1亿元，同比增长9.1%[1]");
    expect(a.text).toContain("- 2022年：128.4亿元，同比增长0.7%[2]");
    expect(a.text).toContain("2023年增长更快。");
    expect(a.text).toContain("高8.4个百分点（计算值");
  });

  it("between two indicators", async () => {
    const a = await service.ask("立山区上半年社零和规上工业增加值哪个增长快");
    expect(a.text).toContain("规模以上工业增加值增长更快。");
  });
});

describe("plan vs result", () => {
  it("says whether the city's target was met, the target with its qualifier", async () => {
    const a = await service.ask("铁东区2023年固投增速完成市里的目标了吗");
    expect(a.route).toBe("plan-and-result");
    expect(a.text).toContain("- 目标（鞍山市）：增长12%左右[1]");
    expect(a.text).toContain("- 实际：39.73亿元，同比增长15.1%[2]");
    expect(a.text).toContain("目标已完成");
    expect(a.text).toContain("（注意：铁东区未公布自己的目标，这是鞍山市的目标。）");
  });

  it("with no target beside it, the share of the year's target its own sentence states", async () => {
    const a = await service.ask("立山区2024年上半年实际到位内资完成全年目标了没有");
    expect(a.route).toBe("plan-progress");
    expect(a.text).toBe(
      "立山区2024年上半年实际到位内资为20.33亿元[1]。\n文件中写明：完成全年任务的56.5%，实现了“双过半”目标[1]。",
    );
  });
});

describe("a move within one sentence", () => {
  it("由48%提升到58%: both figures from the one sentence and their difference, labelled", async () => {
    const a = await service.ask("铁东区教育资源配置达标的学校占比比去年提高了几个百分点");
    expect(a.route).toBe("from-to");
    expect(a.text).toBe(
      [
        "铁东区2023年教育资源配置达标学校占比：",
        "- 去年：48%[1]",
        "- 目前：58%[1]",
        "目前比去年高10个百分点（计算值，由两个公布的百分比相减得出）。",
      ].join("\n"),
    );
  });
});

describe("a figure stated as a move (由…减少到…)", () => {
  it("is said with where it ended, not only where it started", async () => {
    const a = await service.ask("铁东区的大班额现在还有几个");
    expect(a.text).toContain("大班额由2021年的166个[1]");
    expect(a.text).toContain("减少到现在的43个[1]");
  });

  it("减少了多少: both figures and the difference, labelled", async () => {
    const a = await service.ask("铁东区大班额减少了多少个");
    expect(a.route).toBe("from-to");
    expect(a.text).toContain("现在比2021年减少123个（计算值，由两个公布数相减得出）。");
  });
});

describe("a place against the wider area", () => {
  it("is never answered with another year's figure: the gap to 全市 is not published for it", async () => {
    const a = await service.ask("铁东区2023年地区生产总值增速比全市快几个百分点");
    expect(a.status).toBe("not_found");
    expect(a.text).toContain("没有与上级地区（全市、全省等）比较的数字");
    expect(a.facts).toEqual([]);
  });
});

describe("briefings", () => {
  it("lists the main indicators of a place's latest period, each cited, and offers the others", async () => {
    const a = await service.ask("铁东区经济形势怎么样");
    expect(a.route).toBe("briefing");
    const lines = a.text.split("\n");
    expect(lines[0]).toBe("铁东区2023年主要指标（据《鞍山市铁东区2023年国民经济和社会发展统计公报》）：");
    expect(lines[1]).toBe("- 地区生产总值：314.6亿元，按可比价格计算，同比增长7.3%[1]");
    expect(lines.at(-1)).toBe("另有铁东区2022年的数据，可以问“铁东区2022年主要指标”。");
    expect(a.list?.items[0]).toEqual({
      label: "地区生产总值：314.6亿元，按可比价格计算，同比增长7.3%",
      citation: 1,
    });
  });

  it("lists a plan's targets with their qualifiers", async () => {
    const a = await service.ask("鞍山市2023年有哪些主要预期目标");
    expect(a.text).toContain("鞍山市2023年主要预期目标");
    for (const t of ["增长6%左右", "增长7%左右", "增长12%左右", "增长9%左右", "增长8%左右"])
      expect(a.text).toContain(t);
    expect(a.text).not.toContain("左右左右");
  });
});

describe("rankings", () => {
  it("ranks a plan's targets", async () => {
    const a = await service.ask("鞍山市2023年预期目标中哪项增长最快");
    expect(a.text.split("\n")[0]).toBe(
      "鞍山市2023年主要预期目标中增长最快的是实际到位内资，增长15%以上[1]。",
    );
  });
});

describe("multi-part questions answer exactly the parts asked", () => {
  it("a value and its growth, nothing unasked", async () => {
    const a = await service.ask("铁东区2022年固定资产投资是多少？同比增长了多少？");
    expect(a.text).toBe("铁东区2022年固定资产投资为34.5亿元，同比增长3.4%[1]。");
  });
});

describe("the figure of the word asked", () => {
  it("takes the figure a statement writes after the word a question asks with (办结256件, not 接到277件)", async () => {
    const a = await service.ask("铁东区2022年上半年教育局12345平台的诉求函件办结多少件");
    expect(a.text).toBe("铁东区2022年上半年：办结256件[1]。");
    expect(a.citations[0]!.quote).toContain("办结256件");
  });

  it("sets a year against the year before when asked 比上年", async () => {
    const a = await service.ask("铁东区2023年新增市场主体比上年多多少户");
    expect(a.text).toContain("2023年比2022年增加2282户（计算值");
  });

  it("says a second figure is missing rather than that there is no data", async () => {
    const a = await service.ask("立山区上半年社零比上年多了多少");
    expect(a.status).toBe("not_found");
    expect(a.text).toMatch(/^已收录的文件中有立山区2024年上半年社会消费品零售总额，但没有用于比较的/u);
  });
});

describe("refusals that hold together", () => {
  it("never lists as held what it refuses, and offers the same indicator where it is published", async () => {
    const a = await service.ask("立山区2024年一季度的地区生产总值");
    expect(a.status).toBe("not_found");
    expect(a.text).toBe(
      "已收录的文件中没有立山区2024年一季度地区生产总值的数据。地区生产总值可查：立山区2024年上半年、铁东区2023年、铁东区2022年，可以问“立山区2024年上半年地区生产总值”。",
    );
    expect(a.options[0]).toBe("立山区2024年上半年地区生产总值");
  });

  it("says 已收录的文件, never 语料", async () => {
    for (const q of ["铁东区2021年的社零", "千山区2023年税收收入有多少", "铁东区2023年外贸出口额多少"]) {
      const a = await service.ask(q);
      expect(a.text, q).not.toContain("语料");
    }
  });
});

describe("small talk", () => {
  it.each([
    ["你好啊", "answered", /^您好！/u],
    ["谢谢你", "answered", /^不客气/u],
    ["好的，明白了", "answered", /^好的。/u],
    ["周末去哪吃饭", "not_found", /不在已收录的资料范围内/u],
  ])("%s", async (q, status, text) => {
    const a = await service.ask(q);
    expect(a.status).toBe(status);
    expect(a.text).toMatch(text);
    expect(a.facts).toEqual([]);
    expect(a.route).toBe("small-talk");
  });
});

describe("the route and the declines", () => {
  it("records the handler that answered and why the ones before declined", async () => {
    const a = await service.ask("铁东区2023年建设口袋公园多少处");
    expect(a.route).toBe("topic-figures");
    expect(a.declines?.map((d) => d.handler)).toEqual([
      "needs-subject",
      "indicator-figures",
      "target-task",
      "worded-target",
      "no-target-set",
      "indicator-by-names",
      "respective-pair",
      "indicator-by-words",
    ]);
    expect(a.declines?.[1]).toEqual({ handler: "indicator-figures", reason: "no indicator named" });
  });

  it("lists a unit's tasks as a list the bot can page, each item with its role", async () => {
    const a = await service.ask("市卫健委负责哪些工作");
    expect(a.list?.role).toBe("牵头或责任");
    expect(a.list?.title).toBe("市卫生健康委牵头或作为责任单位的任务");
    expect(a.list?.items.length).toBeGreaterThan(0);
    for (const item of a.list!.items) expect(item.label).toMatch(/^第\d+项 .+（(?:牵头|责任|牵头、责任)）$/u);
  });
});
