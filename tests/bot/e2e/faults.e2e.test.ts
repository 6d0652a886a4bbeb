/**
 * Issue 12, items 2 and 4: network faults must not lose answers. The real grammY bot, runner
 * and answering pipeline run against the Bot API test server (tests/support/bot-api-server.ts)
 * on 127.0.0.1, which injects 500s, 502 HTML pages, 429 with retry_after, dropped connections,
 * an outage and a hung getUpdates. For every scenario: every accepted question is answered
 * exactly once, in order per chat (checked on the server's record of successful sendMessage
 * calls, by the message each reply quotes).
 *
 * Time: the outbox's waits are scaled by `timeScale` (0.05 here), so retry_after 60 is waited
 * as 3 s and retry_after 2 as 100 ms; the test checks the scaled wait was honoured. The outage
 * is real time: OUTAGE_MS (default 6 s; `FAULT_OUTAGE_MS=60000` runs the full minute), with
 * the production defaults for the polling retry cap, so the recovery bound is the real one.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Message } from "grammy/types";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { createAnswerService, type AnswerService } from "../../../src/answer/answer-service.js";
import { createBot, telegramSender } from "../../../src/bot/create-bot.js";
import { createLogger, type LogEntry } from "../../../src/bot/log.js";
import { Outbox, UNDELIVERED_APOLOGY } from "../../../src/bot/outbox.js";
import { startPolling, type Polling } from "../../../src/bot/run-bot.js";
import { loadConfig } from "../../../src/config.js";
import { BotApiServer, type RecordedCall } from "../../support/bot-api-server.js";
import { LOAD_QUESTIONS, pipelineConfig, pipelineEnv, waitFor } from "./harness.js";

const TIME_SCALE = 0.05;
const OUTAGE_MS = Number(process.env.FAULT_OUTAGE_MS ?? 6000);

let service: AnswerService;
let server: BotApiServer;
let running: Array<{ polling: Polling; outbox: Outbox }> = [];
let entries: LogEntry[] = [];
let nextUser = 100;

beforeAll(async () => {
  service = await createAnswerService(pipelineConfig());
}, 60_000);

afterEach(async () => {
  for (const { polling, outbox } of running) {
    await polling.stop();
    await outbox.close();
  }
  running = [];
  await server?.stop();
});

/** Starts the server (fresh) unless given, and a bot on it with an outbox in `file`. */
async function startBot(options: { file?: string; apologyAfterMs?: number } = {}) {
  const logger = createLogger({ level: "debug", write: (_l, e) => entries.push(e) });
  const config = loadConfig({
    ...pipelineEnv(),
    TELEGRAM_BOT_TOKEN: server.token,
    TELEGRAM_API_ROOT: server.apiRoot,
    RATE_LIMIT_MAX: "1000",
  });
  const outbox = new Outbox({
    send: telegramSender(config, 2),
    logger,
    file: options.file ?? join(mkdtempSync(join(tmpdir(), "outbox-")), "outbox.json"),
    timeScale: TIME_SCALE,
    ...(options.apologyAfterMs !== undefined ? { apologyAfterMs: options.apologyAfterMs } : {}),
  });
  const bot = createBot({ service, config, logger, outbox, botInfo: server.botInfo });
  const polling = await startPolling(bot, {
    logger,
    outbox,
    outboxDrainMs: 500,
    pollTimeoutSeconds: 1,
    requestTimeoutMs: 3000,
  });
  running.push({ polling, outbox });
  return { polling, outbox };
}

/** A user asking `count` questions (LOAD_QUESTIONS rotated) back to back in their chat. */
function ask(count: number) {
  const user = server.user({ id: nextUser++ });
  const questions = Array.from(
    { length: count },
    (_, k) => LOAD_QUESTIONS[(user.id + k) % LOAD_QUESTIONS.length]!,
  );
  const sent: Message[] = questions.map(([q]) => server.sendText(user, q));
  return { user, questions, sent };
}

/** The bot's delivered messages in a chat (successful sendMessage calls), oldest first. */
function delivered(chatId: number): RecordedCall[] {
  return server.callsTo("sendMessage").filter((c) => c.ok && Number(c.params.chat_id) === chatId);
}

const replyTo = (c: RecordedCall) =>
  (c.params.reply_parameters as { message_id?: number } | undefined)?.message_id;

/** Waits until every question of `asked` has its answer; checks exactly once, in order, figures. */
async function expectAnsweredOnceInOrder(asked: ReturnType<typeof ask>, ms = 20_000): Promise<void> {
  const chatId = asked.user.id;
  await waitFor(
    () => (delivered(chatId).length >= asked.sent.length ? true : undefined),
    ms,
    () => `chat ${chatId}: ${delivered(chatId).length}/${asked.sent.length} delivered`,
  );
  await new Promise((r) => setTimeout(r, 300)); // a duplicate would arrive now
  const replies = delivered(chatId);
  expect(replies.map(replyTo)).toEqual(asked.sent.map((m) => m.message_id));
  replies.forEach((reply, k) => expect(String(reply.params.text)).toContain(asked.questions[k]![1]));
}

const faultedSends = () => server.callsTo("sendMessage").filter((c) => c.fault).length;

describe("fault injection (issue 12, items 2 and 4)", () => {
  beforeAll(() => {
    entries = [];
  });

  it("500s on sendMessage: retried until delivered", async () => {
    server = await BotApiServer.start();
    await startBot();
    server.inject("sendMessage", { kind: "status", status: 500 }, { times: 6 });
    const chats = [ask(3), ask(3)];
    for (const chat of chats) await expectAnsweredOnceInOrder(chat);
    expect(faultedSends()).toBe(6);
  });

  it("502 with an HTML body from a proxy: retried until delivered", async () => {
    server = await BotApiServer.start();
    await startBot();
    server.inject("sendMessage", { kind: "bad-gateway" }, { times: 4 });
    server.inject("getUpdates", { kind: "bad-gateway" }, { times: 2 });
    const chats = [ask(3), ask(2)];
    for (const chat of chats) await expectAnsweredOnceInOrder(chat);
    expect(faultedSends()).toBe(4);
  });

  it.each([2, 60])(
    "429 with retry_after %i: waits as told (scaled), then delivers",
    async (seconds) => {
      server = await BotApiServer.start();
      await startBot();
      server.inject("sendMessage", { kind: "retry-after", seconds }, { times: 1 });
      const chat = ask(2);
      await expectAnsweredOnceInOrder(chat, 20_000);
      const calls = server.callsTo("sendMessage");
      const refused = calls.find((c) => c.fault)!;
      const retried = calls.find((c) => c.ok)!;
      expect(retried.at - refused.at).toBeGreaterThanOrEqual(seconds * 1000 * TIME_SCALE - 20);
    },
    30_000,
  );

  it("dropped connections on sendMessage and getUpdates: retried until delivered", async () => {
    server = await BotApiServer.start();
    await startBot();
    server.inject("sendMessage", { kind: "drop" }, { times: 4 });
    server.inject("getUpdates", { kind: "drop" }, { times: 3 });
    const chats = [ask(3), ask(3)];
    for (const chat of chats) await expectAnsweredOnceInOrder(chat);
  });

  it(
    `an outage of ${OUTAGE_MS / 1000} s: answered within 5 s of the API returning, outage and recovery logged`,
    async () => {
      server = await BotApiServer.start();
      await startBot();
      entries = [];
      const outage = server.outage(OUTAGE_MS);
      await new Promise((r) => setTimeout(r, 200));
      const chats = [ask(2), ask(2)];
      await outage;
      const back = Date.now();
      for (const chat of chats) await expectAnsweredOnceInOrder(chat, 10_000);
      const lastDelivery = Math.max(...chats.flatMap((c) => delivered(c.user.id).map((d) => d.at)));
      console.log(
        `outage ${OUTAGE_MS} ms: all answers delivered ${lastDelivery - back} ms after the API returned`,
      );
      expect(lastDelivery - back).toBeLessThanOrEqual(5000);
      expect(entries.some((e) => e.msg === "Bot API unreachable; retrying getUpdates")).toBe(true);
      expect(entries.find((e) => e.msg === "Bot API reachable again")?.downMs).toBeGreaterThan(
        OUTAGE_MS - 1000,
      );
    },
    OUTAGE_MS + 30_000,
  );

  it("a hung getUpdates is abandoned after the request timeout and polling goes on", async () => {
    server = await BotApiServer.start();
    await startBot();
    entries = [];
    server.inject("getUpdates", { kind: "hang" }, { times: 1 });
    await server.waitForCall("getUpdates", { where: (c) => c.fault !== undefined });
    const asked = Date.now();
    const chat = ask(2);
    await expectAnsweredOnceInOrder(chat, 10_000);
    expect(Math.max(...delivered(chat.user.id).map((d) => d.at)) - asked).toBeLessThan(6000);
    expect(entries.find((e) => e.msg === "Bot API unreachable; retrying getUpdates")).toMatchObject({
      error: "timeout",
    });
  });

  it("a restart while replies are pending: the next start delivers them, once and in order", async () => {
    server = await BotApiServer.start();
    const file = join(mkdtempSync(join(tmpdir(), "outbox-")), "outbox.json");
    const first = await startBot({ file });
    const failing = server.inject("sendMessage", { kind: "status", status: 500 });
    const chats = [ask(3), ask(2)];
    await waitFor(
      () => (first.outbox.pending >= 5 ? true : undefined),
      15_000,
      () => `${first.outbox.pending}`,
    );
    const stopped = await first.polling.stop();
    expect(stopped.undelivered).toBe(5);
    running = [];
    expect(delivered(chats[0]!.user.id)).toEqual([]);
    failing.remove();
    await startBot({ file });
    for (const chat of chats) await expectAnsweredOnceInOrder(chat);
  });

  it("a reply that cannot be delivered in time becomes an apology", async () => {
    server = await BotApiServer.start();
    await startBot({ apologyAfterMs: 300 });
    const failing = server.inject("sendMessage", { kind: "status", status: 500 });
    const chat = ask(1);
    await waitFor(
      () => (entries.some((e) => e.msg.startsWith("a reply could not be delivered")) ? true : undefined),
      15_000,
      () => "no apology decided",
    );
    failing.remove();
    await waitFor(
      () => (delivered(chat.user.id).length > 0 ? true : undefined),
      10_000,
      () => "nothing delivered",
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(delivered(chat.user.id).map((c) => [c.params.text, replyTo(c)])).toEqual([
      [UNDELIVERED_APOLOGY, chat.sent[0]!.message_id],
    ]);
  });
});
