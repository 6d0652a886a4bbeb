/**
 * Whether a question's topic says what to look up (issue 12, item 9). A topic whose terms are
 * all single characters (`人`, `水`, the `铁` left of `%铁`) matches some row somewhere —
 * 人行道, 洒水车, 铁东区 — by accident, and answering it would be noise stated with
 * confidence. Chinese words that name a subject have two characters or more, so a topic needs
 * at least one such term (or a Latin word such as GDP) to be answered by topic.
 */

const HAN = /\p{Script=Han}/u;

/** Whether one term is a word: two Han characters, or two Latin letters. */
function isWord(term: string): boolean {
  let han = 0;
  for (const c of term) if (HAN.test(c)) han++;
  return han >= 2 || /[A-Za-z]{2}/u.test(term);
}

/**
 * True when the topic terms can carry a question: none at all (the question is general, its
 * scope decides) or at least one word among them.
 */
export function isMeaningfulTopic(terms: readonly string[]): boolean {
  return terms.length === 0 || terms.some(isWord);
}
