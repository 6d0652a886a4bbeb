/**
 * The figure grammar's corpus (Duckling style): phrases as bulletins write them and the
 * figures each must parse to. tests/indicators/figure-corpus.test.ts checks every example, so
 * a rule change that breaks one fails; add an example with every new rule.
 */

/** One example: a text and its figures as `published text = number unit`, in text order. */
export interface FigureExample {
  text: string;
  figures: string[];
}

/** One growth example: a text and its growth rates as `published text = signed number`. */
export interface GrowthExample {
  text: string;
  growths: string[];
}

export const FIGURE_EXAMPLES: FigureExample[] = [
  // money, with magnitudes and currencies
  { text: "全年实现地区生产总值4386.0亿元", figures: ["4386.0亿元 = 4386 亿元"] },
  { text: "值（GDP）3608.2 亿元，按可比价格计算", figures: ["3608.2亿元 = 3608.2 亿元"] },
  { text: "人均地区生产总值94622元", figures: ["94622元 = 94622 元"] },
  { text: "兑现惠企资金3.6亿元", figures: ["3.6亿元 = 3.6 亿元"] },
  { text: "出口额242万美元", figures: ["242万美元 = 242 万美元"] },
  { text: "实际使用外资18.3亿美元", figures: ["18.3亿美元 = 18.3 亿美元"] },
  { text: "争取资金3500万元", figures: ["3500万元 = 3500 万元"] },
  // counts
  { text: "全年发生火灾事故48起", figures: ["48起 = 48 起"] },
  { text: "新建桥梁17座", figures: ["17座 = 17 座"] },
  { text: "新增公办幼儿园26所", figures: ["26所 = 26 所"] },
  { text: "规模以上工业企业1356家", figures: ["1356家 = 1356 家"] },
  { text: "改造农村危房1290户", figures: ["1290户 = 1290 户"] },
  { text: "接待游客2.1亿人次", figures: ["2.1亿人次 = 2.1 亿人次"] },
  { text: "招聘社区工作者86名", figures: ["86名 = 86 名"] },
  { text: "取消行政许可事项27项", figures: ["27项 = 27 项"] },
  { text: "全国重点文物保护单位12处", figures: ["12处 = 12 处"] },
  { text: "受理信访事项3864件", figures: ["3864件 = 3864 件"] },
  { text: "新能源汽车保有量12.4万辆", figures: ["12.4万辆 = 12.4 万辆"] },
  { text: "新增工业机器人120台", figures: ["120台 = 120 台"] },
  { text: "改造老旧住房3200套", figures: ["3200套 = 3200 套"] },
  { text: "拆除危房12栋", figures: ["12栋 = 12 栋"] },
  { text: "办理结婚登记2318对", figures: ["2318对 = 2318 对"] },
  { text: "举办文艺演出42场", figures: ["42场 = 42 场"] },
  { text: "开展消防演练120次", figures: ["120次 = 120 次"] },
  { text: "新增充电桩2460个", figures: ["2460个 = 2460 个"] },
  // weights, areas, lengths, volumes, energy
  { text: "钢材产量1820万吨", figures: ["1820万吨 = 1820 万吨"] },
  { text: "油料总产3.7亿斤", figures: ["3.7亿斤 = 3.7 亿斤"] },
  { text: "粮食总产量1.4亿斤", figures: ["1.4亿斤 = 1.4 亿斤"] },
  { text: "收购粮食3000万斤", figures: ["3000万斤 = 3000 万斤"] },
  { text: "播种面积120万亩", figures: ["120万亩 = 120 万亩"] },
  { text: "新增耕地800亩", figures: ["800亩 = 800 亩"] },
  { text: "完成造林面积1.2万公顷", figures: ["1.2万公顷 = 1.2 万公顷"] },
  { text: "铁路营业里程达1856公里", figures: ["1856公里 = 1856 公里"] },
  { text: "保障房竣工面积41.5万平", figures: ["41.5万平 = 41.5 万平"] },
  { text: "竣工面积1460.8万平方米", figures: ["1460.8万平方米 = 1460.8 万平方米"] },
  { text: "天然气372.0亿立方米", figures: ["372.0亿立方米 = 372 亿立方米"] },
  { text: "全社会用电量592.4亿千瓦时", figures: ["592.4亿千瓦时 = 592.4 亿千瓦时"] },
  { text: "发电量12000千瓦时", figures: ["12000千瓦时 = 12000 千瓦时"] },
  // rates, multiples, tenths
  { text: "城镇调查失业率5.1%", figures: ["5.1% = 5.1 %"] },
  { text: "人口出生率8.5‰", figures: ["8.5‰ = 8.5 ‰"] },
  { text: "比上年提高0.7个百分点", figures: ["0.7个百分点 = 0.7 个百分点"] },
  { text: "规模是上年的2.5倍", figures: ["2.5倍 = 2.5 倍"] },
  { text: "七成以上的村达到3成", figures: ["3成 = 3 成"] },
  // Chinese numerals
  { text: "招录一千二百人", figures: ["一千二百人 = 1200 人"] },
  { text: "建成十三个示范点", figures: ["十三个 = 13 个"] },
  { text: "第一个项目，一个中心", figures: [] },
  // qualifiers, ranges, separators
  { text: "新增就业1.1万余人", figures: ["1.1万余人 = 1.1 万余人"] },
  { text: "服务3000多人次", figures: ["3000多人次 = 3000 多人次"] },
  { text: "力争新增上市公司1-2家", figures: ["1-2家 = 1 家"] },
  { text: "增长6%-7%", figures: ["6%-7% = 6 %"] },
  { text: "总额1,234.5亿元", figures: ["1,234.5亿元 = 1234.5 亿元"] },
  // not figures
  { text: "拨打12345平台", figures: [] },
  { text: "2021年成都市", figures: [] },
  { text: "5成都", figures: [] },
];

export const GROWTH_EXAMPLES: GrowthExample[] = [
  { text: "同比增长6.4%", growths: ["同比增长6.4% = 6.4"] },
  { text: "比上年下降8.7%", growths: ["比上年下降8.7% = -8.7"] },
  { text: "同比增长-13.8%", growths: ["同比增长-13.8% = -13.8"] },
  { text: "比上年末增长7.6%", growths: ["比上年末增长7.6% = 7.6"] },
  { text: "居民消费价格上涨2.9%", growths: ["上涨2.9% = 2.9"] },
  { text: "增产2.3%", growths: ["增产2.3% = 2.3"] },
  { text: "比上年提高0.7个百分点", growths: ["比上年提高0.7个百分点 = 0.7"] },
  { text: "较上年回落1.2个百分点", growths: ["较上年回落1.2个百分点 = -1.2"] },
  { text: "增长1.5倍", growths: ["增长1.5倍 = 1.5"] },
  // targets: ranges, words of degree, averages (the bound after a figure is the row's qualifier)
  { text: "地区生产总值增长6%—6.5%", growths: ["增长6%—6.5% = 6"] },
  { text: "生产总值增长8-8.5%", growths: ["增长8-8.5% = 8"] },
  { text: "经济增长7.5%–8%", growths: ["增长7.5%–8% = 7.5"] },
  { text: "增长9%─10%", growths: ["增长9%─10% = 9"] },
  { text: "增长10%至12%", growths: ["增长10%至12% = 10"] },
  { text: "增长 7%左右", growths: ["增长7% = 7"] },
  { text: "增长不低于8%", growths: ["增长不低于8% = 8"] },
  { text: "增速保持在6.5%左右", growths: ["增速保持在6.5% = 6.5"] },
  { text: "年均增长7%以上", growths: ["年均增长7% = 7"] },
  { text: "提高0.5-1个百分点", growths: ["提高0.5-1个百分点 = 0.5"] },
];
