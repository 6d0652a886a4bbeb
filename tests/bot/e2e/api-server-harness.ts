/**
 * End-to-end harness on our own Bot API test server (tests/support/bot-api-server.ts): the real
 * grammY bot (createBot + startPolling with the runner) and the real answering pipeline, with
 * every bot call recorded (sendPhoto, sendDocument, answerInlineQuery included).
 */
import type { Message, User } from "grammy/types";
import type { AnswerService } from "../../../src/answer/answer-service.js";
import { createBot } from "../../../src/bot/create-bot.js";
import { startPolling, type Polling } from "../../../src/bot/run-bot.js";
import { loadConfig } from "../../../src/config.js";
import { BotApiServer, type RecordedCall } from "../../support/bot-api-server.js";
import { captureLogger, pipelineEnv, TEST_TOKEN } from "./harness.js";
import type { LogEntry } from "../../../src/bot/log.js";

/** A running bot on a running Bot API test server. */
export interface BotOnApiServer {
  server: BotApiServer;
  polling: Polling;
  entries: LogEntry[];
  /** Sends `text` from `user` (a command when it starts with "/") and waits for the bot's next call of `method`. */
  exchange(user: User, text: string, method?: string): Promise<RecordedCall>;
  stop(): Promise<void>;
}

/** Starts the server and the bot (RATE_LIMIT_MAX 1000 unless `env` says otherwise). */
export async function startBotOnApiServer(
  service: AnswerService,
  env: Record<string, string> = {},
): Promise<BotOnApiServer> {
  const server = await BotApiServer.start({ token: TEST_TOKEN, bot: { username: "anshan_test_bot" } });
  const config = loadConfig({
    ...pipelineEnv(),
    TELEGRAM_BOT_TOKEN: TEST_TOKEN,
    TELEGRAM_API_ROOT: server.apiRoot,
    RATE_LIMIT_MAX: "1000",
    LOG_LEVEL: "debug",
    ...env,
  });
  const { logger, entries } = captureLogger();
  const bot = createBot({ service, config, logger });
  const polling = await startPolling(bot, { logger });
  return {
    server,
    polling,
    entries,
    async exchange(user, text, method = "sendMessage") {
      const mark = server.mark();
      const sent: Message = text.startsWith("/")
        ? server.sendCommand(user, text)
        : server.sendText(user, text);
      return server.waitForCall(method, {
        after: mark,
        where: (c) => c.ok && Number(c.params.chat_id) === sent.chat.id,
      });
    },
    async stop() {
      await polling.stop();
      await server.stop();
    },
  };
}
