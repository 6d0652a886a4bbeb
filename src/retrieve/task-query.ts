/**
 * Questions over the task table (任务分解方案), read as a table: a task by its number
 * (`第50项`, `第一百六十二项`), the task a quoted text is (`“…”是第几项`), and the tasks of a
 * unit as 牵头单位 or 责任单位 (`市发改委牵头哪些任务`, `辽宁科技大学是哪些任务的责任单位`).
 *
 * Unit names are matched by rule against the units the task table itself names, never a
 * hand list: `人民政府` is `政府`, a parenthesised note and `等相关部门` are dropped, and an
 * abbreviation matches a full name when it keeps the full name's first character and its
 * kind suffix (局, 委, 政府 …) and its characters appear in order covering at least half of
 * the full name (市发改委 → 市发展改革委, 市卫健委 → 市卫生健康委). Pure functions.
 */
import { parseHanNumeral } from "../indicators/parse-figure.js";
import type { TaskRow } from "../types.js";

/** Which column a unit is looked up in. */
export type UnitRole = "lead" | "responsible" | "any";

/** A task-table question taken apart. */
export type TaskQuery =
  | { kind: "number"; number: number }
  | { kind: "quote"; quote: string }
  | { kind: "unit"; unit: string; role: UnitRole; countOnly: boolean };

/** A unit name as compared: without notes in brackets, `等相关部门` tails and `人民`. */
export function unitKey(name: string): string {
  return name
    .replace(/[（(][^）)]*[）)]?/gu, "")
    .replace(/等.*$/u, "")
    .replace(/人民政府/gu, "政府")
    .replace(/[。，,；;\s]/gu, "")
    .trim();
}

/** The units a task's column names, each as written (split at 、，；). */
export function unitsOf(column: string | null): string[] {
  if (!column) return [];
  return column
    .split(/[、，,；;]/u)
    .map((u) => u.trim())
    .filter((u) => u !== "");
}

/** Kind suffixes of unit names: an abbreviation keeps its full name's suffix. */
const UNIT_SUFFIX =
  /(政府|管委会|委员会|集团|大学|学院|中心|公司|分局|支行|海关|协会|联合会|办公室|局|委|办|部|院|行|社|会)$/u;

/**
 * Whether a name written in a question names a table unit: equal keys, or an abbreviation
 * (same first character and suffix, characters in order, covering ≥ half of the full key).
 */
export function namesUnit(asked: string, unit: string): boolean {
  const a = unitKey(asked);
  const u = unitKey(unit);
  if (a === "" || u === "") return false;
  if (a === u) return true;
  const sa = a.match(UNIT_SUFFIX)?.[1];
  const su = u.match(UNIT_SUFFIX)?.[1];
  if (!sa || !su || sa !== su || a[0] !== u[0] || a.length * 2 < u.length || a.length >= u.length)
    return false;
  let i = 0;
  for (const c of u) if (c === a[i]) i++;
  return i === a.length;
}

/** Every distinct unit the task table names, by key. */
export function tableUnits(tasks: TaskRow[]): string[] {
  const keys = new Set<string>();
  for (const t of tasks)
    for (const u of [...unitsOf(t.lead), ...unitsOf(t.responsible)]) keys.add(unitKey(u));
  keys.delete("");
  return [...keys];
}

/**
 * The unit a question names: the longest table unit written out in it, else the longest
 * span of the question ending in a unit suffix that abbreviates a table unit.
 */
export function findUnitMention(question: string, units: string[]): string | null {
  // As unit keys are written: no notes in brackets (各县（市）区政府 → 各县区政府), no 人民.
  const q = question.replace(/[（(][^）)]*[）)]/gu, "").replace(/人民政府/gu, "政府");
  const exact = units.filter((u) => u.length >= 2 && q.includes(u)).sort((a, b) => b.length - a.length)[0];
  if (exact) return exact;
  let best: string | null = null;
  for (let end = q.length; end > 1; end--) {
    if (!UNIT_SUFFIX.test(q.slice(0, end))) continue;
    for (let start = Math.max(0, end - 12); start < end - 1; start++) {
      const span = q.slice(start, end);
      const unit = units.find((u) => namesUnit(span, u));
      if (unit && (!best || unit.length > best.length)) best = unit;
    }
  }
  return best;
}

const TASK_WORDS = /任务|牵头|责任单位|负责|承担|参与|点名|涉及/u;
const ASKS_LIST = /哪些|哪几|几项|多少项|多少个|有几|什么任务|列出|都是/u;
const NUMBER = /第\s*(\d{1,4}|[零〇一二两三四五六七八九十百千]{1,8})\s*(?:项|条|个任务)/u;
const QUOTED =
  /[“"「]([^”"」]{2,80})[”"」]\s*(?:是|属于|为)?[^，。？?]*?(?:第几项|哪一项|哪项|哪个任务|哪条|第几条|几号任务)/u;

/** Reads a task-table question, or null when the question is not one. */
export function parseTaskQuery(question: string, units: string[]): TaskQuery | null {
  const quoted = question.match(QUOTED);
  if (quoted) return { kind: "quote", quote: quoted[1]!.trim() };
  const numbered = question.match(NUMBER);
  if (numbered && /任务|牵头|责任|负责|讲|内容|是什么|什么|由谁|谁/u.test(question)) {
    const n = /^\d+$/u.test(numbered[1]!) ? Number(numbered[1]) : parseHanNumeral(numbered[1]!);
    if (n !== null && n > 0) return { kind: "number", number: n };
  }
  if (!TASK_WORDS.test(question) || !ASKS_LIST.test(question)) return null;
  const unit = findUnitMention(question, units);
  if (!unit) return null;
  const lead = /牵头/u.test(question);
  // 负责 alone is how people say "in charge of" (市卫健委负责哪些工作): both roles, said apart.
  const responsible = /责任|承担|参与/u.test(question);
  const role: UnitRole = lead && !responsible ? "lead" : responsible && !lead ? "responsible" : "any";
  const countOnly = /几项|多少项|多少个|有几/u.test(question) && !/哪些|都是|分别|列出/u.test(question);
  return { kind: "unit", unit, role, countOnly };
}

/** A unit as the table first writes it (各县区政府 → 各县（市）区政府), for display. */
export function publishedName(tasks: TaskRow[], key: string): string {
  for (const t of tasks)
    for (const u of [...unitsOf(t.lead), ...unitsOf(t.responsible)]) {
      if (unitKey(u) === key) return u.replace(/等.*$/u, "").replace(/[（(][^）)]*负责[^）)]*[）)]/gu, "");
    }
  return key;
}

/** The tasks a unit leads or is responsible for (as the role asks), in task order. */
export function tasksOfUnit(tasks: TaskRow[], unit: string, role: UnitRole): TaskRow[] {
  const has = (column: string | null) => unitsOf(column).some((u) => unitKey(u) === unit);
  return tasks
    .filter((t) =>
      role === "lead"
        ? has(t.lead)
        : role === "responsible"
          ? has(t.responsible)
          : has(t.lead) || has(t.responsible),
    )
    .sort((a, b) => a.number - b.number);
}

/** The tasks whose text contains a quoted text (punctuation and spaces ignored). */
export function tasksQuoting(tasks: TaskRow[], quote: string): TaskRow[] {
  const bare = (s: string) => s.replace(/[\s，,。；;、“”"]/gu, "");
  const q = bare(quote);
  return tasks.filter((t) => bare(t.text).includes(q));
}
