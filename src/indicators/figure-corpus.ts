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
  { text: "全年实现地区生产总值19917.0亿元", figures: ["19917.0亿元 = 19917 亿元"] },
  { text: "值（GDP）20817.5 亿元，按可比价格计算", figures: ["20817.5亿元 = 20817.5 亿元"] },
  { text: "人均地区生产总值94622元", figures: ["94622元 = 94622 元"] },
  { text: "发放稳岗资金2.2亿元", figures: ["2.2亿元 = 2.2 亿元"] },
  { text: "出口额242万美元", figures: ["242万美元 = 242 万美元"] },
  { text: "实际使用外资18.3亿美元", figures: ["18.3亿美元 = 18.3 亿美元"] },
  { text: "争取资金3500万元", figures: ["3500万元 = 3500 万元"] },
  // counts
  { text: "发生生产安全事故211起", figures: ["211起 = 211 起"] },
  { text: "新建改造公厕34座", figures: ["34座 = 34 座"] },
  { text: "新建改扩建公办中小学幼儿园80所", figures: ["80所 = 80 所"] },
  { text: "高新技术企业7821家", figures: ["7821家 = 7821 家"] },
  { text: "建档立卡贫困户301户", figures: ["301户 = 301 户"] },
  { text: "接待游客2.1亿人次", figures: ["2.1亿人次 = 2.1 亿人次"] },
  { text: "孤儿13名", figures: ["13名 = 13 名"] },
  { text: "完成改革任务43项", figures: ["43项 = 43 项"] },
  { text: "A级旅游景区67处", figures: ["67处 = 67 处"] },
  { text: "授权专利12123件", figures: ["12123件 = 12123 件"] },
  { text: "机动车保有量660.7万辆", figures: ["660.7万辆 = 660.7 万辆"] },
  { text: "新增工业机器人120台", figures: ["120台 = 120 台"] },
  { text: "改造老旧住房3200套", figures: ["3200套 = 3200 套"] },
  { text: "拆除危房12栋", figures: ["12栋 = 12 栋"] },
  { text: "离婚登记654对", figures: ["654对 = 654 对"] },
  { text: "组织招聘会15场", figures: ["15场 = 15 场"] },
  { text: "成功完成32次宇航发射", figures: ["32次 = 32 次"] },
  { text: "施划停车位5350个", figures: ["5350个 = 5350 个"] },
  // weights, areas, lengths, volumes, energy
  { text: "粮食产量66384万吨", figures: ["66384万吨 = 66384 万吨"] },
  { text: "粮食增产16.2亿斤", figures: ["16.2亿斤 = 16.2 亿斤"] },
  { text: "粮食总产量1.4亿斤", figures: ["1.4亿斤 = 1.4 亿斤"] },
  { text: "收购粮食3000万斤", figures: ["3000万斤 = 3000 万斤"] },
  { text: "播种面积120万亩", figures: ["120万亩 = 120 万亩"] },
  { text: "新增耕地800亩", figures: ["800亩 = 800 亩"] },
  { text: "完成造林面积1.2万公顷", figures: ["1.2万公顷 = 1.2 万公顷"] },
  { text: "公路总里程达29479公里", figures: ["29479公里 = 29479 公里"] },
  { text: "商品房销售面积22.8万平", figures: ["22.8万平 = 22.8 万平"] },
  { text: "竣工面积1460.8万平方米", figures: ["1460.8万平方米 = 1460.8 万平方米"] },
  { text: "天然气372.0亿立方米", figures: ["372.0亿立方米 = 372 亿立方米"] },
  { text: "全社会用电量592.4亿千瓦时", figures: ["592.4亿千瓦时 = 592.4 亿千瓦时"] },
  { text: "发电量12000千瓦时", figures: ["12000千瓦时 = 12000 千瓦时"] },
  // rates, multiples, tenths
  { text: "城镇登记失业率3.5%", figures: ["3.5% = 3.5 %"] },
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
  { text: "同比增长9.1%", growths: ["同比增长9.1% = 9.1"] },
  { text: "比上年下降14.2%", growths: ["比上年下降14.2% = -14.2"] },
  { text: "同比增长-26.4%", growths: ["同比增长-26.4% = -26.4"] },
  { text: "比上年末增长10.9%", growths: ["比上年末增长10.9% = 10.9"] },
  { text: "居民消费价格上涨2.9%", growths: ["上涨2.9% = 2.9"] },
  { text: "增产0.9%", growths: ["增产0.9% = 0.9"] },
  { text: "比上年提高0.7个百分点", growths: ["比上年提高0.7个百分点 = 0.7"] },
  { text: "较上年回落1.2个百分点", growths: ["较上年回落1.2个百分点 = -1.2"] },
  { text: "增长1.5倍", growths: ["增长1.5倍 = 1.5"] },
];
