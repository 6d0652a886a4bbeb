import { parseHanNumeral } from "../../src/indicators/parse-figure.js";
import { describe, expect, it } from "vitest";
import {
  findUnitMention,
  namesUnit,
  parseTaskQuery,
  publishedName,
  tableUnits,
  tasksOfUnit,
  tasksQuoting,
  unitKey,
} from "../../src/retrieve/task-query.js";
import type { TaskRow } from "../../src/types.js";

const task = (number: number, text: string, lead: string | null, responsible: string | null): TaskRow => ({
  id: `t${number}`,
  docId: "plan",
  number,
  text,
  lead,
  responsible,
  path: [],
  sectionId: "s",
  start: 0,
  end: 0,
});

const TASKS = [
  task(1, "地区生产总值增长6%左右。", "市发展改革委", "全市经济运行工作专班各部门，各县（市）区政府"),
  task(15, "举办西柳市场进出口商品交易会", "海城市政府", "市商务局、鞍山海关等相关部门"),
  task(85, "推动鞍山成为中欧班列首发城市", "市商务局、海城市政府", "市财政局"),
  task(107, "支持辽宁科技大学内涵式发展", "市教育局", "辽宁科技大学、鞍山师范学院"),
  task(140, "新建智慧停车场3处", "市住房城乡建设局", "市城投集团"),
  task(142, "改造老旧供水管网", "市住房城乡建设局", "市建投集团等市属相关国有企业集团"),
  task(143, "改造供水二次加压泵站20座", "市住房城乡建设局", "市建投集团"),
  task(170, "认真落实新阶段疫情防控各项举措", "市卫生健康委", "市医保局"),
  task(192, "推进“情指行”一体化建设", null, "市公安局"),
];
const UNITS = tableUnits(TASKS);

describe("task numbers in Chinese numerals (parseHanNumeral)", () => {
  it.each([
    ["一百六十二", 162],
    ["五十", 50],
    ["十五", 15],
    ["二百零三", 203],
    ["七", 7],
    ["两百", 200],
  ])("%s → %d", (text, n) => {
    expect(parseHanNumeral(text)).toBe(n);
  });
  it("rejects other text", () => {
    expect(parseHanNumeral("第五")).toBeNull();
  });
});

describe("unit names", () => {
  it("keys drop notes, 等… tails and 人民", () => {
    expect(unitKey("市发展改革委（负责城镇居民人均可支配收入）")).toBe("市发展改革委");
    expect(unitKey("市建投集团等市属相关国有企业集团")).toBe("市建投集团");
    expect(unitKey("海城市人民政府")).toBe("海城市政府");
  });
  it("matches abbreviations by rule, never a different body", () => {
    expect(namesUnit("市发改委", "市发展改革委")).toBe(true);
    expect(namesUnit("市卫健委", "市卫生健康委")).toBe(true);
    expect(namesUnit("市住建局", "市住房城乡建设局")).toBe(true);
    expect(namesUnit("海城市人民政府", "海城市政府")).toBe(true);
    expect(namesUnit("市委", "市卫生健康委")).toBe(false);
    expect(namesUnit("市城投集团", "市建投集团")).toBe(false);
  });
  it("finds the unit a question names", () => {
    expect(findUnitMention("市发改委牵头哪些任务", UNITS)).toBe("市发展改革委");
    expect(findUnitMention("海城市人民政府牵头的任务一共有几项", UNITS)).toBe("海城市政府");
    expect(findUnitMention("市城投集团作为责任单位的任务有多少项", UNITS)).toBe("市城投集团");
    expect(findUnitMention("各县（市）区政府负责哪些任务", UNITS)).toBe("各县区政府");
    expect(findUnitMention("今天天气怎么样", UNITS)).toBeNull();
  });
});

describe("parseTaskQuery", () => {
  it.each([
    ["第50项任务是什么", { kind: "number", number: 50 }],
    ["第一百六十二项任务由谁牵头", { kind: "number", number: 162 }],
    ["任务分解第153项讲的是什么", { kind: "number", number: 153 }],
    ["“改造供水二次加压泵站20座”是任务分解里的第几项", { kind: "quote", quote: "改造供水二次加压泵站20座" }],
    ["市发改委牵头哪些任务", { kind: "unit", unit: "市发展改革委", role: "lead", countOnly: false }],
    [
      "辽宁科技大学是哪些任务的责任单位",
      { kind: "unit", unit: "辽宁科技大学", role: "responsible", countOnly: false },
    ],
    ["海城市政府牵头的任务一共有几项", { kind: "unit", unit: "海城市政府", role: "lead", countOnly: true }],
    [
      "点名海城市政府的任务有哪些（牵头或责任）",
      { kind: "unit", unit: "海城市政府", role: "any", countOnly: false },
    ],
  ] as const)("%s", (question, query) => {
    expect(parseTaskQuery(question, UNITS)).toEqual(query);
  });
  it("leaves other questions alone", () => {
    expect(parseTaskQuery("发布数字经济应用场景机会清单的牵头单位", UNITS)).toBeNull();
    expect(parseTaskQuery("铁东区2023年社零总额是多少", UNITS)).toBeNull();
  });
});

describe("task lookups", () => {
  it("shows a unit as the table writes it", () => {
    expect(publishedName(TASKS, "各县区政府")).toBe("各县（市）区政府");
    expect(publishedName(TASKS, "市建投集团")).toBe("市建投集团");
  });
  it("lists a unit's tasks by role, in task order", () => {
    expect(tasksOfUnit(TASKS, "海城市政府", "lead").map((t) => t.number)).toEqual([15, 85]);
    expect(tasksOfUnit(TASKS, "市建投集团", "responsible").map((t) => t.number)).toEqual([142, 143]);
    expect(tasksOfUnit(TASKS, "市城投集团", "any").map((t) => t.number)).toEqual([140]);
  });
  it("finds the task a quoted text is", () => {
    expect(tasksQuoting(TASKS, "改造供水二次加压泵站20座").map((t) => t.number)).toEqual([143]);
    expect(tasksQuoting(TASKS, "情指行")).toHaveLength(1);
  });
});
