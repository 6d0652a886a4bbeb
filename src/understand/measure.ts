/**
 * The measure dimension: the unit a question asks its figure in. `多少对` asks 对, `几个` 个,
 * `招聘会场次` 场, `孤儿人数` 人, `安装率` / `占比` a percentage; `多少钱` asks 元. The ask words
 * themselves (是多少, 有几个, 一共多少) are taken from the question. Example corpus:
 * src/understand/corpus/measure.ts.
 */
import type { MarkedText } from "./marks.js";

/** Measure words a figure may be asked in (longest first). */
export const MEASURE_WORDS =
  "个工作日|人次|家次|批次|万元|亿元|平方米|平方公里|万平|万人|万户|公顷|公里|千瓦时|立方米|对|户|名|场|项|处|个|人|家|件|次|台|辆|栋|株|份|所|吨|米|天|条|间|枚|种|元|钱|套|座|亩|张|盏|块|部|册|篇|期|届|支|艘|架|起|位|岗|座|辆|倍";

/** `多少X` / `几X` with the optional words around it. */
const ASKED = new RegExp(`(?:一共|总共|共计|共)?(?:是|有|为|达到?)?(?:多少|几)(${MEASURE_WORDS})?`, "gu");
/** Nouns that ask for a count in a measure word: 招聘会场次 → 场, 孤儿人数 → 人, 结婚登记对数 → 对. */
const COUNT_NOUN =
  /(场|人|户|个|次|件|项|家|对|名|处)(?:次|数)(?=\s|$|是|有|为|多少|和|与|比|对比|相比)(?:是|有|为)?(?:多少)?/u;
/** A question ending in a rate noun asks for a percentage: 报警器安装率 → %. */
const RATE_NOUN = /(?<!增长|增)(率|占比|比重|比例)(?:是|为)?(?:多少)?$/u;

/** The measure word asked and the noun the figure counts. */
export interface MeasureReading {
  measure: string | null;
  /** The words right after the ask (多少处隐患问题 → 隐患问题), or right before it when none follow. */
  after: string | null;
  before: string | null;
}

/** Reads the measure word asked (taking the ask words) and where the counted noun stands. */
export function readMeasure(text: MarkedText): MeasureReading {
  const free = text.blanked().trimEnd();
  const rate = RATE_NOUN.exec(free);
  const count = COUNT_NOUN.exec(free);
  let measure: string | null = null;
  let after: string | null = null;
  let before: string | null = null;
  for (const t of text.takeAll(ASKED)) {
    measure ??= t.match[1] ?? null;
    after ??= /^[\p{Script=Han}A-Za-z]{2,8}/u.exec(free.slice(t.end))?.[0] ?? null;
    before ??= /[\p{Script=Han}A-Za-z]{2,8}$/u.exec(free.slice(0, t.start))?.[0] ?? null;
  }
  if (!measure && count && !text.overlaps(count.index, count.index + 1)) {
    measure = count[1]!;
    text.take(count.index, count.index + count[0].length);
  }
  if (!measure && rate) measure = "%";
  return { measure: measure === "钱" ? "元" : measure, after, before };
}
