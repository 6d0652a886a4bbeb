/**
 * The bot's memory after start, for `npm run bench:public`: the real bot (`src/bot/main.ts`,
 * as `npm start` runs it) polls the project's local Bot API server (tests/support, the same
 * one the end-to-end tests use; Telegram itself cannot be reached here). Once it has started
 * polling its resident memory is read, one question is sent and its reply awaited (the bot
 * really answers), and the bot is stopped with SIGTERM.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PROJECT_ROOT } from "../config.js";
import { memoryOf, nodeArgs } from "./bench-process.js";

/** What {@link measureBot} found. */
export interface BotMeasure {
  /** Seconds from spawn to "polling started". */
  startSeconds: number;
  /** Resident memory once polling (MB) and the peak so far. */
  rssMb: number;
  peakMb: number;
  /** Seconds from sending the question to the bot's reply. */
  replySeconds: number;
  reply: string;
}

/** Starts the bot over the artefacts of `env`, measures it, stops it. */
export async function measureBot(env: Record<string, string>, question: string): Promise<BotMeasure> {
  const serverModule = "../../tests/support/bot-api-server.js";
  const { BotApiServer } = (await import(
    serverModule
  )) as typeof import("../../tests/support/bot-api-server.js");
  const server = await BotApiServer.start();
  const state = mkdtempSync(join(tmpdir(), "bench-bot-"));
  const started = performance.now();
  const bot = spawn(process.execPath, nodeArgs("src/bot/main.ts"), {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      ...env,
      TELEGRAM_BOT_TOKEN: server.token,
      TELEGRAM_API_ROOT: server.apiRoot,
      BOT_STATE_DIR: state,
      LOG_LEVEL: "info",
    },
  });
  let log = "";
  try {
    const startSeconds = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`the bot did not start polling:\n${log.slice(-3000)}`)),
        600_000,
      );
      bot.stderr.on("data", (chunk: Buffer) => {
        log += chunk.toString("utf8");
        if (log.includes("polling started")) {
          clearTimeout(timer);
          resolve((performance.now() - started) / 1000);
        }
      });
      bot.on("exit", (code) =>
        reject(new Error(`the bot exited (${code}) before polling:\n${log.slice(-3000)}`)),
      );
    });
    const memory = memoryOf(bot.pid!) ?? { rssMb: NaN, peakMb: NaN };
    const user = server.user({ id: 4242, first_name: "Bench" });
    const mark = server.mark();
    const asked = performance.now();
    server.sendText(user, question);
    const call = await server.waitForCall("sendMessage", { after: mark, timeoutMs: 120_000 });
    const replySeconds = (performance.now() - asked) / 1000;
    return {
      startSeconds,
      rssMb: memory.rssMb,
      peakMb: memory.peakMb,
      replySeconds,
      reply: String((call.params as { text?: unknown }).text ?? "").slice(0, 80),
    };
  } finally {
    const exited = new Promise((resolve) => bot.once("exit", resolve));
    if (bot.exitCode === null) bot.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 30_000))]);
    if (bot.exitCode === null) bot.kill("SIGKILL");
    await server.stop();
    rmSync(state, { recursive: true, force: true });
  }
}
