/**
 * The terminal chat's line handling with piped (non-TTY) input and a stub service. The e2e
 * test terminal-mode.e2e.test.ts runs `npm start`'s entry point with the real pipeline.
 */
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { AnswerStore } from "../../src/bot/answer-store.js";
import { Conversation } from "../../src/bot/conversation.js";
import { createLogger } from "../../src/bot/log.js";
import { runTerminalChat } from "../../src/bot/terminal-chat.js";
import { makeAnswer, stubService } from "./fixtures.js";

const logger = createLogger({ level: "error", write: () => {} });

async function chat(input: string, service = stubService({ "2023年铁东区社零总额是多少": makeAnswer() })) {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  let out = "";
  stdout.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
  const conversation = new Conversation(service, new AnswerStore(), logger);
  const done = runTerminalChat({ conversation, input: stdin, output: stdout, logger });
  stdin.end(input);
  const code = await done;
  return { code, out, asked: service.asked };
}

describe("runTerminalChat (piped input)", () => {
  it("answers each line in order and ends at EOF with code 0", async () => {
    const { code, out, asked } = await chat("2023年铁东区社零总额是多少\n\n/cite\n/sources\n/help\n/foo\n");
    expect(code).toBe(0);
    expect(asked).toEqual(["2023年铁东区社零总额是多少"]);
    const order = [
      "问：2023年铁东区社零总额是多少",
      "140.1亿元",
      "问：/cite",
      "【140.1亿元】",
      "问：/sources",
      "资料来源（共 2 份）",
      "问：/help",
      "示例问题：",
      "问：/foo",
      "没有 /foo 这个命令",
    ];
    let at = -1;
    for (const piece of order) {
      const next = out.indexOf(piece, at + 1);
      expect(next, `"${piece}" after position ${at}`).toBeGreaterThan(at);
      at = next;
    }
    expect(out).not.toContain("<b>");
  });

  it("stops at /quit without reading further lines", async () => {
    const { code, asked } = await chat("/quit\n2023年铁东区社零总额是多少\n");
    expect(code).toBe(0);
    expect(asked).toEqual([]);
  });

  it("answers a failing question with an apology and goes on", async () => {
    const service = stubService();
    service.ask = async () => {
      throw new Error("index missing");
    };
    const { code, out } = await chat("第一个问题\n/help\n", service);
    expect(code).toBe(0);
    expect(out).toContain("抱歉，处理这条消息时出了问题");
    expect(out).toContain("示例问题：");
    expect(out).not.toContain("index missing");
  });
});
