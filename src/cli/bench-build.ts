/**
 * `npm run bench-build [-- --out DIR --docs 50 --grow 200]`: the build benchmark. Makes a
 * corpus of the seed documents plus `--docs` synthetic district bulletins, then measures, each
 * in its own process as a user runs it:
 *   1. a full build (`npm run build-index` on an empty artefact folder): wall time, peak RSS;
 *   2. `npm run add` of one more bulletin: wall time (process start and model load included),
 *      peak RSS;
 *   3. the corpus grown to `--grow` documents (built incrementally), then `npm run add` of one
 *      more bulletin again, to show the add does not grow with the corpus.
 * Prints one line per step and a JSON summary. Not a test: numbers depend on the machine.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { PROJECT_ROOT, loadConfig } from "../config.js";
import { gazetteer } from "../ingest/gazetteer.js";
import { syntheticBulletin } from "./synthetic-bulletin.js";

/** City of the synthetic bulletins (test data: the seed documents' city). */
const CITY = "鞍山市";
/** Its counties and districts, from the gazetteer. */
const DISTRICTS = countiesOf(CITY);
/** Years before any seed document, so synthetic and seed documents never share a region and period. */
const FIRST_YEAR = 1990;

interface Step {
  step: string;
  documents: number;
  wallSeconds: number;
  peakRssMb: number | null;
}

function countiesOf(city: string): string[] {
  const divisions = [...gazetteer().divisions.values()];
  const code = divisions.find((d) => d.name === city)?.code;
  const names = divisions.filter((d) => d.parent === code).map((d) => d.name);
  if (names.length === 0) throw new Error(`the gazetteer has no county of ${city}`);
  return names;
}

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

/** The i-th synthetic document (name and text). */
function synthetic(i: number): { name: string; text: string } {
  const region = DISTRICTS[i % DISTRICTS.length]!;
  const year = FIRST_YEAR + Math.floor(i / DISTRICTS.length);
  return {
    name: `synthetic-${String(i).padStart(3, "0")}-${year}.txt`,
    text: syntheticBulletin(CITY, region, year),
  };
}

function run(
  step: string,
  script: string,
  args: string[],
  env: Record<string, string>,
  documents: number,
): Step {
  const started = Date.now();
  const child = spawnSync(process.execPath, ["--import", "tsx", join(PROJECT_ROOT, script), ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...env },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const wallSeconds = (Date.now() - started) / 1000;
  const output = `${child.stdout}\n${child.stderr}`;
  if (child.status !== 0) throw new Error(`${step} failed (exit ${child.status}):\n${output.slice(-2000)}`);
  const rss = /peak RSS (\d+) MB/u.exec(output);
  const result = { step, documents, wallSeconds, peakRssMb: rss ? Number(rss[1]) : null };
  console.log(
    `${step}: ${documents} documents, ${wallSeconds.toFixed(1)} s wall, peak RSS ${result.peakRssMb} MB`,
  );
  return result;
}

function main(): void {
  const config = loadConfig();
  const out = resolve(option("--out", "/tmp/bench-build"));
  const docs = Number(option("--docs", "50"));
  const grow = Number(option("--grow", "200"));
  rmSync(out, { recursive: true, force: true });
  const corpus = join(out, "corpus");
  const incoming = join(out, "incoming");
  mkdirSync(corpus, { recursive: true });
  mkdirSync(incoming, { recursive: true });
  for (const f of readdirSync(config.corpusDir)) copyFileSync(join(config.corpusDir, f), join(corpus, f));
  const seeds = readdirSync(corpus).filter((f) => !f.endsWith(".json")).length;
  for (let i = 0; i < docs; i++) writeFileSync(join(corpus, synthetic(i).name), synthetic(i).text);
  const env = { CORPUS_DIR: corpus, ARTEFACT_DIR: join(out, "artefacts") };
  const steps: Step[] = [];
  const addOne = (i: number, documents: number) => {
    const doc = synthetic(i);
    writeFileSync(join(incoming, doc.name), doc.text);
    steps.push(
      run("npm run add (one bulletin)", "src/cli/add.ts", [join(incoming, doc.name)], env, documents),
    );
  };
  steps.push(run("full build", "src/cli/build-index.ts", [], env, seeds + docs));
  addOne(docs, seeds + docs + 1);
  if (grow > docs + 1) {
    for (let i = docs + 1; i < grow - seeds; i++)
      writeFileSync(join(corpus, synthetic(i).name), synthetic(i).text);
    steps.push(run("incremental build (grown corpus)", "src/cli/build-index.ts", [], env, grow - 1));
    addOne(grow - seeds, grow);
  }
  console.log(JSON.stringify({ out, steps }, null, 2));
}

main();
