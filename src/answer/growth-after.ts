/**
 * Figures that continue after a row's clause in the same statement: a body-text row
 * `实现营业收入46386.91亿元` followed by `…，比去年同期增幅20.1%` answers a growth question
 * with that rate. The derived row keeps the row's source span (the statement, which carries
 * the rate verbatim) and shows the clause extended to the rate.
 */
import type { CorpusReader } from "../retrieve/corpus-reader.js";
import { findFigures } from "../indicators/parse-figure.js";
import type { IndicatorRow } from "../types.js";

/** A growth rate as statements write it after a value. */
const GROWTH_AFTER =
  /(?:同比|比上年|比去年同期?|较上年|较去年同期?)?(增长|增幅|增速|上涨|下降|降幅|减少)(?:为|达到?|了)?\s*(-?\d+(?:\.\d+)?)%/u;

/** How far after the clause a rate may follow (characters), within the statement. */
const MAX_GAP = 60;

/**
 * The row with the growth rate that follows its clause in the statement, or the row itself
 * when it has a rate already or none follows.
 */
export function withGrowthAfter(row: IndicatorRow, reader: CorpusReader): IndicatorRow {
  if (row.growth) return row;
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
  if (!m || m.index === undefined) return row;
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
