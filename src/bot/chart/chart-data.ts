/**
 * What a chart shows, built from an Answer (its facts and citations) and the indicator table
 * (rows by region, period, indicator): pure data, no drawing. Works on whatever rows the
 * extraction stage produces; it relies only on the fields of src/types.ts.
 *
 * Three kinds:
 * - `compare`: the published figures an answer compares (bars), computed values listed apart;
 * - `series`: one indicator of one region over every period the corpus holds (same kind of
 *   period, same unit), published results only;
 * - `growth`: the main growth rates (catalogue indicators) of one region and period.
 * A chart needs at least two points; otherwise nothing is offered.
 */
import type { CorpusTables } from "../../answer/answer-service.js";
import type { Answer, Fact, IndicatorRow } from "../../types.js";

export type ChartKind = "compare" | "series" | "growth";

/** One bar. `text` is the label drawn on it: the figure as published (or marked 计算值). */
export interface ChartPoint {
  label: string;
  value: number;
  text: string;
  computed: boolean;
}

/** Everything needed to draw one chart. */
export interface ChartSpec {
  kind: ChartKind;
  /** Names region, indicator and unit, e.g. `铁东区 地区生产总值（亿元）`. */
  title: string;
  unit: string;
  points: ChartPoint[];
  /** Computed values shown under the bars, each ending in （计算值）. */
  computedNotes: string[];
  /** 《文件》 section (第N页 when known), one per source. */
  sources: string[];
}

/** Periods of the same kind (whole years, first halves …) share what follows the year. */
const periodKind = (period: string) => period.replace(/^\d{4}年/, "");
const periodYear = (period: string) => Number(/^(\d{4})年/.exec(period)?.[1] ?? 0);

/** A citation's page, when the ingest stage recorded one (PDFs). */
function pageOf(citation: unknown): number | null {
  const page = (citation as { page?: unknown }).page;
  return typeof page === "number" && page > 0 ? page : null;
}

function sourceLine(tables: CorpusTables, docId: string, section: string, page: number | null): string {
  const title = tables.meta(docId)?.title ?? docId;
  return `《${title}》${section ? ` ${section}` : ""}${page ? `，第${page}页` : ""}`;
}

function rowSources(tables: CorpusTables, answer: Answer, rows: readonly IndicatorRow[]): string[] {
  const lines = rows.map((r) => {
    const cited = answer.citations.find(
      (c) => c.docId === r.source.docId && c.start <= r.source.start && r.source.start < c.end,
    );
    return sourceLine(
      tables,
      r.source.docId,
      tables.section(r.source.sectionId),
      cited ? pageOf(cited) : null,
    );
  });
  return [...new Set(lines)];
}

/** The label of a growth rate as published: `9.1%`, `-35.5%`, or `下降14.2%`. */
export function growthLabel(row: Pick<IndicatorRow, "growth">): string {
  const g = row.growth!;
  return g.percent < 0 && !g.figure.startsWith("-") ? `下降${g.figure}` : g.figure;
}

function compareChart(answer: Answer, tables: CorpusTables): ChartSpec | null {
  const published = answer.facts.filter((f) => !f.computed && f.number !== null && f.value !== null);
  const first = published[0];
  if (!first) return null;
  const same = published.filter((f) => f.indicator === first.indicator && f.unit === first.unit);
  if (same.length < 2) return null;
  const regions = new Set(same.map((f) => f.region));
  const label = (f: Fact) => (regions.size > 1 ? `${f.region}${f.period}` : f.period);
  const region = regions.size > 1 ? [...regions].join("、") : first.region;
  const cited = same
    .map((f) => answer.citations.find((c) => c.id === f.citation))
    .filter((c) => c !== undefined);
  return {
    kind: "compare",
    title: `${region} ${first.indicator}（${first.unit}）`,
    unit: first.unit ?? "",
    points: same.map((f) => ({
      label: label(f),
      value: f.number!,
      text: f.growth ? `${f.value}\n${f.growth}` : f.value!,
      computed: false,
    })),
    computedNotes: answer.facts
      .filter((f) => f.computed && f.value !== null)
      .map((f) => `${f.period} ${f.indicator}：${f.value}（计算值）`),
    sources: [...new Set(cited.map((c) => sourceLine(tables, c.docId, c.section, pageOf(c))))],
  };
}

function seriesChart(answer: Answer, tables: CorpusTables): ChartSpec | null {
  const subject = answer.facts.find((f) => !f.computed && f.number !== null && f.value !== null);
  if (!subject) return null;
  const kind = periodKind(subject.period);
  const candidates = tables.rows.filter(
    (r) =>
      r.region === subject.region &&
      (r.indicator ?? r.phrase) === subject.indicator &&
      r.nature === "result" &&
      r.value !== null &&
      periodKind(r.period) === kind,
  );
  const unitRow = candidates.find((r) => r.value!.text === subject.value) ?? candidates[0];
  if (!unitRow) return null;
  const byPeriod = new Map<string, IndicatorRow>();
  for (const r of candidates) {
    if (r.value!.canonicalUnit !== unitRow.value!.canonicalUnit) continue;
    const cited = answer.facts.some((f) => f.period === r.period && f.value === r.value!.text);
    if (!byPeriod.has(r.period) || cited) byPeriod.set(r.period, r);
  }
  const rows = [...byPeriod.values()].sort((a, b) => periodYear(a.period) - periodYear(b.period));
  if (rows.length < 2) return null;
  return {
    kind: "series",
    title: `${subject.region} ${subject.indicator}（${unitRow.value!.unit}）`,
    unit: unitRow.value!.unit,
    points: rows.map((r) => ({
      label: r.period,
      value: r.value!.number,
      text: r.growth ? `${r.value!.text}\n${growthLabel(r)}` : r.value!.text,
      computed: false,
    })),
    computedNotes: [],
    sources: rowSources(tables, answer, rows),
  };
}

/** At most this many growth rates in one chart (the first of each indicator in the document). */
export const MAX_GROWTH_BARS = 12;

function growthChart(answer: Answer, tables: CorpusTables): ChartSpec | null {
  const subject = answer.facts.find((f) => !f.computed);
  if (!subject) return null;
  const seen = new Set<string>();
  const rows: IndicatorRow[] = [];
  for (const r of tables.rows) {
    if (r.region !== subject.region || r.period !== subject.period || r.nature !== "result") continue;
    if (!r.indicator || !r.growth || seen.has(r.indicator)) continue;
    seen.add(r.indicator);
    rows.push(r);
    if (rows.length === MAX_GROWTH_BARS) break;
  }
  if (rows.length < 2) return null;
  return {
    kind: "growth",
    title: `${subject.region}${subject.period} 主要指标增速（%）`,
    unit: "%",
    points: rows.map((r) => ({
      label: r.indicator!,
      value: r.growth!.percent,
      text: growthLabel(r),
      computed: false,
    })),
    computedNotes: [],
    sources: rowSources(tables, answer, rows),
  };
}

/** The chart of one kind for an answer, or null when it would have fewer than two points. */
export function buildChart(kind: ChartKind, answer: Answer, tables: CorpusTables): ChartSpec | null {
  if (answer.status !== "answered") return null;
  if (kind === "compare") return answer.intent === "compare" ? compareChart(answer, tables) : null;
  if (kind === "series") return seriesChart(answer, tables);
  return answer.intent === "growth" || answer.facts.filter((f) => f.growth).length > 1
    ? growthChart(answer, tables)
    : null;
}

/**
 * The charts an answer offers, best first: a comparison; the series when it has more points
 * than the comparison; the growth rates for growth questions.
 */
export function offeredCharts(answer: Answer, tables: CorpusTables): ChartSpec[] {
  const compare = buildChart("compare", answer, tables);
  const series = buildChart("series", answer, tables);
  const growth = buildChart("growth", answer, tables);
  const charts: ChartSpec[] = [];
  if (compare) charts.push(compare);
  if (series && (!compare || series.points.length > compare.points.length)) charts.push(series);
  if (growth) charts.push(growth);
  return charts;
}
