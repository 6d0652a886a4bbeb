/**
 * The task lookups of a {@link CorpusReader} over task rows held in memory: by number, by terms
 * of the text and unit columns, by a quoted text, by unit and role. Task tables are small (one
 * per 任务分解方案), so both readers (memory-corpus-reader.ts, and the store's reader wired in
 * src/answer) hold them whole and index them once per load.
 */
import type { TaskRow } from "../types.js";
import type { UnitRole } from "../understand/question.js";
import { unitKey, unitsOf } from "../understand/units.js";
import type { CorpusReader } from "./corpus-reader.js";
import { buildTextIndex, itemsWithTerms } from "./text-index.js";

/** The task methods of {@link CorpusReader}. */
export type TaskReading = Pick<
  CorpusReader,
  "taskByNumber" | "tasksWithTerms" | "tasksQuoting" | "tasksOfUnit" | "taskUnits" | "unitName" | "taskCount"
>;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The task lookups over `tasks` (in table order). Build once per load; read-only. */
export function taskReader(tasks: readonly TaskRow[]): TaskReading {
  // Tasks are found by their text and their unit columns (a unit's note says what it answers for).
  const taskIndex = buildTextIndex(tasks.map((t) => `${t.text}\n${t.lead ?? ""}\n${t.responsible ?? ""}`));
  const tasksByNumber = new Map<number, TaskRow[]>();
  const unitTasks = new Map<string, { lead: TaskRow[]; responsible: TaskRow[] }>();
  const unitNames = new Map<string, string>();
  for (const task of tasks) {
    push(tasksByNumber, task.number, task);
    for (const role of ["lead", "responsible"] as const) {
      for (const written of unitsOf(task[role])) {
        const key = unitKey(written);
        if (key === "") continue;
        const entry = unitTasks.get(key) ?? { lead: [], responsible: [] };
        if (!entry[role].includes(task)) entry[role].push(task);
        unitTasks.set(key, entry);
        if (!unitNames.has(key))
          unitNames.set(key, written.replace(/等.*$/u, "").replace(/[（(][^）)]*负责[^）)]*[）)]/gu, ""));
      }
    }
  }
  const units = [...unitTasks.keys()];
  const bare = (s: string) => s.replace(/[\s，,。；;、“”"]/gu, "");

  return {
    taskByNumber: (number) => tasksByNumber.get(number) ?? [],
    tasksWithTerms: (terms) => itemsWithTerms(taskIndex, terms).map((p) => tasks[p]!),
    tasksQuoting(quote) {
      const q = bare(quote);
      // The quote's longest run without punctuation finds the candidates; the whole is checked after.
      const run = quote.split(/[\s，,。；;、“”"]/u).sort((a, b) => b.length - a.length)[0] ?? "";
      const pieces = run.length > 0 ? [run] : [];
      return itemsWithTerms(taskIndex, pieces)
        .map((p) => tasks[p]!)
        .filter((t) => bare(t.text).includes(q));
    },
    tasksOfUnit(key, role: UnitRole) {
      const entry = unitTasks.get(key);
      if (!entry) return [];
      const list =
        role === "lead"
          ? entry.lead
          : role === "responsible"
            ? entry.responsible
            : [...new Set([...entry.lead, ...entry.responsible])];
      return [...list].sort((a, b) => a.number - b.number);
    },
    taskUnits: () => units,
    unitName: (key) => unitNames.get(key) ?? key,
    taskCount: () => ({ tasks: tasks.length, highest: tasks.reduce((m, t) => Math.max(m, t.number), 0) }),
  };
}
