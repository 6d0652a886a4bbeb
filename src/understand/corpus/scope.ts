/**
 * The scope dimensions' example corpus: the places (with parents, short forms, zones) and
 * periods (years in every form, parts of the year, relative years, every period, the whole
 * year) a question names. The tests are tests/understand/places.test.ts and periods.test.ts.
 */
import type { PeriodRef } from "../question.js";

/** A question and the places it names: [written, official name, codes]. */
export type PlaceExample = [question: string, places: Array<[written: string, name: string, codes: string[]]>];

export const PLACE_EXAMPLES: PlaceExample[] = [
  ["铁西区2022年财政收入", [["铁西区", "铁西区", ["210106", "210303", "220302"]]]],
  ["鞍山市铁西区2022年财政收入", [["鞍山市铁西区", "铁西区", ["210303"]]]],
  ["四平市铁东区的人口", [["四平市铁东区", "铁东区", ["220303"]]]],
  ["四平的铁东区有没有社零", [["四平", "四平市", ["220300"]], ["铁东区", "铁东区", ["220303"]]]],
  // A short form several divisions share stays as written until the corpus decides.
  ["海城2023年工业增加值", [["海城", "海城", ["210381", "450502"]]]],
  ["海城市2023年工业增加值", [["海城市", "海城市", ["210381"]]]],
  ["岫岩县2023年粮食产量", [["岫岩县", "岫岩满族自治县", ["210323"]]]],
  ["辽宁省朝阳市2021年社零", [["辽宁省朝阳市", "朝阳市", ["211300"]]]],
  ["全国2020年进出口总额", [["全国", "全国", ["000000"]]]],
  ["千山区和立山区哪个财政收入多", [["千山区", "千山区", ["210311"]], ["立山区", "立山区", ["210304"]]]],
  ["鞍山高新区2023年工业产值", [["鞍山高新区", "鞍山高新区", []]]],
  // No place inside ordinary words.
  ["全区新增城镇就业多少人", []],
  ["中心城区改造了多少户", []],
  ["城镇居民和农村居民收入差多少", []],
];

/** A question and the period it names. */
export type PeriodExample = [question: string, period: Partial<PeriodRef>];

export const PERIOD_EXAMPLES: PeriodExample[] = [
  ["千山区2022年财政收入", { years: [2022], part: null }],
  ["千山区2022年度财政收入", { years: [2022], part: null }],
  ["海城22年社零", { years: [2022] }],
  ["二〇二一年台安县GDP", { years: [2021] }],
  ["对比千山区2023年和2021年的财政收入", { years: [2023, 2021] }],
  ["铁西区2021和2022年社零", { years: [2021, 2022] }],
  ["立山区2024年上半年规上工业增加值", { years: [2024], part: "上半年" }],
  ["立山区上半年招聘会", { years: [], part: "上半年" }],
  ["立山区2024年第一季度税收", { years: [2024], part: "一季度" }],
  ["海城市2023年1季度用电量", { years: [2023], part: "一季度" }],
  ["千山区2023年1—9月固投", { years: [2023], part: "1-9月" }],
  ["千山区2023年前三季度固投", { years: [2023], part: "前三季度" }],
  ["千山区2023年1至6月社零", { years: [2023], part: "1-6月" }],
  ["千山区2023全年社零", { years: [2023], part: null, wholeYear: true }],
  ["完成全年任务的多少", { wholeYear: false }],
  ["铁西区今年的财政收入", { relative: { word: "今年", offset: 0 } }],
  ["铁西区去年社零增速", { relative: { word: "去年", offset: -1 } }],
  ["海城市前年的人口", { relative: { word: "前年", offset: -2 } }],
  ["铁西区社零比上年增长多少", { relative: null }],
  ["海城市前一年的税收", { relative: { word: "前一年", offset: -1 } }],
  ["台安县上年同期的招聘会场次", { relative: { word: "上年同期", offset: -1 } }],
  ["千山区下一年的计划", { relative: { word: "下一年", offset: 1 } }],
  ["海城市社零与上年同期相比增长多少", { relative: null }],
  ["同期千山区的财政收入", { years: [], part: null, relative: { word: "同期", offset: 0 } }],
  ["铁西区这两年社零", { every: true }],
  ["千山区历年GDP", { every: true }],
  ["2023年末有多少户", { years: [2023] }],
  ["接种2000多人", { years: [] }],
  ["千山区2023年新增市场主体比上年多了多少户", { years: [2023, 2022] }],
  ["1978年全国粮食产量", { years: [1978] }],
  ["全国年末总人口1998年比1990年增加了多少", { years: [1998, 1990] }],
  ["90年全国农民人均纯收入", { years: [1990] }],
  ["一九九八年全国城镇登记失业率", { years: [1998] }],
  ["近50年的变化", { years: [] }],
  ["过去30年", { years: [] }],
  ["1998人参加", { years: [] }],
  ["发放补贴2023万元", { years: [] }],
];
