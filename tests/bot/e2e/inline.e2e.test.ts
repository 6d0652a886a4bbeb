/**
 * Inline mode end to end: the real bot and pipeline on the Bot API test server, with an
 * allow-list. An allowed user's inline query gets answer cards; an outsider's gets nothing.
 */
import type { InlineQueryResultArticle } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAnswerService, type AnswerService } from "../../../src/answer/answer-service.js";
import { startBotOnApiServer, type BotOnApiServer } from "./api-server-harness.js";
import { pipelineConfig } from "./harness.js";

const STAFF = 4301;
const OUTSIDER = 4302;
const TITLE_2023 = "《鞍山市铁东区2023年国民经济和社会发展统计公报》";

let service: AnswerService;
let env: BotOnApiServer;
beforeAll(async () => {
  service = await createAnswerService(pipelineConfig());
  env = await startBotOnApiServer(service, { ALLOWED_CHAT_IDS: `${STAFF}` });
});
afterAll(async () => {
  await env?.stop();
});

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
    const message = results[0]!.input_message_content as { message_text: string; parse_mode: string };
    expect(message.parse_mode).toBe("HTML");
    expect(message.message_text).toContain("<b>314.6亿元</b>");
    expect(message.message_text).toContain(TITLE_2023);
    expect(message.message_text).toMatch(/<b>原文<\/b> “[^”]*314\.6亿元[^”]*”/);
    expect([call.params.cache_time, call.params.is_personal]).toEqual([60, true]);
  });

  it("a comparison gives one card per period", async () => {
    const { results } = await inlineResults(STAFF, "对比铁东区2022和2023年的GDP");
    expect(results.map((r) => r.title)).toEqual([
      "铁东区2022年地区生产总值：285.9亿元",
      "铁东区2023年地区生产总值：314.6亿元",
    ]);
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
