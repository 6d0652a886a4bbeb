/**
 * The indicator phrase of a clause: the words before (or after) a figure without what says when,
 * where or how (`全年`, `全市`, `累计完成`, `达到`), so `2023年全市累计完成固定资产投资` names
 * 固定资产投资.
 */
import { findPlaces } from "../ingest/find-places.js";

/** Words before a figure that say when, where or how, not what: stripped from phrases. */
export const LEADING_NOISE =
  /^(?:\d{1,3}[.．、](?!\d)|[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]+、|其中|另外|此外|同时|全年|上半年|下半年|今年以来|年初以来|截至目前|截止目前|截至\d+月末?|截止\d+月末?|目前|现已|已|\d{4}年度?|\d{4}全年|\d{1,2}[-—]\d{1,2}月份?|\d{1,2}月份?|(?:全区|我区|全市|我市|全县|我县|全州|我州|全省|我省|全国|我国|全旗|全盟|区内|市内|辖区内?)|累计完成|累计实现|累计|完成|实现|办理|发生|共计|共有|共|总计|合计|[—―－-]+|(?:经|据)?初步(?:核算|统计|预计)|预计|预期|全力争取|力争|争取|确保|努力|推动|促进|保持|提出|今年|明年|去年|上年|(?:今后|未来|过去)[一二三四五两]年|五年间|到\d{4}年(?:末|底)?|“?十[一二三四五]?五”?(?:时期|期间|末)?|[（(][^（）()]{0,8}下同[）)])+/u;
export const TRAILING_NOISE =
  /(?:累计完成|累计实现|累计|完成|实现|达到|达|为|共计|共有|共|有|突破|超过|超|近|约|合计|总计|分别|是|的|不低于|不少于|不超过|不高于|高于|控制在|保持在|稳定在|预计|预期|力争|争取|确保)+$/u;
/** A target recalled by who set it: `年初确定的地区生产总值…` names 地区生产总值. */
const SET_BY = /^.*?(?:确定|提出|下达|制定|设定)的(?=\p{Script=Han}{2})/u;

/** Cleans an indicator phrase: strips time/place prefixes, verbs and trailing punctuation. */
export function cleanPhrase(phrase: string): string {
  let p = phrase
    .replace(/[。；，、：\s]+$/u, "")
    .replace(/^[。；，、：\s]+/u, "")
    .replace(SET_BY, "");
  for (let i = 0; i < 3; i++)
    p = withoutLeadingPlace(p.replace(LEADING_NOISE, "")).replace(TRAILING_NOISE, "");
  return p.replace(/^[一二三四五六七八九十]+是/u, "").replace(/^[和及与]$/u, "");
}

/** How far into a phrase a place name that says where (成都市, 鞍山市铁东区) may reach. */
const PLACE_PREFIX_LENGTH = 16;

/** A phrase without a place it starts with (`铁东区社会消费品零售总额` → 社会消费品零售总额). */
function withoutLeadingPlace(phrase: string): string {
  const first = findPlaces(phrase.slice(0, PLACE_PREFIX_LENGTH))[0];
  return first && first.start === 0 && first.end < phrase.length ? phrase.slice(first.end) : phrase;
}
