/**
 * Every sentence the bot says on its own (not taken from the corpus), in simplified Chinese.
 * Kept together so wording stays consistent and reviewers can read it in one place.
 */
import type { Holding } from "../answer/catalog.js";
import { BOT_COMMANDS } from "./commands.js";
import { followUpHint } from "./help-examples.js";
import { bold, FormattedString, lines } from "./rich-text.js";

/** `铁东区：2022年、2023年；立山区：2024年上半年`: the periods held per place, from the catalogue. */
export function periodsHeld(holdings: readonly Holding[]): string {
  const byRegion = new Map<string, Set<string>>();
  for (const h of holdings) byRegion.set(h.region, (byRegion.get(h.region) ?? new Set()).add(h.period));
  return [...byRegion].map(([region, periods]) => `${region}：${[...periods].join("、")}`).join("；");
}

/**
 * The help text (/help in Telegram and in the terminal); `extraUsage` are the usage lines of
 * commands only one front end has (Telegram's /chart, /export, /catalog); `holdings` say which
 * places and years can be asked about; `examples` are questions answerable from what is held
 * (help-examples.ts, or the answer layer's examples()).
 */
export function helpText(
  extraUsage: readonly string[] = [],
  holdings: readonly Holding[] = [],
  examples: readonly string[] = [],
): FormattedString {
  const telegram = extraUsage.length > 0;
  return lines([
    bold("鞍山统计公报问答"),
    "我根据收录的统计公报、政府工作报告等文件回答问题，每个数字都注明出处；/sources 列出收录的文件。",
    holdings.length > 0 ? `现有资料：${periodsHeld(holdings)}。` : null,
    "",
    bold("示例问题："),
    ...(examples.length > 0 ? examples.map((q) => `• ${q}`) : ["还没有收录可以回答的文件。"]),
    "",
    bold("命令："),
    ...BOT_COMMANDS.map((c) => c.usage),
    ...extraUsage,
    "",
    telegram
      ? "回答下方的按钮：原文（出处原句）、画图、导出、相邻年份、上级地区同一指标；长清单可翻页。"
      : "回答中的 [1]、[2] 是引用编号，输入 /cite n 查看第 n 条的原文。",
    telegram ? "在任何聊天中输入 @机器人用户名 加问题，可把带出处的答案卡片发到该聊天（行内模式）。" : null,
    telegram ? "在群里请 @我、回复我的消息或使用命令提问；每位成员的追问各自独立。" : null,
    "回答使用简体字；用繁体字提问同样可以识别。",
    followUpHint(holdings),
  ]);
}

/** The /start greeting; `examples` as for {@link helpText} (the first is shown). */
export function startText(firstName: string | undefined, examples: readonly string[] = []): FormattedString {
  return lines([
    firstName ? `${firstName}，您好！` : "您好！",
    "我是鞍山统计公报问答助手：直接用文字提问，我会给出数字并标明来自哪份文件的哪一句。",
    examples[0] ? `例如：${examples[0]}` : null,
    "发送 /help 查看更多示例和命令，发送 /catalog 查看有哪些资料。",
  ]);
}

/** Printed to stderr by `npm start` when TELEGRAM_BOT_TOKEN is not set. */
export const NO_TOKEN_BANNER = [
  "未设置 TELEGRAM_BOT_TOKEN，现在以终端对话模式运行（与 Telegram 机器人使用同一套问答流程）。",
  "要作为 Telegram 机器人运行：",
  "  1. 在 Telegram 中找到 @BotFather，发送 /newbot，按提示取名，得到形如 123456789:AA… 的令牌；",
  "  2. 运行  TELEGRAM_BOT_TOKEN=<令牌> npm start",
  "终端模式：输入问题后回车；/cite、/sources、/help 可用；Ctrl-D 或 /quit 退出。",
  "",
].join("\n");

/** Short notices, each one sentence or two. */
export const NOTICES = {
  refusal: (chatId: number) =>
    `抱歉，本机器人仅供鞍山市各区机关工作人员使用，此会话未获授权。如需开通，请把会话编号 ${chatId} 发给管理员。`,
  rateLimited: (windowMs: number) =>
    `您提问太快了，请 ${Math.max(1, Math.ceil(windowMs / 1000))} 秒后再试。已收到的问题会照常回答。`,
  nonText: "我只能读文字消息。请直接用文字提问，写明地区、年份和指标；发送 /help 查看示例。",
  internalError: "抱歉，处理这条消息时出了问题，已记录下来。请稍后再试，或换个问法。",
  buttonRateLimited: "点击太快了，请稍后再试。",
  staleButton: "这条回答已过期（机器人可能重启过），请重新提问。",
  unknownButton: "无法识别这个按钮，请重新提问。",
  adminOnly: "只有管理员可以使用这个命令。",
  inlineCardExpired: "这张卡片对应的问题已过期，请直接发送问题。",
  unknownCommand: (name: string) =>
    `没有 /${name} 这个命令。可用命令：${BOT_COMMANDS.map((c) => "/" + c.command).join("、")}。也可以直接用文字提问。`,
  citeNothingYet: "还没有可以引用的回答。请先提问，或发送 /cite 加问题（写明地区、年份和指标）。",
  citeNoCitations: "上一条回答没有引用原文。请换个问法，或发送 /cite 加问题。",
  citeNoSuchNumber: (n: number, count: number) =>
    count === 0 ? "上一条回答没有引用原文。" : `上一条回答只有 ${count} 条引用，没有第 ${n} 条。`,
  compareUsage:
    "用法：/compare 指标 年份 年份，例如 /compare 社零总额 2022 2023。也可以直接用文字问，写明地区和两个年份。",
  emptyQuestion: "请用文字输入问题，写明地区、年份和指标；发送 /help 查看示例。",
  notFoundHint: "发送 /help 查看可以问哪些问题。",
  emptyReply: "抱歉，这次没有得到可以显示的回答，请换个问法。",
  regionSet: (region: string) =>
    `已设置默认地区：${region}。没有写地区的问题将按${region}回答；发送 /region 清除 可取消。`,
  regionShown: (region: string | null) =>
    region ? `当前默认地区：${region}。发送 /region 清除 可取消。` : "当前没有默认地区。设置：/region 铁东区",
  regionCleared: "已取消默认地区。",
  regionUnknown: (name: string, held: string[]) =>
    `已收录的文件中没有“${name}”的资料。可设置的地区：${held.join("、")}。`,
} as const;
