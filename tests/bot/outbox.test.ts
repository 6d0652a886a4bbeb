import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GrammyError, HttpError } from "grammy";
import { describe, expect, it } from "vitest";
import { createLogger, type LogEntry } from "../../src/bot/log.js";
import { Outbox, OutboxFileError, UNDELIVERED_APOLOGY, type SendMessage } from "../../src/bot/outbox.js";

function capture() {
  const entries: LogEntry[] = [];
  return { entries, logger: createLogger({ level: "debug", write: (_l, e) => entries.push(e) }) };
}

const grammyError = (code: number, description: string, parameters = {}) =>
  new GrammyError(
    `Call to 'sendMessage' failed! (${code}: ${description})`,
    { ok: false, error_code: code, description, parameters },
    "sendMessage",
    {},
  );

const tempFile = () => join(mkdtempSync(join(tmpdir(), "outbox-test-")), "outbox.json");
const settle = (ms = 50) => new Promise((r) => setTimeout(r, ms));

/** A sender that records successful sends and fails according to `fail(call number)`. */
function recorder(fail: (n: number, text: string) => unknown = () => undefined) {
  const sent: Array<{ chat_id: number; text: string }> = [];
  let n = 0;
  const send: SendMessage = async (params) => {
    const error = fail(++n, params.text);
    if (error) throw error;
    sent.push({ chat_id: params.chat_id, text: params.text });
  };
  return { sent, send };
}

describe("Outbox", () => {
  it("persists a reply before returning, and removes it once delivered", async () => {
    const file = tempFile();
    let release: () => void = () => {};
    const send: SendMessage = () => new Promise<void>((r) => (release = r));
    const outbox = new Outbox({ send, logger: capture().logger, file });
    await outbox.enqueue(1, [{ text: "a" }, { text: "b" }]);
    const stored = JSON.parse(readFileSync(file, "utf8")) as {
      version: number;
      items: Array<{ message: { text: string } }>;
    };
    expect(stored.version).toBe(1);
    expect(stored.items.map((i) => i.message.text)).toEqual(["a", "b"]);
    release();
    await settle();
    release();
    await settle();
    expect(JSON.parse(readFileSync(file, "utf8")).items).toEqual([]);
    expect(readdirSync(join(file, ".."))).toEqual(["outbox.json"]); // no temp files left
    await outbox.close();
  });

  it("delivers in order per chat while chats go concurrently", async () => {
    const { sent, send } = recorder((n) =>
      n <= 2 ? new HttpError("network down", new Error("ECONNRESET")) : undefined,
    );
    const outbox = new Outbox({ send, logger: capture().logger, retryBaseMs: 5 });
    outbox.enqueue(1, [{ text: "1a" }, { text: "1b" }]);
    outbox.enqueue(2, [{ text: "2a" }]);
    outbox.enqueue(1, [{ text: "1c" }]);
    expect(await outbox.drain(2000)).toBe(0);
    expect(sent.filter((s) => s.chat_id === 1).map((s) => s.text)).toEqual(["1a", "1b", "1c"]);
    expect(sent.filter((s) => s.chat_id === 2).map((s) => s.text)).toEqual(["2a"]);
  });

  it("waits a 429's retry_after (scaled by timeScale)", async () => {
    const at: number[] = [];
    const send: SendMessage = async () => {
      at.push(Date.now());
      if (at.length === 1) throw grammyError(429, "Too Many Requests: retry after 10", { retry_after: 10 });
    };
    const outbox = new Outbox({ send, logger: capture().logger, timeScale: 0.02 });
    outbox.enqueue(1, [{ text: "a" }]);
    expect(await outbox.drain(3000)).toBe(0);
    expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(195);
  });

  it("replaces a reply refused as malformed (400) with an apology quoting the question", async () => {
    const { sent, send } = recorder((_n, text) =>
      text !== UNDELIVERED_APOLOGY ? grammyError(400, "Bad Request: can't parse entities") : undefined,
    );
    const outbox = new Outbox({ send, logger: capture().logger });
    outbox.enqueue(1, [{ text: "<b>part 1", reply_parameters: { message_id: 7 } }, { text: "part 2" }]);
    expect(await outbox.drain(1000)).toBe(0);
    expect(sent).toEqual([{ chat_id: 1, text: UNDELIVERED_APOLOGY }]);
  });

  it("drops a chat that blocked the bot (403) and goes on with others", async () => {
    const { entries, logger } = capture();
    const { sent, send } = recorder((_n, text) =>
      text.startsWith("blocked") ? grammyError(403, "Forbidden: bot was blocked by the user") : undefined,
    );
    const outbox = new Outbox({ send, logger });
    outbox.enqueue(1, [{ text: "blocked 1" }, { text: "blocked 2" }]);
    outbox.enqueue(2, [{ text: "fine" }]);
    expect(await outbox.drain(1000)).toBe(0);
    expect(sent.map((s) => s.text)).toEqual(["fine"]);
    expect(entries.some((e) => e.level === "warn" && e.chatId === 1)).toBe(true);
  });

  it("resumes what a previous process left in the file", async () => {
    const file = tempFile();
    const down = new Outbox({
      send: () => Promise.reject(new HttpError("down", new Error("x"))),
      logger: capture().logger,
      file,
    });
    await down.enqueue(3, [{ text: "x" }, { text: "y" }]);
    expect(await down.drain(50)).toBe(2);
    await down.close();
    const { sent, send } = recorder();
    const { entries, logger } = capture();
    const next = new Outbox({ send, logger, file });
    expect(await next.drain(1000)).toBe(0);
    expect(sent.map((s) => s.text)).toEqual(["x", "y"]);
    expect(entries.find((e) => e.msg === "outbox resumed")).toMatchObject({ pending: 2 });
  });

  it("refuses an unreadable file with a message naming it", () => {
    const file = tempFile();
    writeFileSync(file, "{ not json");
    expect(() => new Outbox({ send: async () => {}, logger: capture().logger, file })).toThrow(
      OutboxFileError,
    );
    expect(() => new Outbox({ send: async () => {}, logger: capture().logger, file })).toThrow(file);
  });
});
