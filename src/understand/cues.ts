/**
 * The conversation-cue dimension: how a message leans on the one before it.
 * - a leading 那 / 那么 / 还有 / 另外 / 再 and a trailing 呢 mark a follow-up (a complete question
 *   with such a mark is still complete: `那铁东区2022年的税收收入是多少`);
 * - pronouns refer back to the subject: 它, 其, 这个指标, 该指标, 同一指标, 这项, 刚才那个, 上面那个;
 * - a request for the source of the last answer: 原文呢, 出处, 来源是什么, 依据;
 * - references to a list the last answer showed: 下一个, 再下一个, 第3项, 上面第二项谁牵头,
 *   总共几个.
 * Example corpus: src/understand/corpus/cues.ts.
 */
import { parseHanNumeral } from "../indicators/parse-figure.js";
import type { MarkedText } from "./marks.js";
import type { ListRef, ListWant } from "./question.js";

/** A leading follow-up mark; 还有 only when it does not ask 还有多少. */
const LEADING_MARK = /^(?:那么|那就|那|还有(?![多少几])|另外|再问一下|再问|再看看|再查|再)(?=\S)/u;
/** A trailing 呢, with what may follow it. */
const TRAILING_NE = /呢[？?]?$/u;

/**
 * A substitution frame: the message puts something in place of a part of the last question —
 * a condition (如果 / 要是 / 假如 / 换作 …), a verb of putting instead (换成 / 换为 / 改成 / 改为 /
 * 换到 / 切换到 …) or of looking again (再看 / 再查 / 再来), after an optional 那. What the frame
 * wraps is a place, a period, an indicator or a mix; its ending (怎么样 / 如何 / 的情况) asks
 * nothing of its own. A verb needs its complement (换成, not 换届; 改为, not 改革; 若是, not 若干).
 */
const CONDITION = "(?:如果|要是|假如|假设|若是|换作|换做)";
const PUT_INSTEAD =
  "(?:换成|换为|换到|改成|改为|改到|改作|改查|改看|改问|换查|换看|切换到|切换成|切换为|切到|变成)(?=\\S)";
/** A verb of looking after a condition (要是看2022年的话). */
const LOOK = "(?:看看|看一下|看|查查|查一下|查|问问|问)";
const LOOK_AGAIN = "(?:再看看|再看一下|再看|再查查|再查一下|再查|再来看看|再来看|再来|再说说)";
/** Another of a kind (换个年份, 换一个地区), the same question again (同样的问题问…, 一样问一下). */
const ANOTHER =
  "(?:(?:换|改)(?:个|一个|一下)(?:年份|年度|时间|时期|年|地方|地区|区县|区|县|城市|指标|数据|口径)?|(?:同样的?|一样的?|同一个?)(?:问题(?:问问|问一下|问下|问|查一下|查)?|问问|问一下|问下|问|查一下|查))";
const SUBSTITUTION_LEAD = new RegExp(
  `^(?:那么|那就|那)?[，,]?(?:${CONDITION}(?:是|说)?(?:${PUT_INSTEAD}|${LOOK})?|${PUT_INSTEAD}|${ANOTHER}|${LOOK_AGAIN}(?:一下)?)[，,：:\\s]*`,
  "u",
);
/** What ends a substitution frame without asking anything of its own. */
const SUBSTITUTION_END =
  /(?:的)?(?:情况)?(?:又)?(?:会)?(?:怎么样|怎样|如何|咋样)(?:呢)?$|的情况呢?$|再(?:看看?|查查?|来|试试)?(?:呢)?$|的话(?:呢)?$/u;

/** How a message leans on the one before it. */
export interface FollowUpMark {
  /** The message without its leading mark or frame. */
  text: string;
  /** Whether it had a leading mark, a substitution frame or a trailing 呢. */
  marked: boolean;
  /** Whether a substitution frame (换成…, 如果是…, 再看…) wrapped it. */
  substitution: boolean;
}

/** The message without its leading follow-up mark or substitution frame, and which it had. */
export function readFollowUpMark(text: string, startsWithPlace: boolean): FollowUpMark {
  const frame = startsWithPlace ? null : SUBSTITUTION_LEAD.exec(text);
  // The frame must leave something to put in (换成 alone asks nothing).
  if (frame && frame[0].length < text.length && /[^，,\s]/u.test(frame[0])) {
    const inner = text.slice(frame[0].length);
    const rest = inner.replace(SUBSTITUTION_END, "");
    if (rest !== "") return { text: rest, marked: true, substitution: true };
  }
  const lead = startsWithPlace ? null : LEADING_MARK.exec(text);
  const rest = lead ? text.slice(lead[0].length).replace(/^[，,\s]+/u, "") : text;
  return { text: rest, marked: lead !== null || TRAILING_NE.test(text), substitution: false };
}

/** Words that refer back to the subject of the last question. */
const PRONOUN =
  /(?:刚才|上面|前面|之前)(?:那个|那项|那条|的那个|说的那个|问的那个|的)?(?:指标|数据|数字|任务)?|(?:这|那)(?:个|项|一)(?:指标|数据|数字|数|任务)|该(?:指标|项|数据|任务)|(?:同一|同样的?|相同的?)个?(?:指标|数据|项目)|此(?:项|指标)|它的?|其(?=[增下同比占])|这个|这项|这一项/gu;

/** Takes the pronouns of a question; true when it had one. */
export function takePronouns(text: MarkedText): boolean {
  return text.takeAll(PRONOUN).length > 0;
}

/** A request for the source of the previous answer, the whole message. */
const SOURCE_REQUEST =
  /^(?:它的|这个的?|上面的?|刚才的?|那)?(?:原文|出处|来源|原话|原句|引文|依据|出自哪里|哪里来的|数据来源)(?:呢|是什么|在哪里?|是哪句话?|怎么写的?|怎么说的?|(?:给|发)(?:我)?(?:看看|看一下|一下)?|看看|看一下)?$/u;

/** Which document the last figure came from: 这个数据是哪个文件里的, 出自哪份公报. */
const WHICH_DOCUMENT =
  /^(?:它|这个|这|该|上面的?|刚才的?)?(?:数据|数字|数|指标|说法)?(?:是|出自|来自|引自|源自)?(?:哪个|哪份|哪一份|哪一个|哪篇|什么)(?:文件|文档|公报|报告|材料|资料)(?:里|中|上)?(?:的|说的|写的|来的)?(?:呢|啊)?$/u;

/** Whether a whole message asks for the source of the previous answer. */
export function isSourceRequest(text: string): boolean {
  const t = text.trim();
  return SOURCE_REQUEST.test(t) || WHICH_DOCUMENT.test(t);
}

/** What a list reference asks about the item. */
function wantOf(rest: string): ListWant {
  const lead = /牵头/u.test(rest);
  const responsible = /责任单位|责任部门/u.test(rest);
  if (lead && !responsible) return "lead";
  if (responsible && !lead) return "responsible";
  if (lead || /谁负责|哪个(?:单位|部门)|由谁|谁来|单位/u.test(rest)) return "units";
  return "detail";
}

const ORDINAL = "(\\d{1,3}|[一二两三四五六七八九十]{1,3})";
const NEXT =
  /^(?:再|接着|然后|那)?(?:往下|下一个|下一项|下一条|后一个|后一项|下个|往后一个)(?:呢|是什么|是哪个|是啥)?/u;
const PREVIOUS = /^(?:再)?(?:上一个|上一项|上一条|前一个|前一项)(?:呢|是什么)?/u;
const ITEM = new RegExp(
  `^(?:那)?(?:上面|刚才|列表|其中|前面)?(?:的)?第${ORDINAL}(?:个|项|条)(?:任务)?(?:呢)?`,
  "u",
);
const LAST_ITEM =
  /^(?:那)?(?:上面|刚才|列表里?|其中)?的?(?:最后一项|最后一个|最后一条|末项)(?:任务)?(?:呢)?/u;
const WHICH_NUMBER =
  /^(?:那)?(?:这|它|这个|该项|这项)?(?:是|为)?(?:任务分解(?:方案)?(?:里|中)?的?)?第几(?:项|条|个)(?:任务)?$/u;
const MARKED_ITEM = new RegExp(`^(?:那)?(?:上面|刚才|列表里?|其中|前面)的?第${ORDINAL}(?:个|项|条)`, "u");
const COUNT =
  /^(?:那)?(?:上面|刚才|这些|列表里?)?(?:总共|一共|共计|合计|共)(?:有|是)?(?:多少|几)(?:个|项|条|家)?(?:任务)?(?:呢)?$/u;
const CURRENT =
  /^(?:那)?(?:刚才那个|上面那个|这个|这项|这一项|这条|该项|它)(?:任务)?(?:的)?(?=.*(?:牵头|责任|负责|谁|单位|部门))/u;

/**
 * A reference to the list the last answer showed, or null. `explicit` is true when the message
 * says it refers back (上面第二项, 下一个); a bare `第3项…` is left to the conversation to decide
 * (a list item when a list was shown, else a task number).
 */
export function readListRef(text: string): { ref: ListRef; explicit: boolean } | null {
  const t = text.trim();
  const count = COUNT.exec(t);
  if (count) return { ref: { to: "count" }, explicit: true };
  const next = NEXT.exec(t);
  if (next && t.length - next[0].length <= 8)
    return { ref: { to: "next", steps: 1, want: wantOf(t.slice(next[0].length)) }, explicit: true };
  const previous = PREVIOUS.exec(t);
  if (previous && t.length - previous[0].length <= 8)
    return { ref: { to: "next", steps: -1, want: wantOf(t.slice(previous[0].length)) }, explicit: true };
  const item = ITEM.exec(t);
  if (item && t.length - item[0].length <= 12) {
    const n = /^\d+$/u.test(item[1]!) ? Number(item[1]) : parseHanNumeral(item[1]!);
    if (n !== null && n > 0)
      return {
        ref: { to: "item", position: n, want: wantOf(t.slice(item[0].length)) },
        explicit: MARKED_ITEM.test(t),
      };
  }
  const last = LAST_ITEM.exec(t);
  if (last && t.length - last[0].length <= 12)
    return { ref: { to: "item", position: -1, want: wantOf(t.slice(last[0].length)) }, explicit: true };
  if (WHICH_NUMBER.test(t)) return { ref: { to: "current", want: "detail" }, explicit: true };
  const current = CURRENT.exec(t);
  if (current && t.length - current[0].length <= 10)
    return { ref: { to: "current", want: wantOf(t.slice(current[0].length)) }, explicit: true };
  return null;
}
