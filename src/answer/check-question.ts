/**
 * Rejects input that is not a question we can answer (empty, too long, no Chinese text),
 * with a helpful reply instead of an error.
 */
import { normaliseQuestion } from "../ingest/normalise.js";
import type { Draft } from "./answer-question.js";

/** Longest question we try to answer, in characters. */
export const MAX_QUESTION_CHARS = 300;

/** Example questions shown when input cannot be answered. */
export const EXAMPLES = [
  "铁东区2023年社零总额是多少",
  "对比铁东区2022和2023年的GDP",
  "立山区上半年组织了多少场招聘会",
  "发布数字经济应用场景机会清单的牵头单位",
  "/cite 铁东区2023年社零总额",
];

const reply = (text: string): Draft => ({
  status: "not_found",
  text,
  facts: [],
  book: null,
  options: EXAMPLES,
});

/** A reply for unusable input, or null when the question can be answered. */
export function checkQuestion(question: string): Draft | null {
  const examples = `例如：\n${EXAMPLES.map((e) => `- ${e}`).join("\n")}`;
  // Too long is decided before normalising, so no question costs more than a bounded amount
  // of work before it is refused (issue 12, item 3: a 200k-character question).
  const tooLong = question.length > MAX_QUESTION_CHARS;
  const text = tooLong
    ? question.trim()
    : normaliseQuestion(question)
        .replace(/^\/(cite|compare)(@\w+)?/iu, "")
        .trim();
  if (text === "") return reply(`请输入要查询的问题。${examples}`);
  if (tooLong) {
    return reply(
      `问题太长了（${question.length}字）。请用一句话提问，不超过${MAX_QUESTION_CHARS}字。${examples}`,
    );
  }
  if (!/\p{Script=Han}/u.test(text)) {
    return reply(`目前只能回答关于鞍山市统计公报和工作报告的中文问题。${examples}`);
  }
  return null;
}
