/**
 * The indicator dimension: catalogued indicators a question names (src/indicators: names and
 * aliases, a name standing on its own, coordinated names sharing a head), each with the words
 * that ask for it, which the qualifier rule checks rows against (在职 of `在职职工养老保险人数`:
 * src/indicators/qualifiers.ts decides; names are never narrowed here). A comparative tail
 * (`比全口径社零快多少`) does not hide the name before it. Example corpus:
 * src/understand/corpus/indicators.ts.
 */
import { findIndicatorMentions, type IndicatorVocabulary } from "../indicators/aliases.js";
import { mentionAsks } from "../indicators/qualifiers.js";
import { withCoordinatedMentions } from "./coordinated-mentions.js";
import type { IndicatorRef, PlaceRef } from "./question.js";

/** An indicator named at a position of the question's text. */
export interface PlacedIndicator extends IndicatorRef {
  start: number;
  end: number;
  /** Where {@link IndicatorRef.asked} starts in the text (a part of the question clips it). */
  askedAt: number;
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
  /占|里|哪|多(?=大|高|快|长|重)|还是|谁|更|最|高|低|快|慢|相当于|预计|力争|争取|要(?=增长|达到|实现|控制|完成|新增|突破|提高)|实际(?=完成|增长|实现|达到|是|为|有|多少)/gu;

/** A place word a catalogued name may open with. */
const SCOPE_WORD = /^(?:全国|全省|全市|全区|全县|我国|我省|我市|我区)/u;

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
        names: m.indicators,
        asked: whole ? slice : m.term,
        askedAt: m.index,
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

/**
 * The indicators with the words that ask for each (qualifiers.ts `mentionAsks`: a name with
 * the words around it up to the neighbouring names), the places' names blanked: a place's name
 * is no qualifier (白城市 holds 城市, yet asks no 城镇 figure).
 */
export function withAskingWords(
  indicators: readonly PlacedIndicator[],
  text: string,
  places: readonly PlaceRef[],
): PlacedIndicator[] {
  let words = text;
  for (const p of places) if (p.written) words = words.split(p.written).join(" ".repeat(p.written.length));
  const mentions = indicators.map((m) => ({
    index: m.start,
    term: text.slice(m.start, m.end),
    indicators: m.names,
  }));
  const asks = mentionAsks(words, mentions);
  return indicators.map((m, i) => {
    const at = i === 0 ? 0 : mentions[i - 1]!.index + mentions[i - 1]!.term.length;
    return asks[i] ? { ...m, asked: asks[i].words, askedAt: at } : m;
  });
}

/** The words asking for an indicator within a part `[start, end)` of the question (a share's side). */
export function askedWithin(m: PlacedIndicator, start: number, end: number): string {
  const from = Math.max(0, start - m.askedAt);
  const to = Math.max(from, end - m.askedAt);
  return m.asked.slice(from, to).trim() || m.written;
}
