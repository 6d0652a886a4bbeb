/**
 * Pure scoring that picks table rows and tasks for a question. Two ways in:
 * - by canonical indicator (the alias file named one): exact, filtered by scope and nature;
 * - by topic (body-text facts such as 离婚登记654对): each topic term found in the row's
 *   clause, statement or heading counts with its IDF; the measure word asked must match.
 */
import type { IndicatorRow, TaskRow } from "../types.js";

/** IDF of a term; unseen terms get the maximum. */
export type Idf = (term: string) => number;

/** A row with the evidence for choosing it. */
export interface ScoredRow {
  row: IndicatorRow;
  /** Share of the topic's IDF weight found (0–1). */
  coverage: number;
  score: number;
  /** Share of the conversation's context found around the row (0–1); breaks ties only. */
  context: number;
}

/** Where a term found in a row's context counts how much. */
export const TERM_WEIGHTS = { clause: 1, statement: 0.7, previous: 0.5, heading: 0.4 } as const;

/** Minimum coverage for a topic match to count as an answer. */
export const MIN_COVERAGE = 0.6;

/** Units that count the same thing: people are counted in 人 or 名, area in 平方米 or 平. */
const UNIT_FAMILY: Record<string, string> = { 平: "平方米", 名: "人" };

/** A unit without its magnitude and approximation: 万余人 → 人, 万平 → 平方米. */
function bareUnit(unit: string): string {
  const bare = unit.replace(/^[万亿]/u, "").replace(/^[余多]/u, "");
  return UNIT_FAMILY[bare] ?? bare;
}

/**
 * Whether a published unit answers the measure word asked, whatever the magnitude:
 * 多少元 is answered by 亿元 figures, 多少人 by 万余人, 多少平方米 by 万平.
 */
export function unitAnswers(asked: string, unit: string): boolean {
  const a = bareUnit(asked);
  const u = bareUnit(unit);
  // 个 is the general classifier: 多少个口袋公园 is answered by 35处, 几个小区 by 4个.
  // Events asked by 场/次/届 may be counted as 项 (几场体育赛事 → 体育赛事8项).
  return (
    a === u ||
    (a === "个" && GENERAL_COUNTS.has(u)) ||
    (a !== "项" && EVENT_COUNTS.has(a) && EVENT_COUNTS.has(u))
  );
}

/** Classifiers of events (场, 次, 届) and the 项 a document may count them by. */
const EVENT_COUNTS = new Set(["场", "次", "届", "项"]);

/** Units of counted things that 个 may ask for (not people, households or amounts). */
/** (项, 种, 批, 场 count items, kinds and events: 多少个社区 is never 78项.) */
const GENERAL_COUNTS = new Set(["处", "座", "所", "家", "条", "间", "栋", "台", "套", "枚", "支", "块"]);

/** Keeps the first of rows that state the same figure for the same indicator and document. */
export function dedupeRows(rows: IndicatorRow[]): IndicatorRow[] {
  const seen = new Set<string>();
  return rows.filter((r) => {
    // A table row repeating a statement's figure (read after it) is the same fact.
    const key = [r.source.docId, r.indicator ?? r.phrase, r.value?.text, r.growth?.figure].join("|");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Context of a row used for topic matching. */
export interface RowContext {
  statement: string;
  /**
   * The statement before the row's in the same section, when the row's subject may be there:
   * `持续推进老旧小区改造。涉及居民6976户。` Optional; absent counts as empty.
   */
  previous?: string;
  heading: string;
  /** Fused retrieval score of the row's chunk (0 when the chunk was not retrieved). */
  retrieval: number;
  /** Share of the conversation's context terms found around the row (0–1); optional, 0 when absent. */
  context?: number;
}

/**
 * The ways a topic term may be written in a row: itself, and for an indicator's name its
 * catalogued aliases (棚户区改造 is written 棚改). Default: the term itself.
 */
export type TermForms = (term: string) => readonly string[];

/** The default {@link TermForms}: a term is written only as itself. */
export const sameTerm: TermForms = (term) => [term];

/**
 * Scores rows against topic terms (each found in any of its {@link TermForms}). Rows without a value that answers the asked measure word
 * are skipped; so are rows where no term is in the clause itself.
 */
export function scoreRowsByTopic(
  rows: IndicatorRow[],
  terms: string[],
  idf: Idf,
  unit: string | null,
  context: (row: IndicatorRow) => RowContext,
  forms: TermForms = sameTerm,
): ScoredRow[] {
  // Each term's weight and written forms once per call, not once per row.
  const weights = terms.map((t) => idf(t));
  const total = weights.reduce((s, w) => s + w, 0);
  if (total === 0) return [];
  const writtenForms = terms.map((t) => forms(t));
  const out: ScoredRow[] = [];
  for (const row of rows) {
    if (unit && !(row.value && unitAnswers(unit, row.value.unit))) continue;
    if (!row.value && !row.growth) continue;
    const ctx = context(row);
    let found = 0;
    let inClause = 0;
    for (let i = 0; i < terms.length; i++) {
      const w = weights[i]!;
      const written = writtenForms[i]!;
      const holds = (text: string | undefined) => text !== undefined && written.some((f) => text.includes(f));
      if (holds(row.clause)) {
        found += w * TERM_WEIGHTS.clause;
        inClause += w;
      } else if (holds(ctx.statement)) found += w * TERM_WEIGHTS.statement;
      else if (holds(ctx.previous)) found += w * TERM_WEIGHTS.previous;
      else if (holds(ctx.heading)) found += w * TERM_WEIGHTS.heading;
    }
    if (inClause === 0) continue;
    const coverage = found / total;
    // Prefer the row whose own phrase carries the terms, then the better retrieved chunk.
    const phraseHits = terms.filter((t) => row.phrase.includes(t)).length / terms.length;
    out.push({
      row,
      coverage,
      score: coverage + 0.1 * phraseHits + ctx.retrieval,
      context: ctx.context ?? 0,
    });
  }
  return out.sort((a, b) => b.score - a.score);
}

/** A task with its match score. */
export interface ScoredTask {
  task: TaskRow;
  coverage: number;
}

/** Scores tasks by the IDF share of topic terms their text contains; best first. */
export function scoreTasks(tasks: TaskRow[], terms: string[], idf: Idf): ScoredTask[] {
  const weights = terms.map((t) => idf(t));
  const total = weights.reduce((s, w) => s + w, 0);
  if (total === 0) return [];
  return tasks
    .map((task) => ({
      task,
      coverage: terms.reduce((s, t, i) => s + (task.text.includes(t) ? weights[i]! : 0), 0) / total,
    }))
    .filter((s) => s.coverage > 0)
    .sort((a, b) => b.coverage - a.coverage || a.task.number - b.task.number);
}
