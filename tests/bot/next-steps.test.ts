/** The buttons under an answer (next-steps.ts), with a stub service's catalogue. */
import { describe, expect, it } from "vitest";
import { actionData, answerKeyboard, askSteps, parseAction } from "../../src/bot/next-steps.js";
import { makeAnswer, makeCitation, stubService } from "./fixtures.js";

const ref = { epoch: "e1", answerId: 7 };
/** The stub with a catalogue: 铁东区 GDP-like rows in 2022 and 2023, 鞍山市 as parent. */
function service() {
  const s = stubService();
  s.neighbouringPeriods = (region, _indicator, period) =>
    region === "铁东区" && period === "2023年"
      ? { earlier: "2022年", later: null }
      : { earlier: null, later: null };
  s.parentRegion = (region) => (region === "铁东区" ? "鞍山市" : null);
  s.periodsOf = (region) => (region === "鞍山市" ? ["2022年", "2023年"] : []);
  return s;
}
const labels = (rows: Array<Array<{ text: string }>>) => rows.map((r) => r.map((b) => b.text));

describe("next steps under an answer", () => {
  it("offers 原文, 导出, the neighbouring year and the parent region", () => {
    expect(labels(answerKeyboard(makeAnswer(), ref, service()))).toEqual([
      ["原文"],
      ["📥 导出"],
      ["◀ 2022年", "鞍山市同指标"],
    ]);
    expect(askSteps(makeAnswer(), service())).toEqual([
      { label: "◀ 2022年", question: "铁东区2022年社会消费品零售总额是多少" },
      { label: "鞍山市同指标", question: "鞍山市2023年社会消费品零售总额是多少" },
    ]);
  });

  it("asks a growth question again as a growth question", () => {
    const growth = makeAnswer({ intent: "growth" });
    expect(askSteps(growth, service())[0]!.question).toBe("铁东区2022年社会消费品零售总额增速是多少");
  });

  it("numbers the 原文 buttons when there are several, at most eight", () => {
    const citations = Array.from({ length: 10 }, (_, i) => makeCitation({ id: i + 1 }));
    const rows = answerKeyboard(makeAnswer({ citations, facts: [] }), ref, service());
    expect(labels(rows).slice(0, 2)).toEqual([
      ["原文 [1]", "原文 [2]", "原文 [3]", "原文 [4]"],
      ["原文 [5]", "原文 [6]", "原文 [7]", "原文 [8]"],
    ]);
  });

  it("turns a clarification's choices into one button each", () => {
    const answer = makeAnswer({
      status: "clarify",
      facts: [],
      citations: [],
      options: ["2023年铁东区社零总额是多少"],
    });
    const rows = answerKeyboard(answer, ref, service());
    expect(rows).toEqual([[{ text: "2023年铁东区社零总额是多少", callback_data: "a:e1:7:q0" }]]);
  });

  it("offers nothing but 原文 for a not-found answer", () => {
    const answer = makeAnswer({ status: "not_found", facts: [], citations: [] });
    expect(answerKeyboard(answer, ref, service())).toEqual([]);
  });

  it("round-trips the callback data within 64 bytes, and rejects anything else", () => {
    const big = { epoch: "zzzzzzzzzzzz", answerId: 999_999_999_999_999 };
    for (const action of [
      { kind: "cite", citationId: 9999 },
      { kind: "chart", chart: "series" },
      { kind: "export" },
      { kind: "ask", index: 12 },
    ] as const) {
      const data = actionData(big, action);
      expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
      expect(parseAction(data)).toEqual({ ref: big, action });
    }
    expect(parseAction("c:e1:7:1")).toBeNull();
    expect(parseAction("a:E1:7:c1")).toBeNull();
  });
});
