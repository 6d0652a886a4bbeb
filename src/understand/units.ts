/**
 * How work units (牵头单位, 责任单位) are written, as rules over the names the task tables
 * themselves hold (never a hand list): `人民政府` is `政府`, a note in brackets and an
 * `等相关部门` tail are dropped, and an abbreviation names a full name when it keeps the full
 * name's first character and kind suffix (局, 委, 政府 …) and its characters appear in order
 * covering at least half of the full name (市发改委 → 市发展改革委, 市卫健委 → 市卫生健康委).
 * Used by question reading (which unit a question names) and by the task index (units by key).
 */

/** A unit name as compared: without notes in brackets, `等相关部门` tails and `人民`. */
export function unitKey(name: string): string {
  return name
    .replace(/[（(][^）)]*[）)]?/gu, "")
    .replace(/等.*$/u, "")
    .replace(/人民政府/gu, "政府")
    .replace(/[。，,；;\s]/gu, "")
    .trim();
}

/** The units a task's column names, each as written (split at 、，；). */
export function unitsOf(column: string | null): string[] {
  if (!column) return [];
  return column
    .split(/[、，,；;]/u)
    .map((u) => u.trim())
    .filter((u) => u !== "");
}

/** Kind suffixes of unit names: an abbreviation keeps its full name's suffix. */
const UNIT_SUFFIX =
  /(政府|管委会|委员会|集团|大学|学院|中心|公司|分局|支行|海关|协会|联合会|办公室|局|委|办|部|院|行|社|会)$/u;

/**
 * Whether a name written in a question names a table unit: equal keys, or an abbreviation
 * (same first character and suffix, characters in order, covering ≥ half of the full key).
 */
export function namesUnit(asked: string, unit: string): boolean {
  const a = unitKey(asked);
  const u = unitKey(unit);
  if (a === "" || u === "") return false;
  if (a === u) return true;
  const sa = a.match(UNIT_SUFFIX)?.[1];
  const su = u.match(UNIT_SUFFIX)?.[1];
  if (!sa || !su || sa !== su || a[0] !== u[0] || a.length * 2 < u.length || a.length >= u.length)
    return false;
  let i = 0;
  for (const c of u) if (c === a[i]) i++;
  return i === a.length;
}

/** A unit a question names, and where. */
export interface UnitMention {
  /** The table unit's key. */
  unit: string;
  start: number;
  end: number;
}

/**
 * The unit a question names: the longest table unit written out in it, else the longest span
 * of the question ending in a unit suffix that abbreviates a table unit. `units` are keys.
 */
export function findUnitMention(question: string, units: readonly string[]): UnitMention | null {
  // As unit keys are written: no notes in brackets (各县（市）区政府 → 各县区政府), no 人民; the
  // characters set aside are padded with a private-use character so offsets stay those of the question.
  const q = question
    .replace(/[（(][^）)]*[）)]/gu, (m) => "\uE000".repeat(m.length))
    .replace(/人民政府/gu, "政府\uE000\uE000");
  const bare = q.replace(/\uE000/gu, "");
  const exact = units.filter((u) => u.length >= 2 && bare.includes(u)).sort((a, b) => b.length - a.length)[0];
  if (exact) {
    const at = locate(q, exact);
    return { unit: exact, start: at.start, end: at.end };
  }
  // A unit written without its level (卫生健康委 for 市卫生健康委), when that names one unit.
  const unleveled = units.filter((u) => /^[市省区县]/u.test(u) && u.length >= 5 && bare.includes(u.slice(1)));
  if (unleveled.length === 1) {
    const at = locate(q, unleveled[0]!.slice(1));
    return { unit: unleveled[0]!, start: at.start, end: at.end };
  }
  let best: UnitMention | null = null;
  for (let end = q.length; end > 1; end--) {
    if (!UNIT_SUFFIX.test(q.slice(0, end))) continue;
    for (let start = Math.max(0, end - 12); start < end - 1; start++) {
      const span = q.slice(start, end).replace(/\uE000/gu, "");
      const unit = units.find((u) => namesUnit(span, u));
      if (unit && (!best || unit.length > best.unit.length)) best = { unit, start, end };
    }
  }
  return best;
}

/** The span of `q` (which may hold NUL padding) that reads `unit` once padding is skipped. */
function locate(q: string, unit: string): { start: number; end: number } {
  for (let start = 0; start < q.length; start++) {
    let i = start;
    let k = 0;
    while (i < q.length && k < unit.length) {
      if (q[i] === "\uE000") i++;
      else if (q[i] === unit[k]) {
        i++;
        k++;
      } else break;
    }
    if (k === unit.length) return { start, end: i };
  }
  return { start: 0, end: 0 };
}
