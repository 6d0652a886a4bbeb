/**
 * The indicator catalogue: a versioned data file (data/indicator-catalogue.json) naming the
 * indicators Chinese statistical bulletins and work reports publish, the names people use for
 * them, the kind of quantity each measures and how they relate (part of, per capita of,
 * subset of). Loaded once, validated with zod; a bad file fails with a message naming the
 * file, the entry and the problem.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { z } from "zod";

/** Where the catalogue lives: `data/indicator-catalogue.json` at the project root. */
export const CATALOGUE_PATH = resolve(import.meta.dirname, "..", "..", "data", "indicator-catalogue.json");

/** The kinds of quantity an indicator measures. */
export const UNIT_KINDS = [
  "money",
  "count",
  "people",
  "percent",
  "rate",
  "index",
  "area",
  "weight",
  "volume",
  "energy",
  "length",
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

const entrySchema = z
  .object({
    name: z.string().min(2),
    unit: z.enum(UNIT_KINDS),
    aliases: z.array(z.string().min(2)),
    /** A component of that indicator (出口总额 ⊂ 进出口总额). */
    partOf: z.string().min(2).optional(),
    /** The per-person figure of that total (人均地区生产总值 of 地区生产总值). */
    perCapitaOf: z.string().min(2).optional(),
    /** The same measure over a subset (限额以上, 规模以上, 城镇/农村 of 全体). */
    subsetOf: z.string().min(2).optional(),
    /**
     * Subjects that name the indicator only when its growth rate is stated of them with no
     * value (`经济` of `经济增长6%`, `经济增速6.5%左右`): alone they name nothing, so
     * `经济增长点`, `数字经济增长12%` or `拉动经济增长2个百分点` never read as the indicator.
     */
    growthAliases: z.array(z.string().min(2)).optional(),
  })
  .strict();

/**
 * A dimension along which one measure is split (城乡: 城镇/农村/全体), each value with the words
 * that mark it; see src/indicators/qualifiers.ts for how question and row are compared.
 */
const qualifierSchema = z
  .object({
    dimension: z.string().min(2),
    /** Value → the words that mark it in a name, a phrase or a question. */
    values: z.record(z.string().min(1), z.array(z.string().min(1)).min(1)),
    /** The value of a name without any of the words, where the catalogue holds its variants. */
    whole: z.string().min(1).optional(),
    /** A row lacking the value a question asks never answers (default true). */
    strict: z.boolean().optional(),
  })
  .strict();

export const catalogueSchema = z
  .object({
    version: z.literal(3),
    description: z.string().optional(),
    qualifiers: z.array(qualifierSchema).default([]),
    indicators: z.array(entrySchema).min(1),
  })
  .strict();

/** One catalogued indicator. */
export type CatalogueEntry = z.infer<typeof entrySchema>;
/** One qualifier dimension. */
export type QualifierDimension = z.infer<typeof qualifierSchema>;
/** The parsed catalogue file. */
export type Catalogue = z.infer<typeof catalogueSchema>;

/** Thrown for a catalogue that cannot be read or breaks a rule; names the file and the entry. */
export class CatalogueError extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
    this.name = "CatalogueError";
  }
}

/** The indicator an entry is a part, per-capita figure or subset of, if any. */
export function parentOf(entry: CatalogueEntry): string | null {
  return entry.partOf ?? entry.perCapitaOf ?? entry.subsetOf ?? null;
}

/**
 * Checks the rules zod cannot: unique names, relations that name catalogued indicators and
 * never the entry itself, every name, alias and growth alias naming one indicator, and qualifier words that
 * mark one value (a `whole` that is one of the dimension's values or a name of its own).
 * Returns the problems found.
 */
export function catalogueProblems(catalogue: Catalogue): string[] {
  const problems: string[] = [];
  const byName = new Map<string, CatalogueEntry>();
  for (const e of catalogue.indicators) {
    if (byName.has(e.name)) problems.push(`indicator "${e.name}" is listed twice`);
    byName.set(e.name, e);
  }
  for (const e of catalogue.indicators) {
    for (const rel of ["partOf", "perCapitaOf", "subsetOf"] as const) {
      const target = e[rel];
      if (target === undefined) continue;
      if (target === e.name) problems.push(`"${e.name}".${rel} names the indicator itself`);
      else if (!byName.has(target))
        problems.push(`"${e.name}".${rel} names "${target}", which is not catalogued`);
    }
  }
  const owners = new Map<string, string>();
  for (const e of catalogue.indicators) {
    for (const term of [e.name, ...e.aliases]) {
      const key = term.replace(/[（）()\s]/gu, "").toUpperCase();
      const owner = owners.get(key);
      if (owner !== undefined && owner !== e.name)
        problems.push(`"${key}" names two indicators: ${owner}, ${e.name}`);
      owners.set(key, e.name);
    }
  }
  for (const e of catalogue.indicators) {
    for (const term of e.growthAliases ?? []) {
      const key = term.replace(/[（）()\s]/gu, "").toUpperCase();
      const owner = owners.get(key);
      if (owner !== undefined)
        problems.push(`growth alias "${key}" of ${e.name} is already a name of ${owner}`);
      owners.set(key, e.name);
    }
  }
  const words = new Map<string, string>();
  for (const d of catalogue.qualifiers) {
    for (const [value, list] of Object.entries(d.values)) {
      for (const w of list) {
        const other = words.get(w);
        if (other !== undefined)
          problems.push(`qualifier word "${w}" marks ${other} and ${d.dimension}.${value}`);
        words.set(w, `${d.dimension}.${value}`);
      }
    }
  }
  return problems;
}

/** Parses and checks catalogue data already read; `path` is for messages. */
export function parseCatalogue(json: unknown, path: string): Catalogue {
  const parsed = catalogueSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new CatalogueError(`${path}: ${issue.path.join(".")}: ${issue.message}`, path);
  }
  const problems = catalogueProblems(parsed.data);
  if (problems.length > 0) throw new CatalogueError(`${path}: ${problems.join("; ")}`, path);
  return parsed.data;
}

/** Reads and validates the catalogue file (default {@link CATALOGUE_PATH}). */
export function loadCatalogue(path: string = CATALOGUE_PATH): Catalogue {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    throw new CatalogueError(`cannot read ${path}: ${(e as Error).message}`, path);
  }
  return parseCatalogue(json, path);
}
