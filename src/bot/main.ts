/**
 * `npm start`: loads the settings and the answering layer, then
 * - with TELEGRAM_BOT_TOKEN: runs the Telegram bot with long polling until SIGINT/SIGTERM;
 * - without: explains how to get a token and opens the terminal chat on stdin/stdout.
 *
 * The only module of the bot with process-level effects (signals, exit codes, stdio).
 * Exit codes: 0 clean stop or end of input, 1 runtime failure, 2 bad settings.
 */
import { createAnswerService, type AnswerService } from "../answer/answer-service.js";
import { createLiveAnswerService } from "../answer/live-answer-service.js";
import { ConfigError, loadConfig, type AppConfig } from "../config.js";
import { GrammyError, HttpError } from "grammy";
import { AnswerStore } from "./answer-store.js";
import { Conversation } from "./conversation.js";
import { createBot, telegramSender } from "./create-bot.js";
import { corpusIntake } from "./document-intake.js";
import { createLogger, describeError, redact, type Logger } from "./log.js";
import { Outbox } from "./outbox.js";
import { watchParent } from "./parent-watch.js";
import { BotStartError, startPolling, stopOnSignals } from "./run-bot.js";
import { runTerminalChat } from "./terminal-chat.js";
import { NO_TOKEN_BANNER } from "./texts.js";

/**
 * Asked once before serving: the first answers of a fresh process take 10–30 ms of CPU (code
 * paths and the model warming up), later ones 0–3 ms. Warming up keeps the first users' answers
 * fast and every later block of the event loop short (see serial-queue.ts).
 */
const WARM_UP_QUESTIONS = ["对比铁东区2022和2023年的GDP", "立山区2024年上半年地区生产总值是多少"];

async function loadService(config: AppConfig, logger: Logger): Promise<AnswerService> {
  const service = await createAnswerService(config);
  await warmUp(service, logger);
  return service;
}

async function warmUp(service: AnswerService, logger: Logger): Promise<void> {
  const loaded = performance.now();
  for (const question of WARM_UP_QUESTIONS) {
    try {
      await service.ask(question);
    } catch (err) {
      logger.warn("warm-up question failed; serving anyway", { question, ...describeError(err) });
    }
  }
  logger.info("answer service ready", { warmUpMs: Math.round(performance.now() - loaded) });
}

async function runTelegram(config: AppConfig, logger: Logger): Promise<number> {
  const service = await createLiveAnswerService(config, {
    log: (msg, fields) => logger.info(msg, fields),
  });
  await warmUp(service, logger);
  // Admins reach the bot even where an allow-list is set.
  const allowedChatIds = config.allowedChatIds && [...config.allowedChatIds, ...config.adminChatIds];
  const documents = corpusIntake(config, service, logger);
  // Replies are kept on disk until Telegram confirms them, and resumed after a restart.
  const outbox = new Outbox({ send: telegramSender(config), logger, file: config.outboxFile });
  const bot = createBot({ service, config: { ...config, allowedChatIds }, logger, outbox, documents });
  const polling = await startPolling(bot, { logger, outbox });
  return stopOnSignals(polling, { logger });
}

async function runTerminal(config: AppConfig, logger: Logger): Promise<number> {
  process.stderr.write(NO_TOKEN_BANNER + "\n");
  const service = await loadService(config, logger);
  const conversation = new Conversation(service, new AnswerStore({ maxChats: 1 }), logger);
  // SIGTERM/SIGINT end the chat after the question being answered, like end of input.
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once("SIGTERM", onSignal).once("SIGINT", onSignal);
  return runTerminalChat({
    conversation,
    input: process.stdin,
    output: process.stdout,
    logger,
    signal: stop.signal,
  });
}

/**
 * A one-line explanation for failures a person can fix, printed besides the JSON log entry;
 * null for anything else (a bug: the log entry has the details).
 */
export function explainFatal(err: unknown, config: AppConfig): string | null {
  if (!(err instanceof Error)) return null;
  if (err.name === "ArtefactError" || err.name === "EmbeddingModelError" || err.name === "OutboxFileError") {
    return `启动失败：${err.message}`;
  }
  if (err instanceof GrammyError && err.error_code === 401) {
    return "启动失败：Telegram 拒绝了这个令牌（401）。请在 @BotFather 核对 TELEGRAM_BOT_TOKEN。";
  }
  if (err instanceof HttpError || err instanceof BotStartError) {
    return `启动失败：连不上 Telegram Bot API（${config.telegramApiRoot ?? "https://api.telegram.org"}）。请检查网络或 TELEGRAM_API_ROOT。`;
  }
  return null;
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
  // If whatever started us dies without passing a signal on, stop as if it had sent SIGTERM.
  watchParent({
    onOrphaned: (formerParent) => {
      logger.warn("the parent process is gone; stopping", { formerParent });
      process.kill(process.pid, "SIGTERM");
    },
  });
  try {
    return config.telegramToken ? await runTelegram(config, logger) : await runTerminal(config, logger);
  } catch (err) {
    logger.error("fatal", describeError(err));
    const explanation = explainFatal(err, config);
    if (explanation) process.stderr.write(explanation + "\n");
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
