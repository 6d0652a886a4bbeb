/**
 * Runs a bot built by createBot: long polling through @grammyjs/runner, command registration,
 * and a clean stop on SIGINT/SIGTERM that lets in-flight updates finish.
 *
 * Why the extra pieces around `run(bot)`:
 * - `RunnerHandle.stop()` (runner 2.0.3) resolves when fetching has stopped, not when the
 *   concurrent sink is empty; {@link startPolling}'s `stop()` also waits for `size() === 0`.
 * - The runner prints getUpdates failures with console.error, and node-fetch errors carry the
 *   request URL, which contains the token. We silence it and log through the redacting logger.
 * - An API root that answers getUpdates at once with nothing (test emulators, some proxies)
 *   would make the runner spin; after such an empty answer the next call waits briefly.
 *   Real Telegram holds empty long polls for the full timeout, so this never delays updates.
 */
import { run } from "@grammyjs/runner";
import type { Bot, Transformer } from "grammy";
import { commandMenus } from "./menus.js";
import { describeError, type Logger } from "./log.js";

/** Update types the bot asks Telegram for; everything else is never delivered. */
export const ALLOWED_UPDATES = ["message", "callback_query", "inline_query"] as const;

/** Options of {@link startPolling}. */
export interface PollingOptions {
  logger: Logger;
  /** How long stop() waits for in-flight updates (default 30 s). */
  drainTimeoutMs?: number;
  /** Pause before getUpdates after an immediate empty answer (default 50 ms). */
  emptyPollPauseMs?: number;
  /** How long start-up may wait for the Bot API to answer getMe (default 60 s). */
  initTimeoutMs?: number;
  /** Long-polling timeout asked of getUpdates (default 30 s, as the runner). */
  pollTimeoutSeconds?: number;
  /** A getUpdates unanswered this long is abandoned and retried (default poll timeout + 10 s). */
  requestTimeoutMs?: number;
  /** First wait after a failed getUpdates (default 100 ms), doubling per failure … */
  retryBaseMs?: number;
  /** … up to this (default 2000 ms): the longest silence after the Bot API comes back. */
  retryCapMs?: number;
  /** The outbox replies go through; stop() waits for it after the updates in flight. */
  outbox?: { drain(ms: number): Promise<number>; close(): Promise<void> };
  /** How long stop() waits for the outbox to deliver (default 10 s); the rest stays on disk. */
  outboxDrainMs?: number;
}

/** Thrown by {@link startPolling} when the Bot API did not answer getMe within the start-up time. */
export class BotStartError extends Error {
  constructor(
    readonly waitedMs: number,
    options?: { cause?: unknown },
  ) {
    super(`the Bot API did not answer getMe within ${Math.round(waitedMs / 1000)} s`, options);
    this.name = "BotStartError";
  }
}

/**
 * `bot.init()` (getMe) with a deadline. grammY retries network errors there forever and
 * silently; we log while it waits and give up after `timeoutMs` with a {@link BotStartError}.
 * A wrong token (401) fails at once with grammY's GrammyError.
 */
async function initWithDeadline(bot: Bot, logger: Logger, timeoutMs: number): Promise<void> {
  const controller = new AbortController();
  const started = Date.now();
  const deadline = setTimeout(() => controller.abort(), timeoutMs);
  const nag = setInterval(
    () => logger.warn("still waiting for the Bot API to answer getMe", { waitedMs: Date.now() - started }),
    5_000,
  );
  try {
    await bot.init(controller.signal as unknown as Parameters<Bot["init"]>[0]);
  } catch (err) {
    if (controller.signal.aborted) throw new BotStartError(Date.now() - started, { cause: err });
    throw err;
  } finally {
    clearTimeout(deadline);
    clearInterval(nag);
  }
}

/** Outcome of {@link Polling.stop}. */
export interface StopResult {
  /** True when every in-flight update finished within the drain timeout. */
  drained: boolean;
  /** Updates still running when the drain timed out (0 when drained). */
  abandoned: number;
  /** Messages left in the outbox (delivered after the next start). */
  undelivered: number;
  ms: number;
}

/** A running bot. */
export interface Polling {
  /** Stops fetching updates, then waits for the ones in flight. Safe to call twice. */
  stop(): Promise<StopResult>;
  /** Settles when the runner ends: resolves after stop(), rejects if polling failed for good. */
  readonly task: Promise<void>;
  /** Updates currently being handled. */
  inFlight(): number;
}

/** The part of an AbortSignal we use (grammY passes the abort-controller polyfill's type). */
interface AbortLike {
  readonly aborted: boolean;
  addEventListener(type: "abort", listener: () => void): void;
  removeEventListener(type: "abort", listener: () => void): void;
}

const sleep = (ms: number, signal?: AbortLike) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(new Error("aborted"));
    const timer = setTimeout(done, ms);
    function done() {
      signal?.removeEventListener("abort", abort);
      resolve();
    }
    function abort() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", abort);
      reject(new Error("aborted"));
    }
    signal?.addEventListener("abort", abort);
  });

/** Options of {@link pollingGuard}; see {@link PollingOptions} for the defaults. */
export interface PollingGuardOptions {
  pauseMs: number;
  /** First wait after a failed getUpdates; doubles per failure up to `retryCapMs`. */
  retryBaseMs: number;
  retryCapMs: number;
  /** A getUpdates that has not answered within this time is abandoned and retried. */
  requestTimeoutMs: number;
}

/** A signal that aborts when `outer` does or after `ms`; `done()` releases the timer. */
function deadlineSignal(outer: AbortLike | undefined, ms: number) {
  const controller = new AbortController();
  const abort = () => controller.abort();
  const timer = setTimeout(abort, ms);
  outer?.addEventListener("abort", abort);
  return {
    signal: controller.signal,
    timedOut: () => controller.signal.aborted && !outer?.aborted,
    done: () => {
      clearTimeout(timer);
      outer?.removeEventListener("abort", abort);
    },
  };
}

/**
 * API transformer for getUpdates (issue 12, item 4). The runner's own retry doubles its wait
 * without a bound, so after a long outage the bot stayed silent about as long again; and a
 * hung request waited grammY's default 500 s. This transformer:
 * - abandons a getUpdates that has not answered within `requestTimeoutMs`;
 * - retries network failures, timeouts and 5xx itself, waiting `retryBaseMs` doubling up to
 *   `retryCapMs`, so the first poll after the API returns comes at most `retryCapMs` later;
 * - logs the start of an outage once (warn) and the recovery with its length (info);
 * - pauses `pauseMs` after an empty answer that came back in under a second.
 * 401, 409 and other refusals go back to the runner, which stops on them.
 */
export function pollingGuard(logger: Logger, options: PollingGuardOptions): Transformer {
  let pauseNext = false;
  let outageSince: number | null = null;
  let failures = 0;
  return async (prev, method, payload, signal) => {
    if (method !== "getUpdates") return prev(method, payload, signal);
    if (pauseNext && options.pauseMs > 0) await sleep(options.pauseMs, signal);
    for (;;) {
      const started = Date.now();
      const deadline = deadlineSignal(signal, options.requestTimeoutMs);
      let failure: Record<string, unknown>;
      try {
        const result = await prev(method, payload, deadline.signal as never);
        if (result.ok || result.error_code === undefined || result.error_code < 500) {
          if (outageSince !== null) {
            logger.info("Bot API reachable again", { downMs: Date.now() - outageSince, failures });
            outageSince = null;
            failures = 0;
          }
          const empty = result.ok && Array.isArray(result.result) && result.result.length === 0;
          pauseNext = empty && Date.now() - started < 1000;
          if (!result.ok)
            logger.warn("getUpdates refused", {
              errorCode: result.error_code,
              description: result.description,
            });
          return result;
        }
        failure = { errorCode: result.error_code, description: result.description };
      } catch (err) {
        if (signal?.aborted) throw err;
        failure = deadline.timedOut()
          ? { error: "timeout", message: `getUpdates did not answer within ${options.requestTimeoutMs} ms` }
          : describeError(err);
      } finally {
        deadline.done();
      }
      failures++;
      const waitMs = Math.min(options.retryCapMs, options.retryBaseMs * 2 ** (failures - 1));
      if (outageSince === null) {
        outageSince = started;
        logger.warn("Bot API unreachable; retrying getUpdates", {
          ...failure,
          retryCapMs: options.retryCapMs,
        });
      } else logger.debug("getUpdates failed again", { ...failure, failures, waitMs });
      await sleep(waitMs, signal);
    }
  };
}

/** Registers the command menus per scope (setMyCommands, menus.ts). A failure is logged and does not stop the bot. */
export async function registerCommands(bot: Bot, logger: Logger): Promise<boolean> {
  try {
    for (const { scope, commands } of commandMenus()) await bot.api.setMyCommands(commands, { scope });
    return true;
  } catch (err) {
    logger.warn("could not register the command menu; continuing", describeError(err));
    return false;
  }
}

/**
 * Initialises the bot (getMe: a GrammyError 401 for a wrong token, a {@link BotStartError} when
 * the Bot API is unreachable), registers the commands and starts long polling with the runner.
 * Returns a handle to stop it.
 */
export async function startPolling(bot: Bot, options: PollingOptions): Promise<Polling> {
  const { logger } = options;
  const drainTimeoutMs = options.drainTimeoutMs ?? 30_000;
  await initWithDeadline(bot, logger, options.initTimeoutMs ?? 60_000);
  logger.info("bot identity confirmed", { id: bot.botInfo.id, username: bot.botInfo.username });
  await registerCommands(bot, logger);
  const pollTimeoutSeconds = options.pollTimeoutSeconds ?? 30;
  bot.api.config.use(
    pollingGuard(logger, {
      pauseMs: options.emptyPollPauseMs ?? 50,
      retryBaseMs: options.retryBaseMs ?? 100,
      retryCapMs: options.retryCapMs ?? 2000,
      requestTimeoutMs: options.requestTimeoutMs ?? pollTimeoutSeconds * 1000 + 10_000,
    }),
  );
  // The last update fetched, confirmed to Telegram at stop() so the next start does not get
  // (and answer) the same updates again.
  let lastUpdateId: number | undefined;
  bot.api.config.use(async (prev, method, payload, signal) => {
    const result = await prev(method, payload, signal);
    if (method === "getUpdates" && result.ok && Array.isArray(result.result)) {
      for (const u of result.result as Array<{ update_id: number }>)
        lastUpdateId = Math.max(lastUpdateId ?? u.update_id, u.update_id);
    }
    return result;
  });
  const handle = run(bot, {
    runner: { fetch: { allowed_updates: ALLOWED_UPDATES, timeout: pollTimeoutSeconds }, silent: true },
  });
  const task = handle.task() ?? Promise.resolve();
  task.catch(() => {}); // consumers of `task` see the rejection; this only avoids an unhandled one
  logger.info("polling started", { allowedUpdates: ALLOWED_UPDATES });

  let stopping: Promise<StopResult> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      const started = Date.now();
      await handle
        .stop()
        .catch((err: unknown) => logger.error("runner failed while stopping", describeError(err)));
      while (handle.size() > 0 && Date.now() - started < drainTimeoutMs) await sleep(20);
      const abandoned = handle.size();
      if (lastUpdateId !== undefined && abandoned === 0) {
        const confirm = AbortSignal.timeout(3000) as unknown as Parameters<typeof bot.api.getUpdates>[1];
        await bot.api
          .getUpdates({ offset: lastUpdateId + 1, limit: 1, timeout: 0 }, confirm)
          .catch((err: unknown) => logger.warn("could not confirm the last updates", describeError(err)));
      }
      const undelivered = (await options.outbox?.drain(options.outboxDrainMs ?? 10_000)) ?? 0;
      await options.outbox?.close();
      if (undelivered > 0) logger.warn("replies left in the outbox for the next start", { undelivered });
      return { drained: abandoned === 0, abandoned, undelivered, ms: Date.now() - started };
    })());
  return { stop, task, inFlight: () => handle.size() };
}

/** Options of {@link stopOnSignals}. */
export interface SignalOptions {
  logger: Logger;
  signals?: NodeJS.Signals[];
  /** Where signals come from; `process` by default (tests pass an EventEmitter). */
  target?: NodeJS.EventEmitter;
  /**
   * A repeated signal at least this long after the first quits at once (default 2000 ms).
   * Sooner repeats are ignored: `npm start` and `tsx` forward the terminal's Ctrl-C, so one
   * keypress can arrive two or three times within milliseconds.
   */
  forceAfterMs?: number;
}

/**
 * Waits for SIGINT/SIGTERM, then stops polling and lets in-flight updates finish. Resolves with
 * the exit code: 0 after a clean stop, 1 if polling crashed, the drain timed out, or a later
 * second signal asked to quit at once. The caller exits with it.
 */
export function stopOnSignals(polling: Polling, options: SignalOptions): Promise<number> {
  const { logger } = options;
  const signals = options.signals ?? ["SIGINT", "SIGTERM"];
  const target = options.target ?? process;
  return new Promise<number>((resolve) => {
    const forceAfterMs = options.forceAfterMs ?? 2000;
    let stopping = false;
    let firstSignalAt = 0;
    let settled = false;
    const finish = (code: number) => {
      if (settled) return;
      settled = true;
      for (const s of signals) target.off(s, onSignal);
      resolve(code);
    };
    function onSignal(signal: NodeJS.Signals) {
      if (stopping) {
        if (Date.now() - firstSignalAt < forceAfterMs) {
          logger.debug("repeated signal ignored (forwarded by a wrapper)", { signal });
          return;
        }
        logger.warn("second signal: quitting without waiting", { signal, inFlight: polling.inFlight() });
        return finish(1);
      }
      stopping = true;
      firstSignalAt = Date.now();
      logger.info("stopping: no new updates, finishing those in flight", {
        signal,
        inFlight: polling.inFlight(),
      });
      polling.stop().then(
        (result) => {
          if (result.drained) logger.info("stopped cleanly", { ...result });
          else logger.error("stopped with updates still running", { ...result });
          finish(result.drained ? 0 : 1);
        },
        (err: unknown) => {
          logger.error("stop failed", describeError(err));
          finish(1);
        },
      );
    }
    for (const s of signals) target.on(s, onSignal);
    polling.task.then(
      () => {
        if (!stopping) {
          logger.error("polling ended without a stop request");
          finish(1);
        }
      },
      (err: unknown) => {
        logger.error("polling failed; check TELEGRAM_BOT_TOKEN (401) or another running instance (409)", {
          ...describeError(err),
        });
        finish(1);
      },
    );
  });
}
