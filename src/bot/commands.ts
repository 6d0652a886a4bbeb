/**
 * The bot's commands, defined once: setMyCommands (Telegram's "/" menu), /help and the terminal
 * chat all read this list, so they cannot disagree. Also parses command text for the terminal
 * chat (in Telegram, grammY's `bot.command` does the parsing from message entities).
 */

/** A command as shown in Telegram's menu and in /help. */
export interface BotCommandSpec {
  /** Without the slash, lower case (Telegram's rule for setMyCommands). */
  command: "start" | "help" | "cite" | "compare" | "sources" | "region";
  /** Menu description (Telegram allows 1–256 characters). */
  description: string;
  /** Usage line for /help. */
  usage: string;
}

/** Every command the bot understands, in menu order. */
export const BOT_COMMANDS: readonly BotCommandSpec[] = [
  { command: "help", description: "使用说明和示例问题", usage: "/help — 显示本说明" },
  {
    command: "cite",
    description: "回答并附原文；单独发送则查看上一条回答的原文",
    usage: "/cite 问题 — 回答并附原文摘录；只发 /cite 查看上一条回答的原文，/cite 2 查看其第 2 条引用",
  },
  {
    command: "compare",
    description: "对比两个年份的指标，例如 /compare 社零总额 2022 2023",
    usage: "/compare 指标 年份 年份 — 对比两年的数字，例如 /compare 社零总额 2022 2023",
  },
  {
    command: "sources",
    description: "资料来源及数据质量说明",
    usage: "/sources — 列出资料来源、时期和数据质量说明",
  },
  {
    command: "region",
    description: "设置本会话的默认地区，例如 /region 铁东区",
    usage:
      "/region 地区 — 设置默认地区（问题未写地区时使用），例如 /region 铁东区；/region 查看，/region 清除 取消",
  },
  { command: "start", description: "开始使用", usage: "/start — 简介" },
];

/** A command typed as text, e.g. `/cite@AnshanBot 铁东区社零总额`. */
export interface ParsedCommand {
  /** Lower-cased name without slash or @bot suffix. */
  name: string;
  /** The rest of the text, trimmed ("" when none). */
  args: string;
  /** The `@username` suffix without `@`, when given. */
  target: string | null;
}

/**
 * Parses text that starts with `/` into a command; returns null for ordinary text.
 * Used by the terminal chat, which has no message entities.
 */
export function parseCommand(text: string): ParsedCommand | null {
  const match = /^\/([A-Za-z][A-Za-z0-9_]*)(?:@([A-Za-z0-9_]+))?(?=\s|$)\s*([\s\S]*)$/.exec(text.trim());
  if (!match) return null;
  return { name: match[1]!.toLowerCase(), args: match[3]!.trim(), target: match[2] ?? null };
}
