/**
 * Rows of a report's review of several years (`2016—2023年`, the term a work report looks back
 * on) read as the last year's figure where the sentence states that year's level or growth:
 * `八年来……全市生产总值20059亿元、增长5.6%` in the report delivered in 2024 is 2023's. Only a
 * review that ended before the document's own year (never a plan: `2021—2025年` in a 2021
 * report), only a catalogued indicator's result with a level (a growth alone only when the sentence says 全年), and
 * never a sentence that sums, adds up or averages the years (累计, 新增, 年均, 共计, 比2017年),
 * rounds a milestone (突破, 超过, 以上) or looks ahead (力争, 预计, 到2025年).
 * Pure; used by the one row selection (select-rows.ts).
 */
import type { CorpusReader } from "../retrieve/corpus-reader.js";
import type { IndicatorRow } from "../types.js";

/** A period of several years: 2016—2023年, 2016-2023年. */
const RANGE = /^(\d{4})\s*[—–\-－~至到]\s*(\d{4})年$/u;
/**
 * Words of a sentence about the years together, what was added over them (新增就业 of a term is
 * its sum), a milestone or a plan: not one year's figure.
 */
const NOT_ONE_YEAR =
  /累计|年均|新增|新建|新开工|建成|引进|完成|改造|治理|拆除|整治|平均每年|共计|合计|总计|期间|以来|翻一?番|突破|超过|以上|以内|以下|左右|力争|预计|预期|计划|将|到\d{4}年|比\d{4}年|比[“"]?[十]?[一二三四五六七八九十]+五[”"]?期末|(?:由|从)[^，。；]*?(?:增|提高|扩大|减少|下降)/u;

/** The row as its review's last year, or null when it is not one year's figure. */
export function asLastYearOfReview(row: IndicatorRow, reader: CorpusReader): IndicatorRow | null {
  const range = RANGE.exec(row.period);
  // A catalogued indicator only: a count of things done (治理污染企业525家) is the term's sum.
  if (!range || row.indicator === null || /新增|累计/u.test(row.indicator)) return null;
  if (row.nature !== "result" || NOT_ONE_YEAR.test(row.clause)) return null;
  // A growth alone over a review (增加51.6%) is the whole term's unless the sentence says 全年.
  if (row.value === null && !/全年|当年/u.test(row.clause)) return null;
  const last = Number(range[2]);
  const meta = reader.meta(row.source.docId);
  if (!meta || last >= meta.year || Number(range[1]) >= last) return null;
  return { ...row, period: `${last}年` };
}

/**
 * Rows with every review row that states one year's figure read as that year, unless a row of
 * the same region, period and indicator is published as such.
 */
export function withReviewYears(rows: readonly IndicatorRow[], reader: CorpusReader): IndicatorRow[] {
  const key = (r: IndicatorRow) => `${r.region}|${r.period}|${r.indicator ?? r.phrase}`;
  const own = new Set(rows.map(key));
  return rows.map((r) => {
    const read = asLastYearOfReview(r, reader);
    return read && !own.has(key(read)) ? read : r;
  });
}
