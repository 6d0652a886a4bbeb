/**
 * One message of a conversation, answered: the message is understood, resolved against the
 * chat's state (src/understand/follow-up.ts), answered, and the state after it is returned
 * (pure: the caller stores it). Small talk and unreadable input leave the state as it was; a
 * list the answer shows is remembered with positions for `下一个`, `第3项`, `总共几个`.
 */
import type { ConversationState, ShownList } from "../understand/conversation.js";
import {
  contextNote,
  resolveFollowUp,
  type ConversationCorpus,
  type Resolved,
} from "../understand/follow-up.js";
import type { Question } from "../understand/question.js";
import { answerQuestion, type Routed } from "./pipeline.js";
import type { AnswerContext, Draft } from "./types.js";

/** A conversation turn before it becomes an Answer. */
export interface RoutedTurn {
  /** The question answered (context applied). */
  question: Question;
  routed: Routed;
  state: ConversationState;
}

/** The count of the list shown (`总共几项`): a count of its items, not a computed figure (no 计算值). */
function countReply(list: ShownList): Draft {
  const text = `${list.title}共${list.items.length}项（按上一条回答列出的条目清点）。`;
  return { status: "answered", text, facts: [], book: null, options: [] };
}

/**
 * Whether a refused question's subject is words the documents never use (`换成`, a typo, chatter
 * read as a topic): no indicator named and no term of the topic in the search index. Such a
 * subject is never adopted by the conversation. The check is one lookup per term.
 */
function refusedUnknownTopic(q: Question, routed: Routed, ctx: AnswerContext): boolean {
  if (routed.draft.status === "answered" || q.subject.indicators.length > 0) return false;
  // The message's own words (an aspect's subject also carries the last subject's head).
  const terms = ctx.lexicon.tokens(q.subject.topic).filter((t) => /\p{Script=Han}/u.test(t));
  return terms.length > 0 && terms.every((t) => !ctx.search.bm25.postings.has(t));
}

/** The state after an answer. */
function nextState(
  state: ConversationState,
  resolved: Resolved,
  routed: Routed,
  ctx: AnswerContext,
): ConversationState {
  const q = resolved.question;
  // A turn refused for a topic that matched nothing leaves the last good subject in place.
  if (refusedUnknownTopic(q, routed, ctx)) return state;
  if (
    resolved.kind === "chit-chat" ||
    resolved.kind === "cite" ||
    resolved.kind === "list-count" ||
    resolved.kind === "no-list"
  )
    return state;
  if (q.ask.kind === "unclear" || q.ask.kind === "source" || q.ask.kind === "list") return state;
  const facts = routed.draft.facts
    .filter((f) => !f.computed)
    .map((f) => ({ region: f.region, period: f.period, indicator: f.indicator }));
  if (resolved.kind === "list-item" && state.list && resolved.listPosition !== null)
    return { ...state, last: q, facts, list: { ...state.list, cursor: resolved.listPosition } };
  // A new list replaces the one shown; otherwise the list stays for `总共几项` and `下一个`.
  const shown = routed.draft.list;
  const list: ShownList | null = shown
    ? { title: shown.title, items: shown.items.map((i) => i.ref), cursor: 0 }
    : state.list;
  return { ...state, last: q, facts, list };
}

/** Answers one message of a conversation. `read` understands a message (understand with the lexicon). */
export async function answerTurn(
  message: string,
  state: ConversationState,
  ctx: AnswerContext,
  read: (message: string) => Question,
  corpus: ConversationCorpus,
): Promise<RoutedTurn> {
  const resolved = resolveFollowUp(state, read(message), corpus);
  let routed: Routed;
  if (resolved.kind === "list-count" && state.list)
    routed = { draft: countReply(state.list), route: "list-count", declines: [] };
  else {
    const minCoverage = resolved.keepsTopic ? ctx.defaults.followUpMinCoverage : ctx.defaults.minCoverage;
    routed = await answerQuestion(resolved.question, ctx, minCoverage);
  }
  const note = resolved.kind === "chit-chat" ? null : contextNote(resolved);
  const draft = note ? { ...routed.draft, text: `${note}\n${routed.draft.text}` } : routed.draft;
  return {
    question: resolved.question,
    routed: { ...routed, draft },
    state: nextState(state, resolved, routed, ctx),
  };
}
