/**
 * The indicator vocabulary: canonical names and colloquial aliases, read from the one alias
 * data file (corpus/indicator-aliases.json). Used to name table rows, to understand
 * questions and to keep indicator names whole when tokenising.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";

/** Name of the alias file inside corpus/. */
export const ALIAS_FILE = "indicator-aliases.json";

const aliasFileSchema = z.object({
  version: z.literal(1),
  description: z.string().optional(),
  indicators: z
    .array(z.object({ name: z.string().min(2), aliases: z.array(z.string().min(2)) }).strict())
    .min(1),
});

/** Canonical indicators and the lookup from any name or alias to the indicators it names. */
export interface IndicatorVocabulary {
  /** Canonical names in file order. */
  names: string[];
  /** Lookup key (see {@link vocabularyKey}) → canonical names. */
  byTerm: Map<string, string[]>;
  /** Every name and alias as written, longest first (for scanning questions). */
  terms: string[];
}

/** Thrown for a malformed alias file; names the file and the problem. */
export class AliasFileError extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
    this.name = "AliasFileError";
  }
}

/** The form names are compared in: half-width brackets removed, Latin upper-cased. */
export function vocabularyKey(term: string): string {
  return term.replace(/[（）()\s]/gu, "").toUpperCase();
}

/** Builds a vocabulary from parsed alias data. */
export function buildVocabulary(data: z.infer<typeof aliasFileSchema>): IndicatorVocabulary {
  const byTerm = new Map<string, string[]>();
  const add = (term: string, name: string) => {
    const key = vocabularyKey(term);
    const list = byTerm.get(key) ?? [];
    if (!list.includes(name)) list.push(name);
    byTerm.set(key, list);
  };
  const terms = new Set<string>();
  for (const { name, aliases } of data.indicators) {
    add(name, name);
    terms.add(name);
    for (const alias of aliases) {
      add(alias, name);
      terms.add(alias);
    }
  }
  return {
    names: data.indicators.map((i) => i.name),
    byTerm,
    terms: [...terms].sort((a, b) => b.length - a.length),
  };
}

function readAliasFile(path: string): z.infer<typeof aliasFileSchema> {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    throw new AliasFileError(`cannot read ${path}: ${(e as Error).message}`, path);
  }
  const parsed = aliasFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AliasFileError(`${path}: ${issue.path.join(".")}: ${issue.message}`, path);
  }
  return parsed.data;
}

/**
 * Reads and validates the alias files of the corpus folders. The first folder must hold one;
 * each further folder may add its own (its indicators are appended).
 */
export function loadVocabulary(corpusDirs: string | readonly string[]): IndicatorVocabulary {
  const dirs = typeof corpusDirs === "string" ? [corpusDirs] : corpusDirs;
  const first = readAliasFile(join(dirs[0]!, ALIAS_FILE));
  for (const dir of dirs.slice(1)) {
    const path = join(dir, ALIAS_FILE);
    if (existsSync(path)) first.indicators.push(...readAliasFile(path).indicators);
  }
  return buildVocabulary(first);
}

/** The canonical indicators a phrase names exactly (by name or alias), or []. */
export function indicatorsNamedBy(vocabulary: IndicatorVocabulary, phrase: string): string[] {
  return vocabulary.byTerm.get(vocabularyKey(phrase)) ?? [];
}

/**
 * What may follow an indicator name in a question: the end, punctuation, or words that ask
 * about it (增速, 是多少, 和…, 目标…). Anything else means the name is part of a longer noun:
 * 规上工业 in 规上工业企业数量 names no indicator.
 */
const MENTION_END =
  /^(?:$|[\sA-Za-z？?，,。！!、（()）：:；;]|是|为|有|的|和|与|及|跟|同比|比|对|增|下降|降|减|多少|几|完成|实现|达|目标|预期|计划|情况|怎|如何|呢|吗|在|共|总量|分别|变化|相|较|从|到|数据|规模|数|额|率|指标|\d|20)/u;

/** A mention of an indicator in a question. */
export interface IndicatorMention {
  term: string;
  index: number;
  indicators: string[];
}

/**
 * Finds indicator names and aliases in a text, longest first and without overlaps
 * (社会消费品零售总额 wins over 社零 inside it), in text order.
 */
export function findIndicatorMentions(vocabulary: IndicatorVocabulary, text: string): IndicatorMention[] {
  const upper = text.toUpperCase();
  const taken: boolean[] = new Array(text.length).fill(false);
  const out: IndicatorMention[] = [];
  for (const term of vocabulary.terms) {
    const needle = term.toUpperCase();
    for (let i = upper.indexOf(needle); i >= 0; i = upper.indexOf(needle, i + 1)) {
      if (taken.slice(i, i + needle.length).some(Boolean)) continue;
      if (!MENTION_END.test(text.slice(i + needle.length))) continue;
      for (let k = i; k < i + needle.length; k++) taken[k] = true;
      out.push({ term, index: i, indicators: indicatorsNamedBy(vocabulary, term) });
    }
  }
  return out.sort((a, b) => a.index - b.index);
}
