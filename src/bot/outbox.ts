/**
 * A durable outbox for the bot's messages (issue 12, items 2 and 10). Telegram considers an
 * update handled once the next getUpdates confirms it, so a reply that fails after that is a
 * lost question unless it is kept somewhere. Every message the bot sends to a chat is first
 * written here (atomically, to a JSON file when a path is given) and then delivered:
 *
 * - in order per chat: a chat's next message waits until the one before it is delivered;
 *   chats are served concurrently;
 * - with retries: network errors, timeouts, 5xx and 502 pages from a proxy back off
 *   exponentially (capped); a 429 waits exactly its `retry_after`;
 * - once: a message is removed from the file as soon as Telegram confirms it (a reply lost
 *   after Telegram accepted it, e.g. a connection cut after the request was processed, is the
 *   one case that can repeat, because the Bot API has no idempotency key);
 * - bounded: a reply still undelivered `apologyAfterMs` after it was written, or refused
 *   by Telegram as malformed (400), is replaced by a short apology; a chat that blocked the
 *   bot (403) is dropped; an apology still undelivered after `dropAfterMs` is dropped,
 *   each with a log entry;
 * - across restarts: a new Outbox on the same file resumes delivery.
 *
 * Time is read through `now()` and waits are multiplied by `timeScale`, both options, so tests
 * can play a 60 s `retry_after` in a fraction of the time.
 */
import { describeError, type Logger } from "./log.js";
import { classifyFailure } from "./outbox-failure.js";
import { FILE_VERSION, readOutboxFile, writeAtomic, type OutboxFile } from "./outbox-file.js";
import type { OutboxItem, OutgoingMessage } from "./outbox-types.js";

export { OutboxFileError } from "./outbox-file.js";
export type { OutboxItem, OutgoingMessage } from "./outbox-types.js";

/** What the outbox needs from the Bot API: grammY's `api.raw.sendMessage` fits. */
export type SendMessage = (params: OutgoingMessage & { chat_id: number }) => Promise<unknown>;

/** Options of {@link Outbox}; every field but `send` and `logger` has a documented default. */
export interface OutboxOptions {
  send: SendMessage;
  logger: Logger;
  /** JSON file the outbox is kept in; without one it lives in memory only (tests, terminal). */
  file?: string;
  /** First retry delay after a failure (default 500 ms); doubles per attempt. */
  retryBaseMs?: number;
  /** Longest delay between two retries when no retry_after is given (default 3000 ms). */
  retryCapMs?: number;
  /** A reply undelivered this long is replaced by an apology (default 10 min). */
  apologyAfterMs?: number;
  /** An apology undelivered this long is dropped (default 24 h). */
  dropAfterMs?: number;
  /** The text of that apology. */
  apologyText?: string;
  /** Messages sent at once across chats (default 8). */
  concurrency?: number;
  /** The clock (default Date.now). */
  now?: () => number;
  /** Multiplies every wait, including retry_after (default 1; tests use less). */
  timeScale?: number;
}

/** The default apology for a reply that could not be delivered in time. */
export const UNDELIVERED_APOLOGY = "抱歉，刚才的回答因网络问题未能及时送达，请重新提问。";

/** The durable, ordered, retrying queue of outgoing messages. */
export class Outbox {
  private items: OutboxItem[] = [];
  private nextId = 1;
  private readonly busy = new Set<number>();
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  private readonly idleWaiters = new Set<() => void>();
  private failing = false;
  private dirty = false;
  private flushing: Promise<void> | undefined;
  private readonly o: Required<Omit<OutboxOptions, "file">> & { file: string | undefined };

  constructor(options: OutboxOptions) {
    this.o = {
      retryBaseMs: 500,
      retryCapMs: 3000,
      apologyAfterMs: 10 * 60_000,
      dropAfterMs: 24 * 60 * 60_000,
      apologyText: UNDELIVERED_APOLOGY,
      concurrency: 8,
      now: Date.now,
      timeScale: 1,
      ...options,
      file: options.file,
    };
    this.load();
    if (this.items.length > 0) {
      this.o.logger.info("outbox resumed", { pending: this.items.length, file: this.o.file });
    }
    this.pump();
  }

  /** Messages not yet delivered. */
  get pending(): number {
    return this.items.length;
  }

  /** A copy of the waiting messages, oldest first (for tests and diagnostics). */
  snapshot(): OutboxItem[] {
    return this.items.map((i) => ({ ...i }));
  }

  /**
   * Adds a chat's messages (kept together, in order); resolves once they are on disk, so a
   * crash after that cannot lose them. Delivery starts at once, whatever the write's outcome.
   */
  enqueue(
    chatId: number,
    messages: readonly OutgoingMessage[],
    kind: OutboxItem["kind"] = "reply",
  ): Promise<void> {
    const now = this.o.now();
    const batch = this.nextId;
    for (const message of messages) {
      this.items.push({
        id: this.nextId++,
        chatId,
        message,
        kind,
        batch,
        createdAt: now,
        attempts: 0,
        nextAttemptAt: now,
      });
    }
    const saved = this.save();
    this.pump();
    return saved;
  }

  /**
   * Waits until every message is delivered or `ms` has passed; resolves with how many are
   * still pending (kept in the file for the next start).
   */
  async drain(ms: number): Promise<number> {
    if (this.items.length === 0) return 0;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.idleWaiters.add(done);
    });
    return this.items.length;
  }

  /**
   * Stops delivering; resolves when the messages in flight have finished and the file holds
   * the final state. What is left is delivered by the next Outbox on the same file.
   */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    while (this.busy.size > 0) await new Promise((r) => setTimeout(r, 10));
    await this.flushing;
  }

  private load(): void {
    const data = this.o.file ? readOutboxFile(this.o.file) : null;
    if (!data) return;
    this.items = data.items;
    this.nextId = Math.max(data.nextId, ...data.items.map((i) => i.id + 1), 1);
  }

  /**
   * Writes the current state to the file; resolves when a write that includes it is done.
   * Writes are asynchronous (the event loop keeps serving signals and polling while the disk
   * syncs) and coalesced: one at a time, the next one carrying every change made meanwhile.
   * A failed write is logged (error) and retried with the next change; the messages stay in
   * memory and are still delivered.
   */
  private save(): Promise<void> {
    if (!this.o.file) return Promise.resolve();
    this.dirty = true;
    this.flushing ??= this.flush(this.o.file);
    return this.flushing;
  }

  private async flush(file: string): Promise<void> {
    try {
      while (this.dirty) {
        this.dirty = false;
        const data: OutboxFile = { version: FILE_VERSION, nextId: this.nextId, items: this.items };
        try {
          await writeAtomic(file, JSON.stringify(data));
        } catch (err) {
          this.o.logger.error("could not write the outbox file", { file, ...describeError(err) });
        }
      }
    } finally {
      this.flushing = undefined;
    }
  }

  /** Starts every delivery that is due and sets a timer for the next one. */
  private pump(): void {
    if (this.closed) return;
    clearTimeout(this.timer);
    const now = this.o.now();
    const heads = new Map<number, OutboxItem>();
    for (const item of this.items) if (!heads.has(item.chatId)) heads.set(item.chatId, item);
    let nextDue = Infinity;
    for (const head of heads.values()) {
      if (this.busy.has(head.chatId)) continue;
      if (head.nextAttemptAt > now) {
        nextDue = Math.min(nextDue, head.nextAttemptAt);
        continue;
      }
      if (this.busy.size >= this.o.concurrency) break;
      void this.deliver(head);
    }
    if (this.items.length === 0) {
      for (const done of this.idleWaiters) done();
      this.idleWaiters.clear();
    }
    if (nextDue < Infinity) {
      this.timer = setTimeout(() => this.pump(), Math.max(0, nextDue - now));
      this.timer.unref();
    }
  }

  private async deliver(item: OutboxItem): Promise<void> {
    this.busy.add(item.chatId);
    try {
      await this.o.send({ chat_id: item.chatId, ...item.message });
      this.remove(item);
      if (this.failing) {
        this.failing = false;
        this.o.logger.info("outbox delivering again", { pending: this.items.length });
      }
      this.o.logger.debug("delivered", {
        chatId: item.chatId,
        outboxId: item.id,
        attempts: item.attempts + 1,
      });
    } catch (err) {
      this.failed(item, err);
    } finally {
      this.busy.delete(item.chatId);
      this.pump();
    }
  }

  private remove(item: OutboxItem): void {
    this.items = this.items.filter((i) => i !== item);
    void this.save();
  }

  private failed(item: OutboxItem, err: unknown): void {
    const failure = classifyFailure(err, item.attempts, {
      baseMs: this.o.retryBaseMs,
      capMs: this.o.retryCapMs,
    });
    const now = this.o.now();
    const where = {
      chatId: item.chatId,
      outboxId: item.id,
      attempts: item.attempts + 1,
      reason: failure.reason,
    };
    if (failure.kind === "gone") {
      this.o.logger.warn("dropped a message Telegram will never accept for this chat", where);
      this.items = this.items.filter((i) => i.chatId !== item.chatId);
      return void this.save();
    }
    const overdue =
      item.kind === "reply"
        ? now - item.createdAt >= this.o.apologyAfterMs
        : now - item.createdAt >= this.o.dropAfterMs;
    if (failure.kind === "malformed" || overdue) {
      if (item.kind === "apology") {
        this.o.logger.error("dropped an apology that could not be delivered", where);
        return this.remove(item);
      }
      this.apologise(item, where);
      return;
    }
    if (!this.failing) {
      this.failing = true;
      this.o.logger.warn("outbox cannot deliver; retrying", { ...where, ...describeError(err) });
    }
    item.attempts++;
    item.nextAttemptAt = now + failure.delayMs * this.o.timeScale;
    void this.save();
  }

  /** Replaces a reply (and the rest of that reply's messages) with one apology. */
  private apologise(item: OutboxItem, where: Record<string, unknown>): void {
    this.o.logger.error("a reply could not be delivered; sending an apology instead", where);
    const replyTo = item.message.reply_parameters;
    const apology: OutboxItem = {
      ...item,
      kind: "apology",
      message: { text: this.o.apologyText, ...(replyTo ? { reply_parameters: replyTo } : {}) },
      attempts: 0,
      nextAttemptAt: this.o.now(),
    };
    this.items = this.items.flatMap((i) =>
      i === item ? [apology] : i.chatId === item.chatId && i.batch === item.batch ? [] : [i],
    );
    void this.save();
  }
}
