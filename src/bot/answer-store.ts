/**
 * Remembers the last answers of each chat so the "原文 [n]" buttons and a bare `/cite` can
 * reach their citations. Bounded in memory: at most `maxChats` chats (least recently used chat
 * evicted first) and `perChat` answers per chat (oldest dropped first).
 *
 * Ids are unique for the life of the store (never reused after an eviction), and the store has
 * a random {@link AnswerStore.epoch}; buttons carry both, so a button from before a restart or
 * an evicted answer is recognised as stale instead of opening the wrong excerpt.
 */
import { randomBytes } from "node:crypto";
import type { Answer } from "../types.js";

/** Limits of an {@link AnswerStore}. */
export interface AnswerStoreOptions {
  /** Chats remembered at once (default 1000). */
  maxChats?: number;
  /** Answers remembered per chat (default 20). */
  perChat?: number;
  /** Fixed epoch for tests; random by default. */
  epoch?: string;
}

/** A stored answer with its id. */
export interface StoredAnswer {
  answerId: number;
  answer: Answer;
}

interface Entry {
  answer: Answer;
  /** Who asked (a conversation key: the chat, or chat and user in groups). */
  speaker: string;
}

/** Per-chat answer memory with LRU eviction by chat. Not persisted: a restart forgets all. */
export class AnswerStore {
  /** Changes on every process start; part of every button's callback data. */
  readonly epoch: string;
  private readonly maxChats: number;
  private readonly perChat: number;
  /** chat id → (answer id → answer), both maps in insertion (= recency) order. */
  private readonly chats = new Map<number, Map<number, Entry>>();
  private nextId = 1;

  constructor(options: AnswerStoreOptions = {}) {
    this.maxChats = Math.max(1, options.maxChats ?? 1000);
    this.perChat = Math.max(1, options.perChat ?? 20);
    this.epoch = options.epoch ?? randomBytes(4).readUInt32BE(0).toString(36);
  }

  /**
   * Stores an answer as the chat's latest and returns its id. `speaker` says whose it is (in a
   * group each member has their own last answer); the chat by default.
   */
  save(chatId: number, answer: Answer, speaker: string = String(chatId)): number {
    const answers = this.touch(chatId) ?? new Map<number, Entry>();
    const answerId = this.nextId++;
    answers.set(answerId, { answer, speaker });
    while (answers.size > this.perChat) answers.delete(answers.keys().next().value!);
    this.chats.set(chatId, answers);
    while (this.chats.size > this.maxChats) this.chats.delete(this.chats.keys().next().value!);
    return answerId;
  }

  /** The answer with this id in this chat, or undefined when unknown or evicted. */
  get(chatId: number, answerId: number): Answer | undefined {
    return this.touch(chatId)?.get(answerId)?.answer;
  }

  /** The chat's most recent answer (of `speaker` when given), or undefined when it has none. */
  last(chatId: number, speaker?: string): StoredAnswer | undefined {
    const answers = this.touch(chatId);
    if (!answers) return undefined;
    const ids = [...answers.keys()].reverse();
    const answerId = ids.find((id) => speaker === undefined || answers.get(id)!.speaker === speaker);
    return answerId === undefined ? undefined : { answerId, answer: answers.get(answerId)!.answer };
  }

  /** Number of chats currently remembered. */
  get chatCount(): number {
    return this.chats.size;
  }

  /** Looks a chat up and marks it most recently used. */
  private touch(chatId: number): Map<number, Entry> | undefined {
    const answers = this.chats.get(chatId);
    if (answers) {
      this.chats.delete(chatId);
      this.chats.set(chatId, answers);
    }
    return answers;
  }
}
