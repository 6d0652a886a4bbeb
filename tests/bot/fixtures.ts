/**
 * Hand-built data for the bot's unit tests (formatting, conversation logic). The end-to-end
 * tests under e2e/ use the real answering pipeline instead.
 */
import type { AnswerService } from "../../src/answer/answer-service.js";
import type { Answer, Citation, Fact, SourceListing } from "../../src/types.js";

export const TIEDONG_2023_TITLE = "鞍山市铁东区2023年国民经济和社会发展统计公报";

/** A citation of the real sentence in the 2023 Tiedong bulletin. */
export function makeCitation(overrides: Partial<Citation> = {}): Citation {
  return {
    id: 1,
    doc: "tiedong-2023-statistical-bulletin.txt",
    docId: "tiedong-2023-statistical-bulletin",
    title: TIEDONG_2023_TITLE,
    section: "一、综合",
    quote: "社会消费品零售总额完成140.1亿元，同比增长9.1%",
    original: "社会消费品零售总额完成140.1亿元，同比增长9.1%",
    figure: "140.1亿元",
    before: "商品房销售额完成13.3亿元，同比增长-35.5%",
    after: "一般公共预算 收入完成10.19亿元，同比增长31.3%",
    start: 100,
    end: 124,
    ...overrides,
  };
}

export function makeFact(overrides: Partial<Fact> = {}): Fact {
  return {
    region: "铁东区",
    period: "2023年",
    indicator: "社会消费品零售总额",
    value: "140.1亿元",
    number: 140.1,
    unit: "亿元",
    growth: "9.1%",
    growthPercent: 9.1,
    nature: "result",
    computed: false,
    citation: 1,
    ...overrides,
  };
}

/** The answer to 铁东区2023年社零总额是多少, as the pipeline is expected to shape it. */
export function makeAnswer(overrides: Partial<Answer> = {}): Answer {
  return {
    question: "铁东区2023年社零总额是多少",
    status: "answered",
    intent: "value",
    text: "铁东区2023年社会消费品零售总额为140.1亿元，同比增长9.1% [1]。",
    facts: [makeFact()],
    citations: [makeCitation()],
    options: [],
    timing_ms: 12,
    ...overrides,
  };
}

export const SOURCES: SourceListing[] = [
  {
    file: "tiedong-2023-statistical-bulletin.txt",
    title: TIEDONG_2023_TITLE,
    region: "铁东区",
    period: "2023年",
    kind: "统计公报",
    notes: [{ code: "title-city-mismatch", message: "标题中的城市名与正文不一致。" }],
  },
  {
    file: "lishan-2024h1-plan-execution-report.txt",
    title: "关于立山区2024年上半年国民经济和社会发展计划执行情况的报告",
    region: "立山区",
    period: "2024年上半年",
    kind: "计划执行报告",
    notes: [],
  },
];

/** A stub AnswerService that records questions; `answers` maps a question to its answer. */
export function stubService(answers: Record<string, Answer> = {}): AnswerService & { asked: string[] } {
  const asked: string[] = [];
  const service: AnswerService & { asked: string[] } = {
    asked,
    async askInConversation(message, state) {
      return { answer: await service.ask(message), state: { ...state, lastQuestion: message } };
    },
    async ask(question) {
      asked.push(question);
      return (
        answers[question] ??
        makeAnswer({
          question,
          status: "not_found",
          intent: "general",
          text: "没有找到相关数字。",
          facts: [],
          citations: [],
        })
      );
    },
    sources: () => SOURCES,
    excerpt: (c) =>
      `一、综合\n${c.before}；${c.quote.replace(c.figure ?? "", `【${c.figure}】`)}；${c.after}`,
    tables: () => ({ rows: [], tasks: [], meta: () => undefined, quote: () => "", section: () => "" }),
    holdings: () => [],
    indicatorsOf: () => [],
    periodsOf: () => [],
    neighbouringPeriods: () => ({ earlier: null, later: null }),
    parentRegion: () => null,
  };
  return service;
}
