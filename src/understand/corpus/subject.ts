/**
 * The subject dimensions' example corpus: the catalogued indicators a question names (aliases,
 * names standing alone, coordinated names, qualifiers, names before a frame word), the measure
 * word asked and the topic left for matching statements. The tests are
 * tests/understand/indicators.test.ts and tests/understand/measure.test.ts.
 */

/** A question and the canonical indicators it names (first reading of each), in order. */
export type IndicatorExample = [question: string, indicators: string[]];

export const INDICATOR_EXAMPLES: IndicatorExample[] = [
  ["海城市2022年社零总额", ["社会消费品零售总额"]],
  ["千山区2023年gdp", ["地区生产总值"]],
  ["铁西区规上工业增速", ["规模以上工业增加值"]],
  ["千山区固投完成多少", ["固定资产投资"]],
  ["千山区一般预算收入", ["一般公共预算收入"]],
  // coordinated names share their head
  ["千山区城镇和农村居民人均可支配收入", ["城镇居民人均可支配收入", "农村居民人均可支配收入"]],
  ["海城市城镇居民与农村居民人均可支配收入相差多少", ["城镇居民人均可支配收入", "农村居民人均可支配收入"]],
  ["铁西区2022年地区生产总值和社会消费品零售总额", ["地区生产总值", "社会消费品零售总额"]],
  // names before a frame word
  ["千山区税收在财政收入里占多少", ["税收收入", "一般公共预算收入"]],
  ["铁西区社零占GDP的比重", ["社会消费品零售总额", "地区生产总值"]],
  ["千山区固投和社零哪个增长快", ["固定资产投资", "社会消费品零售总额"]],
  ["限上社零增速比全口径社零快多少", ["限额以上社会消费品零售总额", "社会消费品零售总额"]],
  ["海城市固定资产投资实际完成了多少", ["固定资产投资"]],
  ["实际利用外资到位多少", ["实际利用外资"]],
  ["海城市失业保险参保多少人", ["失业保险参保人数"]],
  ["千山区一般公共预算收入占多大比例", ["一般公共预算收入"]],
  ["海城市城镇职工基本养老保险参保人数占多少", ["城镇职工基本养老保险参保人数"]],
  // a name inside a longer noun names nothing of the shorter name
  ["千山区规上工业企业数量", ["规模以上工业企业数"]],
  ["农村贫困人口减少了多少", []],
  ["机电产品出口多少", []],
];

/** A question, the measure word it asks, and the topic terms left for matching statements. */
export type MeasureExample = [question: string, measure: string | null, terms: string[]];

export const MEASURE_EXAMPLES: MeasureExample[] = [
  ["千山区2022年结婚登记多少对", "对", ["结婚登记"]],
  ["海城市有多少名孤儿", "名", ["孤儿"]],
  ["台安县上半年举办了几场招聘会", "场", ["举办", "招聘会"]],
  ["千山区招聘会场次", "场", ["招聘会"]],
  ["铁西区特困人员人数是多少", "人", ["特困", "人员"]],
  ["铁西区燃气报警器安装率", "%", ["燃气", "报警器", "安装", "率"]],
  ["千山区老旧小区改造花了多少钱", "元", ["老旧小区改造", "支出"]],
  ["海城市检查药品零售企业多少家次", "家次", ["检查", "药品", "零售", "企业"]],
  ["铁西区去年建了几个口袋公园", "个", ["建", "口袋", "公园"]],
  ["千山区2023年新建公厕多少座", "座", ["新建", "公厕"]],
];
