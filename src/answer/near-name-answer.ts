/**
 * Typos and near names at the answer: a question that was not answered and names no held
 * indicator (or no held place) but writes one nearly — a pinyin homophone, a transposition,
 * one edit (src/understand/near-names.ts) — is answered with `clarify`: what was not found,
 * `您是不是要问：社零总额？`, and the question rewritten with each candidate as an option. The
 * candidate is never substituted silently.
 */
import type { IndicatorVocabulary } from "../indicators/aliases.js";
import type { ParsedQuestion } from "../retrieve/parse-question.js";
import type { Answer, DocumentMeta, IndicatorRow } from "../types.js";
import { createNearNameIndex, withNearName, type NearNameIndex } from "../understand/near-names.js";

/** The near-name index of one build, with the held regions. */
export interface NearNameLookup {
  index: NearNameIndex;
  regions: ReadonlySet<string>;
}

/** Prepares the held names: regions of the documents, indicators with rows and their aliases. */
export function nearNameLookup(
  metas: readonly DocumentMeta[],
  rows: readonly IndicatorRow[],
  vocabulary: IndicatorVocabulary,
): NearNameLookup {
  const withRows = new Set(rows.flatMap((r) => (r.indicator ? [r.indicator] : [])));
  const indicators = [...withRows].flatMap((name) => [
    name,
    ...(vocabulary.entries.get(name)?.aliases ?? []),
  ]);
  const regions = new Set(metas.map((m) => m.region));
  return { index: createNearNameIndex({ indicators, places: [...regions] }), regions };
}

/**
 * The clarification for an answer that found nothing, when the question nearly names a held
 * indicator or place it does not name; null otherwise (the answer stands).
 */
export function clarifyNearNames(
  answer: Answer,
  parsed: ParsedQuestion,
  lookup: NearNameLookup,
): Answer | null {
  if (answer.status === "answered") return null;
  const namesIndicator = parsed.indicators.length > 0;
  const namesPlace = parsed.regions.some((r) => lookup.regions.has(r));
  const candidates = lookup.index
    .find(parsed.text)
    .filter((c) => (c.kind === "indicator" ? !namesIndicator : !namesPlace));
  if (candidates.length === 0) return null;
  const written = [...new Set(candidates.map((c) => `“${c.written}”`))].join("、");
  const names = candidates.map((c) => c.name).join("，还是");
  return {
    ...answer,
    status: "clarify",
    text: `没有找到${written}。您是不是要问：${names}？`,
    facts: [],
    citations: [],
    options: candidates.map((c) => withNearName(parsed.text, c)),
  };
}
