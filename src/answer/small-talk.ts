/**
 * Replies that need no documents: small talk (greetings, thanks, acknowledgements, farewells,
 * questions about the bot, everyday chatter) answered briefly, and input that cannot be read
 * (empty, too long, not Chinese, nothing to look up) answered with what to ask instead — with
 * examples built from the corpus (examples.ts). Never a figure, never a stack trace.
 */
import type { Question } from "../understand/question.js";
import { MAX_QUESTION_CHARS } from "../understand/understand.js";
import { decline, type Draft, type Outcome } from "./types.js";

/** Example questions and the text that introduces them, for the replies below. */
export interface ExampleSet {
  examples: readonly string[];
}

const draft = (status: Draft["status"], text: string, options: readonly string[] = []): Draft => ({
  status,
  text,
  facts: [],
  book: null,
  options: [...options],
});

const listed = (examples: readonly string[]) => `例如：\n${examples.map((e) => `- ${e}`).join("\n")}`;

/** The reply to small talk. */
export function smallTalk(q: Question, examples: readonly string[]): Outcome {
  if (q.ask.kind !== "chit-chat") return decline("not small talk");
  const first = examples[0] ? `例如：${examples[0]}` : "";
  switch (q.ask.what) {
    case "greeting":
      return draft(
        "answered",
        `您好！我根据已收录的统计公报、工作报告等文件回答问题，每个数字都注明出处。${first}`,
      );
    case "thanks":
      return draft("answered", "不客气！还有问题可以接着问。");
    case "ack":
      return draft("answered", "好的。还有问题可以接着问。");
    case "farewell":
      return draft("answered", "再见！");
    case "identity":
      return draft(
        "answered",
        `我是统计公报问答助手：根据已收录的统计公报、政府工作报告等文件回答问题，每个数字都注明出处，发送 /sources 可查看收录的文件。${listed(examples)}`,
        examples,
      );
    case "chatter":
      return draft(
        "not_found",
        `这个问题不在已收录的资料范围内。我可以回答统计公报和工作报告里的问题，${first}`,
        examples.slice(0, 1),
      );
  }
}

/** The reply to input that cannot be read as a question. */
export function unreadable(q: Question, examples: readonly string[]): Outcome {
  if (q.ask.kind !== "unclear") return decline("the question was read");
  const list = listed(examples);
  switch (q.ask.why) {
    case "empty":
      return draft("not_found", `请输入要查询的问题。${list}`, examples);
    case "too-long":
      return draft(
        "not_found",
        `问题太长了（${q.original.length}字）。请用一句话提问，不超过${MAX_QUESTION_CHARS}字。${list}`,
        examples,
      );
    case "not-chinese":
      return draft("not_found", `目前只能回答关于已收录的统计公报和工作报告的中文问题。${list}`, examples);
    case "no-subject":
      return draft(
        "clarify",
        `这个问题没有说明要查询的指标或事项，请补充，${examples[0] ? `例如：${examples[0]}` : "例如地区、年份和指标名称。"}`,
        examples,
      );
  }
}
