/**
 * A conversation as state, pure: what a chat remembers between messages — the last question
 * (typed, context applied), what its answer stated, and any list it showed with positions —
 * plain serialisable data the caller stores (one per chat, one per user in a group).
 * Follow-ups are resolved against it in follow-up.ts; small talk never changes it.
 */
import type { Question } from "./question.js";

/** What one item of a list shown refers to. */
export type ListItemRef = { task: number } | { indicator: string; region: string; period: string };

/** A list the last answer showed: its items in order (position = index + 1). */
export interface ShownList {
  title: string;
  items: ListItemRef[];
  /** The position the conversation last looked at (0 before any): `下一个` goes on from it. */
  cursor: number;
}

/** A figure the last answer stated (region, period, indicator), for `它`/`这个指标`. */
export interface ShownFact {
  region: string;
  period: string;
  indicator: string;
}

/** What a chat remembers between questions. Plain data; the caller owns and stores it. */
export interface ConversationState {
  /** The last question answered, context applied; null before the first. */
  last: Question | null;
  /** The figures the last answer stated. */
  facts: ShownFact[];
  /** The list the last answer showed (tasks, a ranking), or null. */
  list: ShownList | null;
  /** The chat's default region (`/region 铁东区`), used when a question names none. */
  defaultRegion: string | null;
}

/** The empty state of a new chat. */
export const NEW_CONVERSATION: ConversationState = { last: null, facts: [], list: null, defaultRegion: null };
