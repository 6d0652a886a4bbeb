/**
 * The public corpus (`../shared/public-corpus`: `docs/`, `meta.jsonl`, `targets.jsonl`) as the
 * evaluation reads it: its labels, a fixed sample, our metadata checked against the labels,
 * and the answers that give another year's target. Pure functions apart from reading files.
 */
import { readFileSync } from "node:fs";
import type { DocumentMeta } from "../types.js";

/** One line of meta.jsonl: what the collection's path says of a file. */
export interface LabelLine {
  file: string;
  region: string;
  year: number;
  kind: string;
  /** nation, province or city. */
  level: string;
  source: string;
}

/** One line of targets.jsonl (the grade.mjs gold format). */
export interface TargetLine {
  id: string;
  q: string;
  expect: string[];
  cite: string;
  status: string[];
  [key: string]: unknown;
}

/** Reads a JSON-lines file. */
export function readJsonLines<T>(path: string): T[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as T);
}

/** The fewest files a stratum of the sample gets (all of it when it has fewer). */
const MIN_PER_STRATUM = 3;

/** The era a year belongs to, for the sample's strata. */
function era(year: number): string {
  return year < 2000 ? "1978-1999" : year < 2010 ? "2000-2009" : year < 2020 ? "2010-2019" : "2020-";
}

/**
 * A fixed sample of `n` labelled files: the collection split into strata by level (nation,
 * province, city) and era, each stratum given its share of `n` (at least
 * {@link MIN_PER_STRATUM} files, so the few national bulletins and old reports are in), its
 * files taken evenly spaced in file order. The same labels always give the same sample.
 */
export function publicSample(labels: readonly LabelLine[], n: number): LabelLine[] {
  if (n >= labels.length) return [...labels];
  const strata = new Map<string, LabelLine[]>();
  for (const l of [...labels].sort((a, b) => a.file.localeCompare(b.file))) {
    const key = `${l.level}:${era(l.year)}`;
    strata.set(key, [...(strata.get(key) ?? []), l]);
  }
  const keys = [...strata.keys()].sort();
  const least = (k: string) => Math.min(MIN_PER_STRATUM, strata.get(k)!.length);
  const share = new Map(
    keys.map((k) => [k, Math.max(least(k), Math.round((n * strata.get(k)!.length) / labels.length))]),
  );
  // Trim from (or add to) the largest strata until the shares add up to n.
  const byShare = () => [...keys].sort((a, b) => share.get(b)! - share.get(a)! || a.localeCompare(b));
  let total = [...share.values()].reduce((a, b) => a + b, 0);
  while (total !== n) {
    const k = total > n ? byShare().find((x) => share.get(x)! > least(x))! : byShare()[0]!;
    share.set(k, share.get(k)! + (total > n ? -1 : 1));
    total += total > n ? -1 : 1;
  }
  return keys.flatMap((k) => {
    const files = strata.get(k)!;
    const take = Math.min(files.length, share.get(k)!);
    return Array.from({ length: take }, (_, i) => files[Math.floor(((i + 0.5) * files.length) / take)]!);
  });
}

/** A document whose metadata disagrees with its label, with our reading's evidence. */
export interface Disagreement {
  file: string;
  label: LabelLine;
  ours: Pick<DocumentMeta, "region" | "year" | "kind" | "title" | "evidence">;
  fields: Array<"region" | "year" | "kind">;
  /** For a region disagreement: how often the text names our region and the labelled one. */
  named?: { ours: number; label: number };
  /** Other files read as the same region, year and kind (the same report saved twice?). */
  sameAs?: string[];
}

/** How often a text names a place, by its name or its name without the generic suffix. */
export function timesNamed(text: string, name: string): number {
  const stem = name.replace(/(?:省|市|自治区|自治州|地区|盟|县|区)$/u, "");
  return text.split(stem.length >= 2 ? stem : name).length - 1;
}

/** The fields on which our metadata and the label disagree (none when all three agree). */
export function compareToLabel(meta: DocumentMeta, label: LabelLine, text: string): Disagreement | null {
  const fields: Disagreement["fields"] = [];
  if (meta.region !== label.region) fields.push("region");
  if (meta.year !== label.year) fields.push("year");
  if (meta.kind !== label.kind) fields.push("kind");
  if (fields.length === 0) return null;
  const { region, year, kind, title, evidence } = meta;
  const d: Disagreement = { file: meta.file, label, ours: { region, year, kind, title, evidence }, fields };
  if (fields.includes("region"))
    d.named = { ours: timesNamed(text, meta.region), label: timesNamed(text, label.region) };
  return d;
}

/** How a question names its place and year: `杭州市2019年GDP预期增长多少`. */
const PLACE_YEAR = /^(.+?)(\d{4})年/u;

/** Flattens a text as grade.mjs does (no spaces or thousands commas, half-width digits). */
function flat(s: string): string {
  return s
    .replace(/[\s,，]/gu, "")
    .replace(/[０-９％．]/gu, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/** Whether `figure` (`8%以上`) appears in `text` as a whole figure (not inside `18%以上`). */
function hasFigure(text: string, figure: string): boolean {
  const escaped = flat(figure).replace(/[.*+?^${}()|[\]\\]/gu, "\\$&");
  return new RegExp(`(?<![\\d.])${escaped}`, "u").test(flat(text));
}

/**
 * The targets of the same place's reports of other years that an answer gives: for the
 * question of place P and year Y, every expected figure of a question of P and another year
 * (from all of targets.jsonl) that is not also one of Y's own and appears in the answer.
 */
export function otherYearFigures(
  target: TargetLine,
  answerText: string,
  all: readonly TargetLine[],
): string[] {
  const m = target.q.match(PLACE_YEAR);
  if (!m) return [];
  const own = new Set(target.expect.map(flat));
  const others = all.flatMap((t) => {
    const o = t.q.match(PLACE_YEAR);
    return o && o[1] === m[1] && o[2] !== m[2] ? t.expect : [];
  });
  // The year's own figures are taken out first: 9% is not another year's when 9%以上 is asked.
  const rest = [...own].reduce((text, f) => text.split(f).join("｜"), flat(answerText));
  return [...new Set(others.filter((f) => !own.has(flat(f)) && hasFigure(rest, f)))];
}
