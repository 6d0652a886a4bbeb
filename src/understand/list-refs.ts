/**
 * References to the list the last answer showed (`上面第二项谁牵头`, `第3项`, `下一个`,
 * `再下一个`, `最后一项`, `总共几项`), and after one task to its neighbours (`下一项`, `它由谁牵头`):
 * each becomes the question its item asks — a task by number, or an indicator's figure.
 */
import type { ConversationState, ListItemRef } from "./conversation.js";
import { placeNamed } from "./places.js";
import type { ListRef, PlaceRef, Question } from "./question.js";
import { result, type Resolved } from "./resolved.js";

/** A place by name (a region held), with its gazetteer codes when the name is one. */
export function place(name: string): PlaceRef {
  return placeNamed(name) ?? { written: name, codes: [], name, qualified: false };
}

/** The question an item of a list asks (a task by number, or an indicator's figure). */
function itemQuestion(item: ListItemRef, base: Question): Question {
  if ("task" in item) {
    return { ...base, command: null, ask: { kind: "task", query: { by: "number", number: item.task } } };
  }
  const year = Number(item.period.slice(0, 4));
  const part = item.period.slice(5) || null;
  return {
    ...base,
    command: null,
    text: `${item.region}${item.period}${item.indicator}`,
    scope: {
      places: [place(item.region)],
      period: {
        years: Number.isFinite(year) ? [year] : [],
        part,
        relative: null,
        every: false,
        wholeYear: false,
      },
    },
    subject: {
      indicators: [{ written: item.indicator, names: [item.indicator], asked: item.indicator }],
      topic: item.indicator,
      terms: [item.indicator],
      parts: [],
      measure: null,
      head: null,
      lastWord: null,
      context: [],
      wording: item.indicator,
    },
    ask: { kind: "value", nature: "any", achieved: false, figure: true },
  };
}

/** Resolves a reference to the list shown (or, after one task, to its neighbours). */
export function resolveList(state: ConversationState, q: Question, ref: ListRef): Resolved | null {
  const list = state.list;
  if (!list) {
    const last = state.last;
    // After one task, `下一个` is the next task of the table; `它由谁牵头` is that task.
    if (last?.ask.kind === "task") {
      const query = last.ask.query;
      if (ref.to === "next" && query.by === "number") {
        const next = itemQuestion({ task: query.number + ref.steps }, q);
        return result(next, "list-item", [`第${query.number}项的${ref.steps > 0 ? "下" : "上"}一项`]);
      }
      if (ref.to === "current") return result({ ...last, command: null }, "follow-up", ["上一问的任务"]);
    }
    return null;
  }
  if (ref.to === "count") return { ...result(q, "list-count"), listPosition: list.cursor };
  const position =
    ref.to === "item"
      ? ref.position < 0
        ? list.items.length
        : ref.position
      : ref.to === "next"
        ? Math.max(1, list.cursor + ref.steps)
        : Math.max(1, list.cursor);
  const item = list.items[position - 1];
  // A bare `第153项` beyond the list is no item of it (it is read as it stands: a task number).
  if (!item) return q.ask.kind === "list" ? { ...result(q, "no-list"), listPosition: position } : null;
  return {
    ...result(itemQuestion(item, q), "list-item", [`${list.title}第${position}项`]),
    listPosition: position,
  };
}
