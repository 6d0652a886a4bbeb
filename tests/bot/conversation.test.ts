/**
 * Conversation logic with a stub AnswerService (unit level); the e2e tests run the same paths
 * through the real pipeline and the real bot.
 */
import { describe, expect, it } from "vitest";
import { AnswerStore } from "../../src/bot/answer-store.js";
import { Conversation } from "../../src/bot/conversation.js";
import { createLogger } from "../../src/bot/log.js";
import { makeAnswer, makeCitation, stubService } from "./fixtures.js";

const logger = createLogger({ level: "error", write: () => {} });
const ONE = { chatId: 1 };
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
    const reply = await conversation.ask(ONE, `  ${QUESTION} `);
    expect(reply).toEqual({ kind: "answer", answer: TWO_CITATIONS, ref: { epoch: "e1", answerId: 1 } });
    expect(store.last(1)?.answer).toBe(TWO_CITATIONS);
    expect(conversation.lastAnswer(ONE)).toEqual({
      answer: TWO_CITATIONS,
      ref: { epoch: "e1", answerId: 1 },
    });
  });

  it("asks nothing for an empty question", async () => {
    const { conversation, service } = setup();
    expect((await conversation.ask(ONE, "   ")).kind).toBe("notice");
    expect(service.asked).toEqual([]);
  });

  it("/cite with text forwards the /cite form", async () => {
    const { conversation, service } = setup();
    await conversation.cite(ONE, "铁东区2023年社零总额");
    expect(service.asked).toEqual(["/cite 铁东区2023年社零总额"]);
  });

  it("/cite alone: a note before any answer, then the first citation of the last answer", async () => {
    const { conversation } = setup();
    expect(await conversation.cite(ONE, "")).toEqual({
      kind: "notice",
      text: "还没有可以引用的回答。请先提问，或发送 /cite 加问题（写明地区、年份和指标）。",
    });
    await conversation.ask(ONE, QUESTION);
    const reply = await conversation.cite(ONE, "");
    expect(reply).toMatchObject({ kind: "excerpt", citation: { id: 1 } });
    expect(reply.kind === "excerpt" && reply.excerpt).toContain("【140.1亿元】");
  });

  it("/cite n picks the n-th citation of the last answer", async () => {
    const { conversation } = setup();
    await conversation.ask(ONE, QUESTION);
    expect(await conversation.cite(ONE, "2")).toMatchObject({ kind: "excerpt", citation: { id: 2 } });
    expect(await conversation.cite(ONE, "3")).toEqual({
      kind: "notice",
      text: "上一条回答只有 2 条引用，没有第 3 条。",
    });
  });

  it("/cite alone after an answer without citations says so", async () => {
    const { conversation } = setup();
    await conversation.ask(ONE, "没有的问题");
    expect(await conversation.cite(ONE, "")).toEqual({
      kind: "notice",
      text: "上一条回答没有引用原文。请换个问法，或发送 /cite 加问题。",
    });
  });

  it("/compare forwards its arguments and explains itself when empty", async () => {
    const { conversation, service } = setup();
    expect(await conversation.compare(ONE, " ")).toMatchObject({ kind: "notice" });
    await conversation.compare(ONE, "社零总额 2022 2023");
    expect(service.asked).toEqual(["/compare 社零总额 2022 2023"]);
  });

  it("finds a stored answer by its ref, and none for another chat or an old epoch", async () => {
    const { conversation } = setup();
    await conversation.ask(ONE, QUESTION);
    expect(conversation.stored(1, { epoch: "e1", answerId: 1 })).toBe(TWO_CITATIONS);
    expect(conversation.stored(2, { epoch: "e1", answerId: 1 })).toBeUndefined();
    expect(conversation.stored(1, { epoch: "old", answerId: 1 })).toBeUndefined();
  });

  it("in a group, each member has a conversation and a last answer of their own (issue 18)", async () => {
    const { conversation, service } = setup();
    const ana = { chatId: -100, userId: 1 };
    const bo = { chatId: -100, userId: 2 };
    await conversation.ask(ana, QUESTION);
    expect(conversation.lastAnswer(bo)).toBeUndefined();
    expect(conversation.lastAnswer(ana)?.answer).toBe(TWO_CITATIONS);
    expect(conversation.stateOf(ana).lastQuestion).toBe(QUESTION);
    expect(conversation.stateOf(bo).lastQuestion).toBeNull();
    expect(await conversation.cite(bo, "")).toMatchObject({ kind: "notice" });
    conversation.region(bo, "铁东区");
    expect(conversation.stateOf(bo).defaultRegion).toBe("铁东区");
    expect(conversation.stateOf(ana).defaultRegion).toBeNull();
    expect(service.asked).toEqual([QUESTION]);
  });
});
