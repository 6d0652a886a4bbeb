/**
 * Coordinated indicator names that share their head: `城镇和农村居民人均可支配收入` and
 * `城镇居民和农村居民人均可支配收入` name two indicators, 城镇居民人均可支配收入 and
 * 农村居民人均可支配收入, though only the second is written out. Chinese coordination puts the
 * shared head once, after the last conjunct (城乡居民…, 进口和出口总额), so the first conjunct is
 * completed with the tail of the named indicator that follows it, when that makes a name the
 * catalogue knows. Pure; used by question parsing.
 */
import { indicatorsNamedBy, type IndicatorMention, type IndicatorVocabulary } from "../indicators/aliases.js";

/** A conjunction between two coordinated names. */
const CONJUNCTION = /^[和与及、]$/u;
/** How long a first conjunct may be (城镇居民, 规模以上工业). */
const MAX_CONJUNCT = 6;

/**
 * The mentions plus, for each mention preceded by `X和`, the indicator `X + tail of the mention`
 * when the catalogue names it (longest X first, so 城镇居民 wins over 居民). In text order.
 */
export function withCoordinatedMentions(
  vocabulary: IndicatorVocabulary,
  text: string,
  mentions: readonly IndicatorMention[],
): IndicatorMention[] {
  const out = [...mentions];
  for (const m of mentions) {
    const conj = m.index - 1;
    if (conj < 2 || !CONJUNCTION.test(text[conj] ?? "")) continue;
    if (mentions.some((o) => o !== m && o.index < conj && o.index + o.term.length > conj - 2)) continue;
    let start = conj;
    while (start > 0 && conj - start < MAX_CONJUNCT && /\p{Script=Han}/u.test(text[start - 1]!)) start--;
    const found = completeConjunct(vocabulary, text.slice(start, conj), m.term);
    if (found)
      out.push({ term: found.name, index: conj - found.conjunct.length, indicators: found.indicators });
  }
  return out.sort((a, b) => a.index - b.index);
}

/** The first conjunct completed with the second name's tail, longest conjunct first. */
function completeConjunct(
  vocabulary: IndicatorVocabulary,
  before: string,
  term: string,
): { name: string; conjunct: string; indicators: string[] } | null {
  for (let len = before.length; len >= 2; len--) {
    const conjunct = before.slice(before.length - len);
    for (let j = 1; j <= term.length - 2; j++) {
      const name = conjunct + term.slice(j);
      if (name === term) continue;
      const indicators = indicatorsNamedBy(vocabulary, name);
      if (indicators.length > 0) return { name, conjunct, indicators };
    }
  }
  return null;
}

/**
 * The other side of a comparison written without the head it shares with the named indicator:
 * `商品房销售额降幅比销售面积降幅小多少` names 商品房销售面积 by its tail. The side's words are
 * completed with a leading part of the named indicator's name when that makes a catalogued name.
 */
export function completeSide(
  vocabulary: IndicatorVocabulary,
  named: string,
  side: string,
): { written: string; names: string[] } | null {
  const words = side.replace(/降幅|增速|增幅|增长率|涨幅|的|\s+/gu, "");
  if (words.length < 2) return null;
  for (let k = 1; k < named.length; k++) {
    const names = indicatorsNamedBy(vocabulary, named.slice(0, k) + words);
    if (names.length > 0) return { written: words, names };
  }
  return null;
}
