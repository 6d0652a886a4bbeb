/**
 * Every threshold and count of the answering layer, in one documented object (MiniSearch
 * style): handlers read them from the context, tests and tools may pass others.
 */

/** The tunable numbers of answering. */
export interface AnswerDefaults {
  /** Fused hits the one hybrid search per question returns (every handler reads a prefix). */
  searchK: number;
  /** Hits each list (BM25, vectors) contributes before fusion. */
  searchCandidates: number;
  /** Hits a general answer quotes statements from. */
  generalHits: number;
  /** Hits read for `分别` statements and worded targets. */
  statementHits: number;
  /** Share of a topic's IDF weight a body-text row must hold to answer (0–1). */
  minCoverage: number;
  /** The same for a follow-up that keeps the established topic and changes only place or period. */
  followUpMinCoverage: number;
  /** Share of topic weight a statement needs to be quoted as a general answer. */
  minGeneralCoverage: number;
  /** Weight of a topic term found only in a statement's heading path (general answers). */
  headingWeight: number;
  /** Statements a general answer quotes at most. */
  maxGeneralStatements: number;
  /** Equally good body-text facts an answer lists at most. */
  maxTopicRows: number;
  /** Share of the topic a `分别` pair's subject and statement must carry. */
  minPairCoverage: number;
  /** Score bonus for a fact of the nature asked (results unless a target is asked). */
  natureBonus: number;
  /** Highest retrieval bonus a row gets from its chunk's fused score (a tie-breaker). */
  retrievalBonus: number;
  /** Main indicators a briefing lists at most. */
  briefingItems: number;
  /** Decimal places of a computed ratio (percent). */
  ratioDecimals: number;
}

/** The defaults, as tuned on the seed corpus and the real documents. */
export const ANSWER_DEFAULTS: Readonly<AnswerDefaults> = Object.freeze({
  searchK: 12,
  searchCandidates: 30,
  generalHits: 4,
  statementHits: 8,
  minCoverage: 0.6,
  followUpMinCoverage: 0.35,
  minGeneralCoverage: 0.5,
  headingWeight: 0.6,
  maxGeneralStatements: 3,
  maxTopicRows: 4,
  minPairCoverage: 0.6,
  natureBonus: 0.05,
  retrievalBonus: 0.05,
  briefingItems: 12,
  ratioDecimals: 2,
});
