/**
 * What kind of division a document speaks for, read from how it refers to itself: a city's
 * report says `全市`, `我市` and `我代表市人民政府`, a province's `全省`/`我省`, an autonomous
 * region's or a district's `全区`, an autonomous prefecture's `全州`, a county's `全县`, a
 * banner's `全旗`, a league's `全盟`, a prefecture (地区) `全地区`; the nation's bulletin speaks
 * of `全国`/`我国` and is issued by `国家统计局`. The answer is the suffix of the division's
 * official name (市 also covers the municipalities 北京市 …, 区 both 自治区 and districts), so the
 * gazetteer's divisions can be checked against it without any list of places.
 */
import type { Division } from "./gazetteer.js";

/** Name suffixes of divisions as a document refers to itself; 国 is the nation. */
export type IssuerSuffix = "国" | "省" | "市" | "区" | "州" | "县" | "旗" | "盟" | "地区";

/** The suffix a document's self-references point to, with how often each was seen. */
export interface IssuerLevel {
  suffix: IssuerSuffix;
  /** The words that show it, e.g. `我代表市人民政府`, `全市`×87. */
  evidence: string;
}

/**
 * `全市`, `我省` … as the document speaks of itself; not `全区域`, `全市场`, `全县域`, `全省份`,
 * `我市长`, nor a comparison with the level above (`居全省第一`, `高于全省5.8个百分点`,
 * `获全省推广`, `全省重点实验室`).
 */
const SELF =
  /(?<!居|列|位居|领跑|高于|低于|快于|慢于|占|获|在|为|和|与|及|向|被|全国|全球)(全|我)(地区|省|市|州|区|县|旗|盟)(?!域|场|份|长|委员|级|第|首|前|平均|排名|推广|唯一|最|重点|示范|先进|优秀|文明|百强|十强|同行)/gu;
/** `我代表市人民政府`, `我代表北京市人民政府`, `我代表自治区人民政府`, `我代表省政府`. */
const REPRESENTS =
  /我代表[^，。；\n]{0,10}?(自治区|地区|省|市|州|区|县|旗|盟)(?:第[一二三四五六七八九十]+届)?(?:人民政府|政府|革命委员会)/u;
/** `全国`/`我国` not naming a national body or title (全国人大代表, 全国文明城市, 全国百强). */
const NATION = /(?:全国|我国)(?!人大|人民代表|政协|文明|百强|先进|重点|首批|第|劳动模范|优秀|示范|性)/gu;
/** National issuers. */
const NATIONAL_ISSUER = /国家统计局|中华人民共和国国务院|国务院总理/u;
/** A representation sentence decides: it counts as many times as this. */
const REPRESENTATION_WEIGHT = 1000;

/** The suffix of a division as {@link IssuerLevel} uses it. */
export function suffixOf(d: Division): IssuerSuffix {
  if (d.level === 0) return "国";
  if (/自治区$/u.test(d.name)) return "区";
  if (/地区$/u.test(d.name)) return "地区";
  const last = d.name.slice(-1);
  return (["省", "市", "区", "州", "县", "旗", "盟"] as const).find((s) => s === last) ?? "市";
}

/**
 * The level a document speaks for: the body it represents (`我代表市人民政府`), else its most
 * frequent self-reference; the nation when a national body
 * issues it or `全国`/`我国` outnumber every other self-reference three to one. Null when the
 * text never refers to itself.
 */
export function issuerLevel(text: string, head: string): IssuerLevel | null {
  const counts = new Map<IssuerSuffix, number>();
  const add = (s: IssuerSuffix, n: number) => counts.set(s, (counts.get(s) ?? 0) + n);
  for (const m of text.matchAll(SELF)) add(m[2] as IssuerSuffix, 1);
  const represents = text.slice(0, 4000).match(REPRESENTS);
  if (represents)
    add(represents[1] === "自治区" ? "区" : (represents[1] as IssuerSuffix), REPRESENTATION_WEIGHT);
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  const nation = [...text.matchAll(NATION)].length;
  const top = ranked[0];
  if (NATIONAL_ISSUER.test(head) && (!top || nation >= top[1]))
    return { suffix: "国", evidence: head.match(NATIONAL_ISSUER)![0] };
  if (nation > 0 && nation >= 3 * (top?.[1] ?? 0)) return { suffix: "国", evidence: `全国/我国×${nation}` };
  if (!top) return null;
  if (represents) return { suffix: top[0], evidence: represents[0] };
  const shown = ranked
    .slice(0, 2)
    .map(([s, n]) => `全${s}/我${s}×${n}`)
    .join("，");
  return { suffix: top[0], evidence: shown };
}
