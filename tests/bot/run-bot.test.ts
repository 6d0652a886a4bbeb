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

const guardOptions = (pauseMs: number) => ({
  pauseMs,
  retryBaseMs: 5,
  retryCapMs: 20,
  requestTimeoutMs: 1000,
});

describe("pollingGuard", () => {
  it("pauses before the next getUpdates after an immediate empty answer", async () => {
    const { logger } = capture();
    const guard = pollingGuard(logger, guardOptions(80));
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
    const guard = pollingGuard(logger, guardOptions(500));
    const started = Date.now();
    const updates = (async () => ({ ok: true, result: [{ update_id: 1 }] })) as unknown as Prev;
    await guard(updates, "getUpdates", { offset: 0 });
    await guard(updates, "getUpdates", { offset: 0 });
    await guard(updates, "getMe", {});
    expect(Date.now() - started).toBeLessThan(100);
  });

  it("retries a failed getUpdates itself, logging the outage once (token redacted) and the recovery", async () => {
    const { logger, entries } = capture();
    const guard = pollingGuard(logger, guardOptions(0));
    let calls = 0;
    const flaky = (async () => {
      if (++calls <= 3) {
        throw new Error("request to http://127.0.0.1/bot123456:" + "B".repeat(35) + "/getUpdates failed");
      }
      return { ok: true, result: [{ update_id: 1 }] };
    }) as unknown as Prev;
    const result = await guard(flaky, "getUpdates", { offset: 0 });
    expect(result).toEqual({ ok: true, result: [{ update_id: 1 }] });
    expect(calls).toBe(4);
    const warned = entries.filter((e) => e.level === "warn");
    expect(warned.map((e) => e.msg)).toEqual(["Bot API unreachable; retrying getUpdates"]);
    expect(warned[0]!.message).toBe("request to http://127.0.0.1/bot<redacted>/getUpdates failed");
    expect(entries.find((e) => e.msg === "Bot API reachable again")).toMatchObject({ failures: 3 });
  });

  it("caps the wait between retries (issue 12, item 4: it doubled without a bound)", async () => {
    const { logger } = capture();
    const guard = pollingGuard(logger, {
      pauseMs: 0,
      retryBaseMs: 5,
      retryCapMs: 40,
      requestTimeoutMs: 1000,
    });
    const at: number[] = [];
    const down = (async () => {
      at.push(Date.now());
      if (at.length < 12) return { ok: false, error_code: 502, description: "Bad Gateway" };
      return { ok: true, result: [] };
    }) as unknown as Prev;
    await guard(down, "getUpdates", { offset: 0 });
    const gaps = at.slice(1).map((t, i) => t - at[i]!);
    // 5, 10, 20, 40, 40, …: uncapped doubling would reach 5 · 2^10 ms.
    expect(Math.max(...gaps)).toBeLessThan(300);
    expect(gaps.slice(-3).every((g) => g >= 35)).toBe(true);
  });

  it("abandons a hung getUpdates after the request timeout and polls again", async () => {
    const { logger, entries } = capture();
    const guard = pollingGuard(logger, { pauseMs: 0, retryBaseMs: 5, retryCapMs: 40, requestTimeoutMs: 100 });
    let calls = 0;
    const hung = ((_m: string, _p: unknown, signal?: AbortSignal) => {
      calls++;
      if (calls > 1) return Promise.resolve({ ok: true, result: [] });
      return new Promise((_r, reject) =>
        signal?.addEventListener("abort", () => reject(new Error("aborted"))),
      );
    }) as unknown as Prev;
    const started = Date.now();
    await guard(hung, "getUpdates", { offset: 0 });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(calls).toBe(2);
    expect(entries.find((e) => e.level === "warn")).toMatchObject({ error: "timeout" });
  });

  it("rethrows without logging when polling is being stopped (aborted)", async () => {
    const { logger, entries } = capture();
    const guard = pollingGuard(logger, guardOptions(0));
    const failing = (async () => {
      throw new Error("aborted");
    }) as unknown as Prev;
    const controller = new AbortController();
    controller.abort();
    const signal = controller.signal as unknown as Parameters<typeof guard>[3];
    await expect(guard(failing, "getUpdates", { offset: 0 }, signal)).rejects.toThrow();
    expect(entries).toHaveLength(0);
  });

  it("hands refusals (401, 409) back to the runner", async () => {
    const { logger } = capture();
    const guard = pollingGuard(logger, guardOptions(0));
    const conflict = (async () => ({
      ok: false,
      error_code: 409,
      description: "Conflict",
    })) as unknown as Prev;
    expect(await guard(conflict, "getUpdates", { offset: 0 })).toMatchObject({ error_code: 409 });
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
    const polling = fakePolling({ drained: true, abandoned: 0, undelivered: 0, ms: 5 });
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
    const code = stopOnSignals(fakePolling({ drained: false, abandoned: 2, undelivered: 0, ms: 30000 }), {
      logger,
      target,
    });
    target.emit("SIGINT", "SIGINT");
    expect(await code).toBe(1);
  });

  it("resolves 1 when polling fails on its own", async () => {
    const { logger, entries } = capture();
    const target = new EventEmitter();
    const crash = Promise.reject(new Error("401 Unauthorized"));
    const code = await stopOnSignals(
      fakePolling({ drained: true, abandoned: 0, undelivered: 0, ms: 0 }, crash),
      {
        logger,
        target,
      },
    );
    expect(code).toBe(1);
    expect(entries.at(-1)!.level).toBe("error");
  });

  it("ignores a repeat that arrives at once (npm/tsx forwarding one Ctrl-C)", async () => {
    const { logger } = capture();
    const target = new EventEmitter();
    let finishDrain: (r: StopResult) => void = () => {};
    const polling = fakePolling({ drained: true, abandoned: 0, undelivered: 0, ms: 0 });
    polling.stop = () => new Promise((r) => (finishDrain = r));
    const code = stopOnSignals(polling, { logger, target });
    target.emit("SIGINT", "SIGINT");
    target.emit("SIGINT", "SIGINT");
    finishDrain({ drained: true, abandoned: 0, undelivered: 0, ms: 1 });
    expect(await code).toBe(0);
  });

  it("quits at once on a later second signal", async () => {
    const { logger } = capture();
    const target = new EventEmitter();
    const polling = fakePolling({ drained: true, abandoned: 0, undelivered: 0, ms: 0 });
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
