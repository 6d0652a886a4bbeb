/**
 * Answers task-table questions (see src/retrieve/task-query.ts): one task by number or by a
 * quoted text, and the tasks of a unit with their count, numbers and titles, each cited. A
 * unit's tasks are also given as a structured `list` (each item with the unit's role in it),
 * for front ends that page lists. The count is a count of the table's rows, not a computed
 * figure, so it says how it was counted and carries no 计算值.
 */
import { MIN_COVERAGE, scoreTasks, unitAnswers } from "../retrieve/match-rows.js";
import type { ParsedQuestion } from "../retrieve/parse-question.js";
import {
  parseTaskQuery,
  publishedName,
  tableUnits,
  tasksOfUnit,
  tasksQuoting,
  unitKey,
  unitsOf,
  type TaskQuery,
  type UnitRole,
} from "../retrieve/task-query.js";
import type { AnswerList, TaskRow } from "../types.js";
import type { AnswerContext, Draft } from "./answer-question.js";
import { CitationBook } from "./citations.js";
import { composeTask } from "./compose.js";

const ROLE_WORD = { lead: "牵头", responsible: "作为责任单位", any: "牵头或作为责任单位" } as const;

/** The units of the task table, computed once per artefact set. */
const unitCache = new WeakMap<TaskRow[], string[]>();
function unitsOfTable(tasks: TaskRow[]): string[] {
  let units = unitCache.get(tasks);
  if (!units) {
    units = tableUnits(tasks);
    unitCache.set(tasks, units);
  }
  return units;
}

/** A task as a list item: number, title, its other column, cited. */
function taskItem(task: TaskRow, book: CitationBook): string {
  const id = book.cite(task.docId, task.sectionId, task.start, task.end, null);
  const units = [
    task.lead ? `牵头：${task.lead}` : "未列牵头单位",
    task.responsible ? `责任：${task.responsible}` : "",
  ]
    .filter(Boolean)
    .join("；");
  return `- 第${task.number}项：${task.text.replace(/。$/u, "")}（${units}）[${id}]`;
}

function answerOne(task: TaskRow, ctx: AnswerContext): Draft {
  const book = new CitationBook(ctx.view);
  const part = composeTask(task, ctx.view.doc(task.docId).meta.title, book);
  return { status: "answered", text: part.lines.join("\n"), facts: part.facts, book, options: [] };
}

/** Answers a parsed task query, or null when the table has nothing for it. */
function answerTaskQuery(query: TaskQuery, tasks: TaskRow[], ctx: AnswerContext): Draft | null {
  if (query.kind === "number") {
    const task = tasks.find((t) => t.number === query.number);
    if (task) return answerOne(task, ctx);
    const max = Math.max(...tasks.map((t) => t.number));
    return {
      status: "not_found",
      text: `任务分解方案共${tasks.length}项任务（第1项至第${max}项），没有第${query.number}项。`,
      facts: [],
      book: null,
      options: [],
    };
  }
  if (query.kind === "quote") {
    const found = tasksQuoting(tasks, query.quote);
    if (found.length === 0) return null;
    const draft = answerOne(found[0]!, ctx);
    const numbers = found.map((t) => `第${t.number}项`).join("、");
    return { ...draft, text: `“${query.quote}”是任务分解方案的${numbers}。\n${draft.text}` };
  }
  const list = tasksOfUnit(tasks, query.unit, query.role);
  const role = ROLE_WORD[query.role];
  const unit = publishedName(tasks, query.unit);
  if (list.length === 0) {
    return {
      status: "not_found",
      text: `任务分解方案的${tasks.length}项任务中，没有${unit}${role}的任务。`,
      facts: [],
      book: null,
      options: [],
    };
  }
  const book = new CitationBook(ctx.view);
  const items = list.map((t) => taskItem(t, book));
  const header = `${unit}${role}的任务共${list.length}项（按任务分解方案逐项清点）：第${list
    .map((t) => t.number)
    .join("、")}项。`;
  const answerList = taskList(`${unit}${role}的任务`, list, query.unit, query.role, book, ctx);
  return {
    status: "answered",
    text: [header, ...items].join("\n"),
    facts: [],
    book,
    options: [],
    list: answerList,
  };
}

const LIST_ROLE = { lead: "牵头", responsible: "责任", any: "牵头或责任" } as const;

/** A unit's tasks as a list: `第36项 …（牵头|责任）`, each cited (the book already holds them). */
function taskList(
  title: string,
  tasks: TaskRow[],
  unit: string,
  role: UnitRole,
  book: CitationBook,
  ctx: AnswerContext,
): AnswerList {
  const leads = (t: TaskRow) => unitsOf(t.lead).some((u) => unitKey(u) === unit);
  const titles = [...new Set(tasks.map((t) => ctx.view.doc(t.docId).meta.title))];
  return {
    title,
    source: titles.length === 1 ? titles[0]! : null,
    role: LIST_ROLE[role],
    items: tasks.map((t) => ({
      label: `第${t.number}项 ${t.text.replace(/。$/u, "")}（${leads(t) ? "牵头" : "责任"}）`,
      citation: book.cite(t.docId, t.sectionId, t.start, t.end, null),
    })),
  };
}

/** Answers a question if it is a task-table question (by number, quote or unit); else null. */
export function answerTaskTable(text: string, ctx: AnswerContext): Draft | null {
  const tasks = ctx.view.artefacts.tasks;
  if (tasks.length === 0) return null;
  const query = parseTaskQuery(text, unitsOfTable(tasks));
  return query ? answerTaskQuery(query, tasks, ctx) : null;
}

/** A figure with its measure word in a task's text: 投放城乡健身路径80套 → 80套. */
const TASK_FIGURE = /(\d+(?:\.\d+)?)(万|亿)?([\p{Script=Han}%]{1,3})/gu;

/**
 * A planned figure written in a task's text (`183.投放城乡健身路径80套`) for a question about
 * the plan of the region and year of a task breakdown in scope: the best task by topic, when
 * it states a figure in the measure word asked. Quoted as a work plan (工作安排), not a result.
 */
export function answerFromTaskText(
  q: ParsedQuestion,
  docIds: Set<string>,
  terms: string[],
  ctx: AnswerContext,
): Draft | null {
  const tasks = ctx.view.artefacts.tasks.filter((t) => docIds.has(t.docId));
  const best = scoreTasks(tasks, terms, ctx.idf)[0];
  if (!best || best.coverage < MIN_COVERAGE) return null;
  const figures = [...best.task.text.matchAll(TASK_FIGURE)].filter(
    (m) => !q.unit || unitAnswers(q.unit, `${m[2] ?? ""}${m[3]!.slice(0, q.unit.length)}`),
  );
  if (figures.length === 0) return null;
  const task = best.task;
  const meta = ctx.view.doc(task.docId).meta;
  const book = new CitationBook(ctx.view);
  const id = book.cite(task.docId, task.sectionId, task.start, task.end, null);
  const lead = task.lead ? `，牵头单位：${task.lead}` : "";
  const text = `${meta.region}${meta.period}（工作安排）：${task.text.replace(/。$/u, "")}[${id}]（第${task.number}项任务${lead}）。`;
  return { status: "answered", text, facts: [], book, options: [] };
}
