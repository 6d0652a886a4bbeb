/**
 * The indicator vocabulary: canonical names and the names people use for them, built from
 * the indicator catalogue (data/indicator-catalogue.json, see catalogue.ts). Used to name table
 * rows, to understand questions and to keep indicator names whole when tokenising.
 */
import { loadCatalogue, type Catalogue, type CatalogueEntry, type QualifierDimension } from "./catalogue.js";
import { findPlaces } from "../ingest/find-places.js";
import { noteNarrows } from "./qualifiers.js";

/** Canonical indicators and the lookup from any name or alias to the indicators it names. */
export interface IndicatorVocabulary {
  /** Canonical names in file order. */
  names: string[];
  /** Lookup key (see {@link vocabularyKey}) → canonical names. */
  byTerm: Map<string, string[]>;
  /** Every name and alias as written, longest first (for scanning questions). */
  terms: string[];
  /** Catalogue entry of each canonical name (unit kind and relations). */
  entries: Map<string, CatalogueEntry>;
  /** The qualifier dimensions (see qualifiers.ts). */
  qualifiers: QualifierDimension[];
  /** Lookup key → the indicator a growth alias names (`经济` → 地区生产总值), see catalogue.ts. */
  growthAliases: Map<string, string>;
}

/** The form names are compared in: half-width brackets removed, Latin upper-cased. */
export function vocabularyKey(term: string): string {
  return term.replace(/[（）()\s]/gu, "").toUpperCase();
}

/** Builds a vocabulary from a parsed catalogue. */
export function buildVocabulary(data: Catalogue): IndicatorVocabulary {
  const byTerm = new Map<string, string[]>();
  const add = (term: string, name: string) => {
    const key = vocabularyKey(term);
    const list = byTerm.get(key) ?? [];
    if (!list.includes(name)) list.push(name);
    byTerm.set(key, list);
  };
  const terms = new Set<string>();
  for (const { name, aliases } of data.indicators) {
    add(name, name);
    terms.add(name);
    for (const alias of aliases) {
      add(alias, name);
      terms.add(alias);
    }
  }
  return {
    names: data.indicators.map((i) => i.name),
    byTerm,
    terms: [...terms].sort((a, b) => b.length - a.length),
    entries: new Map(data.indicators.map((i) => [i.name, i])),
    qualifiers: data.qualifiers,
    growthAliases: new Map(
      data.indicators.flatMap((i) => (i.growthAliases ?? []).map((g) => [vocabularyKey(g), i.name] as const)),
    ),
  };
}

/**
 * Reads the indicator catalogue (default: data/indicator-catalogue.json) and builds the
 * vocabulary; throws a CatalogueError naming the file and the problem when it is malformed.
 */
export function loadVocabulary(cataloguePath?: string): IndicatorVocabulary {
  return buildVocabulary(loadCatalogue(cataloguePath));
}

/** The canonical indicators a phrase names exactly (by name or alias), or []. */
export function indicatorsNamedBy(vocabulary: IndicatorVocabulary, phrase: string): string[] {
  return vocabulary.byTerm.get(vocabularyKey(phrase)) ?? [];
}

/**
 * The indicator whose growth a subject names when a rate alone is stated of it (`经济` of
 * `经济增长6%左右` → 地区生产总值), or null; see the catalogue's `growthAliases`.
 */
export function indicatorOfGrowthSubject(vocabulary: IndicatorVocabulary, phrase: string): string | null {
  return vocabulary.growthAliases.get(vocabularyKey(phrase)) ?? null;
}

/**
 * A term and every catalogued name of the indicators it names (棚户区改造 → 棚户区改造, 棚改):
 * how a question's indicator may be written in a statement. Just the term when it names none.
 */
export function indicatorForms(vocabulary: IndicatorVocabulary, term: string): string[] {
  const names = indicatorsNamedBy(vocabulary, term);
  const forms = names.flatMap((name) => [name, ...(vocabulary.entries.get(name)?.aliases ?? [])]);
  return [...new Set([term, ...forms])];
}

/**
 * What may follow an indicator name in a question: the end, punctuation, or words that ask
 * about it (增速, 是多少, 和…, 目标…). Anything else means the name is part of a longer noun:
 * 规上工业 in 规上工业企业数量 names no indicator.
 */
const MENTION_END =
  /^(?:$|[\sA-Za-z？?，,。！!、（()）：:；;]|是|为|有|的|和|与|及|跟|同比|比|对|增|下降|降|减|差|涨|多少|几|完成|实现|达|目标|预期|计划|情况|怎|如何|呢|吗|在|共|总量|分别|变化|相|较|从|到|数据|规模|数|额|率|指标|\d|20)/u;

/**
 * What may stand right before a two-character indicator name (人口, 出口, 社零): nothing, a
 * non-Chinese character, a word of place, time or scope (全市, 2023年, 年末, 全口径), or a joining
 * word (进口和出口, 比社零). Otherwise the name is
 * the head of a longer noun, which names another thing: 贫困人口, 户籍人口, 机电产品出口 are
 * not 常住人口 or 出口总额. A place name right before (鞍山人口) is allowed too.
 */
const SHORT_NAME_START = /(?:^|[^\p{Script=Han}]|[区县市省国旗盟州年末底内全的和与及跟比较]|口径)$/u;

/** Whether a two-character name at `index` stands on its own (see {@link SHORT_NAME_START}). */
function shortNameStandsAlone(text: string, index: number): boolean {
  const before = text.slice(0, index);
  if (SHORT_NAME_START.test(before)) return true;
  return findPlaces(before).some((p) => p.end === index && p.codes.length > 0);
}

/** A mention of an indicator in a question. */
export interface IndicatorMention {
  term: string;
  index: number;
  indicators: string[];
}

/**
 * Finds indicator names and aliases in a text, longest first and without overlaps
 * (社会消费品零售总额 wins over 社零 inside it), in text order.
 */
export function findIndicatorMentions(vocabulary: IndicatorVocabulary, text: string): IndicatorMention[] {
  const upper = text.toUpperCase();
  const taken: boolean[] = new Array(text.length).fill(false);
  const out: IndicatorMention[] = [];
  for (const term of vocabulary.terms) {
    const needle = term.toUpperCase();
    for (let i = upper.indexOf(needle); i >= 0; i = upper.indexOf(needle, i + 1)) {
      if (taken.slice(i, i + needle.length).some(Boolean)) continue;
      if (!MENTION_END.test(text.slice(i + needle.length))) continue;
      if (Array.from(term).length <= 2 && !shortNameStandsAlone(text, i)) continue;
      for (let k = i; k < i + needle.length; k++) taken[k] = true;
      out.push({ term, index: i, indicators: indicatorsNamedBy(vocabulary, term) });
    }
  }
  return out.sort((a, b) => a.index - b.index);
}

/** Footnote markers and bracketed Latin abbreviations, which never change what a phrase names. */
const PHRASE_MARKERS = /[\u2460-\u2473]|\[\d{1,2}\]|[（(][A-Za-z][A-Za-z0-9.&]*[）)]/gu;
/** A bracketed note that ends a phrase: `（含离退休职工）`, `(在职)`, `（现价）`. */
const TRAILING_NOTE = /[（(]([^（）()]{1,12})[）)]$/u;
/**
 * Words in front of an indicator name that say where or when, not what: `全年全市生产总值`
 * names 地区生产总值, `年末全国常住人口` names 常住人口.
 */
const SCOPE_PREFIX =
  /^(?:全年|年末|年底|年内|全国|全省|全市|全州|全区|全县|全盟|全旗|全地区|本省|本市|本州|本区|本县|本旗|本盟|我国|我省|我市|我州|我区|我县|我旗|我盟|按常住地分)+/u;

/**
 * The catalogued indicators a row's subject phrase names. The whole phrase must be the name
 * (after footnote markers, `（GDP）` and place/time words in front are set aside), so a
 * longer name is never read as a shorter one inside it: 人均地区生产总值 is not
 * 地区生产总值, 规上工业企业 is not 规上工业, 出口总额 is not 进出口总额. A bracketed note at the
 * end names the indicator when it includes or only describes (`（含离退休职工）`, `（现价）`) and
 * nothing when it narrows to a part (`（在职）`, see qualifiers.ts).
 */
export function indicatorsOfPhrase(vocabulary: IndicatorVocabulary, phrase: string): string[] {
  const marked = phrase.replace(PHRASE_MARKERS, "");
  // `养老保险人数（含离退休职工）` names 养老保险人数; `养老保险人数（在职）` only a part of it.
  const note = marked.match(TRAILING_NOTE);
  if (note && noteNarrows(note[1]!, vocabulary.qualifiers)) return [];
  const bare = note && !indicatorsNamedBy(vocabulary, marked).length ? marked.slice(0, note.index) : marked;
  const exact = indicatorsNamedBy(vocabulary, bare);
  if (exact.length > 0) return exact;
  const unscoped = bare.replace(SCOPE_PREFIX, "");
  return unscoped === bare || unscoped.length < 2 ? [] : indicatorsNamedBy(vocabulary, unscoped);
}
