/**
 * Runs `node --import tsx src/bot/main.ts` (what `npm start` runs) as a child process and reads
 * its JSON log lines from stderr. Used by the shutdown and terminal-mode tests.
 *
 * Not the tsx CLI: it relays SIGTERM to its child and, when the child has not acknowledged it
 * within 30 ms (easily missed on a loaded machine while an answer is being computed), kills
 * it with SIGKILL and exits 143, which made the shutdown test fail under load.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { resolve } from "node:path";
import type { LogEntry } from "../../../src/bot/log.js";
import { waitFor } from "./harness.js";

export const PROJECT_ROOT = resolve(import.meta.dirname, "../../..");

/** Settings the bot reads; removed from the inherited environment so tests set them explicitly. */
const BOT_VARS = [
  "TELEGRAM_BOT_TOKEN",
  "TELEGRAM_API_ROOT",
  "ALLOWED_CHAT_IDS",
  "RATE_LIMIT_MAX",
  "RATE_LIMIT_WINDOW_MS",
  "TELEGRAM_MAX_RETRIES",
  "LOG_LEVEL",
];

/** The test's environment (PATH, pipeline folders) without bot settings, plus `extra`. */
export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of BOT_VARS) delete env[name];
  return { ...env, ...extra };
}

/** A running `main.ts`. */
export interface MainProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** The JSON log entries written so far. */
  logs(): LogEntry[];
  waitForLog(match: (entry: LogEntry) => boolean, ms: number): Promise<LogEntry>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Spawns main.ts; `input` is written to its stdin, which is then closed. */
export function startMain(env: NodeJS.ProcessEnv, input?: string): MainProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "src/bot/main.ts"], {
    cwd: PROJECT_ROOT,
    env,
    stdio: ["pipe", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout!.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
  child.stderr!.on("data", (chunk: Buffer) => (err += chunk.toString("utf8")));
  child.stdin!.end(input ?? "");
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  const logs = () =>
    err
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .flatMap((line) => {
        try {
          return [JSON.parse(line) as LogEntry];
        } catch {
          return []; // a line still being written
        }
      });
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    logs,
    waitForLog: (match, ms) =>
      waitFor(
        () => {
          if (child.exitCode !== null) throw new Error(`main.ts exited (${child.exitCode}): ${err}`);
          return logs().find(match);
        },
        ms,
        () => `log entry not seen; stderr so far:\n${err}`,
      ),
    exited,
  };
}
