/**
 * Synthetic district statistical bulletins for the build benchmark and end-to-end tests: the
 * structure and wording of a real 统计公报 (title, issuer, date, preamble, numbered sections,
 * sub-sections, statements with value, unit and growth), with figures drawn from a seeded
 * generator so the same arguments always give the same document. Not a corpus: nothing of
 * the project reads these except the benchmark and tests.
 */
import { seededRandom } from "./question-generator.js";

const NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/** Sections and their statements: [indicator, unit, scale of the value]. */
const SECTIONS: Array<[string, Array<[string, string, number]>]> = [
  [
    "综合",
    [
      ["地区生产总值", "亿元", 300],
      ["第一产业增加值", "亿元", 20],
      ["第二产业增加值", "亿元", 120],
      ["第三产业增加值", "亿元", 160],
    ],
  ],
  [
    "农业",
    [
      ["粮食产量", "万吨", 30],
      ["农林牧渔业总产值", "亿元", 40],
      ["肉类总产量", "万吨", 5],
    ],
  ],
  [
    "工业和建筑业",
    [
      ["规模以上工业增加值", "亿元", 90],
      ["规模以上工业企业营业收入", "亿元", 400],
      ["建筑业总产值", "亿元", 60],
    ],
  ],
  [
    "固定资产投资",
    [
      ["固定资产投资", "亿元", 150],
      ["工业投资", "亿元", 50],
      ["房地产开发投资", "亿元", 40],
      ["商品房销售面积", "万平方米", 80],
    ],
  ],
  [
    "国内贸易",
    [
      ["社会消费品零售总额", "亿元", 140],
      ["限额以上单位商品零售额", "亿元", 60],
      ["餐饮收入", "亿元", 15],
    ],
  ],
  [
    "对外经济",
    [
      ["进出口总额", "亿元", 30],
      ["实际利用外资", "万美元", 5000],
      ["新签约项目", "个", 40],
    ],
  ],
  [
    "财政和金融",
    [
      ["一般公共预算收入", "亿元", 12],
      ["税收收入", "亿元", 9],
      ["一般公共预算支出", "亿元", 30],
      ["金融机构人民币存款余额", "亿元", 500],
    ],
  ],
  [
    "交通和邮电",
    [
      ["公路通车里程", "公里", 800],
      ["邮政业务总量", "亿元", 3],
      ["移动电话用户", "万户", 60],
    ],
  ],
  [
    "教育、科技和文化",
    [
      ["普通中学在校学生", "人", 20000],
      ["专利授权量", "件", 900],
      ["高新技术企业", "家", 70],
    ],
  ],
  [
    "人民生活和社会保障",
    [
      ["城镇常住居民人均可支配收入", "元", 40000],
      ["农村常住居民人均可支配收入", "元", 18000],
      ["城镇新增就业", "人", 8000],
      ["城镇登记失业率", "%", 4],
    ],
  ],
];

/** Sub-sections of every section: project-level statements that name no catalogue indicator. */
const TOPICS = ["重点项目", "企业培育", "民生项目", "改革创新", "园区建设", "服务保障"];

const VERBS = ["完成", "实现", "达到", ""];
const CONTEXT = ["全年", "全区", "全年全区", "截至年末，"];
const FILLER = [
  "经济运行总体平稳、稳中有进，发展质量和效益不断提升。",
  "重点项目建设扎实推进，营商环境持续优化。",
  "民生保障水平进一步提高，社会事业全面发展。",
  "各项改革深入推进，发展活力不断增强。",
];

function figure(rand: () => number, scale: number, unit: string): string {
  const v = scale * (0.6 + rand() * 0.8);
  if (unit === "%") return v.toFixed(1);
  if (scale >= 1000) return String(Math.round(v));
  return v.toFixed(scale >= 100 ? 1 : 2);
}

function growth(rand: () => number): string {
  const g = (rand() * 16 - 4).toFixed(1);
  return g.startsWith("-") ? `下降${g.slice(1)}%` : `增长${g}%`;
}

/** A bulletin of `region` (a district of `city`) for `year`, seeded by both. */
export function syntheticBulletin(city: string, region: string, year: number): string {
  let seed = year;
  for (const ch of region) seed = (seed * 31 + ch.codePointAt(0)!) >>> 0;
  const rand = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const lines = [
    `${city}${region}${year}年国民经济和社会发展统计公报`,
    `${city}${region}统计局`,
    `${year + 1}年3月${10 + Math.floor(rand() * 18)}日`,
    "",
    `${year}年，在区委、区政府的坚强领导下，全区上下${pick(FILLER)}${pick(FILLER)}`,
  ];
  SECTIONS.forEach(([heading, statements], i) => {
    lines.push(`${NUMERALS[i]}、${heading}`);
    const sentences = statements.map(([name, unit, scale]) => {
      const value = figure(rand, scale, unit);
      if (unit === "%")
        return `${name}为${value}%，比上年${rand() < 0.5 ? "下降" : "上升"}${(rand() * 0.8).toFixed(1)}个百分点`;
      return `${pick(CONTEXT)}${name}${pick(VERBS)}${value}${unit}，比上年${growth(rand)}`;
    });
    lines.push(`${sentences.join("；")}。${pick(FILLER)}`);
    TOPICS.forEach((topic, k) => {
      lines.push(
        `（${NUMERALS[k]}）${heading}领域${topic}`,
        `${year}年，${heading}领域${topic}方面新开工项目${3 + Math.floor(rand() * 40)}个，完成投资${(rand() * 20 + 1).toFixed(2)}亿元，比上年${growth(rand)}。${pick(FILLER)}${pick(FILLER)}${pick(FILLER)}`,
      );
    });
  });
  lines.push("", "注：本公报中部分数据为初步统计数，各项数据均未包括驻区单位。");
  return `${lines.join("\n")}\n`;
}

/** The districts used for synthetic documents, cycling over years for more documents than districts. */
export function syntheticCorpusPlan(
  city: string,
  districts: readonly string[],
  count: number,
  firstYear: number,
) {
  return Array.from({ length: count }, (_, i) => ({
    region: districts[i % districts.length]!,
    year: firstYear + Math.floor(i / districts.length),
    city,
  }));
}
