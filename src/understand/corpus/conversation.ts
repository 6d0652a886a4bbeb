/**
 * The conversation dimension's example corpus: a question asked before, the message that
 * follows it, and what the message must resolve to — the question answered (places, period,
 * indicators or topic, ask) and what was carried. Written from how staff follow up in a chat.
 * The test is tests/understand/follow-up.test.ts.
 */

/** What a resolved message must be. */
export interface Resolution {
  kind: "new" | "follow-up" | "cite" | "chit-chat" | "list-item" | "list-count" | "no-list";
  places?: string[];
  years?: number[];
  part?: string | null;
  indicators?: string[];
  ask?: string;
  /** The context note starts with these parts (按上一问：…). */
  carried?: string[];
}

/** The question before, the message, and its resolution. */
export type FollowUpExample = [before: string, message: string, resolution: Resolution];

export const FOLLOW_UP_EXAMPLES: FollowUpExample[] = [
  // a period, a place, an indicator, an ask changed
  ["千山区2023年税收收入完成多少", "那2021年呢", { kind: "follow-up", places: ["千山区"], years: [2021], indicators: ["税收收入"], ask: "value" }],
  ["千山区2023年税收收入完成多少", "22年的呢", { kind: "follow-up", years: [2022], indicators: ["税收收入"] }],
  ["千山区2023年税收收入完成多少", "海城市呢", { kind: "follow-up", places: ["海城市"], indicators: ["税收收入"] }],
  ["千山区2023年税收收入完成多少", "社零呢", { kind: "follow-up", places: ["千山区"], years: [2023], indicators: ["社会消费品零售总额"] }],
  ["千山区2023年税收收入完成多少", "增速呢", { kind: "follow-up", indicators: ["税收收入"], ask: "growth" }],
  ["千山区2023年税收收入增长多少", "财政收入呢", { kind: "follow-up", indicators: ["一般公共预算收入"], ask: "growth" }],
  ["千山区2023年税收收入完成多少", "目标完成了没有", { kind: "follow-up", indicators: ["税收收入"], ask: "plan" }],
  ["千山区2023年税收收入完成多少", "哪年高", { kind: "follow-up", indicators: ["税收收入"], ask: "which", years: [] }],
  ["千山区2023年税收收入完成多少", "变化大吗", { kind: "follow-up", indicators: ["税收收入"], ask: "compare", years: [] }],
  ["千山区2023年税收收入完成多少", "和2021年比呢", { kind: "follow-up", ask: "compare", years: [2023, 2021] }],
  ["千山区2023年规上工业增加值增长多少", "比2022年快了多少个百分点", { kind: "follow-up", ask: "difference", years: [2023, 2022] }],
  ["海城市2023年棚户区还有多少户", "减少了多少户", { kind: "follow-up", places: ["海城市"], ask: "change", carried: ["海城市", "2023年", "“棚户区”"] }],
  // substitution frames: a period, a place, an indicator put in place of the last one
  ["千山区2023年税收收入完成多少", "换成2021年呢", { kind: "follow-up", places: ["千山区"], years: [2021], indicators: ["税收收入"] }],
  ["千山区2023年税收收入完成多少", "换到2022年", { kind: "follow-up", places: ["千山区"], years: [2022], indicators: ["税收收入"] }],
  ["千山区2023年税收收入完成多少", "如果是2022年呢", { kind: "follow-up", years: [2022], indicators: ["税收收入"] }],
  ["千山区2023年税收收入完成多少", "改成海城市呢", { kind: "follow-up", places: ["海城市"], years: [2023], indicators: ["税收收入"] }],
  ["千山区2023年税收收入完成多少", "要是海城市的呢", { kind: "follow-up", places: ["海城市"], indicators: ["税收收入"] }],
  ["千山区2023年税收收入完成多少", "换为社零怎么样", { kind: "follow-up", places: ["千山区"], years: [2023], indicators: ["社会消费品零售总额"] }],
  ["千山区2023年税收收入完成多少", "那改成财政收入的情况", { kind: "follow-up", places: ["千山区"], years: [2023], indicators: ["一般公共预算收入"] }],
  ["千山区2023年税收收入完成多少", "再看海城市2022年的", { kind: "follow-up", places: ["海城市"], years: [2022], indicators: ["税收收入"] }],
  // periods counted from the one discussed
  ["千山区2023年税收收入完成多少", "前一年呢", { kind: "follow-up", years: [2022], indicators: ["税收收入"] }],
  ["千山区2023年税收收入完成多少", "上半年呢", { kind: "follow-up", years: [2023], part: "上半年" }],
  ["台安县2024年上半年社零多少", "上年同期呢", { kind: "follow-up", years: [2023], part: "上半年", indicators: ["社会消费品零售总额"] }],
  ["千山区2023年税收收入完成多少", "同期社零呢", { kind: "follow-up", years: [2023], indicators: ["社会消费品零售总额"] }],
  ["千山区2023年税收收入完成多少", "那同期海城市的社零是多少", { kind: "new", places: ["海城市"], years: [2023], indicators: ["社会消费品零售总额"] }],
  // an ask without a subject of its own: the basis of a comparison names none; a share's part
  ["海城市2023年城镇居民人均可支配收入是多少", "比上年增加了多少", { kind: "follow-up", years: [2023], indicators: ["城镇居民人均可支配收入"], ask: "change" }],
  ["海城市2023年城镇居民人均可支配收入是多少", "较去年增长了多少", { kind: "follow-up", years: [2023], indicators: ["城镇居民人均可支配收入"], ask: "growth" }],
  ["千山区2023年税收收入完成多少", "占一般公共预算收入的比重呢", { kind: "follow-up", years: [2023], indicators: ["税收收入", "一般公共预算收入"], ask: "ratio" }],
  ["千山区2023年税收收入完成多少", "这个数据是哪个文件里的", { kind: "cite" }],
  // pronouns
  ["千山区2023年城镇居民人均可支配收入是多少", "同一指标海城市呢", { kind: "follow-up", places: ["海城市"], indicators: ["城镇居民人均可支配收入"] }],
  ["千山区2023年城镇居民人均可支配收入是多少", "该项前一年呢", { kind: "follow-up", years: [2022], indicators: ["城镇居民人均可支配收入"] }],
  ["千山区2023年城镇居民人均可支配收入是多少", "它去年增长多少", { kind: "follow-up", years: [2022], indicators: ["城镇居民人均可支配收入"], ask: "growth" }],
  ["千山区2023年城镇居民人均可支配收入是多少", "这个指标2021年呢", { kind: "follow-up", years: [2021], indicators: ["城镇居民人均可支配收入"] }],
  ["海城市2022年社零是多少", "该指标今年呢", { kind: "follow-up", years: [2022], indicators: ["社会消费品零售总额"] }],
  // an aspect of the same subject
  ["千山区2022年燃气软管装了多少户", "安装率呢", { kind: "follow-up", places: ["千山区"], years: [2022], ask: "value" }],
  ["千山区2022年燃气软管装了多少户", "多少栋楼", { kind: "follow-up", places: ["千山区"], years: [2022] }],
  // a part of the year the new place lacks is kept (and refused); a year is dropped
  ["立山区上半年社零总额多少", "铁东区呢", { kind: "follow-up", places: ["铁东区"], part: "上半年" }],
  ["铁东区2023年社零总额多少", "立山区呢", { kind: "follow-up", places: ["立山区"], years: [] }],
  // new questions, with or without 那
  ["千山区2023年税收收入完成多少", "那海城市2022年工伤保险参保多少人", { kind: "new", places: ["海城市"], years: [2022] }],
  ["千山区2023年税收收入完成多少", "还有台安县上半年的招聘会场次", { kind: "new", places: ["台安县"], part: "上半年" }],
  ["四平市铁东区2022年GDP是多少", "鞍山市铁东区2022年的呢", { kind: "follow-up", places: ["铁东区"], indicators: ["地区生产总值"] }],
  // tasks
  ["鞍山市2023年计划建多少个5G基站", "谁牵头", { kind: "follow-up", ask: "task" }],
  ["第27项任务是什么", "下一个", { kind: "list-item", ask: "task" }],
  ["第27项任务是什么", "它由哪个部门牵头", { kind: "follow-up", ask: "task" }],
  ["市商务局牵头哪些任务", "市发改委呢", { kind: "follow-up", ask: "task", carried: ["牵头的任务"] }],
  ["千山区2023年社零完成多少", "和海城市比呢", { kind: "follow-up", ask: "compare", places: ["千山区", "海城市"] }],
  // sources and small talk
  ["千山区2023年税收收入完成多少", "原文呢", { kind: "cite" }],
  ["千山区2023年税收收入完成多少", "出处发我看看", { kind: "cite" }],
  ["千山区2023年税收收入完成多少", "谢谢", { kind: "chit-chat" }],
  ["千山区2023年税收收入完成多少", "大家晚上吃什么", { kind: "chit-chat" }],
  ["千山区2023年税收收入完成多少", "上面第二项", { kind: "no-list" }],
];
