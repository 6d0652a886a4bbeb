/**
 * The follow-up mark's example corpus: how people lean on the question before — a leading
 * 那 / 那么 / 还有, a trailing 呢, and substitution frames that put a place, a period or an
 * indicator in place of the last one (换成 / 换为 / 改成 / 改为 / 换到 / 切换到, 如果是 / 要是 /
 * 假如, 再看 / 再查 / 再来), with endings that ask nothing of their own (怎么样, 如何, 的情况).
 * Written from how staff type in a chat; the test is tests/understand/cues.test.ts.
 * Each line: the message (in written form), what is left to read, and whether it leans back.
 */

/** What a message's follow-up mark must leave. */
export interface MarkExample {
  text: string;
  marked: boolean;
  substitution: boolean;
}

export const MARK_EXAMPLES: Array<[message: string, expected: MarkExample]> = [
  // substitution frames around a period, a place, an indicator
  ["换成2021年呢", { text: "2021年呢", marked: true, substitution: true }],
  ["换为上半年的", { text: "上半年的", marked: true, substitution: true }],
  ["改成海城市呢", { text: "海城市呢", marked: true, substitution: true }],
  ["改为千山区", { text: "千山区", marked: true, substitution: true }],
  ["换到台安县看看", { text: "台安县看看", marked: true, substitution: true }],
  ["切换到2022年", { text: "2022年", marked: true, substitution: true }],
  ["那换成税收收入呢", { text: "税收收入呢", marked: true, substitution: true }],
  ["换成财政收入怎么样", { text: "财政收入", marked: true, substitution: true }],
  ["改成固投的情况", { text: "固投", marked: true, substitution: true }],
  // conditions
  ["如果是2021年呢", { text: "2021年呢", marked: true, substitution: true }],
  ["要是海城市呢", { text: "海城市呢", marked: true, substitution: true }],
  ["那要是换成千山区会怎样", { text: "千山区", marked: true, substitution: true }],
  ["假如是一季度呢", { text: "一季度呢", marked: true, substitution: true }],
  ["要是看2021年的话", { text: "2021年", marked: true, substitution: true }],
  ["如果查海城市的话呢", { text: "海城市", marked: true, substitution: true }],
  ["改查千山区", { text: "千山区", marked: true, substitution: true }],
  // looking again
  ["再看2021年的", { text: "2021年的", marked: true, substitution: true }],
  ["再查一下海城市", { text: "海城市", marked: true, substitution: true }],
  ["再来千山区的社零", { text: "千山区的社零", marked: true, substitution: true }],
  // another of a kind, the same question again
  ["换个年份，2021年呢", { text: "2021年呢", marked: true, substitution: true }],
  ["换一个地区，海城市", { text: "海城市", marked: true, substitution: true }],
  ["同样的问题问千山区", { text: "千山区", marked: true, substitution: true }],
  ["一样问一下2022年的", { text: "2022年的", marked: true, substitution: true }],
  ["换成固投再", { text: "固投", marked: true, substitution: true }],
  ["同一指标海城市呢", { text: "同一指标海城市呢", marked: true, substitution: false }],
  // plain marks
  ["那2021年呢", { text: "2021年呢", marked: true, substitution: false }],
  ["那么海城市的财政收入是多少", { text: "海城市的财政收入是多少", marked: true, substitution: false }],
  ["还有千山区的", { text: "千山区的", marked: true, substitution: false }],
  ["税收收入呢", { text: "税收收入呢", marked: true, substitution: false }],
  // not frames: a verb without its complement, words that merely start alike
  ["换届选举什么时候", { text: "换届选举什么时候", marked: false, substitution: false }],
  ["改革开放以来GDP增长多少", { text: "改革开放以来GDP增长多少", marked: false, substitution: false }],
  ["若干措施有哪些", { text: "若干措施有哪些", marked: false, substitution: false }],
  ["千山区2023年财政收入是多少", { text: "千山区2023年财政收入是多少", marked: false, substitution: false }],
  ["换成", { text: "换成", marked: false, substitution: false }],
];
