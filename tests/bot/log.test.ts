import { GrammyError, HttpError } from "grammy";
import { describe, expect, it } from "vitest";
import { createLogger, describeError, redact, type LogEntry } from "../../src/bot/log.js";

const TOKEN = "123456:" + "A".repeat(35);

describe("redact", () => {
  it("hides configured secrets and any token-shaped string, also inside URLs", () => {
    expect(redact(`url http://x/bot${TOKEN}/getUpdates`)).toBe("url http://x/bot<redacted>/getUpdates");
    expect(redact("secret=abc", ["abc"])).toBe("secret=<redacted>");
    expect(redact("no secret here", [undefined])).toBe("no secret here");
  });
});

describe("createLogger", () => {
  it("drops entries below the level and redacts what it writes", () => {
    const lines: string[] = [];
    const entries: LogEntry[] = [];
    const logger = createLogger({
      level: "info",
      secrets: [TOKEN],
      write: (line, entry) => {
        lines.push(line);
        entries.push(entry);
      },
    });
    logger.debug("hidden");
    logger.info("calling", { url: `https://api.telegram.org/bot${TOKEN}/getMe` });
    logger.error("failed", { chatId: 5 });
    expect(entries.map((e) => [e.level, e.msg])).toEqual([
      ["info", "calling"],
      ["error", "failed"],
    ]);
    expect(entries[0]!.url).toBe("https://api.telegram.org/bot<redacted>/getMe");
    expect(lines.join("\n")).not.toContain(TOKEN);
  });
});

describe("describeError", () => {
  it("keeps grammY's error code, description and method, not the payload", () => {
    const err = new GrammyError(
      "Call to 'sendMessage' failed!",
      { ok: false, error_code: 400, description: "Bad Request: can't parse entities" },
      "sendMessage",
      { chat_id: 1, text: "secret question" },
    );
    const fields = describeError(err);
    expect(fields).toMatchObject({
      error: "GrammyError",
      errorCode: 400,
      description: "Bad Request: can't parse entities",
      method: "sendMessage",
    });
    expect(JSON.stringify(fields)).not.toContain("secret question");
  });

  it("follows the cause of a network error", () => {
    const err = new HttpError("Network request for 'getUpdates' failed!", new Error(`connect ECONNREFUSED`));
    expect(describeError(err)).toMatchObject({
      error: "HttpError",
      cause: { error: "Error", message: "connect ECONNREFUSED" },
    });
    expect(describeError("plain")).toEqual({ error: "plain" });
  });
});
