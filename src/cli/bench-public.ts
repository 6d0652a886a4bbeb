/**
 * `npm run bench:public [-- --docs N --corpus DIR --out DIR --cache DIR --scratch-docs N
 * --model-sample N]`: issue 19's table, measured on the public corpus (or a folder given, or N
 * of its documents taken evenly), each step in its own process as a user runs it, its progress
 * lines passed through:
 *   1. full build into an empty artefact folder (`build-index`), and the model's own time for
 *      its passages (a sample embedded alone in this process, as the build batches them). The
 *      embedding cache is the artefact folder's own, empty — unless `--cache DIR` names a filled
 *      one: then the build measures everything but the model, and a build from scratch is
 *      projected as that time plus the model's time for the passages the cache supplied (an
 *      upper bound: it assumes reading overlaps none of the model's time), its peak RSS as the
 *      build's plus what the model's batches added to this process. `--scratch-docs N` also
 *      builds N documents (taken evenly) truly from scratch, to check the projection's ratio;
 *   2. `npm run add` of one document held back from the corpus;
 *   3. rebuild after a change of the extraction code, simulated with `build-index
 *      --pipeline-variant …`: the text is mixed into every document's key exactly as a change
 *      of src/ingest, src/sections or src/indicators changes the pipeline hash, so every
 *      document is read, parsed and chunked again, while passages stay as they were;
 *   4. `ask` cold start (process start to the answer on stdout) and its peak RSS;
 *   5. per-question p50/p95 over targets.jsonl (its questions about the documents built);
 *   6. the bot's RSS after start (bench-bot.ts);
 *   7. the artefact folder's size.
 * Prints the table (what | measured | goal | met?) and the figures as JSON. Not a test.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { PROJECT_ROOT, loadConfig } from "../config.js";
import { loadEmbedder } from "../embed/embedder.js";
import { MANIFEST_FILE, readJson, type ArtefactManifest } from "../index/artefact-store.js";
import { manifestGeneration } from "../index/previous-build.js";
import { measureBot } from "./bench-bot.js";
import { fromScratch, measureBuild, type BuildMeasure } from "./bench-public-build.js";
import { folderMb, runScript, timeToFirstOutput } from "./bench-process.js";

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "n/a");

/** `count` of `all` taken evenly (all when count is 0). */
function evenly(all: readonly string[], count: number): string[] {
  if (count <= 0 || count >= all.length) return [...all];
  return Array.from({ length: count }, (_, i) => all[Math.floor((i * all.length) / count)]!);
}

interface Target {
  q: string;
  status: string[];
  expect?: string[];
  cite?: string;
}

/** The table's build cells for one measured build: what, measured, met. */
function buildCells(m: BuildMeasure, cache: string): [string, string, boolean] {
  const s = fromScratch(m, cache !== "");
  const ratio = s.seconds / s.modelSeconds;
  const model = `the model alone ${fmt(m.model.millisPerPassage)} ms a passage (${m.sampled} timed) × ${cache ? m.embedded + m.cached : m.embedded} = ${fmt(s.modelSeconds, 0)} s`;
  const what = `${m.counts.documents} documents, ${m.counts.chunks} chunks; ${m.embedded} embedded, ${cache ? `${m.cached} from the filled cache ${cache}` : `${m.cached} repeated within the build`}`;
  const measured = cache
    ? `built in ${fmt(m.build.seconds, 0)} s (${fmt(m.modelSecondsInBuild, 0)} s of it waiting for the model: ${fmt((1000 * m.modelSecondsInBuild) / m.embedded)} ms a passage), peak RSS ${m.build.peakRssMb} MB; ${model}; from scratch projected ≤ ${fmt(s.seconds, 0)} s → ≤ ${fmt(ratio, 2)}×, peak RSS ≤ ${fmt(s.peakRssMb, 0)} MB (+${fmt(m.model.batchMb, 0)} MB of the model's batches)`
    : `${fmt(m.build.seconds, 0)} s, peak RSS ${m.build.peakRssMb} MB; ${model} → ${fmt(ratio, 2)}×`;
  return [what, measured, ratio <= 1.2 && s.peakRssMb <= 1024];
}

/** The row of the build from scratch of a sample, when one was made. */
function scratchRows(scratch: BuildMeasure | null, goal: string): Array<[string, string, string, boolean]> {
  if (!scratch) return [];
  const [what, measured, met] = buildCells(scratch, "");
  return [[`build of a sample from scratch, empty embedding cache (${what})`, measured, goal, met]];
}

async function main(): Promise<void> {
  const config = loadConfig();
  const source = resolve(option("--corpus", join(PROJECT_ROOT, "..", "shared", "public-corpus", "docs")));
  const out = resolve(option("--out", "/tmp/bench-public"));
  const cache = option("--cache", "");
  const modelSample = Number(option("--model-sample", "1000"));
  const all = readdirSync(source)
    .filter((f) => !f.startsWith(".") && !f.endsWith(".json"))
    .sort();
  const docs = evenly(all, Number(option("--docs", "0")));
  const held = docs[docs.length - 1]!;
  const step = (line: string) => console.error(`bench:public: ${line}`);
  const embedder = await loadEmbedder({
    modelDir: config.modelDir,
    modelId: config.modelId,
    allowRemote: false,
  });

  const scratchDocs = Number(option("--scratch-docs", "0"));
  let scratch: BuildMeasure | null = null;
  if (scratchDocs > 0) {
    step(`from scratch: ${scratchDocs} documents taken evenly, empty embedding cache…`);
    scratch = await measureBuild(
      {
        source,
        documents: evenly(all, scratchDocs),
        out: join(out, "scratch"),
        modelSample,
        label: "  scratch ",
      },
      embedder,
    );
  }

  const full = join(out, "full");
  const corpus = join(full, "corpus");
  const artefacts = join(full, "artefacts");
  const env: Record<string, string> = {
    CORPUS_DIR: corpus,
    ARTEFACT_DIR: artefacts,
    ...(cache ? { EMBEDDING_CACHE_DIR: resolve(cache) } : {}),
  };
  step(`full build: ${docs.length - 1} documents into ${artefacts} (${held} held back to add)…`);
  const built = await measureBuild(
    {
      source,
      documents: docs.filter((f) => f !== held),
      out: full,
      env: cache ? { EMBEDDING_CACHE_DIR: resolve(cache) } : {},
      modelSample,
      label: "  ",
    },
    embedder,
  );
  const incoming = join(out, "incoming");
  mkdirSync(incoming, { recursive: true });
  copyFileSync(join(source, held), join(incoming, held));

  // Before the rebuild below: after a build with another pipeline variant, every document's key
  // differs from the add's and the add would read them all again.
  step(`npm run add ${held}…`);
  const add = await runScript("src/cli/add.ts", [join(incoming, held)], env, "  ");

  step("rebuild after an extraction-code change (--pipeline-variant)…");
  const rebuild = await runScript(
    "src/cli/build-index.ts",
    ["--pipeline-variant", `bench ${Date.now()}`],
    env,
    "  ",
  );

  const targets = readFileSync(option("--targets", join(source, "..", "targets.jsonl")), "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Target);
  const inCorpus = new Set(docs.filter((f) => f !== held));
  const asked = targets.filter((t) => !t.cite || inCorpus.has(t.cite));
  const questions = (asked.length > 0 ? asked : targets).slice(0, Number(option("--questions", "2000")));
  step(`ask cold start (3 runs), then ${questions.length} questions…`);
  const colds = [];
  for (let i = 0; i < 3; i++)
    colds.push(
      await timeToFirstOutput("src/cli/ask.ts", ["--json", questions[i % questions.length]!.q], env),
    );
  colds.sort((a, b) => a.seconds - b.seconds);
  const cold = colds[1]!;
  const batchFile = join(out, "questions.txt");
  writeFileSync(batchFile, questions.map((t) => t.q).join("\n") + "\n");
  const batch = await runScript("src/cli/ask.ts", ["--json", "--batch", batchFile], env);
  const answers = batch.stdout
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { status: string; text: string; timing_ms: number });
  const timings = answers.map((a) => a.timing_ms).sort((a, b) => a - b);
  const right = answers.filter(
    (a, i) =>
      questions[i]!.status.includes(a.status) &&
      (questions[i]!.expect ?? []).every((e) => a.text.includes(e)),
  ).length;

  step("bot after start…");
  const bot = await measureBot(env, questions[0]!.q);

  const after = readJson<ArtefactManifest>(join(artefacts, MANIFEST_FILE));
  const generation = manifestGeneration(after)!;
  const live = folderMb(join(artefacts, generation));
  const total = folderMb(artefacts);
  const vectors = cache
    ? `${folderMb(resolve(cache))} MB (shared, ${cache})`
    : `${folderMb(join(artefacts, "vector-cache"))} MB`;

  const n = built.counts.documents ?? docs.length - 1;
  const [fullWhat, fullMeasured, fullMet] = buildCells(built, cache);
  const buildGoal = "≤ 1.2 × the model's own time, peak RSS ≤ 1 GB";
  const rows: Array<[string, string, string, boolean]> = [
    [`full build (${fullWhat})`, fullMeasured, buildGoal, fullMet],
    ...scratchRows(scratch, buildGoal),
    [
      "rebuild after an extraction-code change, passages unchanged",
      `${fmt(rebuild.seconds, 0)} s, peak RSS ${rebuild.peakRssMb} MB`,
      "≤ 5 min at 1,500 documents",
      rebuild.seconds <= 300,
    ],
    [
      "`ask` cold start (process, to the answer)",
      `${fmt(cold.seconds, 2)} s (median of 3), peak RSS ${cold.peakRssMb} MB`,
      "≤ 2 s, RSS ≤ 600 MB",
      cold.seconds <= 2 && (cold.peakRssMb ?? Infinity) <= 600,
    ],
    [
      "bot RSS after start (polling)",
      `${bot.rssMb} MB (peak ${bot.peakMb} MB; started in ${fmt(bot.startSeconds)} s, first reply ${fmt(bot.replySeconds, 2)} s)`,
      "≤ 600 MB",
      bot.rssMb <= 600,
    ],
    [
      `per question (${timings.length} questions of targets.jsonl; ${right} answered as expected)`,
      `p50 ${fmt(percentile(timings, 0.5))} ms, p95 ${fmt(percentile(timings, 0.95))} ms`,
      "p95 ≤ 30 ms",
      percentile(timings, 0.95) <= 30,
    ],
    [
      `add one document (\`npm run add\`, at ${n + 1} documents)`,
      `${fmt(add.seconds)} s, peak RSS ${add.peakRssMb} MB`,
      "≤ 10 s at 1,500 documents",
      add.seconds <= 10,
    ],
    [
      "artefacts on disk",
      `live build ${live} MB; folder ${total} MB (previous generation kept for rollback, embedding cache ${vectors})`,
      "≤ 600 MB",
      live <= 600,
    ],
  ];
  console.log("| what | measured | goal | met? |\n| --- | --- | --- | --- |");
  for (const [what, measured, goal, met] of rows)
    console.log(`| ${what} | ${measured} | ${goal} | ${met ? "yes" : "**no**"} |`);
  console.log(
    JSON.stringify(
      {
        out,
        documents: n,
        full: built,
        scratch,
        rebuild,
        cold: colds,
        bot,
        add,
        sizes: { live, total, vectors },
      },
      (k, v) => (k === "stdout" || k === "stderr" ? undefined : v),
    ),
  );
}

main().catch((e: unknown) => {
  console.error("bench:public failed:", e);
  process.exit(1);
});
