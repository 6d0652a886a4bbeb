/**
 * Reciprocal rank fusion: combines ranked lists (BM25 hits, vector hits) into one score per
 * item, Σ 1 / (k + rank). Pure; rank is 1-based.
 */

/** Default RRF constant; 60 is the value of the original paper and of most search engines. */
export const DEFAULT_RRF_K = 60;

/** Fuses ranked lists of item ids into a map id → score, best first when sorted. */
export function reciprocalRankFusion(lists: number[][], k: number = DEFAULT_RRF_K): Map<number, number> {
  const scores = new Map<number, number>();
  for (const list of lists) {
    list.forEach((id, i) => scores.set(id, (scores.get(id) ?? 0) + 1 / (k + i + 1)));
  }
  return scores;
}
