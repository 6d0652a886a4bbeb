/**
 * `npm run bench`: measures the answering layer in-process on this machine.
 *   - cold start: creating the service (model, artefacts, tokenizer loaded);
 *   - per-question latency (p50, p95, max) over the dev set (../shared/eval/dev.jsonl when
 *     present) plus generated questions (default 300, `--generated N`);
 *   - how many generated questions got the expected status and figures.
 * Targets: p50 ≤ 20 ms, p95 ≤ 50 ms, cold start ≤ 2 s. Exits 1 when a target is missed.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createAnswerService } from "../answer/answer-service.js";
import { PROJECT_ROOT, loadConfig } from "../config.js";
import { loadVocabulary } from "../indicators/aliases.js";
import { extractTables } from "../indicators/extract-tables.js";
import { ArtefactError } from "../index/artefact-store.js";
import { readCorpus } from "../ingest/read-corpus.js";
import { generateQuestions } from "./question-generator.js";

const TARGETS = { p50: 20, p95: 50, coldStart: 2000 };

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const generatedCount = Number(argv[argv.indexOf("--generated") + 1] ?? 300) || 300;
  const config = loadConfig();
  const started = performance.now();
  const service = await createAnswerService(config);
  const coldStart = performance.now() - started;

  const devPath = join(PROJECT_ROOT, "..", "shared", "eval", "dev.jsonl");
  const dev = existsSync(devPath)
    ? readFileSync(devPath, "utf8")
        .split("\n")
        .filter(Boolean)
        .map((l) => (JSON.parse(l) as { q: string }).q)
    : [];
  const vocabulary = loadVocabulary();
  const { rows } = extractTables((await readCorpus(config.corpusDirs)).documents, vocabulary);
  const generated = generateQuestions(rows, vocabulary, generatedCount);

  const latencies: number[] = [];
  for (const q of dev) latencies.push((await service.ask(q)).timing_ms);
  let correct = 0;
  for (const g of generated) {
    const answer = await service.ask(g.question);
    latencies.push(answer.timing_ms);
    if (answer.status === g.status && g.expect.every((e) => answer.text.includes(e))) correct++;
    else if (argv.includes("--verbose"))
      console.log(`MISS ${g.question} → ${answer.status}: ${answer.text.slice(0, 120)}`);
  }
  latencies.sort((a, b) => a - b);
  const p50 = percentile(latencies, 0.5);
  const p95 = percentile(latencies, 0.95);
  console.log(`cold start ${coldStart.toFixed(0)} ms (target ≤ ${TARGETS.coldStart})`);
  console.log(
    `latency over ${latencies.length} questions (${dev.length} dev + ${generated.length} generated): ` +
      `p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${latencies[latencies.length - 1]!.toFixed(1)} ms ` +
      `(targets p50 ≤ ${TARGETS.p50}, p95 ≤ ${TARGETS.p95})`,
  );
  console.log(`generated questions answered as expected: ${correct}/${generated.length}`);
  const missed = p50 > TARGETS.p50 || p95 > TARGETS.p95 || coldStart > TARGETS.coldStart;
  if (missed) console.log("bench: a target was missed");
  process.exit(missed ? 1 : 0);
}

main().catch((e: unknown) => {
  console.error(
    e instanceof ArtefactError ? `bench: ${e.message}` : "bench failed:",
    e instanceof ArtefactError ? "" : e,
  );
  process.exit(1);
});
