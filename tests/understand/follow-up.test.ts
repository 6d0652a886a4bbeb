/**
 * Conversation as state, Duckling style: the question before, the message after it, and what
 * the message must resolve to (the real reader; no pipeline).
 */
import { describe, expect, it } from "vitest";
import { NEW_CONVERSATION, type ConversationState } from "../../src/understand/conversation.js";
import { FOLLOW_UP_EXAMPLES } from "../../src/understand/corpus/conversation.js";
import { contextNote, resolveFollowUp } from "../../src/understand/follow-up.js";
import { indicatorNames } from "../../src/understand/question.js";
import { read } from "./lexicon.js";

const PERIODS: Record<string, string[]> = {
  千山区: ["2021年", "2022年", "2023年"],
  海城市: ["2022年", "2023年"],
  台安县: ["2024年上半年"],
  铁东区: ["2022年", "2023年"],
  立山区: ["2024年上半年"],
  鞍山市: ["2023年"],
};
const corpus = { periodsOf: (region: string) => PERIODS[region] ?? [] };
const after = (question: string): ConversationState => ({ ...NEW_CONVERSATION, last: read(question) });

describe("a message resolved against the question before it", () => {
  it.each(FOLLOW_UP_EXAMPLES)("%s → %s", (before, message, expected) => {
    const r = resolveFollowUp(after(before), read(message), corpus);
    const q = r.question;
    expect(r.kind).toBe(expected.kind);
    if (expected.places) expect(q.scope.places.map((p) => p.name)).toEqual(expected.places);
    if (expected.years) expect(q.scope.period.years).toEqual(expected.years);
    if (expected.part !== undefined) expect(q.scope.period.part).toBe(expected.part);
    if (expected.indicators)
      expect(indicatorNames(q.subject).slice(0, expected.indicators.length)).toEqual(expected.indicators);
    if (expected.ask) expect(q.ask.kind).toBe(expected.ask);
    if (expected.carried) expect(r.carried.slice(0, expected.carried.length)).toEqual(expected.carried);
  });

  it("says what was taken from the question before", () => {
    const r = resolveFollowUp(after("千山区2023年税收收入完成多少"), read("那2021年呢"), corpus);
    expect(contextNote(r)).toBe("按上一问：千山区，“税收收入”");
    const year = resolveFollowUp(after("千山区2023年税收收入完成多少"), read("它去年增长多少"), corpus);
    expect(contextNote(year)).toBe("按上一问：千山区，“税收收入”，去年即2022年");
  });

  it("a new chat answers the message as it stands", () => {
    const r = resolveFollowUp(NEW_CONVERSATION, read("那2021年呢"), corpus);
    expect(r).toMatchObject({ kind: "new", carried: [] });
  });

  it("the default region fills a question that names none", () => {
    const state = { ...NEW_CONVERSATION, defaultRegion: "千山区" };
    expect(resolveFollowUp(state, read("2022年社零总额是多少"), corpus)).toMatchObject({
      kind: "new",
      carried: ["千山区（默认地区）"],
    });
    expect(resolveFollowUp(state, read("市发改委牵头哪些任务"), corpus).carried).toEqual([]);
  });
});

describe("references to a list shown", () => {
  const tasks: ConversationState = {
    ...after("市商务局牵头哪些任务"),
    list: { title: "市商务局牵头的任务", items: [{ task: 15 }, { task: 61 }, { task: 85 }], cursor: 0 },
  };
  const item = (state: ConversationState, message: string) => {
    const r = resolveFollowUp(state, read(message), corpus);
    return [
      r.kind,
      r.question.ask.kind === "task" && r.question.ask.query.by === "number"
        ? r.question.ask.query.number
        : null,
      r.listPosition,
    ];
  };

  it("takes an item by position, from the top or the end", () => {
    expect(item(tasks, "上面第二项谁牵头")).toEqual(["list-item", 61, 2]);
    expect(item(tasks, "第3项")).toEqual(["list-item", 85, 3]);
    expect(item(tasks, "第三个呢，牵头单位是哪个")).toEqual(["list-item", 85, 3]);
    expect(item(tasks, "最后一项的责任单位")).toEqual(["list-item", 85, 3]);
  });

  it("goes on from the item looked at", () => {
    const looked = { ...tasks, list: { ...tasks.list!, cursor: 1 } };
    expect(item(looked, "下一个")).toEqual(["list-item", 61, 2]);
    expect(item({ ...tasks, list: { ...tasks.list!, cursor: 2 } }, "再下一个")).toEqual(["list-item", 85, 3]);
    expect(item(looked, "上一项")).toEqual(["list-item", 15, 1]);
  });

  it("counts the list", () => {
    expect(resolveFollowUp(tasks, read("总共几项"), corpus).kind).toBe("list-count");
    expect(resolveFollowUp(tasks, read("一共多少个"), corpus).kind).toBe("list-count");
  });

  it("a task number beyond the list is the task of that number", () => {
    expect(item(tasks, "第153项讲的是什么")).toEqual(["new", 153, null]);
  });
});
