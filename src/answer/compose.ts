/**
 * Writes answer texts from chosen rows and tasks. Figures are copied as published, each
 * followed by its citation marker [n]; the only numbers we compute (differences in a
 * comparison) are labelled 计算值 and carry no marker.
 */
import { decimalDifference, isSingleNumber, withDegree } from "../indicators/parse-figure.js";
import type { Fact, IndicatorRow, TaskRow } from "../types.js";
import type { CitationBook } from "./citation-book.js";

/** Text and facts of one composed answer part. */
export interface Composed {
  lines: string[];
  facts: Fact[];
}

/** The name a row is shown under: the canonical indicator, else the phrase as written. */
export function rowLabel(row: IndicatorRow): string {
  return row.indicator ?? row.phrase;
}

/** Cites a row's source statement; returns the citation id. */
export function citeRow(book: CitationBook, row: IndicatorRow): number {
  const figure = row.value?.text ?? row.growth?.figure ?? null;
  if (row.table) {
    const { caption, header } = row.table;
    return book.citeTable(row.source.docId, row.source.sectionId, row.source, [caption, header], figure);
  }
  return book.cite(row.source.docId, row.source.sectionId, row.source.start, row.source.end, figure);
}

/** The machine-readable fact of a row. */
export function factOf(row: IndicatorRow, citation: number): Fact {
  return {
    region: row.region,
    period: row.period,
    indicator: rowLabel(row),
    value: row.value?.text ?? null,
    number: row.value?.number ?? null,
    unit: row.value?.unit ?? null,
    growth: row.growth?.text ?? null,
    growthPercent: row.growth?.percent ?? null,
    nature: row.nature,
    computed: false,
    citation,
  };
}

/**
 * A figure the answer computed from published ones (a difference, a share): labelled computed,
 * cited by the published rows it was computed from, never by itself. `figure` is the number as
 * written (`-1.2`, `35.6`), `unit` its unit.
 */
export function computedFact(
  where: { region: string; period: string; nature?: Fact["nature"] },
  indicator: string,
  figure: string,
  unit: string,
): Fact {
  return {
    region: where.region,
    period: where.period,
    indicator,
    value: `${figure}${unit}`,
    number: Number(figure),
    unit,
    growth: null,
    growthPercent: null,
    nature: where.nature ?? "result",
    computed: true,
    citation: null,
  };
}

/**
 * The published value of a row with the bound written with it when the row states no growth
 * (`8%以上`, `约200亿元`; a bound beside a growth belongs to the growth).
 */
export function valueText(row: IndicatorRow): string {
  if (!row.value) return "";
  return row.growth ? row.value.text : withDegree(row.value.text, row.qualifier);
}

/** The published growth clause of a row, with its basis and bound: `按可比价格计算，同比增长7.3%`, `增长8%左右`. */
export function growthPart(row: IndicatorRow): string {
  if (!row.growth) return "";
  return `${row.basis ? `${row.basis}，` : ""}${row.growth.text}${row.qualifier ?? ""}`;
}

/**
 * One sentence stating a row: canonical indicators in a fixed pattern
 * (`铁东区2023年社会消费品零售总额为140.1亿元，同比增长9.1%[1]。`), other facts by quoting
 * their clause verbatim (`铁东区2023年：离婚登记654对[1]。`).
 */
export function statementOfRow(row: IndicatorRow, citation: number): string {
  const where = `${row.region}${row.period}`;
  const marker = `[${citation}]`;
  if (row.nature === "target" && row.indicator) {
    const target = [valueText(row), row.growth ? `${row.growth.text}${row.qualifier ?? ""}` : ""].filter(
      Boolean,
    );
    return `${where}${row.indicator}的预期目标为${target.join("，")}${marker}。`;
  }
  if (!row.indicator || row.nature === "target") {
    const label = row.nature === "target" ? "（工作安排）" : "";
    // A rate read past the clause (…46386.91亿元（…），比去年同期增幅20.1%) is shown too.
    const rate =
      row.growth && !row.clause.includes(row.growth.text) ? `，${row.growth.text}${row.qualifier ?? ""}` : "";
    return `${where}${label}：${clauseText(row.clause)}${rate}${marker}。`;
  }
  const value = row.value ? `为${valueText(row)}` : "";
  const growth = growthPart(row);
  const joiner = value && growth ? "，" : "";
  return `${where}${row.indicator}${value}${joiner}${growth}${marker}。`;
}

/** A clause as shown in an answer: without a leading heading number or trailing punctuation. */
function clauseText(clause: string): string {
  return clause
    .replace(/^(?:\d{1,3}[.．、](?!\d)|[（(][一二三四五六七八九十\d]{1,3}[）)])/u, "")
    .replace(/[。；，]$/u, "");
}

/** States rows one per line, citing each; rows read from one clause share one line. */
export function composeRows(rows: IndicatorRow[], book: CitationBook): Composed {
  const lines: string[] = [];
  const facts: Fact[] = [];
  const shown = new Set<string>();
  for (const row of rows) {
    const id = citeRow(book, row);
    const key =
      row.indicator && row.nature === "result"
        ? row.id
        : `${row.source.docId}|${row.source.start}|${row.clause}`;
    if (!shown.has(key)) lines.push(statementOfRow(row, id));
    shown.add(key);
    facts.push(factOf(row, id));
  }
  return { lines, facts };
}

/**
 * Compares one indicator of one region across periods: each period's published value and
 * growth, then the difference of consecutive values, computed exactly and labelled.
 */
export function composeComparison(rows: IndicatorRow[], book: CitationBook): Composed {
  const sorted = [...rows].sort((a, b) => a.period.localeCompare(b.period));
  const first = sorted[0]!;
  const lines = [`${first.region}${rowLabel(first)}：`];
  const facts: Fact[] = [];
  for (const row of sorted) {
    const id = citeRow(book, row);
    const parts = [valueText(row), growthPart(row)].filter(Boolean).join("，");
    lines.push(`- ${row.period}：${parts}[${id}]`);
    facts.push(factOf(row, id));
  }
  for (let i = 1; i < sorted.length; i++) {
    const [a, b] = [sorted[i - 1]!, sorted[i]!];
    if (!a.value || !b.value || a.value.canonicalUnit !== b.value.canonicalUnit) continue;
    if (!isSingleNumber(a.value.numeral) || !isSingleNumber(b.value.numeral)) continue;
    const diff = decimalDifference(a.value.numeral, b.value.numeral);
    const unit = a.value.canonicalUnit;
    const abs = diff.replace(/^-/u, "");
    const verb = diff.startsWith("-") ? "减少" : /^[0.]+$/u.test(abs) ? "持平，相差" : "增加";
    lines.push(`${b.period}比${a.period}${verb}${abs}${unit}（计算值，由上列两个公布数相减得出）。`);
    facts.push(
      computedFact({ region: b.region, period: `${a.period}→${b.period}` }, `${rowLabel(b)}变化`, diff, unit),
    );
  }
  return { lines, facts };
}

/** States a task's lead and responsible units. */
export function composeTask(task: TaskRow, title: string, book: CitationBook): Composed {
  const id = book.cite(task.docId, task.sectionId, task.start, task.end, task.lead);
  const lead = task.lead ? `牵头单位：${task.lead}` : "该任务未列牵头单位";
  const responsible = task.responsible ? `；责任单位：${task.responsible}` : "";
  return {
    lines: [
      `《${title}》第${task.number}项任务“${task.text.replace(/。$/u, "")}”，${lead}${responsible}[${id}]。`,
    ],
    facts: [],
  };
}
