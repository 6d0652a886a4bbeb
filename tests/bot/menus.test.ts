/** Command menus per scope, registered through the real grammY client on the Bot API test server. */
import { Bot } from "grammy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/bot/log.js";
import { commandMenus } from "../../src/bot/menus.js";
import { registerCommands } from "../../src/bot/run-bot.js";
import { BotApiServer } from "../support/bot-api-server.js";

let server: BotApiServer;
beforeAll(async () => {
  server = await BotApiServer.start();
});
afterAll(async () => {
  await server.stop();
});

const names = (list: unknown[] | undefined) =>
  (list as Array<{ command: string }> | undefined)?.map((c) => c.command);

describe("command menus", () => {
  it("private chats get every command, groups all but /start; default matches private", async () => {
    const bot = new Bot(server.token, { client: { apiRoot: server.apiRoot }, botInfo: server.botInfo });
    const logger = createLogger({ level: "error", write: () => {} });
    expect(await registerCommands(bot, logger)).toBe(true);
    const all = ["help", "cite", "compare", "chart", "export", "catalog", "sources", "region", "start"];
    expect(names(server.commands({ type: "all_private_chats" }))).toEqual(all);
    expect(names(server.commands({ type: "all_group_chats" }))).toEqual(all.filter((c) => c !== "start"));
    expect(names(server.commands())).toEqual(all);
    expect(server.callsTo("setMyCommands").map((c) => c.ok)).toEqual([true, true, true]);
  });

  it("every description fits Telegram's limits", () => {
    for (const { commands } of commandMenus())
      for (const c of commands) expect(c.description.length).toBeLessThanOrEqual(256);
  });
});
