/**
 * A staffer's session with the bot, scripted: questions, follow-ups, button presses, /chart,
 * /export, lists, the catalogue, a group and inline mode — run through the real bot and
 * pipeline on the Bot API test server and recorded as the user sees it (text with bold marked,
 * buttons, edits, pictures, files with a preview of their content).
 *
 * `npm run transcript` writes docs/session-transcript.md from it (write-transcript.ts);
 * tests/bot/e2e/session.e2e.test.ts runs it and checks every step was answered.
 */
import type { InlineQueryResultArticle, Message } from "grammy/types";
import readXlsxFile from "read-excel-file/node";
import { pngSize } from "../../support/bot-api-server.js";
import { BOT_USERNAME, type BotOnApiServer, type Shown, type Staff } from "../e2e/api-server-harness.js";

/** One step: text or a command from the staffer, a press of a button on the latest message that has it, or an inline query. */
export type Step = { say: string; in?: "group"; expect?: "nothing" } | { press: string } | { inline: string };

/** The script (47 steps). */
export const SESSION: readonly Step[] = [
  { say: "/start" },
  { say: "/help" },
  { say: "/catalog" },
  { press: "铁东区 2023年" },
  { press: "社会消费品零售总额" },
  { press: "原文" },
  { say: "那2022年的呢" },
  { press: "2023年 ▶" },
  { say: "/cite" },
  { say: "对比铁东区2022和2023年的GDP" },
  { press: "📈 画图" },
  { say: "/export" },
  { press: "Excel（XLSX）" },
  { say: "/export CSV" },
  { say: "2023年铁东区社令总额是多少" },
  { press: "2023年铁东区社零总额是多少" },
  { say: "铁东区2023年GPD" },
  { press: "铁东区2023年GDP" },
  { say: "2024年上半年立山区规上工业增加值增速是多少" },
  { say: "/chart" },
  { say: "市发展改革委牵头哪些任务" },
  { press: "▶" },
  { press: "▶" },
  { press: "◀" },
  { press: "原文" },
  { press: "12" },
  { press: "↩ 返回" },
  { press: "📥 导出" },
  { press: "CSV" },
  { say: "市卫健委负责哪些工作" },
  { say: "第50项任务由谁牵头" },
  { say: "铁东区2023年哪些指标下降了" },
  { press: "原文 [1]" },
  { say: "/sources" },
  { say: "/region 铁东区" },
  { say: "2022年社零总额是多少" },
  { say: "/region 清除" },
  { say: "今年的天气怎么样" },
  { say: "/export 铁东区 2023年" },
  { press: "CSV" },
  { say: "/compare 商品房销售额 2022 2023" },
  { say: "/chart" },
  { say: "立山区上半年一共组织了几场招聘会" },
  { say: "原文呢" },
  { say: "大家中午吃什么", in: "group", expect: "nothing" },
  { say: `@${BOT_USERNAME} 铁东区2023年GDP是多少`, in: "group" },
  { inline: "铁东区2023年GDP" },
];

/** What one step showed. */
export interface StepRecord {
  step: Step;
  /** The user's side as written in the transcript. */
  user: string;
  /** The bot's side, rendered. */
  bot: string[];
}

/** `**bold**` for <b>, `_italic_` for <i>: how the transcript shows formatting. */
const markdownOf = (marked: string) => marked.replace(/<\/?b>/gu, "**").replace(/<\/?i>/gu, "_");

async function filePreview(shown: Shown): Promise<string[]> {
  const file = shown.call.files.document!;
  const lines = [`📎 ${file.filename}`];
  if (file.filename.endsWith(".csv")) {
    const rows = file.bytes
      .toString("utf8")
      .replace(/^\uFEFF/u, "")
      .split("\r\n")
      .filter(Boolean);
    lines.push(...rows.slice(0, 4).map((r) => `    ${r}`), `    …（共${rows.length - 1}行）`);
  } else {
    for (const sheet of await readXlsxFile(file.bytes)) {
      lines.push(`    工作表「${sheet.sheet}」：`);
      lines.push(
        ...sheet.data
          .slice(0, 3)
          .map((r) => `    | ${r.map((c) => (c === null ? "" : String(c))).join(" | ")} |`),
      );
      lines.push(`    …（共${sheet.data.length - 1}行）`);
    }
  }
  return lines;
}

/** One bot output as transcript lines. */
async function render(shown: Shown): Promise<string[]> {
  const out: string[] = [];
  if (shown.method === "editMessageText") out.push("✏️ （上面的消息改为）");
  if (shown.method === "editMessageReplyMarkup") out.push("✏️ （上面消息的按钮改为）");
  if (shown.method === "sendPhoto") {
    const size = pngSize(shown.call.files.photo!.bytes);
    out.push(`🖼 ${shown.call.files.photo!.filename}（${size?.width}×${size?.height}）`);
  }
  if (shown.method === "sendDocument") out.push(...(await filePreview(shown)));
  if (shown.method !== "editMessageReplyMarkup") out.push(...markdownOf(shown.marked).split("\n"));
  for (const row of shown.buttons) out.push(row.map((b) => `［${b}］`).join(" "));
  return out;
}

/** Runs the script with a private chat and a group chat; returns one record per step. */
export async function runSession(
  env: BotOnApiServer,
  steps: readonly Step[] = SESSION,
): Promise<StepRecord[]> {
  const staff = env.staff({ id: 9001, first_name: "李科长" });
  const group = env.server.group(-9001, "区统计局工作群");
  const inGroup = env.staff({ id: 9001, first_name: "李科长" }, group);
  const records: StepRecord[] = [];
  const latest = (who: Staff, label: string): Message => {
    const has = (m: Message) => (m.reply_markup?.inline_keyboard ?? []).flat().some((b) => b.text === label);
    const found = env.server.messages(who.chatId).filter(has).at(-1);
    if (!found) throw new Error(`no message with a button ${label}`);
    return found;
  };
  for (const step of steps) {
    if ("inline" in step) {
      const sent = env.server.inlineQuery(staff.user, step.inline, { chatType: "private" });
      const call = await env.server.waitForCall("answerInlineQuery", {
        where: (c) => c.ok && String(c.params.inline_query_id) === sent.id,
      });
      const cards = call.params.results as InlineQueryResultArticle[];
      records.push({
        step,
        user: `（在任意聊天中输入）@${BOT_USERNAME} ${step.inline}`,
        bot: cards.map((c) => `🗂 ${c.title} — ${c.description ?? ""}`),
      });
      continue;
    }
    const who = "in" in step && step.in === "group" ? inGroup : staff;
    let shown: Shown[];
    if ("press" in step) shown = await who.press(latest(who, step.press), step.press);
    else if (step.expect === "nothing") {
      const chat = who.chat;
      shown = await who.expect(() => env.server.sendText(who.user, step.say, chat ? { chat } : {}), 0, 700);
    } else shown = await who.send(step.say);
    const user =
      "press" in step
        ? `（点击［${step.press}］）`
        : `${"in" in step && step.in === "group" ? "（群聊）" : ""}${step.say}`;
    const bot: string[] = [];
    for (const s of shown) bot.push(...(await render(s)), "");
    records.push({
      step,
      user,
      bot: bot.length > 0 ? bot.slice(0, -1) : ["（机器人没有回复：群里的这句话不是对它说的）"],
    });
  }
  return records;
}

/** The transcript as Markdown. */
export function transcriptMarkdown(records: readonly StepRecord[]): string {
  const parts = [
    "# 一次完整的使用记录（脚本生成）",
    "",
    "由 `npm run transcript` 重新生成：真实的机器人与问答流程，接在本机的 Bot API 测试服务器上",
    "（tests/bot/session/session.ts）。**粗体**即 Telegram 中的粗体，［…］是消息下方的按钮，",
    "✏️ 表示机器人就地修改了上一条消息，📎 是发来的文件（附内容预览），🖼 是图片。",
    "",
  ];
  records.forEach((r, i) => {
    parts.push(`## ${i + 1}. 👤 ${r.user}`, "", "```text", ...r.bot, "```", "");
  });
  return parts.join("\n");
}
