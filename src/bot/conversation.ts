/**
 * What the bot does, independent of how messages arrive: the Telegram bot (create-bot.ts) and
 * the terminal chat (terminal-chat.ts) both call these methods and only differ in rendering.
 *
 * Depends on the AnswerService interface (types only) and the answer store; knows nothing of
 * grammY, HTML or readline. Replies are data ({@link Reply}); the front ends format them.
 */
import type { AnswerService } from "../answer/answer-service.js";
import { NEW_CONVERSATION, type ConversationState } from "../answer/follow-up.js";
import type { Answer, Citation, SourceListing } from "../types.js";
import type { AnswerStore } from "./answer-store.js";
import type { Logger } from "./log.js";
import type { FormattedString } from "./rich-text.js";
import { SerialQueue } from "./serial-queue.js";
import { helpExamples } from "./help-examples.js";
import { helpText, NOTICES, startText } from "./texts.js";

/** Identifies one stored answer: the store's epoch (one per process) and the answer's id. */
export interface AnswerRef {
  epoch: string;
  answerId: number;
}

/** One reply for the front end to render. */
export type Reply =
  | { kind: "answer"; answer: Answer; ref: AnswerRef; page?: number }
  | { kind: "excerpt"; citation: Citation; excerpt: string }
  | { kind: "sources"; sources: SourceListing[] }
  | { kind: "text"; text: FormattedString }
  | { kind: "notice"; text: string };

/**
 * Who is talking: a private chat, or one member of a group (each member of a group has a
 * conversation of their own: follow-ups, /region, the last answer /chart and /export act on).
 */
export interface Speaker {
  chatId: number;
  /** The member, in a group; omitted in a private chat (the chat is the user). */
  userId?: number;
}

/** The key a speaker's conversation is stored under: `chat` or `chat:user`. */
export const speakerKey = (s: Speaker): string =>
  s.userId === undefined ? String(s.chatId) : `${s.chatId}:${s.userId}`;

/** How many conversations' states are kept (least recently active dropped first). */
export const MAX_CHAT_STATES = 1000;

/**
 * The conversation logic shared by every front end. One instance per process: questions from
 * all chats go through one {@link SerialQueue}, so the event loop stays responsive under load.
 */
export class Conversation {
  private readonly queue = new SerialQueue();
  /** Each speaker's conversation context (last question, default region), most recent last. */
  private readonly states = new Map<string, ConversationState>();

  constructor(
    private readonly service: AnswerService,
    readonly store: AnswerStore,
    private readonly logger: Logger,
    /** Usage lines /help adds for commands of this front end only (default none). */
    private readonly extraUsage: readonly string[] = [],
  ) {}

  /** Answers a question and remembers the answer as the speaker's latest. */
  async ask(speaker: Speaker, question: string): Promise<Extract<Reply, { kind: "answer" | "notice" }>> {
    const text = question.trim();
    if (text === "") return { kind: "notice", text: NOTICES.emptyQuestion };
    const started = performance.now();
    const { chatId } = speaker;
    const key = speakerKey(speaker);
    this.logger.debug("asking", {
      chatId,
      userId: speaker.userId,
      question: text,
      queued: this.queue.length,
    });
    const turn = await this.queue.run(() => this.service.askInConversation(text, this.stateOf(speaker)));
    this.setState(key, turn.state);
    const answer = turn.answer;
    const answerId = this.store.save(chatId, answer, key);
    this.logger.info("answered", {
      chatId,
      answerId,
      status: answer.status,
      intent: answer.intent,
      citations: answer.citations.length,
      ms: Math.round(performance.now() - started),
    });
    return { kind: "answer", answer, ref: { epoch: this.store.epoch, answerId } };
  }

  /**
   * `/cite <问题>` answers with citations; `/cite` alone shows the first citation of the chat's
   * last answer; `/cite <n>` shows its n-th citation.
   */
  async cite(speaker: Speaker, args: string): Promise<Reply> {
    const text = args.trim();
    if (text !== "" && !/^\d{1,3}$/.test(text)) return this.ask(speaker, `/cite ${text}`);
    const last = this.lastAnswer(speaker);
    if (!last) return { kind: "notice", text: NOTICES.citeNothingYet };
    const citations = last.answer.citations;
    if (text === "") {
      const first = citations[0];
      return first ? this.excerpt(first) : { kind: "notice", text: NOTICES.citeNoCitations };
    }
    const n = Number(text);
    const citation = citations.find((c) => c.id === n);
    return citation
      ? this.excerpt(citation)
      : { kind: "notice", text: NOTICES.citeNoSuchNumber(n, citations.length) };
  }

  /** `/compare <指标> <年份> <年份>`, forwarded to the answering layer; usage when empty. */
  async compare(speaker: Speaker, args: string): Promise<Reply> {
    const text = args.trim();
    if (text === "") return { kind: "notice", text: NOTICES.compareUsage };
    return this.ask(speaker, `/compare ${text}`);
  }

  /** The speaker's last answer (what /chart, /export and a bare /cite act on). */
  lastAnswer(speaker: Speaker): { answer: Answer; ref: AnswerRef } | undefined {
    const last = this.store.last(speaker.chatId, speakerKey(speaker));
    return last && { answer: last.answer, ref: { epoch: this.store.epoch, answerId: last.answerId } };
  }

  /** A stored answer of the chat by its ref; undefined when stale (restart, evicted). */
  stored(chatId: number, ref: AnswerRef): Answer | undefined {
    return ref.epoch === this.store.epoch ? this.store.get(chatId, ref.answerId) : undefined;
  }

  /** The speaker's conversation state (a new conversation has none). */
  stateOf(speaker: Speaker): ConversationState {
    return this.states.get(speakerKey(speaker)) ?? NEW_CONVERSATION;
  }

  private setState(key: string, state: ConversationState): void {
    this.states.delete(key);
    this.states.set(key, state);
    if (this.states.size > MAX_CHAT_STATES) this.states.delete(this.states.keys().next().value!);
  }

  /**
   * `/region 铁东区` sets the chat's default region (used when a question names none);
   * `/region` shows it; `/region 清除` removes it. Only regions the corpus holds are accepted
   * (a short form such as 铁东 names 铁东区).
   */
  region(speaker: Speaker, args: string): Reply {
    const name = args.trim();
    const state = this.stateOf(speaker);
    if (name === "") return { kind: "notice", text: NOTICES.regionShown(state.defaultRegion) };
    if (/^(?:清除|取消|无|off|none|clear)$/iu.test(name)) {
      this.setState(speakerKey(speaker), { ...state, defaultRegion: null });
      return { kind: "notice", text: NOTICES.regionCleared };
    }
    const held = [...new Set(this.service.sources().map((s) => s.region))];
    const region = held.find((r) => r === name) ?? held.find((r) => r.startsWith(name) && name.length >= 2);
    if (!region) return { kind: "notice", text: NOTICES.regionUnknown(name, held) };
    this.setState(speakerKey(speaker), { ...state, defaultRegion: region });
    return { kind: "notice", text: NOTICES.regionSet(region) };
  }

  /**
   * Runs a command every front end shares (/start, /help, /sources, /cite, /compare, /region);
   * null for any other name, which the front end handles (the terminal's /quit) or refuses.
   */
  async command(speaker: Speaker, name: string, args: string, firstName?: string): Promise<Reply | null> {
    switch (name) {
      case "start":
        return this.start(firstName);
      case "help":
        return this.help();
      case "sources":
        return this.sources();
      case "cite":
        return this.cite(speaker, args);
      case "compare":
        return this.compare(speaker, args);
      case "region":
        return this.region(speaker, args);
      default:
        return null;
    }
  }

  /** The corpus documents (/sources). */
  sources(): Reply {
    return { kind: "sources", sources: this.service.sources() };
  }

  /** /help: examples, commands and the years held. */
  help(): Reply {
    return { kind: "text", text: helpText(this.extraUsage, this.service.holdings(), this.examples()) };
  }

  /** /start. */
  start(firstName?: string): Reply {
    return { kind: "text", text: startText(firstName, this.examples()) };
  }

  /** Example questions from what the service holds now. */
  private examples(): readonly string[] {
    return helpExamples(this.service);
  }

  private excerpt(citation: Citation): Extract<Reply, { kind: "excerpt" }> {
    return { kind: "excerpt", citation, excerpt: this.service.excerpt(citation) };
  }
}
