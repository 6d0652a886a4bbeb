import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as OpenCC from "opencc-js";
import { beforeAll, describe, expect, it } from "vitest";
import { createAnswerService, type AnswerService } from "../../src/answer/answer-service.js";
import { generateQuestions } from "../../src/cli/question-generator.js";
import { PROJECT_ROOT, loadConfig } from "../../src/config.js";
import { loadVocabulary } from "../../src/indicators/aliases.js";
import { extractTables } from "../../src/indicators/extract-tables.js";
import { readCorpus } from "../../src/ingest/read-corpus.js";
import type { Answer } from "../../src/types.js";
import { realService } from "./service.js";

const corpusDir = join(PROJECT_ROOT, "corpus");
const toSimplified = OpenCC.Converter({ from: "t", to: "cn" });
/** Letters and digits only, simplified: how a quote is compared with its source file. */
const skeleton = (s: string) =>
  toSimplified(s)
    .replace(/<[^>]*>/gu, "")
    .replace(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,8}\)/giu, "")
    .replace(/[０-９％．]/gu, (d: string) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[^\p{L}\p{N}.%-]/gu, "");

let service: AnswerService;
const sources = new Map<string, string>();
beforeAll(async () => {
  service = await realService();
  for (const s of service.sources())
    sources.set(s.file, skeleton(readFileSync(join(corpusDir, s.file), "utf8")));
});

/**
 * Numbers of an answer text that no citation holds. Period labels (2023年) name the
 * document's period, citation markers are not figures, and lines labelled 计算值 hold the
 * only computed values.
 */
function uncitedNumbers(a: Answer): string[] {
  // A /cite excerpt shows the quote's neighbouring sentences verbatim as well.
  const cited = a.citations.map((c) => `${c.quote}${c.before}${c.after}${c.title}${c.section}`).join("\n");
  return (
    a.text
      .split("\n")
      .filter((line) => !line.includes("计算值"))
      .map((line) => line.replace(/\[\d+\]/gu, "").replace(/20\d{2}年/gu, ""))
      // A number inside a name (5G基站, PM2.5) is not a figure.
      .flatMap((line) => line.match(/(?<![A-Za-z\d.])\d+(?:\.\d+)?(?![\dA-Za-z])/gu) ?? [])
      .filter((n) => !cited.includes(n))
  );
}

/**
 * Quotes (and originals) that are not verbatim text of their source: each piece of a quote
 * (a table citation joins caption, header and row with …) must stand in the source file.
 */
function quoteProblems(question: string, a: Answer, files: Map<string, string>): string[] {
  const problems: string[] = [];
  const verbatim = (doc: string, quote: string) =>
    quote
      .split("…")
      .map(skeleton)
      .filter((p) => p.length > 0)
      .every((p) => files.get(doc)?.includes(p));
  for (const c of a.citations) {
    if (!verbatim(c.doc, c.quote)) problems.push(`${question}: quote not in ${c.doc}: ${c.quote}`);
    if (!verbatim(c.doc, c.original)) problems.push(`${question}: original not in ${c.doc}`);
  }
  return problems;
}

const seedDocuments = (await readCorpus(corpusDir)).documents;

describe("every figure is cited verbatim", () => {
  const vocabulary = loadVocabulary();
  const { rows } = extractTables(seedDocuments, vocabulary);
  const questions = generateQuestions(rows, vocabulary, 250, 11);

  it("generated 250 questions covering values, facts and refusals", () => {
    expect(questions).toHaveLength(250);
    expect(new Set(questions.map((q) => q.status))).toEqual(new Set(["answered", "not_found"]));
  });

  it("answers them as expected, and every number in a text appears in a citation", async () => {
    const problems: string[] = [];
    let answeredAsExpected = 0;
    for (const g of questions) {
      const a = await service.ask(g.question);
      if (a.status === g.status && g.expect.every((e) => a.text.includes(e))) answeredAsExpected++;
      const uncited = uncitedNumbers(a);
      if (uncited.length > 0) problems.push(`${g.question}: ${uncited.join(",")} not cited in «${a.text}»`);
      problems.push(...quoteProblems(g.question, a, sources));
    }
    expect(problems).toEqual([]);
    expect(answeredAsExpected / questions.length).toBeGreaterThanOrEqual(0.97);
  });

  it("refusals carry no facts and no citations", async () => {
    for (const g of questions.filter((q) => q.status === "not_found").slice(0, 20)) {
      const a = await service.ask(g.question);
      expect(a.status, g.question).toBe("not_found");
      expect(a.facts, g.question).toEqual([]);
    }
  });
});

/** The real documents of other regions (../shared/realdocs beside the project). */
const REALDOCS = [
  join(PROJECT_ROOT, "..", "shared", "realdocs"),
  join(PROJECT_ROOT, "..", "..", "shared", "realdocs"),
].find((d) => existsSync(join(d, "gold.jsonl")));

describe("every figure is cited verbatim, on real documents of other regions", () => {
  it("finds ../shared/realdocs", () => {
    expect(REALDOCS).toBeDefined();
  });
  const textDir = join(REALDOCS ?? "", "text");
  const realSources = new Map<string, string>();
  let realService: AnswerService;
  beforeAll(async () => {
    if (!REALDOCS) return;
    realService = await createAnswerService(
      loadConfig({
        CORPUS_DIR: `${corpusDir}:${textDir}`,
        ARTEFACT_DIR: join(PROJECT_ROOT, "embeddings", "realdocs-test"),
      }),
      { rebuildIfStale: true },
    );
    for (const s of realService.sources()) {
      const path = [join(corpusDir, s.file), join(textDir, s.file)].find((p) => existsSync(p))!;
      sources.set(s.file, skeleton(readFileSync(path, "utf8")));
      realSources.set(s.file, sources.get(s.file)!);
    }
  }, 900_000);

  it("keeps the invariant for the gold questions and 200 generated from the real tables", async () => {
    const gold = readFileSync(join(REALDOCS!, "gold.jsonl"), "utf8")
      .split("\n")
      .filter(Boolean)
      .map((l) => (JSON.parse(l) as { q: string }).q);
    const vocabulary = loadVocabulary();
    const { rows } = extractTables((await readCorpus([textDir])).documents, vocabulary);
    const generated = generateQuestions(rows, vocabulary, 200, 5).map((g) => g.question);
    expect(generated).toHaveLength(200);
    const problems: string[] = [];
    for (const q of [...gold, ...generated]) {
      const a = await realService.ask(q);
      const uncited = uncitedNumbers(a);
      if (uncited.length > 0) problems.push(`${q}: ${uncited.join(",")} not cited in «${a.text}»`);
      problems.push(...quoteProblems(q, a, realSources));
    }
    expect(problems).toEqual([]);
  }, 600_000);
});
