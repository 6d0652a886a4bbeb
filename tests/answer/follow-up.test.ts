/**
 * Conversation context as a pure function: state and message in, the question to answer out
 * (real question parser and alias file; no pipeline).
 */
import { describe, expect, it } from "vitest";
import {
  contextNote,
  NEW_CONVERSATION,
  nextState,
  resolveFollowUp,
  type ConversationState,
} from "../../src/answer/follow-up.js";
import { loadVocabulary } from "../../src/indicators/aliases.js";
import { parseQuestion } from "../../src/retrieve/parse-question.js";

const vocabulary = loadVocabulary();
const parse = (q: string) => parseQuestion(q, vocabulary);
const PERIODS: Record<string, string[]> = { 铁东区: ["2022年", "2023年"], 立山区: ["2024年上半年"] };
const periodsOf = (r: string) => PERIODS[r] ?? [];
const after = (question: string): ConversationState => ({ lastQuestion: question, defaultRegion: null });
const resolve = (state: ConversationState, message: string) =>
  resolveFollowUp(state, message, parse, periodsOf);

describe("resolveFollowUp", () => {
  it("a new chat answers the message as it is", () => {
    expect(resolve(NEW_CONVERSATION, "那2022年呢")).toEqual({
      question: "那2022年呢",
      kind: "new",
      carried: [],
    });
  });

  it("a period follow-up keeps region and subject", () => {
    const r = resolve(after("铁东区2023年GDP是多少"), "那2022年呢");
    expect(r).toMatchObject({ question: "铁东区2022年GDP是多少", kind: "follow-up", sameTopic: true });
    expect(contextNote(r)).toBe("按上一问：铁东区，“GDP是多少”");
  });

  it("a region follow-up drops a period the new region does not have", () => {
    expect(resolve(after("铁东区2023年GDP是多少"), "立山区呢").question).toBe("立山区GDP是多少");
    expect(resolve(after("铁东区2023年GDP是多少"), "铁东区呢").question).toBe("铁东区2023年GDP是多少");
  });

  it("an intent follow-up replaces the ask and keeps the subject", () => {
    expect(resolve(after("铁东区2023年社零总额是多少"), "增速呢")).toMatchObject({
      question: "铁东区2023年社零总额增速是多少",
      sameTopic: false,
    });
    expect(resolve(after("鞍山市2023年计划投放多少套城乡健身路径"), "牵头单位是谁").question).toBe(
      "鞍山市2023年计划投放城乡健身路径的牵头单位",
    );
  });

  it("a measure follow-up asks about the same subject", () => {
    expect(resolve(after("铁东区2022年长寿命软管装了多少户"), "安装率呢").question).toBe(
      "铁东区2022年长寿命软管装安装率是多少",
    );
  });

  it("a comparison follow-up compares the two periods", () => {
    expect(resolve(after("铁东区2023年GDP是多少"), "和2022年比呢").question).toBe(
      "铁东区2023年和2022年GDP是多少",
    );
  });

  it("an indicator follow-up keeps region and period", () => {
    expect(resolve(after("铁东区2023年GDP是多少"), "社零呢").question).toBe("铁东区2023年社零");
  });

  it("source requests cite the previous question", () => {
    for (const m of ["原文呢", "出处", "/cite", "来源是什么"]) {
      expect(resolve(after("铁东区2023年GDP是多少"), m)).toEqual({
        question: "/cite 铁东区2023年GDP是多少",
        kind: "cite",
        carried: ["铁东区2023年GDP是多少"],
      });
    }
  });

  it("a full new question resets the context", () => {
    expect(resolve(after("铁东区2023年GDP是多少"), "立山区上半年组织了多少场招聘会")).toEqual({
      question: "立山区上半年组织了多少场招聘会",
      kind: "new",
      carried: [],
    });
    expect(resolve(after("铁东区2023年GDP是多少"), "发布数字经济应用场景机会清单的牵头单位").kind).toBe(
      "new",
    );
  });

  it("the default region fills a question that names none", () => {
    const state = { lastQuestion: null, defaultRegion: "铁东区" };
    expect(resolve(state, "2022年社零总额是多少")).toEqual({
      question: "铁东区2022年社零总额是多少",
      kind: "new",
      carried: ["铁东区（默认地区）"],
    });
    expect(resolve(state, "立山区上半年GDP").question).toBe("立山区上半年GDP");
    expect(resolve(state, "市发改委牵头哪些任务").question).toBe("市发改委牵头哪些任务");
  });
});

describe("nextState", () => {
  it("remembers the resolved question, and a source request keeps it", () => {
    const s1 = nextState(NEW_CONVERSATION, { question: "铁东区2023年GDP", kind: "new", carried: [] });
    expect(s1.lastQuestion).toBe("铁东区2023年GDP");
    const s2 = nextState(s1, { question: "/cite 铁东区2023年GDP", kind: "cite", carried: [] });
    expect(s2).toBe(s1);
    const s3 = nextState(
      { ...s1, defaultRegion: "立山区" },
      { question: "/cite 立山区GDP", kind: "new", carried: [] },
    );
    expect(s3).toEqual({ lastQuestion: "立山区GDP", defaultRegion: "立山区" });
  });
});
