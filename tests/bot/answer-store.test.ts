import { describe, expect, it } from "vitest";
import { AnswerStore } from "../../src/bot/answer-store.js";
import { parseAction } from "../../src/bot/next-steps.js";
import { makeAnswer } from "./fixtures.js";

describe("AnswerStore", () => {
  it("gives increasing ids and returns the chat's last answer", () => {
    const store = new AnswerStore();
    const a = makeAnswer({ question: "a" });
    const b = makeAnswer({ question: "b" });
    expect(store.save(1, a)).toBe(1);
    expect(store.save(1, b)).toBe(2);
    expect(store.last(1)).toEqual({ answerId: 2, answer: b });
    expect(store.get(1, 1)).toBe(a);
    expect(store.get(2, 1)).toBeUndefined();
    expect(store.last(2)).toBeUndefined();
  });

  it("keeps each speaker's last answer apart in one chat (groups)", () => {
    const store = new AnswerStore();
    const a = makeAnswer({ question: "a" });
    const b = makeAnswer({ question: "b" });
    store.save(-5, a, "-5:1");
    store.save(-5, b, "-5:2");
    expect(store.last(-5, "-5:1")).toEqual({ answerId: 1, answer: a });
    expect(store.last(-5, "-5:2")).toEqual({ answerId: 2, answer: b });
    expect(store.last(-5, "-5:3")).toBeUndefined();
    expect(store.last(-5)?.answer).toBe(b);
    expect(store.get(-5, 1)).toBe(a);
  });

  it("keeps at most perChat answers per chat", () => {
    const store = new AnswerStore({ perChat: 2 });
    store.save(1, makeAnswer({ question: "1" }));
    store.save(1, makeAnswer({ question: "2" }));
    store.save(1, makeAnswer({ question: "3" }));
    expect(store.get(1, 1)).toBeUndefined();
    expect(store.get(1, 2)?.question).toBe("2");
    expect(store.get(1, 3)?.question).toBe("3");
  });

  it("evicts the least recently used chat and never reuses ids", () => {
    const store = new AnswerStore({ maxChats: 2 });
    store.save(10, makeAnswer()); // id 1
    store.save(20, makeAnswer()); // id 2
    store.get(10, 1); // chat 10 is now the most recent
    store.save(30, makeAnswer()); // id 3, evicts chat 20
    expect(store.chatCount).toBe(2);
    expect(store.get(20, 2)).toBeUndefined();
    expect(store.get(10, 1)).toBeDefined();
    expect(store.save(20, makeAnswer())).toBe(4);
  });

  it("has an epoch that fits the button format", () => {
    const store = new AnswerStore();
    expect(parseAction(`a:${store.epoch}:1:c1`)).not.toBeNull();
    expect(new AnswerStore().epoch).not.toBe(store.epoch);
  });
});
