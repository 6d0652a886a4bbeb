/**
 * Chinese word segmentation for the BM25 index, with jieba (`@node-rs/jieba`, HMM on).
 *
 * The build tokenizes every chunk and the answering layer tokenizes every question with the
 * same {@link Tokenizer}, so both sides agree on the terms. Indicator names and their aliases
 * (社会消费品零售总额, 规上工业增加值, 社零 …) are loaded as a user dictionary so that each stays
 * one token instead of being split into 社会 / 消费品 / 零售总额. With HMM on, numbers such as
 * `140.1`, `9.1%` and `1-12` stay one token too.
 */
import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";

/** Turns text into BM25 terms. Create one per process with {@link createTokenizer}. */
export interface Tokenizer {
  /**
   * The terms of a text, in order, duplicates kept (BM25 counts them): lower-cased, with
   * whitespace, punctuation and {@link STOP_WORDS} removed; numbers are kept.
   */
  tokens(text: string): string[];
  /**
   * The words a compound term is made of, for finding it written apart (高速公路里程 → 高速,
   * 公路, 里程; 小学在校生 → 小学, 在校生): jieba's search-mode pieces of two or more
   * characters, without the term itself and without a piece inside a longer one. The term
   * alone when it has no such pieces.
   */
  parts(term: string): string[];
}

/**
 * Words too common to help ranking: particles, conjunctions and question words that occur in
 * almost every question (“…是多少”, “…有哪些”). Kept small on purpose: domain words such as
 * 增长, 完成, 同比 and 年 are not stop words because they distinguish results from targets.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  "的",
  "了",
  "是",
  "和",
  "与",
  "及",
  "以及",
  "在",
  "多少",
  "什么",
  "哪些",
  "哪个",
  "怎么",
  "怎样",
  "如何",
  "是否",
  "吗",
  "呢",
  "吧",
  "啊",
  "呀",
  "请问",
  "请",
]);

/**
 * Frequency given to user terms in jieba's dictionary. jieba's own entries go up to a few
 * hundred thousand for the most common words; 100000 is enough for a whole indicator name to
 * beat every split of it.
 */
export const USER_TERM_FREQUENCY = 100_000;

/** A token made only of punctuation, symbols, separators or control characters. */
const PUNCTUATION_ONLY = /^[\p{P}\p{S}\p{Z}\p{C}\s]+$/u;

/**
 * Builds jieba's user-dictionary text (`term frequency` per line). Terms are trimmed and
 * lower-cased like the text; empty terms and terms containing whitespace (which jieba's
 * dictionary format cannot express) are skipped.
 */
function userDictionary(userTerms: readonly string[]): string {
  const terms = new Set<string>();
  for (const term of userTerms) {
    const t = term.trim().toLowerCase();
    if (t !== "" && !/\s/u.test(t)) terms.add(t);
  }
  return [...terms].map((t) => `${t} ${USER_TERM_FREQUENCY}\n`).join("");
}

/**
 * Creates a tokenizer that keeps each of `userTerms` (indicator names and aliases) as one token.
 *
 * Loading jieba's dictionary takes ≈0.25 s and tens of megabytes, so create one tokenizer per
 * process (with all indicator names and aliases) and share it between the build and the
 * answering layer. `tokens` is synchronous and fast (microseconds per sentence).
 */
export function createTokenizer(userTerms: readonly string[] = []): Tokenizer {
  const jieba = Jieba.withDict(dict);
  const extra = userDictionary(userTerms);
  if (extra !== "") jieba.loadDict(Buffer.from(extra, "utf8"));
  return {
    tokens(text: string): string[] {
      const result: string[] = [];
      for (const token of jieba.cut(text.toLowerCase(), true)) {
        const t = token.trim();
        if (t === "" || PUNCTUATION_ONLY.test(t) || STOP_WORDS.has(t)) continue;
        result.push(t);
      }
      return result;
    },
    parts(term: string): string[] {
      const lower = term.toLowerCase();
      const pieces = [...new Set(jieba.cutForSearch(lower, true))].filter(
        (p) => p !== lower && Array.from(p).length >= 2 && !PUNCTUATION_ONLY.test(p) && !STOP_WORDS.has(p),
      );
      const outer = pieces.filter((p) => !pieces.some((q) => q !== p && q.includes(p)));
      return outer.length > 0 ? outer : [lower];
    },
  };
}
