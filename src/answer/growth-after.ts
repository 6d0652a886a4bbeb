/**
 * Figures that continue after a row's clause in the same statement: a body-text row
 * `实现营业收入46386.91亿元` followed by `…，比去年同期增幅20.1%` answers a growth question
 * with that rate. The derived row keeps the row's source span (the statement, which carries
 * the rate verbatim) and shows the clause extended to the rate.
 */
import type { CorpusReader } from "../retrieve/corpus-reader.js";
import { findFigures } from "../indicators/parse-figure.js";
import type { IndicatorRow } from "../types.js";
import { respectivePairs } from "./respective-pairs.js";

/** A growth rate as statements write it after a value. */
const GROWTH_AFTER =
  /(?:同比|比上年|比去年同期?|较上年|较去年同期?)?(增长|比增|增幅|增速|上涨|下降|降幅|减少)(?:为|达到?|了)?\s*(-?\d+(?:\.\d+)?)%/u;

/**
 * What may stand between a value and its own growth rate (`1720亿元，比增9.8%`, `5425元，考虑价格
 * 下降因素，实际增长5.8%`, `2401.1亿元、居全省第5位，增长3.8%`, `9258.9亿元、同口径增长1.5%`): a
 * basis, a rank, punctuation. Anything else (`其中第三产业增加值…`) may be another subject's.
 */
const OWN_RATE_GAP =
  /^(?:[，,、\s]|按可比价格?计算|可比价?|同口径|扣除价格因素|剔除价格因素|考虑价格(?:上涨|下降|变动)?因素|居[\p{Script=Han}]{0,4}第\d{1,2}[位名]|与全[国省市区县州]持平|实际)*$/u;

/** How far after the clause a rate may follow (characters), within the statement. */
const MAX_GAP = 60;

/**
 * The row with the growth rate that follows its clause in the statement, or the row itself
 * when it has a rate already or none follows. `own`: only a rate the value's own words lead to
 * (a value asked is shown with its rate; a rate further on may be another subject's).
 */
export function withGrowthAfter(row: IndicatorRow, reader: CorpusReader, own = false): IndicatorRow {
  if (row.growth || (own && !row.value)) return row;
  const { docId, start, end } = row.source;
  // The statement and what follows it within the gap: the clause may continue past its end.
  const text = reader.text(docId, start, end + 2 * MAX_GAP);
  // The clause as normalised may differ in spaces from the text: anchor on the value.
  const anchor = row.value?.text ?? row.clause;
  const at = text.indexOf(anchor);
  if (at < 0 || at > end - start) return row;
  const from = at + anchor.length;
  // The rest of the sentence: up to 。, a line end or the gap limit.
  const rest = text.slice(from, from + MAX_GAP).split(/[。\n]/u)[0]!;
  const m = rest.match(GROWTH_AFTER);
  if (!m || m.index === undefined || (own && !OWN_RATE_GAP.test(rest.slice(0, m.index))))
    return own ? respectiveGrowth(row, reader) : row;
  const falls = /下降|降幅|减少/u.test(m[1]!);
  const percent = Number(m[2]) * (falls && !m[2]!.startsWith("-") ? -1 : 1);
  const stop = from + m.index + m[0].length;
  return {
    ...row,
    clause: `${row.clause.replace(/[，；。]$/u, "")}${text.slice(from, stop)}`,
    growth: { text: m[0], percent, figure: `${m[2]}%` },
    source: { ...row.source, end: Math.max(end, start + stop) },
  };
}

/**
 * The figure a statement writes right after the word a question asks with (`…接到诉求函件277件，
 * 办结256件` for 办结了多少件), when the row found does not carry that word: a row of that
 * figure over the same statement (which quotes it verbatim). The row itself otherwise.
 */
export function figureAfterWord(row: IndicatorRow, word: string, reader: CorpusReader): IndicatorRow {
  if (row.clause.includes(word)) return row;
  const { docId, start, end } = row.source;
  const statement = reader.text(docId, start, end);
  for (let at = statement.indexOf(word); at >= 0; at = statement.indexOf(word, at + 1)) {
    const rest = statement.slice(at + word.length);
    const lead = /^(?:了|达|达到|为|共|共计|累计)?\s*/u.exec(rest)![0].length;
    const found = findFigures(rest.slice(lead, lead + 24))[0];
    if (!found || found.index !== 0 || found.figure.unit.endsWith("%")) continue;
    const clause = statement.slice(at, at + word.length + lead + found.end);
    return { ...row, phrase: word, clause, value: found.figure, growth: null };
  }
  return row;
}

/**
 * The rate a `分别` clause of the row's statement gives its subject (`城市居民人均可支配收入20400元、
 * 农民人均纯收入7400元，分别增长14%和12%`), or the row itself.
 */
function respectiveGrowth(row: IndicatorRow, reader: CorpusReader): IndicatorRow {
  const { docId, start, end } = row.source;
  const statement = reader.text(docId, start, end);
  if (!statement.includes("分别")) return row;
  const pair = respectivePairs(statement).find(
    (p) => /增长|下降/u.test(p.verb) && p.subject.length >= 2 && row.phrase.endsWith(p.subject),
  );
  const m = pair ? /^(-?\d+(?:\.\d+)?)%/u.exec(pair.figure) : null;
  if (!pair || !m) return row;
  const percent = Number(m[1]) * (pair.verb === "下降" && !m[1]!.startsWith("-") ? -1 : 1);
  return { ...row, growth: { text: `${pair.verb}${m[0]}`, percent, figure: m[0] } };
}
