/**
 * Qualifiers decide whether a row answers what a question asks. One measure is split along
 * dimensions (登记/调查, 常住/户籍, 城镇/农村/全体, 国际/国内, 限上, 规上, 人均, 新增/累计,
 * 年末/全年, 一般公共预算/财政总收入, 进口/出口/进出口, 人民币/本外币, 在职/含离退休), each value
 * marked by words (the catalogue's `qualifiers` section). A side's values are read from its
 * words (the question's indicator phrase; the row's phrase) and, where its words are silent,
 * from the canonical names of the indicators it names (登记失业率 names 城镇登记失业率: 城镇).
 *
 * The rule, per dimension:
 * - both sides have a value: they must be the same (城镇登记失业率 never takes 城镇调查失业率);
 * - the question has one and the row none: the row never answers (国际集装箱航线 is not
 *   集装箱航线), unless the row's indicator is the whole of catalogued variants (its value is then
 *   the dimension's `whole`) or the dimension is not strict (年末/全年);
 * - the row has one and the question none: the row answers, unless the question names an
 *   indicator the catalogue holds variants of along that dimension (subsetOf, perCapitaOf, or a
 *   sibling subset): then the question asks the whole (地区生产总值 is never 人均地区生产总值,
 *   社会消费品零售总额 never 限额以上…).
 *
 * Pure; derived from the catalogue's relations and qualifier data, never from pairs of names.
 * Examples in tests/indicators/qualifiers.test.ts.
 */
import type { CatalogueEntry, QualifierDimension } from "./catalogue.js";

/** What the rule reads of the catalogue (an IndicatorVocabulary has both). */
export interface QualifierCatalogue {
  qualifiers: readonly QualifierDimension[];
  entries: ReadonlyMap<string, CatalogueEntry>;
}

/** What a question asks: its indicator phrase as written and the indicators it names. */
export interface QualifierAsk {
  words: string;
  indicators: readonly string[];
}

/** What a row states: its canonical indicator (or null), its phrase and the clause it was read from. */
export interface QualifierRow {
  indicator: string | null;
  phrase: string;
  clause?: string;
}

/**
 * A row's words: its phrase with the words before it in its clause, back to the last separator
 * (`累计完成产值6847万元` is 累计…产值 though the phrase is 产值; in `城镇调查失业率、登记失业率
 * 分别为…` the second subject is 登记失业率 alone).
 */
function rowWords(row: QualifierRow): string {
  const at = row.clause?.indexOf(row.phrase) ?? -1;
  if (!row.clause || at <= 0) return row.phrase;
  const before = row.clause.slice(0, at);
  return `${before.slice(before.search(/[^、，,；;：:]*$/u))}${row.phrase}`;
}

/** The values a text's words mark, by dimension name. */
export type QualifierValues = Map<string, string>;

interface Marker {
  word: string;
  dimension: string;
  value: string;
}

const markersOf = new WeakMap<readonly QualifierDimension[], Marker[]>();

/** Every marker word with its dimension and value, longest first. */
function markers(dims: readonly QualifierDimension[]): Marker[] {
  let list = markersOf.get(dims);
  if (!list) {
    list = dims.flatMap((d) =>
      Object.entries(d.values).flatMap(([value, words]) =>
        words.map((word) => ({ word, dimension: d.dimension, value })),
      ),
    );
    list.sort((a, b) => b.word.length - a.word.length);
    markersOf.set(dims, list);
  }
  return list;
}

/**
 * The values a text marks, one per dimension: longest words first, without overlaps (进出口 is
 * not 出口), the last in the text winning (`进出口总额中出口` is 出口); a word followed by 化 is
 * another word (城镇化率, 国际化).
 */
export function qualifierValues(text: string, dims: readonly QualifierDimension[]): QualifierValues {
  const taken = new Array<boolean>(text.length).fill(false);
  const found: Array<{ at: number; marker: Marker }> = [];
  for (const marker of markers(dims)) {
    for (let i = text.indexOf(marker.word); i >= 0; i = text.indexOf(marker.word, i + 1)) {
      const end = i + marker.word.length;
      if (text[end] === "化" || taken.slice(i, end).some(Boolean)) continue;
      taken.fill(true, i, end);
      found.push({ at: i, marker });
    }
  }
  found.sort((a, b) => a.at - b.at);
  return new Map(found.map(({ marker }) => [marker.dimension, marker.value]));
}

/**
 * A side's words with each name of its indicators written as the canonical name: a name is one
 * word, so the qualifiers it seems to hold are the canonical name's (国内生产总值 is 地区生产总值,
 * 城镇常住居民人均可支配收入 is 城镇居民人均可支配收入: neither 国内 nor 常住 is asked).
 */
function canonicalWords(words: string, indicators: readonly string[], catalogue: QualifierCatalogue): string {
  let out = words;
  for (const name of indicators) {
    const entry = catalogue.entries.get(name);
    const terms = [name, ...(entry?.aliases ?? [])].sort((a, b) => b.length - a.length);
    const term = terms.find((t) => out.toUpperCase().includes(t.toUpperCase()));
    if (!term || term === name) continue;
    const at = out.toUpperCase().indexOf(term.toUpperCase());
    out = `${out.slice(0, at)}${name}${out.slice(at + term.length)}`;
  }
  return out;
}

/** A side's values: its words', and where they are silent, what all its named indicators share. */
function sideValues(words: string, indicators: readonly string[], catalogue: QualifierCatalogue) {
  const dims = catalogue.qualifiers;
  const values = qualifierValues(canonicalWords(words, indicators, catalogue), dims);
  const named = indicators.map((name) => qualifierValues(name, dims));
  for (const d of dims) {
    if (values.has(d.dimension) || named.length === 0) continue;
    const shared = new Set(named.map((v) => v.get(d.dimension)));
    const only = [...shared][0];
    if (shared.size === 1 && only !== undefined) values.set(d.dimension, only);
  }
  return values;
}

/** Entries related to an indicator as variants of one measure: subset, per capita, sibling subsets. */
function variants(name: string, catalogue: QualifierCatalogue): CatalogueEntry[] {
  const self = catalogue.entries.get(name);
  if (!self) return [];
  const out: CatalogueEntry[] = [];
  for (const e of catalogue.entries.values()) {
    if (e.name === name) continue;
    const related =
      e.subsetOf === name ||
      e.perCapitaOf === name ||
      self.subsetOf === e.name ||
      self.perCapitaOf === e.name ||
      (self.subsetOf !== undefined && e.subsetOf === self.subsetOf);
    if (related) out.push(e);
  }
  return out;
}

/** Whether the catalogue holds a variant of the indicator that differs from it along a dimension. */
function hasVariantsAlong(name: string, dim: QualifierDimension, catalogue: QualifierCatalogue): boolean {
  const own = qualifierValues(name, catalogue.qualifiers).get(dim.dimension);
  return variants(name, catalogue).some(
    (e) => qualifierValues(e.name, catalogue.qualifiers).get(dim.dimension) !== own,
  );
}

/** Whether a row's qualifiers agree with what a question asks (see the module comment). */
export function qualifiersAgree(
  ask: QualifierAsk,
  row: QualifierRow,
  catalogue: QualifierCatalogue,
): boolean {
  const dims = catalogue.qualifiers;
  const asked = sideValues(ask.words, ask.indicators, catalogue);
  const stated = sideValues(rowWords(row), row.indicator ? [row.indicator] : [], catalogue);
  for (const d of dims) {
    const a = asked.get(d.dimension);
    const r = stated.get(d.dimension);
    if (a !== undefined && r !== undefined) {
      if (a !== r) return false;
    } else if (a !== undefined) {
      // The whole asked (全体居民, 含离退休): a row that names no part is the whole.
      if (a === d.whole) continue;
      const whole =
        d.whole !== undefined && row.indicator !== null && hasVariantsAlong(row.indicator, d, catalogue)
          ? d.whole
          : undefined;
      if (whole !== undefined ? whole !== a : d.strict !== false) return false;
    } else if (r !== undefined && d.whole !== undefined && r !== d.whole) {
      if (ask.indicators.some((name) => hasVariantsAlong(name, d, catalogue))) return false;
    }
  }
  return true;
}

/**
 * Whether a bracketed note after a name narrows it to a part (`养老保险人数（在职）`): the note
 * marks a value other than its dimension's whole. A note that includes (`（含离退休职工）`) or
 * says nothing of a dimension (`（现价）`) leaves the name's indicator as it is.
 */
export function noteNarrows(note: string, dims: readonly QualifierDimension[]): boolean {
  const values = qualifierValues(note, dims);
  return dims.some((d) => {
    const v = values.get(d.dimension);
    return v !== undefined && v !== d.whole;
  });
}

/** A named indicator in a question: where it stands and what it names. */
export interface MentionLike {
  index: number;
  term: string;
  indicators: readonly string[];
}

/**
 * What each named indicator of a question asks: its name with the words around it up to the
 * neighbouring names (`年末常住人口`, `养老保险人数（含离退休职工）`; in `GDP和人均GDP` the first
 * asks `GDP和`, the second `人均GDP`).
 */
export function mentionAsks(text: string, mentions: readonly MentionLike[]): QualifierAsk[] {
  return mentions.map((m, i) => {
    const from = i === 0 ? 0 : mentions[i - 1]!.index + mentions[i - 1]!.term.length;
    const to = mentions[i + 1]?.index ?? text.length;
    return { words: text.slice(from, to), indicators: m.indicators };
  });
}

/**
 * Whether a row of a named indicator agrees with the mention that named it (see
 * {@link qualifiersAgree}); `places` are the question's place names as written.
 */
export function agreesWithMentions(
  text: string,
  mentions: readonly MentionLike[],
  row: QualifierRow,
  catalogue: QualifierCatalogue,
  places: readonly { written: string }[] = [],
): boolean {
  // A place's name is no qualifier: 白城市 holds 城市, yet 白城市2016年GDP asks no 城镇 figure.
  let words = text;
  for (const p of places) if (p.written) words = words.split(p.written).join(" ".repeat(p.written.length));
  const asks = mentionAsks(words, mentions).filter(
    (a) => row.indicator && a.indicators.includes(row.indicator),
  );
  return asks.length === 0 || asks.some((a) => qualifiersAgree(a, row, catalogue));
}
