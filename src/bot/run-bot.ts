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

/**
 * API transformer for getUpdates: logs failures (redacted) and pauses after an empty answer
 * that came back in under a second. Installed by {@link startPolling}.
 */
export function pollingGuard(logger: Logger, pauseMs: number): Transformer {
  let pauseNext = false;
  return async (prev, method, payload, signal) => {
    if (method !== "getUpdates") return prev(method, payload, signal);
    if (pauseNext && pauseMs > 0) await sleep(pauseMs, signal);
    const started = Date.now();
    try {
      const result = await prev(method, payload, signal);
      const empty = result.ok && Array.isArray(result.result) && result.result.length === 0;
      pauseNext = empty && Date.now() - started < 1000;
      if (!result.ok)
        logger.warn("getUpdates refused", { errorCode: result.error_code, description: result.description });
      return result;
    } catch (err) {
      if (!signal?.aborted) logger.warn("getUpdates failed; the runner retries", describeError(err));
      throw err;
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
  bot.api.config.use(pollingGuard(logger, options.emptyPollPauseMs ?? 50));
  const handle = run(bot, { runner: { fetch: { allowed_updates: ALLOWED_UPDATES }, silent: true } });
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
      return { drained: abandoned === 0, abandoned, ms: Date.now() - started };
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
