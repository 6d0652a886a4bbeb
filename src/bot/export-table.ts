/**
 * What an export holds, as a statistician would keep it (pure; export-files.ts writes CSV and
 * XLSX, export-feature.ts talks to Telegram):
 * - indicator rows that name an indicator — catalogued, or a clear subject (see
 *   {@link clearSubject}) — with the value as published, the parsed number, unit, growth as
 *   published and as a number, period, place, kind of figure, document and section;
 * - a task list: number, task, lead and responsible units, section, document;
 * - the sources: one line per document the rows come from;
 * - a title that reads like a table's caption (`铁东区2023年主要指标`), naming only the places
 *   and periods the rows hold.
 */
import type { CorpusTables } from "../answer/answer-service.js";
import type { IndicatorVocabulary } from "../indicators/aliases.js";
import type { Answer, IndicatorRow, TaskRow } from "../types.js";

export type Cell = string | number | null;

/** One document an export draws on. */
export interface ExportSource {
  title: string;
  region: string;
  period: string;
  kind: string;
  rows: number;
}

/** A table ready to be written. */
export interface ExportTable {
  /** Reads like a caption: `铁东区2023年主要指标`. */
  title: string;
  /** The first sheet's name (`指标`, `任务`). */
  sheet: string;
  header: string[];
  /** Column widths in characters, one per header cell. */
  widths: number[];
  rows: Cell[][];
  sources: ExportSource[];
}

/** Characters a subject never starts with: prepositions and conjunctions frame, not name. */
const FRAMING_START = /^[对为在由从将通把向自据经按以和与及并]/u;

/**
 * Endings of indicator names, read from the catalogue: every two-character ending of a name or
 * alias, and the last characters that end five names or more (率, 额, 值, 数, 量 …).
 */
export function indicatorHeads(vocabulary: Pick<IndicatorVocabulary, "terms">): Set<string> {
  const heads = new Set<string>();
  const last = new Map<string, number>();
  for (const term of vocabulary.terms) {
    const chars = [...term];
    if (chars.length < 2) continue;
    heads.add(chars.slice(-2).join(""));
    last.set(chars.at(-1)!, (last.get(chars.at(-1)!) ?? 0) + 1);
  }
  for (const [ch, n] of last) if (n >= 5) heads.add(ch);
  return heads;
}

/**
 * True when a phrase without a catalogued indicator still names what is counted: 3–12 Chinese
 * characters (no digits, quotes or punctuation), not framed by a preposition, ending like an
 * indicator name (满意率, 绿地面积, 技术合同登记额). `二` or `合格率全部` are not.
 */
export function clearSubject(phrase: string, heads: ReadonlySet<string>): boolean {
  const chars = [...phrase];
  if (chars.length < 3 || chars.length > 12) return false;
  if (!/^[\p{Script=Han}A-Za-z]+$/u.test(phrase) || FRAMING_START.test(phrase)) return false;
  return heads.has(chars.slice(-2).join("")) || heads.has(chars.at(-1)!);
}

const INDICATOR_HEADER = [
  "指标",
  "地区",
  "时期",
  "公布值",
  "数值",
  "单位",
  "增速（公布）",
  "增速（%）",
  "类别",
  "文件",
  "章节",
];
const INDICATOR_WIDTHS = [24, 10, 14, 16, 12, 10, 18, 10, 6, 40, 30];
const TASK_HEADER = ["序号", "任务", "牵头单位", "责任单位", "章节", "文件"];
const TASK_WIDTHS = [6, 60, 24, 40, 30, 40];

/** `铁东区、立山区` / `2022年、2023年` / `2019年至2023年`: names as a caption lists them. */
function nameList(names: string[], range = false): string {
  if (range && names.length > 3) return `${names[0]}至${names.at(-1)}`;
  return names.join("、");
}

/** The caption of indicator rows: places, periods and what (one indicator, or 主要指标). */
export function indicatorTitle(
  rows: ReadonlyArray<{ region: string; period: string; indicator: string }>,
): string {
  const regions = [...new Set(rows.map((r) => r.region))];
  const periods = [...new Set(rows.map((r) => r.period))].sort();
  const indicators = [...new Set(rows.map((r) => r.indicator))];
  const what = indicators.length === 1 ? indicators[0]! : "主要指标";
  const place =
    regions.length > 3 ? `${regions.slice(0, 3).join("、")}等${regions.length}地` : nameList(regions);
  return `${place}${nameList(periods, true)}${what}`;
}

function sourcesOf(docIds: string[], tables: CorpusTables): ExportSource[] {
  const counts = new Map<string, number>();
  for (const id of docIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts].map(([id, rows]) => {
    const m = tables.meta(id);
    return {
      title: m?.title ?? "（未知文件）",
      region: m?.region ?? "",
      period: m?.period ?? "",
      kind: m?.kind ?? "",
      rows,
    };
  });
}

/** What `/export` was asked for (export-filter.ts reads it from the command). */
export interface RowFilter {
  regions: string[];
  periods: string[];
  indicators: string[];
}

/** The indicator rows matching the filter that name an indicator, as a table. */
export function indicatorTable(
  tables: CorpusTables,
  filter: RowFilter,
  heads: ReadonlySet<string>,
): ExportTable {
  const matching = tables.rows.filter(
    (r) =>
      (r.indicator !== null || clearSubject(r.phrase, heads)) &&
      (r.value !== null || r.growth !== null) &&
      (filter.regions.length === 0 || filter.regions.includes(r.region)) &&
      (filter.periods.length === 0 || filter.periods.includes(r.period)) &&
      (filter.indicators.length === 0 || (r.indicator !== null && filter.indicators.includes(r.indicator))),
  );
  // Catalogued indicators first, each group in the order of the documents.
  const picked = [
    ...matching.filter((r) => r.indicator !== null),
    ...matching.filter((r) => r.indicator === null),
  ];
  const named = (r: IndicatorRow) => r.indicator ?? r.phrase;
  return {
    title: indicatorTitle(picked.map((r) => ({ region: r.region, period: r.period, indicator: named(r) }))),
    sheet: "指标",
    header: INDICATOR_HEADER,
    widths: INDICATOR_WIDTHS,
    rows: picked.map((r) => [
      named(r),
      r.region,
      r.period,
      r.value?.text ?? null,
      r.value?.number ?? null,
      r.value?.unit ?? null,
      r.growth?.text ?? null,
      r.growth?.percent ?? null,
      r.nature === "target" ? "目标" : "实绩",
      tables.meta(r.source.docId)?.title ?? null,
      tables.section(r.source.sectionId) || null,
    ]),
    sources: sourcesOf(
      picked.map((r) => r.source.docId),
      tables,
    ),
  };
}

/** The published figures of an answer (computed values left out), as a table; null without any. */
export function answerFigureTable(answer: Answer, tables: CorpusTables): ExportTable | null {
  const facts = answer.facts.filter((f) => !f.computed && (f.value !== null || f.growth !== null));
  if (facts.length === 0) return null;
  const cite = (id: number | null) => answer.citations.find((c) => c.id === id);
  return {
    title: indicatorTitle(facts),
    sheet: "指标",
    header: INDICATOR_HEADER,
    widths: INDICATOR_WIDTHS,
    rows: facts.map((f) => [
      f.indicator,
      f.region,
      f.period,
      f.value,
      f.number,
      f.unit,
      f.growth,
      f.growthPercent,
      f.nature === "target" ? "目标" : "实绩",
      cite(f.citation)?.title ?? null,
      cite(f.citation)?.section ?? null,
    ]),
    sources: sourcesOf(
      facts.flatMap((f) => cite(f.citation)?.docId ?? []),
      tables,
    ),
  };
}

/** Tasks as a table titled `title`. */
export function taskTable(tasks: readonly TaskRow[], tables: CorpusTables, title: string): ExportTable {
  return {
    title,
    sheet: "任务",
    header: TASK_HEADER,
    widths: TASK_WIDTHS,
    rows: tasks.map((t) => [
      t.number,
      t.text,
      t.lead,
      t.responsible,
      t.path.join(" > "),
      tables.meta(t.docId)?.title ?? null,
    ]),
    sources: sourcesOf(
      tasks.map((t) => t.docId),
      tables,
    ),
  };
}

/** The tasks an answer cites (a task list answer), in the answer's order. */
export function answerTasks(answer: Answer, tables: CorpusTables): TaskRow[] {
  return answer.citations.flatMap((c) =>
    tables.tasks.filter((t) => c.docId === t.docId && c.start < t.end && t.start < c.end).slice(0, 1),
  );
}

/** What an answer exports: its list of tasks, else its published figures; null when nothing. */
export function answerTable(answer: Answer, tables: CorpusTables): ExportTable | null {
  const tasks = answer.list ? answerTasks(answer, tables) : [];
  if (tasks.length > 0) return taskTable(tasks, tables, answer.list!.title);
  return answerFigureTable(answer, tables);
}
