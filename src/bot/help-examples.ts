/**
 * The example questions /help and /start show, built from what the service holds when they are
 * shown, never from a fixed list: as offices add or remove documents the examples follow, and
 * every example names a place, period, indicator or unit the corpus has.
 *
 * Pure functions over {@link HeldCorpus} (the catalogue of the answer layer, catalog.ts). The
 * answer layer's own `AnswerService.examples()` (issue 17) returns the same shape, a list of
 * question strings, and replaces {@link heldExamples} in {@link helpExamples}, the one place
 * the bot asks for examples.
 */
import type { AnswerService } from "../answer/answer-service.js";
import { periodKind, type Holding } from "../answer/catalog.js";
import type { TaskRow } from "../types.js";

/** What the examples are built from: documents held, their indicators, the task table. */
export interface HeldCorpus {
  holdings: readonly Holding[];
  /** The catalogued indicators published for a region and period (catalog.ts indicatorsOf). */
  indicatorsOf(region: string, period: string): readonly string[];
  tasks: readonly Pick<TaskRow, "number" | "lead">[];
}

/**
 * The examples /help and /start show for a loaded service. Once the answer layer offers
 * `AnswerService.examples()` (issue 17), this returns `service.examples()` instead.
 */
export function helpExamples(service: AnswerService): readonly string[] {
  return heldExamples(heldCorpusOf(service));
}

/** The held corpus of a loaded service. */
export function heldCorpusOf(service: AnswerService): HeldCorpus {
  return {
    holdings: service.holdings(),
    indicatorsOf: (region, period) => service.indicatorsOf(region, period),
    tasks: service.tables().tasks,
  };
}

/** How many places (region and period) are looked at for figures, latest first (default 20). */
export const PLACES_LOOKED_AT = 20;

/** A region and one of its documents' own periods. */
interface Place {
  region: string;
  period: string;
  year: number;
}

/** Each region's documents' own periods, latest first (ties: region in pinyin order). */
function placesOf(holdings: readonly Holding[]): Place[] {
  const seen = new Map<string, Place>();
  for (const h of holdings)
    seen.set(`${h.region}|${h.period}`, { region: h.region, period: h.period, year: h.year });
  return [...seen.values()]
    .sort(
      (a, b) =>
        b.year - a.year || a.region.localeCompare(b.region, "zh") || a.period.localeCompare(b.period, "zh"),
    )
    .slice(0, PLACES_LOOKED_AT);
}

/** One region's two periods of the same kind (2022年 and 2023年), the later one latest held. */
export interface PeriodPair {
  region: string;
  earlier: string;
  later: string;
}

/** The latest region with two periods of the same kind held, the nearest earlier one; else null. */
export function periodPair(holdings: readonly Holding[]): PeriodPair | null {
  const places = placesOf(holdings);
  for (const later of places) {
    const earlier = places.find(
      (p) =>
        p.region === later.region && p.year < later.year && periodKind(p.period) === periodKind(later.period),
    );
    if (earlier) return { region: later.region, earlier: earlier.period, later: later.period };
  }
  return null;
}

/** The unit leading the most tasks (a task led by several counts for each); null without tasks. */
function busiestLead(tasks: HeldCorpus["tasks"]): string | null {
  const counts = new Map<string, number>();
  for (const t of tasks)
    for (const unit of (t.lead ?? "").split(/[、，,；;\s]+/u).filter(Boolean))
      counts.set(unit, (counts.get(unit) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], "zh"));
  return ranked[0]?.[0] ?? null;
}

/**
 * Up to five example questions answerable from what is held: a figure of the latest place and
 * period with catalogued figures, a comparison of one region's two periods, the tasks the
 * busiest unit leads, who leads a task by its number, and a citation request.
 */
export function heldExamples(held: HeldCorpus): string[] {
  const out: string[] = [];
  const indicators = new Map<string, readonly string[]>();
  const indicatorsOf = (region: string, period: string) => {
    const key = `${region}|${period}`;
    if (!indicators.has(key)) indicators.set(key, held.indicatorsOf(region, period));
    return indicators.get(key)!;
  };
  const place = placesOf(held.holdings).find((p) => indicatorsOf(p.region, p.period).length > 0);
  const named = place ? indicatorsOf(place.region, place.period) : [];
  if (place) out.push(`${place.region}${place.period}${named[0]}是多少`);

  const pair = periodPair(held.holdings);
  if (pair) {
    const earlier = new Set(indicatorsOf(pair.region, pair.earlier));
    const shared = indicatorsOf(pair.region, pair.later).filter((i) => earlier.has(i));
    const indicator = shared.find((i) => i !== named[0]) ?? shared[0];
    if (indicator) out.push(`对比${pair.region}${pair.earlier}和${pair.later}的${indicator}`);
  }

  const unit = busiestLead(held.tasks);
  if (unit) out.push(`${unit}牵头哪些任务`);
  const led = held.tasks.filter((t) => t.lead).sort((a, b) => a.number - b.number);
  const middle = led[Math.floor(led.length / 2)];
  if (middle) out.push(`第${middle.number}项任务由谁牵头`);

  if (place) out.push(`/cite ${place.region}${place.period}${named[1] ?? named[0]}`);
  return out;
}

/**
 * How to ask a follow-up, with periods held: `…问过铁东区2023年的数字后，可以问“那2022年的呢”…`;
 * without two periods of one region, the follow-ups that need none.
 */
export function followUpHint(holdings: readonly Holding[]): string {
  const pair = periodPair(holdings);
  const asked = pair ? `问过${pair.region}${pair.later}的数字后，可以问“那${pair.earlier}的呢”` : "例如";
  return `可以接着上一问追问，只说要换的部分：${asked}“增速呢”“原文呢”；换地区就说地区名加“呢”。`;
}
