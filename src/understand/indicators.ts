/**
 * The indicator dimension: catalogued indicators a question names (src/indicators: names and
 * aliases, a name standing on its own, coordinated names sharing a head), each narrowed by the
 * qualifiers the question says (养老保险人数 + 在职 → 养老保险人数（在职）). A comparative tail
 * (`比全口径社零快多少`) does not hide the name before it. Example corpus:
 * src/understand/corpus/indicators.ts.
 */
import { findIndicatorMentions, type IndicatorVocabulary } from "../indicators/aliases.js";
import { withCoordinatedMentions } from "./coordinated-mentions.js";
import type { IndicatorRef } from "./question.js";

/** An indicator named at a position of the question's text. */
export interface PlacedIndicator extends IndicatorRef {
  start: number;
  end: number;
}

/** A comparative right after a name (快多少, 高出几): read as a word break when finding names. */
const COMPARATIVE =
  /(?<=[\p{Script=Han}A-Za-z])(?:快|慢|高|低|多|少|大|小)(?:出|了|于)?(?:多少|几|一些|不少)/gu;
/**
 * Words of a question's frame that may follow a name (占, 在…里, 哪个, 还是, 更高, 实际完成): a second
 * reading takes them as word breaks, so `社零占GDP`, `收入里`, `收入哪个增长快` name their
 * indicators. The first reading (without it) keeps names these characters belong to (高新技术企业).
 */
const FRAME_CHARS =
  /占|里|哪|还是|谁|更|最|高|低|快|慢|相当于|预计|力争|争取|要(?=增长|达到|实现|控制|完成|新增|突破|提高)|实际(?=完成|增长|实现|达到|是|为|有|多少)/gu;

/** A place word a catalogued name may open with. */
const SCOPE_WORD = /^(?:全国|全省|全市|全区|全县|我国|我省|我市|我区)/u;

/** The names of an ambiguous mention that the question's own words qualify (在职, 含离退休职工). */
function qualified(names: string[], text: string): string[] {
  const kept = names.filter((name) => {
    const qualifier = name.match(/（(.+)）/u)?.[1];
    return qualifier ? text.includes(qualifier.replace(/^含/u, "")) : false;
  });
  return kept.length > 0 ? kept : names;
}

/** The indicators a text names, in text order, each with the canonical names it may be. */
export function readIndicators(vocabulary: IndicatorVocabulary, text: string): PlacedIndicator[] {
  const blank = (m: string) => " ".repeat(m.length);
  const plain = text.replace(COMPARATIVE, blank);
  const first = withCoordinatedMentions(vocabulary, plain, findIndicatorMentions(vocabulary, plain));
  const framed = plain.replace(FRAME_CHARS, blank);
  const second = withCoordinatedMentions(vocabulary, framed, findIndicatorMentions(vocabulary, framed));
  const overlaps = (a: { index: number; term: string }, b: { index: number; term: string }) =>
    a.index < b.index + b.term.length && b.index < a.index + a.term.length;
  const mentions = [...first, ...second.filter((m) => !first.some((f) => overlaps(f, m)))].sort(
    (a, b) => a.index - b.index,
  );
  return mentions
    .filter((m) => m.indicators.length > 0)
    .map((m) => {
      const slice = text.slice(m.index, m.index + m.term.length);
      // A completed conjunct (城镇 of 城镇和农村居民…) is written shorter than its name.
      const whole = slice.toUpperCase() === m.term.toUpperCase();
      // A name that opens with a place word (全国城镇调查失业率) leaves the place to the places.
      const scope = whole ? (SCOPE_WORD.exec(slice)?.[0].length ?? 0) : 0;
      return {
        written: whole ? slice : m.term,
        names: qualified(m.indicators, text),
        start: m.index + scope,
        end: whole ? m.index + m.term.length : m.index + 1,
      };
    });
}

/** Character mask of the indicators' spans (places cannot lie inside them). */
export function indicatorMask(length: number, indicators: readonly PlacedIndicator[]): boolean[] {
  const masked = new Array<boolean>(length).fill(false);
  for (const m of indicators) masked.fill(true, m.start, m.end);
  return masked;
}
