/**
 * (d) 20 chats each sending 5 questions at once: every question answered, answers in question
 * order within each chat, no error logged. Real bot (runner + sequentialize) and real pipeline.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { createAnswerService } from "../../../src/answer/answer-service.js";
import {
  loadPlan,
  pipelineConfig,
  sendLoad,
  startBotOnEmulator,
  waitFor,
  type BotOnEmulator,
} from "./harness.js";

const CHATS = 20;
const PER_CHAT = 5;
let env: BotOnEmulator;

beforeAll(async () => {
  env = await startBotOnEmulator(await createAnswerService(pipelineConfig()));
});

afterAll(async () => {
  await env?.stop();
});

it("answers 20 chats × 5 simultaneous questions, in order within each chat", async () => {
  const chats = Array.from({ length: CHATS }, (_, i) => env.chat(7000 + i));
  const started = performance.now();
  await sendLoad(chats);
  await waitFor(
    () => (chats.every((c) => c.replies().length >= PER_CHAT) ? true : undefined),
    60_000,
    () => chats.map((c) => `${c.chatId}: ${c.replies().length}`).join(", "),
  );
  const wallMs = Math.round(performance.now() - started);
  console.log(`load: ${CHATS * PER_CHAT} questions from ${CHATS} chats answered in ${wallMs} ms`);
  await new Promise((r) => setTimeout(r, 200)); // nothing extra may arrive

  chats.forEach((chat, i) => {
    const replies = chat.replies();
    expect(replies, `chat ${chat.chatId}`).toHaveLength(PER_CHAT);
    expect(replies.map((r) => r.replyTo)).toEqual(chat.messageIds());
    loadPlan(i).forEach(([question, figure], k) => {
      expect(replies[k]!.text, `chat ${chat.chatId}, question ${k + 1}: ${question}`).toContain(figure);
    });
  });
  expect(env.entries.filter((e) => e.level === "error")).toEqual([]);
  expect(env.entries.filter((e) => e.msg === "answered")).toHaveLength(CHATS * PER_CHAT);
});
