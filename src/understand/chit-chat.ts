/**
 * The chit-chat dimension: greetings, thanks, acknowledgements, farewells, questions about the
 * bot itself and everyday chatter (大家中午吃什么) are recognised as such, answered briefly and
 * never taken for a question about the documents or carried into a conversation. A message is
 * chatter only when it has no anchor in the documents' world (a place, a period, an indicator,
 * a figure asked, a task word): `今天天气怎么样` is chatter, `铁东区2023年天然气用量` is not.
 * Example corpus: src/understand/corpus/chit-chat.ts.
 */
import type { ChitChat } from "./question.js";

const TAIL = "[啊呀啦吧哈嘛哦噢喔了的～~！!。.？?，,\\s]*";
const WHOLE: ReadonlyArray<[ChitChat, RegExp]> = [
  [
    "greeting",
    new RegExp(
      `^(?:你好|您好|你们好|大家好|hi|hello|hey|哈喽|嗨|早上好|上午好|中午好|下午好|晚上好|早安|晚安|早|在吗|在不在|有人吗)${TAIL}$`,
      "iu",
    ),
  ],
  [
    "thanks",
    new RegExp(
      `^(?:(?:好的|嗯|收到)[，,\\s]*)?(?:谢谢(?:你|您|啦)?|多谢|感谢(?:你|您)?|辛苦(?:了|啦)?|thx|thanks|thank you)${TAIL}$`,
      "iu",
    ),
  ],
  [
    "ack",
    new RegExp(
      `^(?:(?:好的?|好滴|好嘞|嗯+|哦+|噢+|ok|okay|收到|明白了?|懂了|知道了|了解了?|行|可以|没问题|对|是的|没事了?|不用了)[，,、\\s]*)+${TAIL}$`,
      "iu",
    ),
  ],
  ["farewell", new RegExp(`^(?:再见|拜拜|回头见|下次见|下次再聊|bye)${TAIL}$`, "iu")],
  [
    "identity",
    new RegExp(
      `^(?:你是谁|你叫什么(?:名字)?|你是(?:什么|机器人|人工智能|AI)|你能(?:做|干)什么|你会(?:做)?什么|怎么(?:用|使用|提问)|有(?:什么|哪些)功能|能问(?:什么|哪些)|可以问(?:什么|哪些))${TAIL}$`,
      "iu",
    ),
  ],
];

/** Words of everyday life that no statistical question is about on its own. */
const EVERYDAY =
  /吃|喝|饭|菜|天气|下雨|冷不冷|热不热|周末|电影|游戏|睡觉|哈哈|嘿嘿|呵呵|笑死|下班|上班|加班|中午|晚饭|午饭|早饭|咖啡|奶茶|外卖|放假|假期|生日|快乐|红包|聚餐|唱歌|心情|无聊|好累|累了/u;
/** What ties a message to the documents: figures asked, data words, task words. */
const ANCHOR =
  /\d|多少|几[个项家户人次名元亿万]|增长|增速|下降|比重|占比|统计|公报|报告|指标|数据|任务|牵头|责任|目标|计划|完成|收入|投资|产值|就业|企业|项目|工程|改造|建设|政策|财政|税|人口|经济|社会|民生|政府|全区|全市|区委|市委/u;

/** Leading small talk before a real question (`好的，那2021年呢`, `谢谢！立山区呢`). */
const LEADING =
  /^(?:好的?|好滴|嗯+|哦+|谢谢(?:你|您)?|多谢|收到|明白了?|ok|okay|你好|您好)[，,。！!～~\s]+(?=\S)/iu;

/** The small talk a whole message is, or null when it is (or may be) a question. */
export function readChitChat(text: string, anchored: boolean): ChitChat | null {
  const t = text.trim();
  for (const [what, pattern] of WHOLE) if (pattern.test(t)) return what;
  if (!anchored && EVERYDAY.test(t) && !ANCHOR.test(t)) return "chatter";
  return null;
}

/** A message without the small talk it opens with (the rest is read as a question). */
export function withoutLeadingChitChat(text: string): string {
  return text.replace(LEADING, "");
}
