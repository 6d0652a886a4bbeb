/**
 * The task dimension: questions over a task breakdown's table (任务分解方案) — a task by its
 * number (`第50项`, `第一百六十二项`), the task a quoted text is (`“…”是第几项`), the tasks of a
 * unit (`市发改委牵头哪些任务`, `某大学是哪些任务的责任单位`, `市卫健委负责哪些工作`: lead,
 * responsible, or either — and the answer says which), and the units of a task the question
 * describes (`发布…清单的牵头单位`). Units are matched against the units the tables hold
 * (see units.ts). Example corpus: src/understand/corpus/tasks.ts.
 */
import { parseHanNumeral } from "../indicators/parse-figure.js";
import type { MarkedText } from "./marks.js";
import type { TaskQuery, UnitRole } from "./question.js";
import { findUnitMention } from "./units.js";

const TASK_WORDS = /任务|牵头|责任单位|负责|承担|参与|点名|涉及|分管|主抓/u;
const ASKS_LIST = /哪些|哪几|几项|多少项|多少个|多少条|有几|什么任务|什么工作|列出|都是|清单/u;
const NUMBER = /第\s*(\d{1,4}|[零〇一二两三四五六七八九十百千]{1,8})\s*(?:项|条|个任务|号任务)/u;
const NUMBER_ASKS = /任务|牵头|责任|负责|讲|内容|是什么|什么|由谁|谁|单位|部门|多少|几|要|有没有/u;
const QUOTED =
  /[“"「]([^”"」]{2,80})[”"」]\s*(?:是|属于|为)?[^，。？?]*?(?:第几项|哪一项|哪项|哪个任务|哪条|第几条|几号任务)/u;
/** A task's text given without quotes: `消除大校额9所在任务分解里是第几项`. */
const UNQUOTED =
  /^(.{4,60}?)(?:在|是|属于|为)*(?:任务分解(?:方案)?|分解方案|方案)?(?:里|中)?的?(?:是|为)?(?:第几项|第几条|哪一项任务|哪项任务)(?:任务)?/u;
/** Words asking which unit is in charge of a task the question describes. */
export const ASKS_UNITS =
  /牵头单位|牵头部门|责任单位|责任部门|负责单位|主责部门|主管部门|(?:由)?(?:哪个|哪些|什么)(?:单位|部门)(?:来)?(?:牵头|负责|主抓|承担|来做|管)?|(?:由)?谁(?:来)?(?:牵头|负责|主抓|抓)|由谁|牵头/u;

/** The role a question asks a unit in: 牵头 → lead, 责任单位 → responsible, 负责/参与 → either. */
function roleOf(text: string): UnitRole {
  const lead = /牵头/u.test(text);
  const responsible = /责任/u.test(text);
  if (lead && !responsible) return "lead";
  if (responsible && !lead) return "responsible";
  return "any";
}

/** Reads a task-table question (by number, quoted text or unit), taking its words; else null. */
export function readTaskQuery(text: MarkedText, units: readonly string[]): TaskQuery | null {
  const t = text.text;
  const quoted = QUOTED.exec(t);
  if (quoted) {
    text.take(quoted.index, quoted.index + quoted[0].length);
    return { by: "quote", quote: quoted[1]!.trim() };
  }
  const unquoted = UNQUOTED.exec(t);
  if (unquoted) {
    text.take(0, t.length);
    return { by: "quote", quote: unquoted[1]!.replace(/(?:在|是)$/u, "").trim() };
  }
  const numbered = NUMBER.exec(t);
  if (numbered && NUMBER_ASKS.test(t)) {
    const n = /^\d+$/u.test(numbered[1]!) ? Number(numbered[1]) : parseHanNumeral(numbered[1]!);
    if (n !== null && n > 0) {
      text.take(0, t.length);
      return { by: "number", number: n };
    }
  }
  // A unit named alone (`市发改委呢` after a unit's tasks): its tasks, the role left to the conversation.
  const alone = findUnitMention(t, units);
  if (
    alone &&
    t.slice(0, alone.start).trim() === "" &&
    /^(?:的)?(?:呢|的呢|呢？)?$/u.test(t.slice(alone.end).trim())
  ) {
    text.take(0, t.length);
    return { by: "unit", unit: alone.unit, role: "any", countOnly: false };
  }
  if (!TASK_WORDS.test(t)) return null;
  // `X牵头的任务` is a list even without 哪些; `…的牵头单位` asks a task's units, not a unit's tasks.
  if (!ASKS_LIST.test(t) && !/(?:任务|工作|事项)(?:数量|数|清单|情况)?$/u.test(t)) return null;
  const unit = findUnitMention(t, units);
  if (!unit) return null;
  const countOnly =
    /几项|多少项|多少个|多少条|有几|数量|(?:任务|工作)数$/u.test(t) && !/哪些|都是|分别|列出/u.test(t);
  text.take(0, t.length);
  return { by: "unit", unit: unit.unit, role: roleOf(t), countOnly };
}

/** Reads a question about the units of a task it describes (…的牵头单位), taking those words. */
export function readUnitsAsked(text: MarkedText): TaskQuery | null {
  const t = text.blanked();
  if (!ASKS_UNITS.test(t)) return null;
  const role = roleOf(t);
  text.takeAll(new RegExp(ASKS_UNITS.source, "gu"));
  text.takeAll(/是谁|是哪个|是什么|的$/gu);
  return { by: "topic", role };
}
