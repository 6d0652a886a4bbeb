/**
 * The ask dimension's example corpus: each question with the ask it must be read as (the shape
 * grammar of shapes.ts, tasks.ts and multi.ts), written from how staff put such questions — in
 * other places, years and indicators than any gold file. The test is tests/understand/asks.test.ts.
 */
import type { Ask } from "../question.js";

/** A question and (part of) the ask it must be read as: its kind and any fields to check. */
export type AskExample = [question: string, ask: { kind: Ask["kind"]; [field: string]: unknown }];

export const ASK_EXAMPLES: AskExample[] = [
  // values, results and targets
  ["千山区2022年财政收入是多少", { kind: "value", nature: "any", figure: true }],
  ["千山区2022年财政收入", { kind: "value", nature: "any", figure: false }],
  ["海城市2023年社零完成了多少", { kind: "value", achieved: true }],
  ["鞍山市2024年固投增长目标", { kind: "value", nature: "target" }],
  ["鞍山市2024年地区生产总值预期增长多少", { kind: "value", nature: "target" }],
  ["鞍山市年初定的社零目标是多少", { kind: "value", nature: "target" }],
  ["2012年武汉市固投要增长多少", { kind: "value", nature: "target" }],
  ["海城市需要多少资金", { kind: "value", nature: "any" }],
  // growth and change
  ["千山区2022年税收增速", { kind: "growth" }],
  ["海城市社零同比增长多少", { kind: "growth" }],
  ["2005年全国进出口总额下降了多少", { kind: "growth" }],
  ["千山区常住人口比上年末减少了多少", { kind: "change" }],
  ["海城市城镇居民人均可支配收入增加多少", { kind: "change" }],
  // comparisons
  ["对比千山区2021和2022年的固投", { kind: "compare", across: "periods" }],
  ["千山区固投两年比较", { kind: "compare", across: "periods" }],
  ["千山区离婚登记这两年变化大吗", { kind: "compare", across: "periods" }],
  ["千山区和海城市的社零对比", { kind: "compare", across: "places" }],
  ["和2021年比呢", { kind: "compare", across: "periods" }],
  // differences
  ["千山区财政收入增速2022年比2021年高了几个百分点", { kind: "difference", between: "periods", points: true }],
  ["海城市限上社零增速比全口径社零慢多少个百分点", { kind: "difference", between: "indicators", points: true }],
  ["千山区商品房销售额降幅比销售面积降幅大多少个百分点", { kind: "difference", between: "indicators" }],
  ["千山区公办园占比比省里要求的目标高几个百分点", { kind: "difference", between: "target" }],
  // against the wider area the place is in
  ["千山区GDP增速比全省高多少", { kind: "difference", between: "wider", points: true }],
  ["海城市居民收入增速高于全市平均多少个百分点", { kind: "difference", between: "wider" }],
  // 占比 is no comparison (比 of 占比); a move within a sentence
  ["铁西区绿化覆盖率占比提高了多少个百分点", { kind: "difference", between: "periods", points: true }],
  ["千山区审批事项2021年到2022年少了几项", { kind: "difference", between: "periods", points: false }],
  ["千山区社零增速比2021年加快多少个百分点", { kind: "difference", points: true }],
  ["千山区2023年新增市场主体比上年多了多少户", { kind: "difference", between: "periods" }],
  ["海城市城镇和农村居民人均可支配收入差多少", { kind: "difference", between: "indicators" }],
  // ratio and share
  ["千山区税收占财政收入的比重", { kind: "ratio" }],
  ["千山区税收在一般公共预算收入中占多少", { kind: "ratio" }],
  ["海城市社零相当于GDP的百分之多少", { kind: "ratio" }],
  ["海城市在职养老保险人数占比多少", { kind: "ratio", whole: null }],
  ["千山区税收收入占多大比例", { kind: "ratio", whole: null }],
  ["海城市22年税收在财政收入当中占多大比例", { kind: "ratio" }],
  ["海城市城镇职工基本养老保险参保人数占多少", { kind: "ratio", whole: null }],
  ["千山区参加体检的老人里80岁以上的占比多少", { kind: "ratio" }],
  // which is higher
  ["千山区财政收入2021年和2022年哪年高", { kind: "which", across: "periods", measure: "value", direction: "higher" }],
  ["海城市GDP增速哪一年最快", { kind: "which", across: "periods", measure: "growth" }],
  ["千山区和立山区社零哪个多", { kind: "which", across: "places", direction: "higher" }],
  ["千山区固投和社零哪个增速低", { kind: "which", across: "indicators", measure: "growth", direction: "lower" }],
  // standing
  ["海城市上半年税收增速在全市排第几", { kind: "standing" }],
  ["千山区固投排名如何", { kind: "standing" }],
  // plan vs result
  ["千山区2023年新增就业目标是多少，实际完成多少", { kind: "plan", verdict: false }],
  ["千山区2023年招商引资目标完成了没有", { kind: "plan", verdict: true }],
  ["海城市税收增速达到市里定的目标了吗", { kind: "plan", verdict: true }],
  ["千山区有没有完成固投的年度目标", { kind: "plan", verdict: true }],
  ["海城市上半年税收收入实现“双过半”没有", { kind: "plan", verdict: true }],
  ["千山区完成多少项改革任务", { kind: "value" }],
  // rankings and filters
  ["千山区2022年哪个指标增长最快", { kind: "rank", order: "max" }],
  ["海城市哪项指标降幅最大", { kind: "rank", order: "fall" }],
  ["千山区主要指标里增速最低的是哪个", { kind: "rank", order: "min", mainOnly: true }],
  ["海城市有哪些指标是负增长", { kind: "filter", op: "lt", percent: 0 }],
  ["千山区增速超过8%的指标有哪些", { kind: "filter", op: "gt", percent: 8 }],
  ["鞍山市的预期目标里低于7%的有哪些", { kind: "filter", op: "lt", percent: 7, targets: true }],
  // briefings
  ["千山区经济怎么样", { kind: "briefing" }],
  ["海城市2022年主要经济指标", { kind: "briefing" }],
  ["台安县上半年概况", { kind: "briefing" }],
  ["海城市一季度几项主要指标完成得如何", { kind: "briefing" }],
  ["千山区上半年几项主要指标完成了多少", { kind: "value" }],
  ["千山区2023年", { kind: "briefing" }],
  ["鞍山市2024年主要预期目标有哪些", { kind: "briefing" }],
  // general questions
  ["千山区上半年的招商引资情况", { kind: "general" }],
  ["海城市在营商环境方面做了哪些工作", { kind: "general" }],
  // tasks
  ["第27项任务是什么", { kind: "task", query: { by: "number", number: 27 } }],
  ["第二十三项由谁牵头", { kind: "task", query: { by: "number", number: 23 } }],
  ["任务分解第8项要建多少公里", { kind: "task", query: { by: "number", number: 8 } }],
  ["“建设智慧停车场”是第几项任务", { kind: "task", query: { by: "quote", quote: "建设智慧停车场" } }],
  ["新建公厕10座在任务分解里是第几项", { kind: "task", query: { by: "quote", quote: "新建公厕10座" } }],
  ["市商务局牵头哪些任务", { kind: "task", query: { by: "unit", unit: "市商务局", role: "lead", countOnly: false } }],
  ["市发改委牵头的任务", { kind: "task", query: { by: "unit", unit: "市发展改革委", role: "lead" } }],
  ["台安县人民政府牵头几项任务", { kind: "task", query: { by: "unit", unit: "台安县政府", countOnly: true } }],
  ["辽宁科技大学是哪几项任务的责任单位", { kind: "task", query: { by: "unit", role: "responsible" } }],
  ["市卫健委负责哪些工作", { kind: "task", query: { by: "unit", unit: "市卫生健康委", role: "any" } }],
  ["市建投集团参与了哪些任务", { kind: "task", query: { by: "unit", unit: "市建投集团", role: "any" } }],
  ["建设城市书房的牵头单位", { kind: "task", query: { by: "topic", role: "lead" } }],
  ["污水处理厂改造由哪个部门负责", { kind: "task", query: { by: "topic" } }],
  ["居民收入增长目标谁负责", { kind: "task", query: { by: "topic" } }],
  // 多少 after the which-word is no comparative (多 of 多少)
  ["提高污水收集率、处理率由哪个单位牵头是多少", { kind: "task", query: { by: "topic", role: "lead" } }],
  // multi-part
  ["千山区2022年GDP是多少？增长了多少？", { kind: "multi" }],
  ["海城市孕妇建册和新生儿建册各多少人", { kind: "multi" }],
  ["千山区组织了多少场招聘会，提供了多少个岗位", { kind: "multi" }],
  ["千山区组织了多少场招聘会，效果如何", { kind: "value" }],
  // small talk and unreadable input
  ["你好", { kind: "chit-chat", what: "greeting" }],
  ["谢谢啦", { kind: "chit-chat", what: "thanks" }],
  ["好的收到", { kind: "chit-chat", what: "ack" }],
  ["今天中午食堂吃什么", { kind: "chit-chat", what: "chatter" }],
  ["你能做什么", { kind: "chit-chat", what: "identity" }],
  ["人", { kind: "unclear", why: "no-subject" }],
  ["%铁", { kind: "unclear", why: "no-subject" }],
  ["", { kind: "unclear", why: "empty" }],
  ["What is the GDP", { kind: "unclear", why: "not-chinese" }],
];
