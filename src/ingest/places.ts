/**
 * A small gazetteer: the places a question or a document title may name. The corpus covers
 * 鞍山市 and two of its districts; every other place is known only so that a question about
 * it is refused rather than matched to another region.
 */

/** Districts, counties and zones of 鞍山市 (full name → short forms used in text). */
export const ANSHAN_SUBDIVISIONS: Record<string, string[]> = {
  铁东区: ["铁东"],
  铁西区: ["铁西"],
  立山区: ["立山"],
  千山区: ["千山"],
  海城市: ["海城"],
  台安县: ["台安"],
  岫岩满族自治县: ["岫岩县", "岫岩"],
  高新区: ["高新技术产业开发区"],
  经开区: ["经济开发区"],
};

/** The city the corpus is about. */
export const HOME_CITY = "鞍山市";

/** Prefecture-level and larger places outside the corpus (辽宁省, the home province, is not one). */
export const OTHER_PLACES: string[] = [
  "沈阳市",
  "大连市",
  "抚顺市",
  "本溪市",
  "丹东市",
  "锦州市",
  "营口市",
  "阜新市",
  "辽阳市",
  "盘锦市",
  "铁岭市",
  "朝阳市",
  "葫芦岛市",
  "四平市",
  "长春市",
  "吉林市",
  "哈尔滨市",
  "北京市",
  "上海市",
  "天津市",
  "重庆市",
  "广州市",
  "深圳市",
  "杭州市",
  "南京市",
  "武汉市",
  "成都市",
  "西安市",
  "郑州市",
  "济南市",
  "青岛市",
  "苏州市",
  "吉林省",
  "黑龙江省",
  "河北省",
  "山东省",
  "广东省",
  "江苏省",
  "浙江省",
];

/** Cities (including the home city) by full name, for detecting the city a text names. */
export const CITIES: string[] = [HOME_CITY, ...OTHER_PLACES.filter((p) => p.endsWith("市"))];

/** The short form of a place: 鞍山市 → 鞍山, 辽宁省 → 辽宁, 铁东区 → 铁东. */
export function shortName(place: string): string {
  const listed = ANSHAN_SUBDIVISIONS[place]?.[0];
  if (listed && listed.length < place.length && !listed.endsWith("县")) return listed;
  return place.length > 2 ? place.replace(/[市省区县]$/u, "") : place;
}

/** Counts how often each candidate place is named (full name or short form) in a text. */
export function countPlaces(text: string, places: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const place of places) {
    const short = shortName(place);
    const n = text.split(short).length - 1;
    if (n > 0) counts.set(place, n);
  }
  return counts;
}

/** The most often named place, or null when none is named. */
export function dominantPlace(text: string, places: string[]): string | null {
  let best: string | null = null;
  let bestCount = 0;
  for (const [place, n] of countPlaces(text, places)) {
    if (n > bestCount) [best, bestCount] = [place, n];
  }
  return best;
}
