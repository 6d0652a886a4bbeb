#!/usr/bin/env node
// Grades the team's own question sets (tests/eval-sets/*.jsonl) with ../shared/eval/grade.mjs.
//
// Usage (from the project root, or `npm run eval:sets -- [options]`):
//   node scripts/grade-eval-sets.mjs                 # build and grade all three sets
//   node scripts/grade-eval-sets.mjs --set seed-hard # one set (seed-conversations, seed-hard, public-realdocs)
//   node scripts/grade-eval-sets.mjs --paraphrase 3  # also grade ../shared/eval/paraphrase.mjs --per 3 of each set
//   node scripts/grade-eval-sets.mjs --check         # no engine: check every line against its cited file
//   node scripts/grade-eval-sets.mjs --verbose       # print each failure (grade.mjs --verbose)
//
// What each set needs:
// - seed-conversations, seed-hard: the project's corpus/ only, artefacts in /tmp/evals-sets-seed,
//   citations checked against ../shared/seeds (the seed files as received).
// - public-realdocs: corpus/ plus the public documents the set cites (cite/cite2), linked into
//   /tmp/evals-sets-public-docs, artefacts in /tmp/evals-sets-public, citations checked against
//   ../shared/public-corpus/docs. Only the chosen documents are built (about 30), not the 1,497.
// The full grade.mjs output of every run is kept in /tmp/evals-sets-report/<set>[.para].txt.
//
// --check verifies the sets themselves (run it after editing a set): ids unique, statuses
// valid, every cited file exists, every `note`/`note2` is verbatim in its cited file (after
// grade.mjs's skeleton normalisation; pieces may be joined by …), every expected figure not
// marked `computed` is published in a cited file, and every expected string is in a note.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const shared = join(root, "..", "shared");
const setsDir = join(root, "tests", "eval-sets");
const reportDir = "/tmp/evals-sets-report";

const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const verbose = args.includes("--verbose");
const check = args.includes("--check");
const per = Number(opt("--paraphrase", "0"));
const only = opt("--set", undefined);

const SETS = {
  "seed-conversations": { seeds: join(shared, "seeds"), artefacts: "/tmp/evals-sets-seed", extraDocs: false },
  "seed-hard": { seeds: join(shared, "seeds"), artefacts: "/tmp/evals-sets-seed", extraDocs: false },
  "public-realdocs": {
    seeds: join(shared, "public-corpus", "docs"),
    artefacts: "/tmp/evals-sets-public",
    extraDocs: "/tmp/evals-sets-public-docs",
  },
};
if (only && !SETS[only]) {
  console.error(`unknown set ${only}; one of ${Object.keys(SETS).join(", ")}`);
  process.exit(2);
}
const names = only ? [only] : Object.keys(SETS);
const readSet = (name) =>
  readFileSync(join(setsDir, `${name}.jsonl`), "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l, i) => {
      try {
        return JSON.parse(l);
      } catch (e) {
        throw new Error(`${name}.jsonl line ${i + 1}: ${e.message}`, { cause: e });
      }
    });

// The grader's normalisation, so that a check here means the same as a check there.
const require = createRequire(join(root, "package.json"));
const toSimplified = require("opencc-js").Converter({ from: "t", to: "cn" });
const skeleton = (s) =>
  toSimplified(String(s ?? ""))
    .replace(/<[^>]*>/g, "")
    .replace(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,8}\)/gi, "")
    .replace(/[０-９％．]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[^\p{L}\p{N}.%-]/gu, "");
const hasFigure = (text, n) => new RegExp(`(?<![\\d.])${n.replace(/\./g, "\\.")}(?![\\d]|\\.\\d)`).test(text);
const numeric = (s) => (String(s).match(/[\d.]+/) ?? [""])[0];

function checkSet(name) {
  const { seeds } = SETS[name];
  const gold = readSet(name);
  const cache = new Map();
  const source = (f) => {
    if (!cache.has(f))
      cache.set(f, existsSync(join(seeds, f)) ? skeleton(readFileSync(join(seeds, f), "utf8")) : null);
    return cache.get(f);
  };
  const problems = [];
  const ids = new Set();
  const statuses = new Set(["answered", "not_found", "clarify"]);
  for (const g of gold) {
    const say = (m) => problems.push(`${g.id}: ${m}`);
    if (!g.id || ids.has(g.id)) say("missing or repeated id");
    ids.add(g.id);
    if (!g.kind || !g.q) say("kind and q are required");
    if (!Array.isArray(g.status) || g.status.length === 0 || g.status.some((s) => !statuses.has(s)))
      say("bad status");
    if (g.status?.includes("answered") && g.status.length === 1 && !g.expect?.length)
      say("answered without expect");
    for (const c of g.computed ?? []) if (!(g.expect ?? []).includes(c)) say(`computed ${c} is not expected`);
    const pairs = [
      [g.cite, g.note],
      [g.cite2, g.note2],
    ].filter(([c]) => c);
    if (g.note2 && !g.cite2) say("note2 without cite2");
    const notes = [];
    for (const [c, n] of pairs) {
      const text = source(c);
      if (text === null) {
        say(`cited file ${c} not in ${seeds}`);
        continue;
      }
      if (!n) {
        say(`cite ${c} without its verbatim note`);
        continue;
      }
      for (const piece of String(n)
        .split(/…|\.\.\./)
        .map(skeleton)
        .filter(Boolean)) {
        if (!text.includes(piece)) say(`note not verbatim in ${c}: ${piece.slice(0, 60)}`);
        notes.push(piece);
      }
    }
    for (const e of g.expect ?? []) {
      if ((g.computed ?? []).includes(e)) continue;
      const n = numeric(e);
      // A figure glued to a footnote marker ("[5]117210亿元") is still published: fall back to the
      // expected string itself.
      const published = ([c]) => source(c) && (hasFigure(source(c), n) || source(c).includes(skeleton(e)));
      if (n && pairs.length && !pairs.some(published))
        say(`expected ${e}: ${n} is published in no cited file`);
      if (pairs.length && !notes.some((p) => p.includes(skeleton(e)))) say(`expected ${e} is in no note`);
    }
  }
  console.log(`${name}: ${gold.length} lines, ${problems.length} problems`);
  for (const p of problems) console.log(`  ${p}`);
  return problems.length;
}

const run = (cmd, cmdArgs, env) =>
  execFileSync(cmd, cmdArgs, {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });

function linkPublicDocs(dir, gold, seeds) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const files = [...new Set(gold.flatMap((g) => [g.cite, g.cite2]).filter(Boolean))].sort();
  for (const f of files) symlinkSync(join(seeds, f), join(dir, f));
  return files.length;
}

function gradeSet(name) {
  const { seeds, artefacts, extraDocs } = SETS[name];
  const gold = readSet(name);
  const env = { ARTEFACT_DIR: artefacts, CORPUS_DIR: "corpus" };
  if (extraDocs) {
    const n = linkPublicDocs(extraDocs, gold, seeds);
    env.CORPUS_DIR = `corpus:${extraDocs}`;
    console.log(`${name}: corpus/ plus ${n} public documents linked in ${extraDocs}`);
  }
  run("npm", ["run", "--silent", "build-index"], env);
  const results = [];
  const grade = (goldFile, label) => {
    let out;
    try {
      out = run(
        "node",
        [join(shared, "eval", "grade.mjs"), "--gold", goldFile, "--seeds", seeds, "--verbose"],
        env,
      );
    } catch (e) {
      out = String(e.stdout ?? "");
      if (!/^accuracy /m.test(out)) throw e;
    }
    writeFileSync(join(reportDir, `${label}.txt`), out);
    const kinds = [...out.matchAll(/^([^\s:]+): (\d+)\/(\d+)$/gm)].map((m) => ({
      kind: m[1],
      pass: +m[2],
      total: +m[3],
    }));
    const pass = kinds.reduce((s, k) => s + k.pass, 0);
    const total = kinds.reduce((s, k) => s + k.total, 0);
    console.log(`\n== ${label}: ${pass}/${total} (${((100 * pass) / total).toFixed(1)}%)`);
    for (const k of kinds) console.log(`   ${k.kind.padEnd(16)} ${k.pass}/${k.total}`);
    if (verbose) for (const l of out.split("\n").filter((l) => /^(FAIL| {2})/.test(l))) console.log(l);
    results.push({ label, pass, total });
  };
  grade(join(setsDir, `${name}.jsonl`), name);
  if (per > 0) {
    const para = join(reportDir, `${name}.para.jsonl`);
    writeFileSync(
      para,
      run(
        "node",
        [
          join(shared, "eval", "paraphrase.mjs"),
          "--gold",
          join(setsDir, `${name}.jsonl`),
          "--per",
          String(per),
        ],
        {},
      ),
    );
    grade(para, `${name}.para`);
  }
  return results;
}

if (check) {
  const bad = names.reduce((s, n) => s + checkSet(n), 0);
  process.exit(bad ? 1 : 0);
}
mkdirSync(reportDir, { recursive: true });
const all = names.flatMap(gradeSet);
console.log("\nsummary");
for (const r of all)
  console.log(`  ${r.label.padEnd(28)} ${r.pass}/${r.total} (${((100 * r.pass) / r.total).toFixed(1)}%)`);
console.log(`reports in ${reportDir}`);
