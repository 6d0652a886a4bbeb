/**
 * Inline mode end to end (issue 18, point 4): the real bot and pipeline on the Bot API test
 * server, with an allow-list. An allowed user's inline query gets answer cards whose titles are
 * never cut inside a figure; a long answer becomes a short card whose button opens the full
 * answer in the bot (/start q<key>); an outsider's query gets nothing.
 */
import type { InlineQueryResultArticle, MessageEntity } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAnswerService } from "../../../src/answer/answer-service.js";
import { SHORT_CARD_LIMIT } from "../../../src/bot/inline.js";
import { BOT_USERNAME, startBotOnApiServer, type BotOnApiServer } from "./api-server-harness.js";
import { pipelineConfig } from "./harness.js";
import { marked } from "../formatted.js";

const STAFF = 4301;
const OUTSIDER = 4302;
const TITLE_2023 = "《鞍山市铁东区2023年国民经济和社会发展统计公报》";

let env: BotOnApiServer;
beforeAll(async () => {
  env = await startBotOnApiServer(await createAnswerService(pipelineConfig()), {
    ALLOWED_CHAT_IDS: `${STAFF}`,
  });
});
afterAll(async () => {
  await env?.stop();
});

type Posted = { message_text: string; entities?: MessageEntity[]; parse_mode?: string };

async function inlineResults(userId: number, query: string) {
  const user = env.server.user({ id: userId });
  const sent = env.server.inlineQuery(user, query, { chatType: "group" });
  const call = await env.server.waitForCall("answerInlineQuery", {
    where: (c) => c.ok && String(c.params.inline_query_id) === sent.id,
  });
  return { call, results: call.params.results as InlineQueryResultArticle[] };
}

describe("inline mode", () => {
  it("an allowed user's query returns cards: figure, growth, document; the message cites the source", async () => {
    const { call, results } = await inlineResults(STAFF, "铁东区2023年GDP");
    expect(results.map((r) => [r.title, r.description])).toEqual([
      ["铁东区2023年地区生产总值：314.6亿元", `同比增长7.3% · ${TITLE_2023}`],
    ]);
    const message = results[0]!.input_message_content as Posted;
    expect(message.parse_mode).toBeUndefined();
    const shown = marked(message.message_text, message.entities);
    expect(shown).toContain("<b>314.6亿元</b>");
    expect(shown).toContain(TITLE_2023);
    expect(shown).toMatch(/<b>原文<\/b>\n“[^”]*314\.6亿元[^”]*”/u);
    expect([call.params.cache_time, call.params.is_personal]).toEqual([60, true]);
  });

  it("a comparison gives one card per period", async () => {
    const { results } = await inlineResults(STAFF, "对比铁东区2022和2023年的GDP");
    expect(results.map((r) => r.title)).toEqual([
      "铁东区2022年地区生产总值：285.9亿元",
      "铁东区2023年地区生产总值：314.6亿元",
    ]);
  });

  it("a long answer is a short card (never cut inside a figure or citation) that opens the full answer", async () => {
    const { results } = await inlineResults(STAFF, "市发展改革委牵头哪些任务");
    expect(results).toHaveLength(1);
    const card = results[0]!;
    const posted = card.input_message_content as Posted;
    expect(posted.message_text.length).toBeLessThanOrEqual(SHORT_CARD_LIMIT);
    // Regression: the posted text stopped at "[17] 《鞍山市…" and a title at "…159、19".
    expect(posted.message_text).not.toMatch(/\[\d*$|《[^》]*$|\d[.、]?\d*…?$/mu);
    // A cut title ends at a whole number: what follows it in the full line is no digit.
    const line = posted.message_text.split("\n")[0]!;
    const head = card.title.replace(/…$/u, "");
    expect(line.startsWith(head)).toBe(true);
    expect(line[head.length] ?? "").not.toMatch(/[\d.%]/u);
    expect(posted.message_text).toMatch(/完整回答共\d+条，点下方按钮查看。$/u);
    const button = card.reply_markup!.inline_keyboard[0]![0] as { text: string; url: string };
    expect(button.text).toBe("查看完整回答");
    const key = new RegExp(`^https://t\\.me/${BOT_USERNAME}\\?start=(q[a-z0-9]+)$`, "u").exec(
      button.url,
    )?.[1];
    expect(key).toBeDefined();

    // The button opens the bot with /start <key>: the full answer, paged.
    const staff = env.staff({ id: STAFF });
    const full = await staff.ask(`/start ${key}`);
    expect(full.text.split("\n")[0]).toMatch(/^市发展改革委牵头的任务（共\d+项/u);
    expect(full.buttons.flat()).toContain("▶");
  });

  it("a user outside the allow-list gets no cards and the pipeline is not asked", async () => {
    const before = env.entries.filter((e) => e.msg === "inline answered").length;
    const { results, call } = await inlineResults(OUTSIDER, "铁东区2023年GDP");
    expect(results).toEqual([]);
    expect(call.params.cache_time).toBe(0);
    expect(env.entries.filter((e) => e.msg === "inline answered").length).toBe(before);
    expect(
      env.entries.some(
        (e) => e.msg === "refused an inline query outside the allow-list" && e.userId === OUTSIDER,
      ),
    ).toBe(true);
  });
});
