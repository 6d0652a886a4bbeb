/**
 * Example questions built from what the corpus holds (never a fixed list): a figure of the
 * place and period with the most catalogued figures, a comparison of two of its periods, a
 * briefing, a unit's tasks and a citation request. Computed once per loaded build; shown by
 * refusals of unusable input, small talk, `/help`.
 */
import type { CorpusReader } from "../retrieve/corpus-reader.js";
import type { IndicatorRow } from "../types.js";

/** Up to five example questions answerable from the corpus held. */
export function examplesOf(reader: CorpusReader): string[] {
  const all = new Set(reader.metas().map((m) => m.id));
  const rows = reader
    .indicatorRowsOfDocs(all)
    .filter((r) => r.nature === "result" && r.value && !r.period.includes("—"));
  const out: string[] = [];
  const where = (r: IndicatorRow) => `${r.region}${r.period}`;
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(where(r), (counts.get(where(r)) ?? 0) + 1);
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0].localeCompare(a[0]))[0]?.[0];
  const first = rows.find((r) => where(r) === best && r.growth) ?? rows.find((r) => where(r) === best);
  if (first) {
    out.push(`${where(first)}${first.indicator}是多少`);
    const other = rows.find(
      (r) => r.region === first.region && r.indicator === first.indicator && r.period !== first.period,
    );
    if (other) {
      const [a, b] = [other.period, first.period].sort();
      out.push(`对比${first.region}${a}和${b}的${first.indicator}`);
    }
    out.push(`${where(first)}经济怎么样`);
  }
  const units = reader
    .taskUnits()
    .map((u) => ({ u, n: reader.tasksOfUnit(u, "lead").length }))
    .sort((a, b) => b.n - a.n || a.u.localeCompare(b.u));
  if (units[0] && units[0].n > 0) out.push(`${reader.unitName(units[0].u)}牵头哪些任务`);
  if (first) out.push(`/cite ${where(first)}${first.indicator}`);
  return out.slice(0, 5);
}
