/**
 * (e) SIGTERM during load: `tsx src/bot/main.ts` runs against the emulator, 20 chats send 5
 * questions each, SIGTERM arrives as soon as the bot has received updates. Every update the bot
 * received must be answered, and the process must exit 0.
 */
import { afterEach, expect, it } from "vitest";
import type { TelegramServer } from "telegram-test-api/lib/telegramServer.js";
import { childEnv, startMain, type MainProcess } from "./child.js";
import { repliesIn, sendLoad, startEmulator, TEST_TOKEN, UserChat } from "./harness.js";

let server: TelegramServer | undefined;
let main: MainProcess | undefined;

afterEach(async () => {
  if (main && main.child.exitCode === null) main.child.kill("SIGKILL");
  await server?.stop();
});

it("finishes the answers in flight and exits 0 on SIGTERM", async () => {
  const emulator = await startEmulator();
  server = emulator.server;
  main = startMain(
    childEnv({
      TELEGRAM_BOT_TOKEN: TEST_TOKEN,
      TELEGRAM_API_ROOT: emulator.apiRoot,
      LOG_LEVEL: "debug",
      RATE_LIMIT_MAX: "1000",
    }),
  );
  const started = performance.now();
  await main.waitForLog((e) => e.msg === "polling started", 30_000);
  const ready = performance.now();

  const chats = Array.from({ length: 20 }, (_, i) => new UserChat(emulator.server, 9000 + i, 9000 + i));
  const sending = sendLoad(chats);
  await main.waitForLog((e) => e.msg === "update received", 30_000);
  const repliesAtSignal = emulator.server.storage.botMessages.length;
  main.child.kill("SIGTERM");
  const signalled = performance.now();
  const exit = await main.exited;
  await sending;
  console.log(
    `shutdown: ready after ${Math.round(ready - started)} ms; exit ${Math.round(performance.now() - signalled)} ms ` +
      `after SIGTERM; ${repliesAtSignal} replies before it, ${emulator.server.storage.botMessages.length} in all`,
  );

  expect(exit).toEqual({ code: 0, signal: null });
  const logs = main.logs();
  const received = logs.filter((e) => e.msg === "update received");
  expect(received.length).toBeGreaterThan(0);
  for (const update of received) {
    const replies = repliesIn(emulator.server, update.chatId as number);
    expect(
      replies.some((r) => r.replyTo === update.messageId),
      `reply to message ${String(update.messageId)} in chat ${String(update.chatId)}`,
    ).toBe(true);
  }
  expect(emulator.server.storage.botMessages.length).toBeGreaterThan(repliesAtSignal); // some were in flight
  expect(logs.find((e) => e.msg.startsWith("stopping"))).toMatchObject({ signal: "SIGTERM" });
  expect(logs.some((e) => e.msg === "stopped cleanly")).toBe(true);
  expect(logs.filter((e) => e.level === "error")).toEqual([]);
  expect(main.stderr() + main.stdout()).not.toContain(TEST_TOKEN);
});
