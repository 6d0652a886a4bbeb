import { beforeAll, describe, expect, it } from "vitest";
import type { AnswerService } from "../../src/answer/answer-service.js";
import { realService } from "./service.js";

let service: AnswerService;
beforeAll(async () => {
  service = await realService();
});

describe("figures from the indicator table", () => {
  it("answers 社零总额 with value, growth and the verbatim source statement", async () => {
    const a = await service.ask("铁东区2023年社零总额是多少");
    expect(a.status).toBe("answered");
    expect(a.text).toBe("铁东区2023年社会消费品零售总额为140.1亿元，同比增长9.1%[1]。");
    expect(a.citations).toHaveLength(1);
    expect(a.citations[0]).toMatchObject({
      id: 1,
      doc: "tiedong-2023-statistical-bulletin.txt",
      title: "鞍山市铁东区2023年国民经济和社会发展统计公报",
      section: "一、综合",
      quote: "社会消费品零售总额完成140.1亿元，同比增长9.1%；",
      original: "社会消费品零售总额完成140.1亿元，同比增长9.1%；",
      figure: "140.1亿元",
    });
    expect(a.facts[0]).toMatchObject({
      value: "140.1亿元",
      number: 140.1,
      unit: "亿元",
      growthPercent: 9.1,
      computed: false,
    });
  });

  it("keeps a negative growth as published (同比增长-26.4%)", async () => {
    const a = await service.ask("铁东区2023年商品房销售面积");
    expect(a.text).toBe("铁东区2023年商品房销售面积为22.8万平，同比增长-26.4%[1]。");
    expect(a.facts[0]!.growthPercent).toBe(-26.4);
  });

  it("answers a traditional-script question and cites the traditional original", async () => {
    const a = await service.ask("鐵東區2022年城鎮居民人均可支配收入");
    expect(a.text).toBe("铁东区2022年城镇居民人均可支配收入为53911元，同比增长2.1%[1]。");
    // The original is the source exactly as published, pinyin annotation included.
    expect(a.citations[0]!.original).toBe("城鎮(zhèn)居民人均可支配收入53911元,同比增長2.1%。");
  });

  it("states the growth basis of GDP", async () => {
    const a = await service.ask("铁东区2022年生产总值增速");
    expect(a.text).toBe("铁东区2022年地区生产总值为285.9亿元，按可比价格计算，同比增长0.6%[1]。");
  });

  // The bulletin's two counts are the whole (含离退休职工) and a part (在职): qualifiers decide.
  it("answers the whole pension count when the question names no part, and the part when it does", async () => {
    const a = await service.ask("铁东区2023年养老保险人数");
    expect(a.facts.map((f) => [f.indicator, f.value])).toEqual([["基本养老保险参保人数", "133918人"]]);
    const b = await service.ask("铁东区2023年在职养老保险人数");
    expect(b.text).toContain("92016人");
    expect(b.text).not.toContain("133918");
  });

  it("keeps targets apart from results: the city's GDP is a target", async () => {
    const a = await service.ask("鞍山市2023年GDP");
    expect(a.text).toBe("鞍山市2023年地区生产总值的预期目标为增长6%左右[1]。");
    expect(a.facts[0]!.nature).toBe("target");
  });

  it("labels a half-year period as published", async () => {
    const a = await service.ask("立山区2024年上半年GDP");
    expect(a.text).toBe("立山区2024年上半年地区生产总值为63.65亿元，同比增长5.2%[1]。");
  });

  it("never gives a half-year figure as the whole year's; points at the half-year instead", async () => {
    const a = await service.ask("立山区2024年GDP");
    expect(a.status).toBe("not_found");
    expect(a.text).toBe("已收录的文件中没有立山区2024年的数据；有2024年一季度、2024年上半年。");
  });
});

describe("comparisons", () => {
  it("lists both years with published growth and a labelled computed difference", async () => {
    const a = await service.ask("对比铁东区2022和2023年的GDP");
    expect(a.text.split("\n")).toEqual([
      "铁东区地区生产总值：",
      "- 2022年：285.9亿元，按可比价格计算，同比增长0.6%[1]",
      "- 2023年：314.6亿元，按可比价格计算，同比增长7.3%[2]",
      "2023年比2022年增加28.7亿元（计算值，由上列两个公布数相减得出）。",
    ]);
    expect(a.citations.map((c) => c.doc)).toEqual([
      "tiedong-2022-statistical-bulletin-traditional.txt",
      "tiedong-2023-statistical-bulletin.txt",
    ]);
    expect(a.facts.filter((f) => f.computed)).toEqual([
      expect.objectContaining({ value: "28.7亿元", citation: null }),
    ]);
  });

  it("computes a decrease exactly (20.57 → 13.3 is −7.27, not a float artefact)", async () => {
    const a = await service.ask("铁东区商品房销售额2022年和2023年对比");
    expect(a.text).toContain("2023年比2022年减少7.27亿元（计算值");
  });

  it("understands /compare <指标> <年份> <年份>", async () => {
    const a = await service.ask("/compare 铁东区 社零 2022 2023");
    expect(a.intent).toBe("compare");
    expect(a.text).toContain("2023年比2022年增加11.7亿元（计算值");
  });

  it("compares growth-only indicators without inventing a difference", async () => {
    const a = await service.ask("铁东区这两年规上工业增加值增速");
    expect(a.text.split("\n")).toEqual([
      "铁东区规模以上工业增加值：",
      "- 2022年：同比下降14.2%[1]",
      "- 2023年：同比增长12.3%[2]",
    ]);
  });
});

describe("refusals and clarifications", () => {
  it("refuses a period the region lacks and says what it has, without another region's figure", async () => {
    const a = await service.ask("立山区2022年GDP");
    expect(a.status).toBe("not_found");
    expect(a.text).toBe("已收录的文件中没有立山区2022年的数据；有2024年一季度、2024年上半年。");
  });

  it("refuses places outside the corpus, including the other 铁东区 (四平市)", async () => {
    for (const q of ["北京市2023年GDP", "四平市铁东区2022年GDP", "海城市2023年社零"]) {
      const a = await service.ask(q);
      expect(a.status, q).toBe("not_found");
      expect(a.facts, q).toEqual([]);
    }
  });

  it("says an indicator is absent and points at what the corpus holds", async () => {
    const a = await service.ask("铁东区2023年进出口总额是多少");
    expect(a.status).toBe("not_found");
    expect(a.text).toMatch(
      /^已收录的文件中没有铁东区2023年进出口总额的数据。铁东区2023年可查的主要指标有：.*地区生产总值/u,
    );
  });

  it("asks which region when several hold the indicator", async () => {
    const a = await service.ask("社会消费品零售总额是多少");
    expect(a.status).toBe("clarify");
    expect(a.options).toEqual([
      "立山区2024年上半年社会消费品零售总额",
      "铁东区2022年社会消费品零售总额",
      "铁东区2023年社会消费品零售总额",
    ]);
  });

  it("answers every period, labelled, when the region is named but not the year", async () => {
    const a = await service.ask("铁东区社零总额");
    expect(a.text.split("\n")).toEqual([
      "铁东区2022年社会消费品零售总额为128.4亿元，同比增长0.7%[1]。",
      "铁东区2023年社会消费品零售总额为140.1亿元，同比增长9.1%[2]。",
    ]);
  });
});

describe("facts from body text, tasks, citations", () => {
  it.each([
    ["铁东区2023年离婚登记多少对", "铁东区2023年：离婚登记654对[1]。"],
    ["铁东区2023年有多少名孤儿", "铁东区2023年：孤儿13名[1]。"],
    ["立山区上半年组织了多少场招聘会", "立山区2024年上半年：组织线上线下各类招聘会15场[1]。"],
    ["铁东区2023年建设了多少处口袋公园", "铁东区2023年：2023年铁东区建设口袋公园35处[1]。"],
  ])("%s", async (q, text) => {
    const a = await service.ask(q);
    expect(a.status).toBe("answered");
    expect(a.text).toBe(text);
  });

  it("labels a planned figure from the work report", async () => {
    const a = await service.ask("铁东区2023年老旧小区改造涉及多少户居民");
    expect(a.text).toBe("铁东区2023年（工作安排）：6976户居民的老旧小区改造工作[1]。");
    expect(a.citations[0]!.doc).toBe("tiedong-2023-government-work-report-excerpt.txt");
  });

  it("answers a task's lead and responsible units", async () => {
    const a = await service.ask("提高12345平台接通率、办结率、满意率由哪个单位牵头");
    expect(a.intent).toBe("lead");
    expect(a.text).toContain("牵头单位：市党群服务中心");
    expect(a.citations[0]!.quote).toBe(
      "201.持续提高12345平台接通率、办结率、满意率。\n\n牵头单位：市党群服务中心\n\n责任单位：市政府各部门，各县（市）区政府、各开发区管委会",
    );
  });

  it("says so when a task names no lead unit", async () => {
    const a = await service.ask("争创国家矿石储备基地的牵头单位");
    expect(a.text).toContain(
      "第44项任务“争创国家矿石储备基地”，该任务未列牵头单位；责任单位：市发展改革委[1]",
    );
  });

  it("/cite shows the excerpt with neighbours and the figure marked", async () => {
    const a = await service.ask("/cite 铁东区2023年社零总额");
    expect(a.intent).toBe("cite");
    expect(a.text).toContain(
      "…商品房销售额完成13.3亿元，同比增长-35.5%；「社会消费品零售总额完成【140.1亿元】，同比增长9.1%；」一般公共预算收入完成10.19亿元，同比增长31.3%；…",
    );
    expect(service.excerpt(a.citations[0]!)).toMatch(
      /^《鞍山市铁东区2023年国民经济和社会发展统计公报》\n一、综合\n/u,
    );
  });

  it("lists sources with data-quality notes", () => {
    const sources = service.sources();
    expect(sources.map((s) => [s.region, s.period, s.kind])).toEqual([
      ["鞍山市", "2023年", "任务分解方案"],
      ["立山区", "2024年上半年", "计划执行情况报告"],
      ["铁东区", "2022年", "统计公报"],
      ["铁东区", "2023年", "政府工作报告"],
      ["铁东区", "2023年", "统计公报"],
    ]);
    const traditional = sources.find((s) => s.file.includes("traditional"))!;
    expect(traditional.notes.map((n) => n.code)).toContain("title-region-mismatch");
  });
});

describe("periods named loosely", () => {
  it("reads 23年 as 2023年", async () => {
    const a = await service.ask("铁东区23年社零");
    expect(a.text).toBe("铁东区2023年社会消费品零售总额为140.1亿元，同比增长9.1%[1]。");
  });

  it("asks which year 去年 means when the region has several", async () => {
    const a = await service.ask("铁东区去年GDP");
    expect(a.status).toBe("clarify");
    expect(a.text).toBe("“去年”指哪一年？请写明年份。已收录的文件中铁东区有2022年、2023年的数据。");
    expect(a.options).toEqual(["铁东区2022年GDP", "铁东区2023年GDP"]);
  });

  it("answers 今年上半年 when only one half-year report exists", async () => {
    const a = await service.ask("立山区今年上半年GDP增速");
    expect(a.text).toBe("立山区2024年上半年地区生产总值为63.65亿元，同比增长5.2%[1]。");
  });
});

describe("targets without a figure", () => {
  it("quotes the task that states the target", async () => {
    const a = await service.ask("鞍山市2023年居民收入目标");
    expect(a.status).toBe("answered");
    expect(a.text).toBe("鞍山市2023年预期目标：居民收入增长与经济增长基本同步[1]（第6项）。");
  });
});

describe("regressions from probing questions", () => {
  it("bare rate keeps its subject (安装率 without 报警器)", async () => {
    const a = await service.ask("铁东区2022年报警器安装率");
    expect(a.text).toBe("铁东区2022年：报警器已安装169832户，安装率100%[1]。");
  });

  it("ASCII semicolon separates statements (竣工率78%;2022年…)", async () => {
    const a = await service.ask("铁东区2022年口袋公园竣工率");
    expect(a.text).toBe("铁东区2022年：2022年应建口袋公园50个，竣工率98%[1]。");
  });

  it("enumerated modifiers stay with their noun (大、中、小型餐饮机构)", async () => {
    const a = await service.ask("铁东区2023年检查餐饮机构多少户");
    expect(a.text).toBe("铁东区2023年：检查大、中、小型餐饮机构4453户[1]。");
  });

  it("a count noun asks for a measure word (招聘会场次 → 场)", async () => {
    const a = await service.ask("立山区上半年招聘会场次");
    expect(a.text).toBe("立山区2024年上半年：组织线上线下各类招聘会15场[1]。");
  });
});

describe("/cite keeps the intent of the question it cites", () => {
  it("cites a task's units with the excerpt", async () => {
    const a = await service.ask("/cite 发布数字经济应用场景机会清单的牵头单位");
    expect(a.intent).toBe("cite");
    expect(a.text).toContain(
      "牵头单位：市工业和信息化局；责任单位：市发展改革委等相关部门[1]。\n\n原文摘录：\n",
    );
    expect(a.text).toContain("牵头单位：【市工业和信息化局】");
  });

  it("compares body-text facts period by period", async () => {
    const a = await service.ask("铁东区2022年和2023年结婚登记对比");
    expect(a.text.split("\n")).toEqual([
      "铁东区结婚登记：",
      "- 2022年：1250对[1]",
      "- 2023年：1697对[2]",
      "2023年比2022年增加447对（计算值，由上列两个公布数相减得出）。",
    ]);
  });
});

describe("indicator names inside longer nouns, and targets the corpus does not set", () => {
  it("does not read 规上工业企业数量 as 规上工业 (增加值)", async () => {
    const a = await service.ask("铁东区2023年规上工业企业数量");
    expect(a.status).toBe("not_found");
    expect(a.facts).toEqual([]);
  });

  it("refuses a target no document sets and points at the published result", async () => {
    const a = await service.ask("铁东区2023年社会消费品零售总额目标");
    expect(a.status).toBe("not_found");
    expect(a.text).toBe(
      "已收录的文件中没有铁东区2023年社会消费品零售总额的预期目标；文件中有实际完成数，可以问“铁东区2023年社会消费品零售总额是多少”。",
    );
  });
});
