/**
 * Conversations on the real pipeline: the state a chat keeps (the last question, what its answer
 * showed, any list with positions) and how follow-ups use it — list navigation, pronouns, 去年
 * counted from the year discussed, a place with its parent, small talk that leaves the state
 * alone, and a complete question after 那 that starts afresh.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { AnswerService, ConversationTurn } from "../../src/answer/answer-service.js";
import { NEW_CONVERSATION, type ConversationState } from "../../src/understand/conversation.js";
import { realService } from "./service.js";

let service: AnswerService;
beforeAll(async () => {
  service = await realService();
});

/** Asks the messages in turn, each with the state the one before left. */
async function chat(...messages: string[]): Promise<ConversationTurn[]> {
  const turns: ConversationTurn[] = [];
  let state: ConversationState = NEW_CONVERSATION;
  for (const m of messages) {
    const turn = await service.askInConversation(m, state);
    turns.push(turn);
    state = turn.state;
  }
  return turns;
}

describe("a list shown, navigated", () => {
  it("by position, next, and count", async () => {
    const [list, second, next, again, count] = await chat(
      "市教育局牵头的任务有哪些",
      "上面第二项的责任单位",
      "下一个",
      "再下一个",
      "一共几项",
    );
    expect(list!.answer.list?.items.map((i) => i.label.slice(0, 6))).toEqual([
      "第104项 ",
      "第105项 ",
      "第106项 ",
      "第107项 ",
      "第108项 ",
    ]);
    expect(list!.state.list?.items).toHaveLength(5);
    expect(second!.answer.text).toContain("第105项任务");
    expect(second!.answer.text).toMatch(/^按上一问：市教育局牵头的任务第2项/u);
    expect(next!.answer.text).toContain("第106项任务");
    expect(again!.answer.text).toContain("第107项任务");
    expect(count!.answer.text).toContain("市教育局牵头的任务共5项（按上一条回答列出的条目清点）");
  });

  it("after one task, 下一项 is the next task of the table and 它 is that task", async () => {
    const [, next, it] = await chat("任务分解方案第90项讲的是什么", "下一项呢", "它由哪个部门牵头");
    expect(next!.answer.text).toContain("第91项任务");
    expect(it!.answer.text).toContain("第91项任务");
  });
});

describe("pronouns and relative years", () => {
  it("它去年 is the same indicator a year before the one discussed", async () => {
    const [, last] = await chat("铁东区2023年城镇居民人均可支配收入多少", "它去年增长了多少");
    expect(last!.answer.text).toBe(
      "按上一问：铁东区，“城镇居民人均可支配收入”，去年即2022年\n铁东区2022年城镇居民人均可支配收入为53911元，同比增长2.1%[1]。",
    );
  });

  it("这个指标 with another year", async () => {
    const [, last] = await chat("铁东区2022年商品房销售面积多少", "这个指标2023年呢");
    expect(last!.answer.text).toContain("22.8万平");
  });
});

describe("places", () => {
  it("a place named with its parent after a same-named place elsewhere is answered", async () => {
    const [refused, answered] = await chat("四平市铁东区2022年GDP多少", "那鞍山市铁东区2022年的呢");
    expect(refused!.answer.status).toBe("not_found");
    expect(answered!.answer.status).toBe("answered");
    expect(answered!.answer.text).toContain("285.9亿元");
  });

  it("a part of the year the new place lacks is refused, not answered with whole years", async () => {
    const [, other] = await chat("立山区上半年社零完成多少", "铁东区呢");
    expect(other!.answer.status).toBe("not_found");
    expect(other!.answer.text).not.toContain("140.1");
  });
});

describe("small talk leaves the state alone", () => {
  it("the next follow-up still uses the question before the chatter", async () => {
    const [first, chatter, thanks, follow] = await chat(
      "立山区2024年上半年一般公共预算收入多少",
      "大家中午吃什么",
      "谢谢",
      "增速呢",
    );
    expect(chatter!.answer.text).not.toContain("按上一问");
    expect(chatter!.state).toBe(first!.state);
    expect(thanks!.state).toBe(first!.state);
    expect(follow!.answer.text).toContain("8.4%");
  });
});

describe("new questions", () => {
  it("a complete question after 那么 starts afresh", async () => {
    const [, fresh] = await chat("铁东区2023年结婚登记多少对", "那么铁东区2022年工伤保险人数多少");
    expect(fresh!.answer.text).toBe("铁东区2022年工伤保险人数为28820人[1]。");
  });

  it("source requests cite the previous answer", async () => {
    const [, source] = await chat("铁东区2022年审批事项网上可办多少项", "原文怎么写的");
    expect(source!.answer.text).toContain("原文摘录：");
    expect(source!.answer.citations[0]!.quote).toContain("895");
  });
});

describe("substitution frames (换成 2022年 was read as a topic and carried into the next turn)", () => {
  it("换成 / 改成 / 如果是 put a period, a place or an indicator in place of the last one", async () => {
    const [, year, growth, place, indicator] = await chat(
      "铁东区2023年社会消费品零售总额完成多少",
      "换成2022年呢",
      "它增长了多少",
      "改成立山区呢",
      "如果是GDP呢",
    );
    expect(year!.answer.status).toBe("answered");
    expect(year!.answer.text).toContain("铁东区2022年社会消费品零售总额为128.4亿元");
    expect(growth!.answer.text).toContain("同比增长0.7%");
    expect(growth!.answer.text).not.toContain("换成");
    expect(place!.answer.text).toContain("立山区2024年上半年社会消费品零售总额为22亿元");
    expect(indicator!.answer.text).toContain("立山区2024年上半年地区生产总值为63.65亿元");
  });

  it("a turn refused for words the documents never use leaves the last good subject in place", async () => {
    const [, refused, next] = await chat("铁东区2023年地区生产总值是多少", "那夸克星云呢", "2022年呢");
    expect(refused!.answer.status).toBe("not_found");
    expect(refused!.state.last?.subject.indicators[0]?.names[0]).toBe("地区生产总值");
    expect(next!.answer.text).toContain("铁东区2022年地区生产总值为285.9亿元");
  });
});
