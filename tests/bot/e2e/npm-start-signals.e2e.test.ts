/**
 * Issue 12, item 1: SIGTERM to `npm start` orphaned the bot (npm and its `sh -c` exited at
 * once, node kept polling). These tests start the bot exactly as documented (`npm start`)
 * and check by PID that no process is left:
 * - SIGTERM to the npm pid with 20 questions in flight: all 20 answered, npm exits 0;
 * - npm killed outright (SIGKILL, nothing forwarded): the bot notices it was orphaned and
 *   stops cleanly by itself;
 * - SIGTERM to the terminal chat started by `npm start`: the question being answered is
 *   answered, exit 0.
 */
import { execFileSync } from "node:child_process";
import { afterEach, expect, it } from "vitest";
import type { TelegramServer } from "telegram-test-api/lib/telegramServer.js";
import { childEnv, startNpmStart, type MainProcess } from "./child.js";
import { repliesIn, startEmulator, TEST_TOKEN, UserChat, waitFor } from "./harness.js";

let server: TelegramServer | undefined;
let npm: MainProcess | undefined;
let tree: number[] = [];

/** The pids of a process and all its descendants. */
function processTree(root: number): number[] {
  const out = execFileSync("ps", ["-e", "-o", "pid=,ppid="], { encoding: "utf8" });
  const children = new Map<number, number[]>();
  for (const line of out.trim().split("\n")) {
    const [pid, ppid] = line.trim().split(/\s+/u).map(Number) as [number, number];
    children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  }
  const all = [root];
  for (let i = 0; i < all.length; i++) all.push(...(children.get(all[i]!) ?? []));
  return all;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

afterEach(async () => {
  for (const pid of tree) if (alive(pid)) process.kill(pid, "SIGKILL");
  tree = [];
  await server?.stop();
  server = undefined;
});

async function startBot(): Promise<{ npm: MainProcess; chats: UserChat[] }> {
  const emulator = await startEmulator();
  server = emulator.server;
  npm = startNpmStart(
    childEnv({
      TELEGRAM_BOT_TOKEN: TEST_TOKEN,
      TELEGRAM_API_ROOT: emulator.apiRoot,
      LOG_LEVEL: "debug",
      RATE_LIMIT_MAX: "1000",
    }),
  );
  await npm.waitForLog((e) => e.msg === "polling started", 60_000);
  tree = processTree(npm.child.pid!);
  const chats = Array.from({ length: 20 }, (_, i) => new UserChat(emulator.server, 7000 + i, 7000 + i));
  return { npm, chats };
}

it("SIGTERM to npm start with 20 questions in flight: all answered, exit 0, no process left", async () => {
  const { npm, chats } = await startBot();
  expect(tree.length).toBeGreaterThanOrEqual(2); // npm and the bot's node
  await Promise.all(chats.map((c) => c.say("2023年铁东区社零总额是多少")));
  const received = () => npm.logs().filter((e) => e.msg === "update received").length;
  await waitFor(
    () => (received() >= 20 ? true : undefined),
    30_000,
    () => `${received()} received`,
  );
  const answeredAtSignal = server!.storage.botMessages.length;
  process.kill(npm.child.pid!, "SIGTERM");
  const exit = await npm.exited;
  expect(exit).toEqual({ code: 0, signal: null });
  expect(answeredAtSignal).toBeLessThan(20); // some were still in flight
  for (const chat of chats) {
    const replies = repliesIn(server!, chat.chatId);
    expect(
      replies.map((r) => r.text.includes("140.1亿元")),
      `chat ${chat.chatId}`,
    ).toEqual([true]);
  }
  await waitFor(
    () => (tree.some(alive) ? undefined : true),
    5_000,
    () => `alive: ${tree.filter(alive)}`,
  );
  expect(npm.logs().some((e) => e.msg === "stopped cleanly")).toBe(true);
}, 120_000);

it("a bot whose npm is killed outright stops by itself", async () => {
  const { npm } = await startBot();
  process.kill(npm.child.pid!, "SIGKILL");
  await waitFor(
    () => (tree.some(alive) ? undefined : true),
    10_000,
    () => `alive: ${tree.filter(alive)}`,
  );
  const logs = npm.logs();
  expect(logs.some((e) => e.msg === "the parent process is gone; stopping")).toBe(true);
  expect(logs.some((e) => e.msg === "stopped cleanly")).toBe(true);
}, 120_000);

it("SIGTERM to the terminal chat under npm start answers the question in hand and exits 0", async () => {
  const chat = startNpmStart(childEnv({}), null);
  npm = chat;
  chat.child.stdin!.write("2023年铁东区社零总额是多少\n");
  await waitFor(
    () => (chat.stdout().includes("问：2023年铁东区社零总额是多少") ? true : undefined),
    60_000,
    chat.stderr,
  );
  tree = processTree(chat.child.pid!);
  process.kill(chat.child.pid!, "SIGTERM");
  const exit = await chat.exited;
  expect(exit).toEqual({ code: 0, signal: null });
  expect(chat.stdout()).toContain("140.1亿元");
  await waitFor(
    () => (tree.some(alive) ? undefined : true),
    5_000,
    () => `alive: ${tree.filter(alive)}`,
  );
}, 120_000);
