/**
 * What the bot does, independent of how messages arrive: the Telegram bot (create-bot.ts) and
 * the terminal chat (terminal-chat.ts) both call these methods and only differ in rendering.
 *
 * Depends on the AnswerService interface (types only) and the answer store; knows nothing of
 * grammY, HTML or readline. Replies are data ({@link Reply}); the front ends format them.
 */
import type { AnswerService } from "../answer/answer-service.js";
import { NEW_CONVERSATION, type ConversationState } from "../understand/conversation.js";
import type { Answer, Citation, SourceListing } from "../types.js";
import type { AnswerStore } from "./answer-store.js";
import { pageCount, parseCiteButton, parsePageButton, type AnswerRef } from "./format-answer.js";
import type { Logger } from "./log.js";
import type { Line } from "./rich-text.js";
import { SerialQueue } from "./serial-queue.js";
import { helpLines, NOTICES, startLines } from "./texts.js";

/** One reply for the front end to render. */
export type Reply =
  | { kind: "answer"; answer: Answer; ref: AnswerRef; page?: number }
  | { kind: "excerpt"; citation: Citation; excerpt: string }
  | { kind: "sources"; sources: SourceListing[] }
  | { kind: "lines"; lines: Line[] }
  | { kind: "notice"; text: string };

/** Result of a "原文 [n]" button press. */
export type ButtonResult =
  | { ok: true; reply: Extract<Reply, { kind: "excerpt" | "answer" }> }
  | { ok: false; reason: "unknown" | "stale" };

/** How many chats' conversation states are kept (least recently active dropped first). */
export const MAX_CHAT_STATES = 1000;

/**
 * The conversation logic shared by every front end. One instance per process: questions from
 * all chats go through one {@link SerialQueue}, so the event loop stays responsive under load.
 */
export class Conversation {
  private readonly queue = new SerialQueue();
  /** Each chat's conversation context (last question, default region), most recent last. */
  private readonly states = new Map<number, ConversationState>();

  constructor(
    private readonly service: AnswerService,
    readonly store: AnswerStore,
    private readonly logger: Logger,
    /** Usage lines /help adds for commands of this front end only (default none). */
    private readonly extraUsage: readonly string[] = [],
  ) {}

  /** Answers a question and remembers the answer as the chat's latest. */
  async ask(chatId: number, question: string): Promise<Reply> {
    const text = question.trim();
    if (text === "") return { kind: "notice", text: NOTICES.emptyQuestion };
    const started = performance.now();
    this.logger.debug("asking", { chatId, question: text, queued: this.queue.length });
    const turn = await this.queue.run(() => this.service.askInConversation(text, this.stateOf(chatId)));
    this.setState(chatId, turn.state);
    const answer = turn.answer;
    const answerId = this.store.save(chatId, answer);
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
  async cite(chatId: number, args: string): Promise<Reply> {
    const text = args.trim();
    if (text !== "" && !/^\d{1,3}$/.test(text)) return this.ask(chatId, `/cite ${text}`);
    const last = this.store.last(chatId);
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
  async compare(chatId: number, args: string): Promise<Reply> {
    const text = args.trim();
    if (text === "") return { kind: "notice", text: NOTICES.compareUsage };
    return this.ask(chatId, `/compare ${text}`);
  }

  /** The chat's conversation state (a new chat has none). */
  stateOf(chatId: number): ConversationState {
    return this.states.get(chatId) ?? NEW_CONVERSATION;
  }

  private setState(chatId: number, state: ConversationState): void {
    this.states.delete(chatId);
    this.states.set(chatId, state);
    if (this.states.size > MAX_CHAT_STATES) this.states.delete(this.states.keys().next().value!);
  }

  /**
   * `/region 铁东区` sets the chat's default region (used when a question names none);
   * `/region` shows it; `/region 清除` removes it. Only regions the corpus holds are accepted
   * (a short form such as 铁东 names 铁东区).
   */
  region(chatId: number, args: string): Reply {
    const name = args.trim();
    const state = this.stateOf(chatId);
    if (name === "") return { kind: "notice", text: NOTICES.regionShown(state.defaultRegion) };
    if (/^(?:清除|取消|无|off|none|clear)$/iu.test(name)) {
      this.setState(chatId, { ...state, defaultRegion: null });
      return { kind: "notice", text: NOTICES.regionCleared };
    }
    const held = [...new Set(this.service.sources().map((s) => s.region))];
    const region = held.find((r) => r === name) ?? held.find((r) => r.startsWith(name) && name.length >= 2);
    if (!region) return { kind: "notice", text: NOTICES.regionUnknown(name, held) };
    this.setState(chatId, { ...state, defaultRegion: region });
    return { kind: "notice", text: NOTICES.regionSet(region) };
  }

  /** A page button (`下一页 ›`): that page of that stored answer. */
  private page(chatId: number, data: string): ButtonResult | null {
    const ref = parsePageButton(data);
    if (!ref) return null;
    const answer = ref.epoch === this.store.epoch ? this.store.get(chatId, ref.answerId) : undefined;
    if (!answer || ref.page >= pageCount(answer)) return { ok: false, reason: "stale" };
    return {
      ok: true,
      reply: { kind: "answer", answer, ref: { epoch: ref.epoch, answerId: ref.answerId }, page: ref.page },
    };
  }

  /** The "原文 [n]" and page buttons: an excerpt of a stored answer, or a page of it. */
  button(chatId: number, data: string): ButtonResult {
    const paged = this.page(chatId, data);
    if (paged) return paged;
    const ref = parseCiteButton(data);
    if (!ref) return { ok: false, reason: "unknown" };
    const answer = ref.epoch === this.store.epoch ? this.store.get(chatId, ref.answerId) : undefined;
    const citation = answer?.citations.find((c) => c.id === ref.citationId);
    if (!citation) return { ok: false, reason: "stale" };
    return { ok: true, reply: this.excerpt(citation) };
  }

  /** The corpus documents (/sources). */
  /**
   * Runs a command every front end shares (/start, /help, /sources, /cite, /compare); null
   * for any other name, which the front end handles (the terminal's /quit) or refuses.
   */
  async command(chatId: number, name: string, args: string, firstName?: string): Promise<Reply | null> {
    switch (name) {
      case "start":
        return this.start(firstName);
      case "help":
        return this.help();
      case "sources":
        return this.sources();
      case "cite":
        return this.cite(chatId, args);
      case "compare":
        return this.compare(chatId, args);
      case "region":
        return this.region(chatId, args);
      default:
        return null;
    }
  }

  sources(): Reply {
    return { kind: "sources", sources: this.service.sources() };
  }

  /** /help. */
  help(): Reply {
    return { kind: "lines", lines: helpLines(this.extraUsage) };
  }

  /** /start. */
  start(firstName?: string): Reply {
    return { kind: "lines", lines: startLines(firstName) };
  }

  private excerpt(citation: Citation): Extract<Reply, { kind: "excerpt" }> {
    return { kind: "excerpt", citation, excerpt: this.service.excerpt(citation) };
  }
}
