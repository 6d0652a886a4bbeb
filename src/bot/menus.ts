/**
 * The "/" command menus, per scope (setMyCommands with `scope`): private chats get every
 * command; groups get the commands that work there under Telegram's privacy mode (commands
 * reach the bot, plain questions do not), without /start; the default scope (any other chat)
 * matches private chats. Inline mode (`@bot 问题`) needs no command.
 */
import type { BotCommand, BotCommandScope } from "grammy/types";
import { BOT_COMMANDS } from "./commands.js";

/** Commands added by the features (charts, exports, the catalogue), in menu order after /compare. */
export const FEATURE_COMMANDS: readonly BotCommand[] = [
  { command: "chart", description: "画图：上一条回答，或 /chart 加问题，例如 /chart 铁东区GDP" },
  { command: "export", description: "导出上一条回答或指定数据（CSV 或 Excel），例如 /export 铁东区 2023年" },
  { command: "catalog", description: "目录：有哪些地区、年份、文种的资料，各有哪些指标" },
];

/** The features' lines for /help in Telegram (the terminal chat cannot draw or send files). */
export const FEATURE_USAGE: readonly string[] = FEATURE_COMMANDS.map(
  (c) => `/${c.command} — ${c.description}`,
);

function menu(exclude: readonly string[]): BotCommand[] {
  const base = BOT_COMMANDS.map(({ command, description }) => ({ command, description }));
  const at = base.findIndex((c) => c.command === "compare") + 1;
  const all = [...base.slice(0, at), ...FEATURE_COMMANDS, ...base.slice(at)];
  return all.filter((c) => !exclude.includes(c.command));
}

/** The menu of each scope, in the order they are registered. */
export function commandMenus(): Array<{ scope: BotCommandScope; commands: BotCommand[] }> {
  return [
    { scope: { type: "default" }, commands: menu([]) },
    { scope: { type: "all_private_chats" }, commands: menu([]) },
    { scope: { type: "all_group_chats" }, commands: menu(["start"]) },
  ];
}
