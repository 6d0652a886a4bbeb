import { describe, expect, it } from "vitest";
import {
  documentRole,
  statementPeriod,
  type StatementContext,
} from "../../src/indicators/statement-period.js";

const workReport2019 = { title: "政府工作报告", kind: "政府工作报告", period: "2019年", year: 2019 };
const bulletin2023 = {
  title: "洛阳市2023年国民经济和社会发展统计公报",
  kind: "统计公报",
  period: "2023年",
  year: 2023,
};
const fiveYearReport = {
  title: "呼伦贝尔市政府工作报告",
  kind: "政府工作报告",
  period: "2022年",
  year: 2022,
};
const execution = {
  title: "关于立山区2024年上半年计划执行情况的报告",
  kind: "计划执行情况报告",
  period: "2024年上半年",
  year: 2024,
};
const tasks = {
  title: "关于印发《2023年市〈政府工作报告〉任务分解和责任分工方案》的通知",
  kind: "任务分解方案",
  period: "2023年",
  year: 2023,
};

/** [document, headings, statement] → [period, nature]: the dimension's example corpus. */
const EXAMPLES: Array<[StatementContext["meta"], string[], string, string, "result" | "target"]> = [
  [
    workReport2019,
    ["一、2018年工作回顾"],
    "全年地区生产总值完成192.3亿元，同比增长6.0%。",
    "2018年",
    "result",
  ],
  [workReport2019, [], "过去的一年，全区地区生产总值完成192.3亿元。", "2018年", "result"],
  [workReport2019, ["二、2019年工作安排"], "地区生产总值增长3.5%左右。", "2019年", "target"],
  [workReport2019, [], "2018年全区地区生产总值完成192.3亿元。", "2018年", "result"],
  [workReport2019, ["一、2018年工作回顾"], "截至2018年底，累计建成公厕34座。", "2018年", "result"],
  [workReport2019, ["三、今后五年的主要任务"], "到2025年，地区生产总值达到300亿元。", "2025年", "target"],
  [
    fiveYearReport,
    ["一、市第四届人民政府工作回顾"],
    "过去五年，地区生产总值年均增长5.1%。",
    "2017—2021年",
    "result",
  ],
  [
    fiveYearReport,
    ["一、市第四届人民政府工作回顾"],
    "2021年，一般公共预算收入增长10.3%。",
    "2021年",
    "result",
  ],
  [bulletin2023, ["一、综合"], "全年全市生产总值达到5481.6亿元。", "2023年", "result"],
  [
    bulletin2023,
    ["注释"],
    "经最终核实，2022年全市生产总值为5386.2亿元，比上年增长2.3%。",
    "2022年",
    "result",
  ],
  [bulletin2023, ["一、综合"], "年末常住人口707.9万人，比2022年末增加1.2万人。", "2023年", "result"],
  [bulletin2023, ["一、综合"], "上半年，社会消费品零售总额1200亿元。", "2023年上半年", "result"],
  [bulletin2023, ["一、综合"], "1-9月，规上工业增加值增长5%。", "2023年1-9月", "result"],
  [bulletin2023, ["一、综合"], "1-12月，规上工业增加值增长12.3%。", "2023年", "result"],
  [bulletin2023, ["一、综合"], "一季度，固定资产投资增长8%。", "2023年一季度", "result"],
  [execution, [], "上半年，组织线上线下各类招聘会15场。", "2024年上半年", "result"],
  [bulletin2023, ["三、教育"], "大班额由2021年的166个，减少到现在的43个。", "2021年", "result"],
  [bulletin2023, ["三、教育"], "审批2022年市区属企业人员退休补助费档案3575份。", "2023年", "result"],
  [bulletin2023, ["三、教育"], "2021年应建口袋公园40个。", "2021年", "result"],
  [
    bulletin2023,
    ["三、教育"],
    "上半年，总投资6.5亿元的2022年、2023年老旧小区改造项目已开工。",
    "2023年上半年",
    "result",
  ],
  [tasks, ["一、预期目标"], "地区生产总值增长6%左右。", "2023年", "target"],
];

describe("statementPeriod", () => {
  it.each(EXAMPLES)("%j %j %s → %s %s", (meta, headings, statement, period, nature) => {
    const clause = statement.split(/[，。]/u)[0]!;
    expect(
      statementPeriod({ meta, headings, statement, before: statement, clause, inPlanPart: false }),
    ).toEqual({
      period,
      nature,
    });
  });

  it("reads the plan part of an execution report as targets", () => {
    const ctx = {
      meta: execution,
      headings: [],
      statement: "新增就业500人。",
      before: "新增就业500人。",
      inPlanPart: true,
    };
    expect(statementPeriod(ctx)).toEqual({ period: "2024年上半年", nature: "target" });
  });
});

describe("documentRole (from the words of the title and kind, not a list of kinds)", () => {
  it("tells plans, work reports and execution reports apart", () => {
    expect(documentRole(tasks)).toEqual({ plan: true, workReport: false, execution: false });
    expect(documentRole(workReport2019)).toEqual({ plan: false, workReport: true, execution: false });
    expect(documentRole(execution)).toEqual({ plan: false, workReport: false, execution: true });
    expect(documentRole(bulletin2023)).toEqual({ plan: false, workReport: false, execution: false });
    expect(documentRole({ title: "2024年1-9月全区经济运行情况", kind: "经济运行情况" }).plan).toBe(false);
    expect(documentRole({ title: "铁东区“十四五”规划纲要", kind: "规划" }).plan).toBe(true);
  });
});
