/**
 * `npm run eval:public -- [--sample N] [--metadata-only] [--artefacts DIR] [--disagreements FILE]
 * [--min-metadata R] [--min-targets R] [--max-other-year N]`: measures the engine on the public
 * corpus (`../shared/public-corpus`, or `--corpus DIR` laid out the same way).
 *
 * 1. Metadata: every document (or a fixed sample of N, see {@link publicSample}) is read as the
 *    build reads it, without embedding, and its region, year and kind are checked against
 *    `meta.jsonl`. Prints the share right, the files skipped and every disagreement with the
 *    document's own words our reading rests on (the collection's labels are not perfect: such
 *    cases are listed, never fitted); `--disagreements FILE` writes them as Markdown.
 * 2. Targets (unless `--metadata-only`): builds the (sample) corpus into `--artefacts DIR`
 *    (default /tmp/eval-public-<n>), grades `targets.jsonl` (the sample's questions) with
 *    `../shared/eval/grade.mjs`, and counts the answers that give a target of the same place's
 *    report of another year.
 *
 * Exits 1 when a floor is missed: metadata right < --min-metadata (default 0.99), any file
 * skipped, targets < --min-targets (default 0.97), other-year answers > --max-other-year (0).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { PROJECT_ROOT } from "../config.js";
import { readOverrides } from "../ingest/load-corpus.js";
import { readDocument } from "../ingest/read-document.js";
import { disagreementsMarkdown, describeDisagreement } from "./label-disagreements.js";
import {
  compareToLabel,
  otherYearFigures,
  publicSample,
  readJsonLines,
  type Disagreement,
  type LabelLine,
  type TargetLine,
} from "./public-corpus.js";

function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

/** Reads every sampled document's metadata and compares it with its label. */
async function checkMetadata(docsDir: string, sample: readonly LabelLine[]) {
  const overrides = readOverrides(docsDir);
  const disagreements: Disagreement[] = [];
  const skipped: string[] = [];
  const readAs = new Map<string, string[]>();
  const key = (m: { region: string; year: number; kind: string }) => `${m.region} ${m.year} ${m.kind}`;
  for (const label of sample) {
    const read = await readDocument(join(docsDir, label.file), overrides);
    if (!read.ok) {
      skipped.push(`${label.file}: ${read.problem.reason}`);
      continue;
    }
    const meta = read.document.meta;
    readAs.set(key(meta), [...(readAs.get(key(meta)) ?? []), label.file]);
    const d = compareToLabel(meta, label, read.document.text);
    if (d) disagreements.push(d);
  }
  for (const d of disagreements) {
    const same = (readAs.get(key(d.ours)) ?? []).filter((f) => f !== d.file);
    if (same.length > 0) d.sameAs = same;
  }
  return { disagreements, skipped };
}

/** Runs a command of the project with the corpus and artefact folders set; throws on failure. */
function run(args: string[], env: Record<string, string>, capture: boolean): string {
  const r = spawnSync(args[0]!, args.slice(1), {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...env },
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    stdio: ["ignore", capture ? "pipe" : "inherit", "inherit"],
  });
  if (r.status !== 0 && !(capture && r.stdout)) throw new Error(`${args.join(" ")} failed (${r.status})`);
  return r.stdout ?? "";
}

/** Builds the sample corpus and grades its target questions; returns accuracy and other-year answers. */
function gradeTargets(root: string, docsDir: string, sample: readonly LabelLine[], artefacts: string) {
  const all = readJsonLines<TargetLine>(join(root, "targets.jsonl"));
  const files = new Set(sample.map((l) => l.file));
  const gold = all.filter((t) => files.has(t.cite));
  const corpus = join(artefacts, "corpus");
  rmSync(corpus, { recursive: true, force: true });
  mkdirSync(corpus, { recursive: true });
  for (const f of files) symlinkSync(resolve(docsDir, f), join(corpus, f));
  const goldFile = join(artefacts, "targets.jsonl");
  writeFileSync(goldFile, gold.map((g) => JSON.stringify(g)).join("\n") + "\n");
  const env = { CORPUS_DIR: corpus, ARTEFACT_DIR: join(artefacts, "index") };
  run(["npm", "run", "--silent", "build-index"], env, false);
  const graded = run(
    ["node", join(root, "..", "eval", "grade.mjs"), "--gold", goldFile, "--seeds", docsDir, "--verbose"],
    env,
    true,
  );
  process.stdout.write(graded);
  const accuracy = Number(graded.match(/^accuracy ([\d.]+)%$/mu)?.[1] ?? "0") / 100;
  const questions = join(artefacts, "questions.txt");
  writeFileSync(questions, gold.map((g) => g.q).join("\n") + "\n");
  const answers = run(["npm", "run", "--silent", "ask", "--", "--json", "--batch", questions], env, true)
    .split("\n")
    .filter((l) => l.trim().startsWith("{"))
    .map((l) => JSON.parse(l) as { text?: string });
  const otherYear = gold.flatMap((g, i) => {
    const figures = otherYearFigures(g, answers[i]?.text ?? "", all);
    return figures.length > 0
      ? [`${g.q}: ${figures.join("、")} in “${(answers[i]?.text ?? "").slice(0, 120)}”`]
      : [];
  });
  return { accuracy, questions: gold.length, otherYear };
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const root = resolve(option(argv, "--corpus") ?? join(PROJECT_ROOT, "..", "shared", "public-corpus"));
  const docsDir = join(root, "docs");
  const labels = readJsonLines<LabelLine>(join(root, "meta.jsonl"));
  const n = option(argv, "--sample");
  const sample = n ? publicSample(labels, Number(n)) : labels;
  const minMetadata = Number(option(argv, "--min-metadata") ?? "0.99");
  const minTargets = Number(option(argv, "--min-targets") ?? "0.97");
  const maxOtherYear = Number(option(argv, "--max-other-year") ?? "0");

  const { disagreements, skipped } = await checkMetadata(docsDir, sample);
  const right = sample.length - disagreements.length - skipped.length;
  const rate = right / sample.length;
  console.log(
    `metadata: ${right}/${sample.length} right (${(rate * 100).toFixed(1)}%): region, year and kind all as labelled`,
  );
  console.log(`metadata: ${skipped.length} skipped`);
  for (const s of skipped) console.log(`  skipped ${s}`);
  for (const d of disagreements) console.log(describeDisagreement(d));
  const out = option(argv, "--disagreements");
  if (out) writeFileSync(out, disagreementsMarkdown(disagreements, sample.length));
  let ok = rate >= minMetadata && skipped.length === 0;

  if (!argv.includes("--metadata-only")) {
    const artefacts = resolve(option(argv, "--artefacts") ?? `/tmp/eval-public-${sample.length}`);
    mkdirSync(artefacts, { recursive: true });
    const t = gradeTargets(root, docsDir, sample, artefacts);
    console.log(`targets: accuracy ${(t.accuracy * 100).toFixed(1)}% over ${t.questions} questions`);
    console.log(`targets: ${t.otherYear.length} answers give another year's target`);
    for (const o of t.otherYear) console.log(`  ${o}`);
    ok &&= t.accuracy >= minTargets && t.otherYear.length <= maxOtherYear;
  }
  if (!ok) {
    console.log("eval:public: below a floor");
    process.exit(1);
  }
}

await main();
