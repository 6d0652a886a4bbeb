/**
 * (a) questions get replies with the expected figures, (b) "原文" buttons, /cite, /sources,
 * /help — through the real bot, the runner and the real answering pipeline on the emulator.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAnswerService, type AnswerService } from "../../../src/answer/answer-service.js";
import { noteForStaff } from "../../../src/bot/format-answer.js";
import { helpExamples } from "../../../src/bot/help-examples.js";
import { PROJECT_ROOT } from "../../../src/config.js";
import { pipelineConfig, startBotOnEmulator, type BotOnEmulator } from "./harness.js";

let service: AnswerService;
let env: BotOnEmulator;
let nextChat = 5000;
const newChat = () => env.chat(nextChat++);

beforeAll(async () => {
  service = await createAnswerService(pipelineConfig());
  env = await startBotOnEmulator(service);
});

afterAll(async () => {
  await env?.stop();
});

describe("(a) questions", () => {
  const cases: Array<[string, string[]]> = [
    ["2023年铁东区社零总额是多少", ["140.1亿元", "9.1%"]],
    ["2022年铁东区实名制就业人数是多少", ["10597人"]],
    ["2024年上半年立山区规上工业增加值增速是多少", ["9.2%"]],
    ["发布数字经济应用场景机会清单由哪个单位牵头", ["市工业和信息化局"]],
    ["对比一下铁东区2022年和2023年的商品房销售额", ["20.57", "13.3", "7.27"]],
  ];

  it.each(cases)("%s → %j", async (question, figures) => {
    const chat = newChat();
    const reply = await chat.next(() => chat.say(question));
    for (const figure of figures) expect(reply.text).toContain(figure);
    expect(reply.replyTo).toBe(chat.messageIds().at(-1));
    expect(reply.text).toMatch(/\[1\]/);
    expect(reply.buttons[0]?.text).toMatch(/^原文/u);
    const bold = [...reply.html.matchAll(/<b>([^<]*)<\/b>/g)].map((m) => m[1]!);
    expect(bold.some((b) => b.includes(figures[0]!))).toBe(true); // the (first) figure in bold
  });

  it("bolds the figures of the answer", async () => {
    const chat = newChat();
    const reply = await chat.next(() => chat.say("2023年铁东区社零总额是多少"));
    expect(reply.html).toContain("<b>140.1亿元</b>");
  });

  it("understands a question in traditional characters and replies in simplified", async () => {
    const chat = newChat();
    const reply = await chat.next(() => chat.say("鐵東區2022年實名制就業人數"));
    expect(reply.text).toContain("10597人");
    expect(reply.text).toContain("铁东区");
  });
});

/** The shared dev set (beside the project in CI and on developer machines). */
const devPath = join(PROJECT_ROOT, "..", "shared", "eval", "dev.jsonl");
const dev = existsSync(devPath)
  ? readFileSync(devPath, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { id: string; q: string; expect?: string[]; forbid?: string[] })
  : [];

describe("(a) the dev-set questions sent as a user", () => {
  it.skipIf(dev.length === 0)("every reply carries the expected figures and none forbidden", async () => {
    const chat = newChat();
    const flat = (s: string) => s.replace(/[\s,，]/gu, "");
    const misses: string[] = [];
    for (const g of dev) {
      const reply = await chat.next(() => chat.say(g.q));
      for (const e of g.expect ?? [])
        if (!flat(reply.text).includes(flat(e))) misses.push(`${g.id} lacks ${e}`);
      for (const f of g.forbid ?? []) if (flat(reply.text).includes(flat(f))) misses.push(`${g.id} has ${f}`);
    }
    expect(misses).toEqual([]);
  });
});

describe("(b) citations and commands", () => {
  it("the 原文 button shows the verbatim excerpt with the figure marked", async () => {
    const question = "2023年铁东区社零总额是多少";
    const chat = newChat();
    const answer = await chat.next(() => chat.say(question));
    const button = answer.buttons[0]!;
    expect(Buffer.byteLength(button.data)).toBeLessThanOrEqual(64);
    const excerpt = await chat.next(() => chat.press(button.data));
    const expected = await service.ask(question);
    expect(excerpt.text).toContain(service.excerpt(expected.citations[0]!));
    expect(excerpt.text).toContain("【140.1亿元】");
    expect(excerpt.text).toContain("鞍山市铁东区2023年国民经济和社会发展统计公报");
    expect(excerpt.text).toMatch(/^原文 \[1\]/);
  });

  it("a stale button gets no data, only a logged notice", async () => {
    const chat = newChat();
    const before = env.entries.length;
    await chat.press("a:oldepoch:1:c1");
    await new Promise((r) => setTimeout(r, 500));
    expect(chat.replies()).toEqual([]);
    expect(
      env.entries.slice(before).some((e) => e.msg === "button could not be served" && e.reason === "stale"),
    ).toBe(true);
  });

  it("/cite <问题> answers with the excerpt", async () => {
    const chat = newChat();
    const reply = await chat.next(() => chat.command("/cite 2023年铁东区社零总额"));
    expect(reply.text).toContain("140.1亿元");
    expect(reply.text).toContain("【140.1亿元】");
  });

  it("/cite alone explains itself first, then cites the last answer", async () => {
    const chat = newChat();
    const none = await chat.next(() => chat.command("/cite"));
    expect(none.text).toContain("还没有可以引用的回答");
    await chat.next(() => chat.say("2022年铁东区实名制就业人数是多少"));
    const cited = await chat.next(() => chat.command("/cite"));
    expect(cited.text).toMatch(/^原文 \[1\]/);
    expect(cited.text).toContain("【10597人】");
  });

  it("/compare forwards the comparison", async () => {
    const chat = newChat();
    const reply = await chat.next(() => chat.command("/compare 商品房销售额 2022 2023"));
    for (const figure of ["20.57", "13.3"]) expect(reply.text).toContain(figure);
    const usage = await chat.next(() => chat.command("/compare"));
    expect(usage.text).toContain("用法：/compare 指标 年份 年份");
  });

  it("/sources lists every document with region, period, kind and notes", async () => {
    const chat = newChat();
    const reply = await chat.next(() => chat.command("/sources"));
    const sources = service.sources();
    expect(reply.text).toContain(`资料来源（共 ${sources.length} 份）`);
    for (const s of sources) {
      expect(reply.text).toContain(s.title);
      expect(reply.text).toContain(`地区：${s.region}｜时期：${s.period}｜文种：${s.kind}`);
      for (const note of s.notes) expect(reply.text).toContain(noteForStaff(note.message));
    }
  });

  it("/help gives example questions built from what is held, each answered; /start greets", async () => {
    const chat = newChat();
    const help = await chat.next(() => chat.command("/help"));
    const examples = helpExamples(service);
    expect(examples.length).toBeGreaterThanOrEqual(4);
    for (const q of examples) {
      expect(help.text).toContain(`• ${q}`);
      expect((await service.ask(q)).status, q).toBe("answered");
    }
    expect(help.text).toContain("回答使用简体字；用繁体字提问同样可以识别。");
    // Was a gap: /help did not list the Telegram-only /chart and /export.
    expect(help.text).toContain("/chart — 画图：上一条回答，或 /chart 加问题");
    expect(help.text).toContain("/export — 导出上一条回答或指定数据（CSV 或 Excel）");
    // Issue 18: /help names inline mode, task questions and the years held.
    expect(help.text).toContain("行内模式");
    expect(help.text).toMatch(/• 市\S+牵头哪些任务\n/u);
    expect(help.text).toMatch(/现有资料：.*铁东区：[^；]*2023年/u);
    // The follow-up hint names a region and two of its periods held.
    expect(help.text).toContain("问过铁东区2023年的数字后，可以问“那2022年的呢”");
    const start = await chat.next(() => chat.command("/start"));
    expect(start.text).toContain("您好");
    expect(start.text).toContain(`例如：${examples[0]}`);
  });

  it("unknown commands and non-text messages get a helpful note", async () => {
    const chat = newChat();
    const unknown = await chat.next(() => chat.command("/foo"));
    expect(unknown.text).toContain("没有 /foo 这个命令");
    const sticker = await chat.next(() =>
      chat.send({ sticker: { file_id: "s1", file_unique_id: "u1", type: "regular", width: 1, height: 1 } }),
    );
    expect(sticker.text).toContain("我只能读文字消息");
  });

  it("in a group: answers a question that mentions the bot, ignores commands for other bots", async () => {
    const group = env.chat(-100500, 501, "group");
    const answer = await group.next(() => group.say("@TestNameBot 2023年铁东区社零总额是多少"));
    expect(answer.text).toContain("140.1亿元");
    expect(env.entries.some((e) => e.msg === "asking" && e.question === "2023年铁东区社零总额是多少")).toBe(
      true,
    );
    await group.command("/help@SomeOtherBot");
    const help = await group.next(() => group.command("/help@TestNameBot"));
    expect(help.text).toContain("示例问题：");
    expect(group.replies()).toHaveLength(2);
  });

  it("logged no error", () => {
    expect(env.entries.filter((e) => e.level === "error")).toEqual([]);
  });
});
