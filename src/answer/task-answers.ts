/**
 * Answers over task tables (任务分解方案): a task by its number or by a quoted text, the tasks of
 * a unit (as 牵头, 责任 or either — each item says which) with their count, the units of the task
 * a question describes, and a planned figure written in a task's text. A unit's tasks are also
 * given as a structured `list` for front ends that page lists. The count is a count of the
 * table's rows, not a computed figure, so it says how it was counted and carries no 计算值.
 */
import { unitAnswers } from "../retrieve/match-rows.js";
import type { TaskRow } from "../types.js";
import { indicatorNames, type Question, type TaskQuery } from "../understand/question.js";
import { unitKey, unitsOf } from "../understand/units.js";
import { CitationBook } from "./citation-book.js";
import { composeTask } from "./compose.js";
import {
  decline,
  type AnswerContext,
  type Draft,
  type DraftList,
  type Evidence,
  type Outcome,
} from "./types.js";

const ROLE_WORD = { lead: "牵头", responsible: "作为责任单位", any: "牵头或作为责任单位" } as const;
const ROLE_LABEL = { lead: "牵头", responsible: "责任", any: "牵头或责任" } as const;

const notFound = (text: string): Draft => ({ status: "not_found", text, facts: [], book: null, options: [] });

/** One task with its units, cited. */
export function answerTask(task: TaskRow, ctx: AnswerContext): Draft {
  const book = new CitationBook(ctx.reader);
  const part = composeTask(task, ctx.reader.meta(task.docId)!.title, book);
  return { status: "answered", text: part.lines.join("\n"), facts: part.facts, book, options: [] };
}

const queryOf = (q: Question): TaskQuery | null => (q.ask.kind === "task" ? q.ask.query : null);

/** A task by its number (`第153项`). */
export function taskByNumber(q: Question, _ev: Evidence, ctx: AnswerContext): Outcome {
  const query = queryOf(q);
  if (query?.by !== "number") return decline("no task number asked");
  const [task] = ctx.reader.taskByNumber(query.number);
  if (task) return answerTask(task, ctx);
  const { tasks, highest } = ctx.reader.taskCount();
  if (tasks === 0) return notFound("已收录的文件中没有任务分解方案，无法按编号查找任务。");
  return notFound(`任务分解方案共${tasks}项任务（第1项至第${highest}项），没有第${query.number}项。`);
}

/** The task a quoted text is (`“…”是第几项`). */
export function taskByQuote(q: Question, _ev: Evidence, ctx: AnswerContext): Outcome {
  const query = queryOf(q);
  if (query?.by !== "quote") return decline("no quoted task text");
  const found = ctx.reader.tasksQuoting(query.quote);
  if (found.length === 0) return notFound(`任务分解方案中没有找到“${query.quote}”这一任务，请核对原文用字。`);
  const draft = answerTask(found[0]!, ctx);
  const numbers = found.map((t) => `第${t.number}项`).join("、");
  return { ...draft, text: `“${query.quote}”是任务分解方案的${numbers}。\n${draft.text}` };
}

/** The role a unit has in a task: 牵头 when it leads it (whatever else it is), else 责任. */
function roleIn(task: TaskRow, key: string): "牵头" | "责任" {
  return unitsOf(task.lead).some((u) => unitKey(u) === key) ? "牵头" : "责任";
}

/** The tasks of a unit, counted and listed with a citation each. */
export function tasksOfUnit(q: Question, _ev: Evidence, ctx: AnswerContext): Outcome {
  const query = queryOf(q);
  if (query?.by !== "unit") return decline("no unit asked");
  const list = ctx.reader.tasksOfUnit(query.unit, query.role);
  const role = ROLE_WORD[query.role];
  const unit = ctx.reader.unitName(query.unit);
  if (list.length === 0) {
    const other =
      query.role === "any"
        ? []
        : ctx.reader.tasksOfUnit(query.unit, query.role === "lead" ? "responsible" : "lead");
    const otherRole = query.role === "lead" ? "作为责任单位" : "牵头";
    const hint =
      other.length > 0 ? `；它${otherRole}的任务有${other.length}项，可以问“${unit}${otherRole}的任务”` : "";
    return notFound(
      `任务分解方案的${ctx.reader.taskCount().tasks}项任务中，没有${unit}${role}的任务${hint}。`,
    );
  }
  const book = new CitationBook(ctx.reader);
  const items: DraftList["items"] = [];
  const lines = list.map((t) => {
    const id = book.cite(t.docId, t.sectionId, t.start, t.end, null);
    const own = roleIn(t, query.unit);
    const units = [t.lead ? `牵头：${t.lead}` : "未列牵头单位", t.responsible ? `责任：${t.responsible}` : ""]
      .filter(Boolean)
      .join("；");
    const title = t.text.replace(/。$/u, "");
    items.push({ label: `第${t.number}项 ${title}（${own}）`, citation: id, ref: { task: t.number } });
    return `- 第${t.number}项：${title}（${units}）[${id}]`;
  });
  const docs = [...new Set(list.map((t) => t.docId))];
  const source = docs.length === 1 ? ctx.reader.meta(docs[0]!)!.title : null;
  const header = `${unit}${role}的任务共${list.length}项（按任务分解方案逐项清点）：第${list.map((t) => t.number).join("、")}项。`;
  const text = [header, ...lines].join("\n");
  return {
    status: "answered",
    text,
    facts: [],
    book,
    options: [],
    list: { title: `${unit}${role}的任务`, source, role: ROLE_LABEL[query.role], items },
  };
}

/** The terms a task text is searched by: an alias (GDP) replaced by its catalogued name. */
function taskTerms(q: Question): string[] {
  const written = new Set(q.subject.indicators.map((m) => m.written.toLowerCase()));
  const names = indicatorNames(q.subject).map((n) => n.replace(/（.*?）/gu, ""));
  return [...new Set([...q.subject.terms.filter((t) => !written.has(t.toLowerCase())), ...names])];
}

/** A task with its match. */
interface ScoredTask {
  task: TaskRow;
  coverage: number;
}

/**
 * Scores tasks by the IDF share of the terms their text holds — or their unit columns, whose
 * notes say what a unit answers for (`市发展改革委（负责城镇居民人均可支配收入）`); best first.
 */
export function scoreTasks(
  tasks: readonly TaskRow[],
  terms: readonly string[],
  idf: (t: string) => number,
  columns = false,
): ScoredTask[] {
  const total = terms.reduce((s, t) => s + idf(t), 0);
  if (total === 0) return [];
  const text = (t: TaskRow) => (columns ? `${t.text}${t.lead ?? ""}${t.responsible ?? ""}` : t.text);
  return tasks
    .map((task) => ({
      task,
      coverage: terms.reduce((s, t) => s + (text(task).includes(t) ? idf(t) : 0), 0) / total,
    }))
    .filter((s) => s.coverage > 0)
    .sort((a, b) => b.coverage - a.coverage || a.task.number - b.task.number);
}

/** The units of the task a question describes (`发布…清单的牵头单位`). */
export function taskByTopic(q: Question, _ev: Evidence, ctx: AnswerContext): Outcome {
  const query = queryOf(q);
  if (query?.by !== "topic") return decline("no task described");
  const terms = taskTerms(q);
  if (terms.length === 0) return decline("the question names no task");
  const idf = (t: string) => ctx.reader.idf(t);
  const best = scoreTasks(ctx.reader.tasksWithTerms(terms), terms, idf, true)[0];
  if (!best || best.coverage < ctx.defaults.minCoverage) {
    const { tasks } = ctx.reader.taskCount();
    return notFound(
      `任务分解方案的${tasks}项任务中没有找到与“${q.subject.topic || q.subject.wording}”相符的任务，请换个说法或给出任务原文中的关键词。`,
    );
  }
  return answerTask(best.task, ctx);
}

/** A figure with its measure word in a task's text: 投放城乡健身路径80套 → 80套. */
const TASK_FIGURE = /(\d+(?:\.\d+)?)(万|亿)?([\p{Script=Han}%]{1,3})/gu;

/**
 * A planned figure written in a task's text (`183.投放城乡健身路径80套`) for a question about
 * the plan of the region and year of a task breakdown in scope, quoted as a work plan (工作安排).
 */
export function taskText(q: Question, ev: Evidence, ctx: AnswerContext): Outcome {
  if (q.subject.indicators.length > 0)
    return decline("an indicator is named: its figures come from the table");
  const terms = q.subject.terms;
  if (terms.length === 0) return decline("no topic");
  const tasks = ctx.reader.tasksWithTerms(terms).filter((t) => ev.docIds.has(t.docId));
  const best = scoreTasks(tasks, terms, (t) => ctx.reader.idf(t))[0];
  if (!best || best.coverage < ctx.defaults.minCoverage)
    return decline("no task of a list in scope matches the topic");
  const measure = q.subject.measure;
  const figures = [...best.task.text.matchAll(TASK_FIGURE)].filter(
    (m) => !measure || unitAnswers(measure, `${m[2] ?? ""}${m[3]!.slice(0, measure.length)}`),
  );
  if (figures.length === 0) return decline("the task states no figure in the measure asked");
  const task = best.task;
  const meta = ctx.reader.meta(task.docId)!;
  const book = new CitationBook(ctx.reader);
  const id = book.cite(task.docId, task.sectionId, task.start, task.end, null);
  const lead = task.lead ? `，牵头单位：${task.lead}` : "";
  const text = `${meta.region}${meta.period}（工作安排）：${task.text.replace(/。$/u, "")}[${id}]（第${task.number}项任务${lead}）。`;
  return { status: "answered", text, facts: [], book, options: [] };
}
