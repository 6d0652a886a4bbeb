/**
 * Generates questions in the style staff ask, from the indicator table itself: every
 * canonical row asked with a random alias and phrasing, growth and comparison questions,
 * body-text facts by measure word, and questions the corpus cannot answer. Used by the
 * benchmark and by the tests that check answers stay cited over many questions.
 */
import type { IndicatorVocabulary } from "../indicators/aliases.js";
import type { IndicatorRow } from "../types.js";

/** A generated question with what a correct answer must contain. */
export interface GeneratedQuestion {
  question: string;
  /** Strings the answer text must contain (published figures). */
  expect: string[];
  status: "answered" | "not_found";
}

/** A small deterministic random generator (mulberry32), so runs are repeatable. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(items: readonly T[], rand: () => number): T => items[Math.floor(rand() * items.length)]!;

/** Names staff may use for an indicator: the canonical name and its unambiguous aliases. */
function namesFor(indicator: string, vocabulary: IndicatorVocabulary): string[] {
  const names = [...vocabulary.byTerm.entries()]
    .filter(([, list]) => list.length === 1 && list[0] === indicator)
    .map(([key]) => vocabulary.terms.find((t) => t.replace(/[（）()\s]/gu, "").toUpperCase() === key) ?? key);
  return names.length > 0 ? names : [indicator];
}

/** Generates about `count` questions from the table (deterministic for a seed). */
export function generateQuestions(
  rows: IndicatorRow[],
  vocabulary: IndicatorVocabulary,
  count: number,
  seed = 7,
): GeneratedQuestion[] {
  const rand = seededRandom(seed);
  const out: GeneratedQuestion[] = [];
  const results = rows.filter((r) => r.nature === "result" && r.indicator && (r.value || r.growth));
  const facts = rows.filter(
    (r) =>
      r.nature === "result" &&
      !r.indicator &&
      r.value &&
      r.value.unit !== "%" &&
      /^[\p{Script=Han}]{2,8}$/u.test(r.phrase),
  );
  const unique = (list: IndicatorRow[]) =>
    list.filter(
      (r) =>
        list.filter((o) => o.region === r.region && o.period === r.period && o.phrase === r.phrase).length ===
        1,
    );
  const factPool = unique(facts);
  const valueTemplates = ["{r}{p}{n}是多少", "{r}{p}的{n}", "{p}{r}{n}多少", "请问{r}{p}{n}"];
  const growthTemplates = ["{r}{p}{n}增速", "{r}{p}{n}同比增长多少"];
  const absent = ["进出口总额", "实际利用外资", "居民消费价格指数", "常住人口"];
  while (out.length < count) {
    const kind = rand();
    if (kind < 0.5 && results.length > 0) {
      const row = pick(results, rand);
      const name = pick(namesFor(row.indicator!, vocabulary), rand);
      const wantsGrowth = row.growth && (!row.value || rand() < 0.3);
      const template = pick(wantsGrowth ? growthTemplates : valueTemplates, rand);
      const question = template.replace("{r}", row.region).replace("{p}", row.period).replace("{n}", name);
      const expect = [row.value?.text, row.growth?.figure].filter((x): x is string => Boolean(x));
      out.push({ question, expect, status: "answered" });
    } else if (kind < 0.8 && factPool.length > 0) {
      const row = pick(factPool, rand);
      const unit = row.value!.unit.replace(/^[万亿]/u, "").replace(/^[余多]/u, "");
      out.push({
        question: `${row.region}${row.period}${row.phrase}多少${unit}`,
        expect: [row.value!.text],
        status: "answered",
      });
    } else if (kind < 0.9) {
      const row = pick(results, rand);
      out.push({
        question: `${row.region}2021年${pick(namesFor(row.indicator!, vocabulary), rand)}`,
        expect: [],
        status: "not_found",
      });
    } else {
      const row = pick(results, rand);
      out.push({
        question: `${row.region}${row.period}${pick(absent, rand)}是多少`,
        expect: [],
        status: "not_found",
      });
    }
  }
  return out;
}
