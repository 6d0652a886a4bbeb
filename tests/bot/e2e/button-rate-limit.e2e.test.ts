/**
 * Issue 12, item 10: 200 presses of a 原文 button in 2 s produced 200 messages, enough for
 * Telegram's 429s to delay other chats' answers. Presses are rate-limited like messages: at
 * most RATE_LIMIT_MAX excerpts per window; every press is still answered (toast), and another
 * chat's question is answered meanwhile.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { createAnswerService, type AnswerService } from "../../../src/answer/answer-service.js";
import { createBot } from "../../../src/bot/create-bot.js";
import { createLogger } from "../../../src/bot/log.js";
import { startPolling, type Polling } from "../../../src/bot/run-bot.js";
import { NOTICES } from "../../../src/bot/texts.js";
import { loadConfig } from "../../../src/config.js";
import { BotApiServer } from "../../support/bot-api-server.js";
import { pipelineConfig, pipelineEnv, waitFor } from "./harness.js";

let service: AnswerService;
let server: BotApiServer;
let polling: Polling;

beforeAll(async () => {
  service = await createAnswerService(pipelineConfig());
  server = await BotApiServer.start();
  const logger = createLogger({ level: "warn", write: () => {} });
  const config = loadConfig({
    ...pipelineEnv(),
    TELEGRAM_BOT_TOKEN: server.token,
    TELEGRAM_API_ROOT: server.apiRoot,
    RATE_LIMIT_MAX: "5",
    RATE_LIMIT_WINDOW_MS: "10000",
  });
  const bot = createBot({ service, config, logger, botInfo: server.botInfo });
  polling = await startPolling(bot, { logger, pollTimeoutSeconds: 1 });
}, 60_000);

afterAll(async () => {
  await polling?.stop();
  await server?.stop();
});

it("200 presses of a 原文 button give at most 5 excerpts, every press answered, other chats served", async () => {
  const ana = server.user({ id: 501 });
  server.sendText(ana, "2023年铁东区社零总额是多少");
  await waitFor(
    () => (server.messages(ana.id).length === 1 ? true : undefined),
    15_000,
    () => "no answer",
  );
  const answer = server.messages(ana.id)[0]!;
  const button = answer.reply_markup!.inline_keyboard.flat()[0]! as { callback_data: string };
  const mark = server.mark();
  const presses = Array.from({ length: 200 }, () => server.pressButton(ana, answer, button.callback_data));
  const bob = server.user({ id: 502 });
  server.sendText(bob, "2022年铁东区实名制就业人数是多少");

  await waitFor(
    () => (server.callsTo("answerCallbackQuery").filter((c) => c.ok).length >= 200 ? true : undefined),
    20_000,
    () => `${server.callsTo("answerCallbackQuery").length} presses answered`,
  );
  await waitFor(
    () => (server.messages(bob.id).length === 1 ? true : undefined),
    15_000,
    () => "bob unanswered",
  );
  await new Promise((r) => setTimeout(r, 300));
  const excerpts = server.messages(ana.id).slice(1);
  expect(excerpts).toHaveLength(5);
  for (const e of excerpts) expect(e.text).toContain("140.1亿元");
  const answered = server.callsTo("answerCallbackQuery").filter((c) => c.ok);
  expect(new Set(answered.map((c) => String(c.params.callback_query_id)))).toEqual(
    new Set(presses.map((p) => p.id)),
  );
  expect(answered.filter((c) => c.params.text === NOTICES.buttonRateLimited)).toHaveLength(195);
  expect(server.calls.slice(mark).filter((c) => c.method === "sendMessage" && c.ok)).toHaveLength(6);
  expect(server.messages(bob.id)[0]!.text).toContain("10597人");
}, 60_000);
