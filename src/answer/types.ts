/**
 * The shared types of the answering layer (kept apart so no file of src/answer imports another
 * in a circle): what a handler gets (the question, the evidence gathered once, the context) and
 * what it returns (a draft answer or a decline with its reason).
 */
import type { CorpusReader } from "../retrieve/corpus-reader.js";
import type { ChunkHit, ChunkSearchIndex } from "../retrieve/hybrid-search.js";
import type { AnswerStatus, DocumentMeta, Fact, IndicatorRow } from "../types.js";
import type { ListItemRef } from "../understand/conversation.js";
import type { NearName } from "../understand/near-names.js";
import type { Question } from "../understand/question.js";
import type { Lexicon } from "../understand/subject.js";
import type { CitationBook } from "./citation-book.js";
import type { AnswerDefaults } from "./defaults.js";

/** A list an answer shows (task lists, rankings), with what each item refers to. */
export interface DraftList {
  title: string;
  /** The document the items come from, named once; null when several. */
  source: string | null;
  role?: "牵头" | "责任" | "牵头或责任";
  items: Array<{ label: string; citation: number | null; ref: ListItemRef }>;
}

/** An answer before timing and the question are attached. */
export interface Draft {
  status: AnswerStatus;
  text: string;
  facts: Fact[];
  book: CitationBook | null;
  options: string[];
  list?: DraftList;
}

/** A handler's "not mine": why it gave no answer (recorded in the answer's `declines`). */
export interface Decline {
  declined: true;
  reason: string;
}

/** What a handler returns. */
export type Outcome = Draft | Decline;

/** Whether an outcome is a decline. */
export const isDecline = (o: Outcome): o is Decline => "declined" in o;

/** A decline with its reason. */
export const decline = (reason: string): Decline => ({ declined: true, reason });

export type { NearName };

/**
 * Finds near names in a question (src/understand/near-names.ts; the service builds one over the
 * names held): candidates, best first.
 */
export type NearNameFinder = (text: string) => NearName[];

/** Everything answering needs, built once per loaded build. */
export interface AnswerContext {
  reader: CorpusReader;
  lexicon: Lexicon;
  search: ChunkSearchIndex;
  defaults: AnswerDefaults;
  /** Example questions built from the corpus held (examples.ts). */
  examples: readonly string[];
  /** Near names of held indicators and places; absent: typos are refused like any absent name. */
  nearNames?: NearNameFinder;
}

/** The candidate rows of one question, selected once (see select-rows.ts). */
export interface CandidateRows {
  /** Rows of the named indicators in scope, of the period asked. */
  named: IndicatorRow[];
  /** Rows of the named indicators in scope, of any period (comparisons across periods). */
  namedAnyPeriod: IndicatorRow[];
  /** Rows whose clause holds a topic term (or a catalogued name of a named indicator), of the period asked. */
  topic: IndicatorRow[];
}

/** The evidence of one question, gathered once and shared by every handler. */
export interface Evidence {
  /** Documents the question may be answered from. */
  docs: DocumentMeta[];
  docIds: ReadonlySet<string>;
  /** The one hybrid search's hits in scope, best first (empty when the question needs none). */
  hits: ChunkHit[];
  /** Chunk position → retrieval bonus (0–{@link AnswerDefaults.retrievalBonus}), for tie-breaking. */
  boosts: ReadonlyMap<number, number>;
  rows: CandidateRows;
  /** Topic coverage a body-text match needs (lower for a follow-up on an established topic). */
  minCoverage: number;
}

/** A handler: pure, from the question and its evidence to a draft or a decline. */
export type Handler = (q: Question, ev: Evidence, ctx: AnswerContext) => Outcome;

/** A handler with the name the answer records as its route. */
export interface Route {
  name: string;
  handle: Handler;
}
