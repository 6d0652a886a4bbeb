/**
 * Conversation logic with a stub AnswerService (unit level); the e2e tests run the same paths
 * through the real pipeline and the real bot.
 */
import { describe, expect, it } from "vitest";
import { AnswerStore } from "../../src/bot/answer-store.js";
import { Conversation } from "../../src/bot/conversation.js";
import { citeButtonData } from "../../src/bot/format-answer.js";
import { createLogger } from "../../src/bot/log.js";
import { makeAnswer, makeCitation, stubService } from "./fixtures.js";

const logger = createLogger({ level: "error", write: () => {} });
const QUESTION = "铁东区2023年社零总额是多少";
const TWO_CITATIONS = makeAnswer({
  citations: [makeCitation(), makeCitation({ id: 2, quote: "税收收入完成9.01亿元", figure: "9.01亿元" })],
});

function setup() {
  const service = stubService({ [QUESTION]: TWO_CITATIONS });
  const store = new AnswerStore({ epoch: "e1" });
  return { service, store, conversation: new Conversation(service, store, logger) };
}

describe("Conversation", () => {
  it("answers a question and stores it under a ref", async () => {
    const { conversation, store } = setup();
    const reply = await conversation.ask(1, `  ${QUESTION} `);
    expect(reply).toEqual({ kind: "answer", answer: TWO_CITATIONS, ref: { epoch: "e1", answerId: 1 } });
    expect(store.last(1)?.answer).toBe(TWO_CITATIONS);
  });

  it("asks nothing for an empty question", async () => {
    const { conversation, service } = setup();
    expect((await conversation.ask(1, "   ")).kind).toBe("notice");
    expect(service.asked).toEqual([]);
  });

  it("/cite with text forwards the /cite form", async () => {
    const { conversation, service } = setup();
    await conversation.cite(1, "铁东区2023年社零总额");
    expect(service.asked).toEqual(["/cite 铁东区2023年社零总额"]);
  });

  it("/cite alone: a note before any answer, then the first citation of the last answer", async () => {
    const { conversation } = setup();
    expect(await conversation.cite(1, "")).toEqual({
      kind: "notice",
      text: "还没有可以引用的回答。请先提问，或发送 /cite 加问题，例如：/cite 铁东区2023年社零总额",
    });
    await conversation.ask(1, QUESTION);
    const reply = await conversation.cite(1, "");
    expect(reply).toMatchObject({ kind: "excerpt", citation: { id: 1 } });
    expect(reply.kind === "excerpt" && reply.excerpt).toContain("【140.1亿元】");
  });

  it("/cite n picks the n-th citation of the last answer", async () => {
    const { conversation } = setup();
    await conversation.ask(1, QUESTION);
    expect(await conversation.cite(1, "2")).toMatchObject({ kind: "excerpt", citation: { id: 2 } });
    expect(await conversation.cite(1, "3")).toEqual({
      kind: "notice",
      text: "上一条回答只有 2 条引用，没有第 3 条。",
    });
  });

  it("/cite alone after an answer without citations says so", async () => {
    const { conversation } = setup();
    await conversation.ask(1, "没有的问题");
    expect(await conversation.cite(1, "")).toEqual({
      kind: "notice",
      text: "上一条回答没有引用原文。请换个问法，或发送 /cite 加问题。",
    });
  });

  it("/compare forwards its arguments and explains itself when empty", async () => {
    const { conversation, service } = setup();
    expect(await conversation.compare(1, " ")).toMatchObject({ kind: "notice" });
    await conversation.compare(1, "社零总额 2022 2023");
    expect(service.asked).toEqual(["/compare 社零总额 2022 2023"]);
  });

  it("serves a button of a stored answer, and calls other buttons stale or unknown", async () => {
    const { conversation } = setup();
    await conversation.ask(1, QUESTION);
    const data = citeButtonData({ epoch: "e1", answerId: 1, citationId: 2 });
    expect(conversation.button(1, data)).toMatchObject({ ok: true, reply: { citation: { id: 2 } } });
    expect(conversation.button(2, data)).toEqual({ ok: false, reason: "stale" });
    expect(conversation.button(1, citeButtonData({ epoch: "old", answerId: 1, citationId: 2 }))).toEqual({
      ok: false,
      reason: "stale",
    });
    expect(conversation.button(1, citeButtonData({ epoch: "e1", answerId: 1, citationId: 9 }))).toEqual({
      ok: false,
      reason: "stale",
    });
    expect(conversation.button(1, "something else")).toEqual({ ok: false, reason: "unknown" });
  });
});
