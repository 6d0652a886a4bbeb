/**
 * `npm start`: loads the settings and the answering layer, then
 * - with TELEGRAM_BOT_TOKEN: runs the Telegram bot with long polling until SIGINT/SIGTERM;
 * - without: explains how to get a token and opens the terminal chat on stdin/stdout.
 *
 * The only module of the bot with process-level effects (signals, exit codes, stdio).
 * Exit codes: 0 clean stop or end of input, 1 runtime failure, 2 bad settings.
 */
import { createAnswerService } from "../answer/answer-service.js";
import { ConfigError, loadConfig, type AppConfig } from "../config.js";
import { AnswerStore } from "./answer-store.js";
import { Conversation } from "./conversation.js";
import { createBot } from "./create-bot.js";
import { createLogger, describeError, redact, type Logger } from "./log.js";
import { startPolling, stopOnSignals } from "./run-bot.js";
import { runTerminalChat } from "./terminal-chat.js";
import { NO_TOKEN_BANNER } from "./texts.js";

async function loadService(config: AppConfig, logger: Logger) {
  const started = performance.now();
  const service = await createAnswerService(config);
  logger.info("answer service ready", { ms: Math.round(performance.now() - started) });
  return service;
}

async function runTelegram(config: AppConfig, logger: Logger): Promise<number> {
  const service = await loadService(config, logger);
  const bot = createBot({ service, config, logger });
  const polling = await startPolling(bot, { logger });
  return stopOnSignals(polling, { logger });
}

async function runTerminal(config: AppConfig, logger: Logger): Promise<number> {
  process.stderr.write(NO_TOKEN_BANNER + "\n");
  const service = await loadService(config, logger);
  const conversation = new Conversation(service, new AnswerStore({ maxChats: 1 }), logger);
  return runTerminalChat({ conversation, input: process.stdin, output: process.stdout, logger });
}

async function main(): Promise<number> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`配置错误 / configuration error: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
  // In the terminal chat, info lines would interleave with the conversation: warn and above,
  // unless LOG_LEVEL=debug asks for everything.
  const level =
    config.telegramToken || config.logLevel === "debug" || config.logLevel === "error"
      ? config.logLevel
      : "warn";
  const logger = createLogger({ level, secrets: [config.telegramToken] });
  try {
    return config.telegramToken ? await runTelegram(config, logger) : await runTerminal(config, logger);
  } catch (err) {
    logger.error("fatal", describeError(err));
    return 1;
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    // Token-shaped strings are redacted even though the settings are unknown here.
    process.stderr.write(redact(`fatal: ${String(err)}`) + "\n");
    process.exit(1);
  },
);
