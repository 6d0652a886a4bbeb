/**
 * The polling guard and the signal handling, with hand-made inputs. The real runner and a real
 * SIGTERM are exercised by e2e/shutdown.e2e.test.ts.
 */
import { EventEmitter } from "node:events";
import { createServer } from "node:net";
import { Bot, type ApiCallFn, type RawApi } from "grammy";
import { describe, expect, it } from "vitest";
import { createLogger, type LogEntry } from "../../src/bot/log.js";
import {
  BotStartError,
  pollingGuard,
  startPolling,
  stopOnSignals,
  type Polling,
  type StopResult,
} from "../../src/bot/run-bot.js";

function capture() {
  const entries: LogEntry[] = [];
  return { entries, logger: createLogger({ level: "debug", write: (_l, e) => entries.push(e) }) };
}

type Prev = ApiCallFn<RawApi>;

describe("pollingGuard", () => {
  it("pauses before the next getUpdates after an immediate empty answer", async () => {
    const { logger } = capture();
    const guard = pollingGuard(logger, 80);
    const calls: number[] = [];
    const prev = (async () => {
      calls.push(Date.now());
      return { ok: true, result: [] };
    }) as unknown as Prev;
    await guard(prev, "getUpdates", { offset: 0 });
    await guard(prev, "getUpdates", { offset: 0 });
    expect(calls[1]! - calls[0]!).toBeGreaterThanOrEqual(75);
  });

  it("does not pause after updates arrived, nor for other methods", async () => {
    const { logger } = capture();
    const guard = pollingGuard(logger, 500);
    const started = Date.now();
    const updates = (async () => ({ ok: true, result: [{ update_id: 1 }] })) as unknown as Prev;
    await guard(updates, "getUpdates", { offset: 0 });
    await guard(updates, "getUpdates", { offset: 0 });
    await guard(updates, "getMe", {});
    expect(Date.now() - started).toBeLessThan(100);
  });

  it("logs a failed getUpdates (token redacted) and rethrows; stays quiet when aborted", async () => {
    const { logger, entries } = capture();
    const guard = pollingGuard(logger, 0);
    const failing = (async () => {
      throw new Error("request to http://127.0.0.1/bot123456:" + "B".repeat(35) + "/getUpdates failed");
    }) as unknown as Prev;
    await expect(guard(failing, "getUpdates", { offset: 0 })).rejects.toThrow();
    expect(entries).toHaveLength(1);
    expect(entries[0]!.message).toBe("request to http://127.0.0.1/bot<redacted>/getUpdates failed");
    const controller = new AbortController();
    controller.abort();
    const signal = controller.signal as unknown as Parameters<typeof guard>[3];
    await expect(guard(failing, "getUpdates", { offset: 0 }, signal)).rejects.toThrow();
    expect(entries).toHaveLength(1);
  });
});

function fakePolling(result: StopResult, task: Promise<void> = new Promise(() => {})) {
  let stops = 0;
  let resolveTask: () => void = () => {};
  const polling: Polling & { stops: () => number } = {
    stop: async () => {
      stops++;
      resolveTask();
      return result;
    },
    task: Promise.race([task, new Promise<void>((r) => (resolveTask = r))]),
    inFlight: () => 3,
    stops: () => stops,
  };
  return polling;
}

describe("stopOnSignals", () => {
  it("stops on SIGTERM and resolves 0 after a clean drain", async () => {
    const { logger, entries } = capture();
    const target = new EventEmitter();
    const polling = fakePolling({ drained: true, abandoned: 0, ms: 5 });
    const code = stopOnSignals(polling, { logger, target });
    target.emit("SIGTERM", "SIGTERM");
    expect(await code).toBe(0);
    expect(polling.stops()).toBe(1);
    expect(entries.find((e) => e.msg.startsWith("stopping"))).toMatchObject({
      signal: "SIGTERM",
      inFlight: 3,
    });
    expect(target.listenerCount("SIGTERM")).toBe(0);
  });

  it("resolves 1 when the drain timed out", async () => {
    const { logger } = capture();
    const target = new EventEmitter();
    const code = stopOnSignals(fakePolling({ drained: false, abandoned: 2, ms: 30000 }), { logger, target });
    target.emit("SIGINT", "SIGINT");
    expect(await code).toBe(1);
  });

  it("resolves 1 when polling fails on its own", async () => {
    const { logger, entries } = capture();
    const target = new EventEmitter();
    const crash = Promise.reject(new Error("401 Unauthorized"));
    const code = await stopOnSignals(fakePolling({ drained: true, abandoned: 0, ms: 0 }, crash), {
      logger,
      target,
    });
    expect(code).toBe(1);
    expect(entries.at(-1)!.level).toBe("error");
  });

  it("ignores a repeat that arrives at once (npm/tsx forwarding one Ctrl-C)", async () => {
    const { logger } = capture();
    const target = new EventEmitter();
    let finishDrain: (r: StopResult) => void = () => {};
    const polling = fakePolling({ drained: true, abandoned: 0, ms: 0 });
    polling.stop = () => new Promise((r) => (finishDrain = r));
    const code = stopOnSignals(polling, { logger, target });
    target.emit("SIGINT", "SIGINT");
    target.emit("SIGINT", "SIGINT");
    finishDrain({ drained: true, abandoned: 0, ms: 1 });
    expect(await code).toBe(0);
  });

  it("quits at once on a later second signal", async () => {
    const { logger } = capture();
    const target = new EventEmitter();
    const polling = fakePolling({ drained: true, abandoned: 0, ms: 0 });
    polling.stop = () => new Promise(() => {}); // a drain that never ends
    const code = stopOnSignals(polling, { logger, target, forceAfterMs: 20 });
    target.emit("SIGTERM", "SIGTERM");
    await new Promise((r) => setTimeout(r, 30));
    target.emit("SIGINT", "SIGINT");
    expect(await code).toBe(1);
  });
});

describe("startPolling", () => {
  it("gives up on an unreachable Bot API with a BotStartError instead of waiting forever", async () => {
    const { logger } = capture();
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, "127.0.0.1", () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    const bot = new Bot("123456:" + "C".repeat(35), { client: { apiRoot: `http://127.0.0.1:${port}` } });
    const started = Date.now();
    await expect(startPolling(bot, { logger, initTimeoutMs: 300 })).rejects.toBeInstanceOf(BotStartError);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
