/**
 * What resolving a message against a conversation gives (follow-up.ts, list-refs.ts): the
 * question to answer and what was taken from the conversation. Plain data.
 */
import type { Question } from "./question.js";

/** How a message relates to the conversation. */
export type ResolvedKind =
  "new" | "follow-up" | "cite" | "chit-chat" | "list-item" | "list-count" | "no-list";

/** The question to answer for a message, and what was taken from the conversation. */
export interface Resolved {
  question: Question;
  kind: ResolvedKind;
  /** What was taken from context, for the note `按上一问：铁东区，2023年`; empty for a new question. */
  carried: string[];
  /** Only the scope changed: the established topic may match with less coverage. */
  keepsTopic: boolean;
  /** The list position the question is about (list references), else null. */
  listPosition: number | null;
}

/** What the resolver needs from the corpus: the periods held for a region. */
export interface ConversationCorpus {
  periodsOf(region: string): string[];
}

/** A resolution with nothing carried. */
export const result = (question: Question, kind: ResolvedKind, carried: string[] = []): Resolved => ({
  question,
  kind,
  carried,
  keepsTopic: false,
  listPosition: null,
});
