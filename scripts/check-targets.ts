/**
 * A fast check of growth targets over a whole corpus, without embedding: reads every document,
 * extracts its rows, and answers each `<地区><年>年GDP增长目标` question of a gold file the way
 * the named-indicator path does (question parsed, documents scoped by region and period, the
 * indicator's target rows of the year asked), then reports the misses by cause.
 *
 *   npx tsx scripts/check-targets.ts [--docs DIR] [--gold FILE] [--meta FILE]
 *     [--files FILE_OF_NAMES] [--verbose] [--out FILE]
 *
 * Rows are selected as answer-question.ts selects them: the named indicators' rows of the period
 * asked whose qualifiers agree (qualifiers.ts), targets only, those with a growth when any has one.
 *
 * Defaults: ../shared/public-corpus/{docs,targets.jsonl,meta.jsonl}. A document is "misdated"
 * when our year differs from meta.jsonl's (the collection's label). An answer "gives another
 * year's target" when a row it shows comes from a document the collection files under a year
 * other than the one asked and its figure is not the expected one.
 */
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { loadVocabulary } from "../src/indicators/aliases.js";
import { extractTables } from "../src/indicators/extract-tables.js";
import { agreesWithMentions } from "../src/indicators/qualifiers.js";
import { readDocument } from "../src/ingest/read-document.js";
import { statementOfRow } from "../src/answer/compose.js";
import { dedupeRows } from "../src/retrieve/match-rows.js";
import { parseQuestion } from "../src/retrieve/parse-question.js";
import { resolveScope, rowInPeriod } from "../src/retrieve/scope.js";
import type { CorpusDocument, IndicatorRow } from "../src/types.js";

interface Gold {
  id: string;
  q: string;
  expect: string[];
  cite: string;
}
interface Label {
  file: string;
  region: string;
  year: number;
}

const argv = process.argv.slice(2);
const opt = (name: string, dflt: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1]! : dflt;
};
const corpus = resolve(opt("--docs", "../shared/public-corpus/docs"));
const goldPath = resolve(opt("--gold", "../shared/public-corpus/targets.jsonl"));
const metaPath = resolve(opt("--meta", join(corpus, "..", "meta.jsonl")));
const filesPath = argv.includes("--files") ? resolve(opt("--files", "")) : null;
const verbose = argv.includes("--verbose");
const outPath = argv.includes("--out") ? opt("--out", "") : null;
/** `--explain PT0001,PT0002`: print each shown row's document, period and statement. */
const explain = new Set(argv.includes("--explain") ? opt("--explain", "").split(",") : []);

const jsonl = <T>(path: string): T[] =>
  readFileSync(path, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as T);
const flat = (s: string) => s.replace(/[\s,，]/gu, "");

const labels = new Map(jsonl<Label>(metaPath).map((m) => [m.file, m]));
const only = filesPath ? new Set(readFileSync(filesPath, "utf8").split(/\s+/u).filter(Boolean)) : null;
const names = readdirSync(corpus)
  .filter((f) => !f.startsWith(".") && !f.endsWith(".json"))
  .filter((f) => !only || only.has(f))
  .sort();
const gold = jsonl<Gold>(goldPath).filter((g) => names.includes(g.cite));

const vocabulary = loadVocabulary();
const t0 = Date.now();
const documents: CorpusDocument[] = [];
const skipped = new Map<string, string>();
const rowsByDoc = new Map<string, IndicatorRow[]>();
for (const name of names) {
  const read = await readDocument(join(corpus, name), {});
  if (!read.ok) {
    skipped.set(name, read.problem.reason);
    continue;
  }
  const doc = read.document;
  const { rows } = extractTables([doc], vocabulary);
  doc.meta.periods = [...new Set([doc.meta.period, ...rows.map((r) => r.period)])].sort();
  documents.push(doc);
  rowsByDoc.set(doc.meta.id, rows);
}
const readMs = Date.now() - t0;
const byFile = new Map(documents.map((d) => [d.meta.file, d]));
const metas = documents.map((d) => d.meta);

type Cause =
  | "pass"
  | "skipped"
  | "misdated"
  | "misplaced"
  | "out of scope"
  | "no target row"
  | "qualifier or figure lost"
  | "other indicator's target"
  | "another year's target";
const counts = new Map<Cause, number>();
const misdatedDocs = new Set<string>();
const report: Array<{ id: string; q: string; cause: Cause; expect: string[]; text: string; cite: string }> =
  [];

for (const g of gold) {
  const doc = byFile.get(g.cite);
  const label = labels.get(g.cite);
  const misdated = !!doc && !!label && doc.meta.year !== label.year;
  if (misdated) misdatedDocs.add(g.cite);
  let cause: Cause = "pass";
  let text = "";
  const q = parseQuestion(g.q, vocabulary);
  const scope = resolveScope(q, metas);
  if (!doc) cause = "skipped";
  else if (!scope.ok || !scope.docs.some((d) => d.id === doc.meta.id)) {
    cause = misdated ? "misdated" : scope.ok ? "out of scope" : "misplaced";
    text = scope.ok ? `scope: ${scope.docs.map((d) => d.file).join(" ")}` : scope.message;
  } else {
    const asked = new Set(q.indicators.flatMap((m) => m.indicators));
    const docIds = new Set(scope.docs.map((d) => d.id));
    const targets = [...docIds]
      .flatMap((id) => rowsByDoc.get(id) ?? [])
      .filter((r) => r.indicator !== null && asked.has(r.indicator))
      .filter((r) => rowInPeriod(r, q) && r.nature === "target")
      .filter((r) => agreesWithMentions(q.text, q.indicators, r, vocabulary, q.places));
    // As the answer does (answer-question.ts, byNature): a growth asked, the targets with one.
    const growths = targets.filter((r) => r.growth);
    const rows = dedupeRows(growths.length > 0 ? growths : targets);
    text = rows.map((r, i) => statementOfRow(r, i + 1)).join("\n");
    if (explain.has(g.id))
      for (const r of rows) {
        const source = documents.find((d) => d.meta.id === r.source.docId)!;
        const statement = source.text.slice(r.source.start, r.source.end);
        console.log(`${g.id} ${source.meta.file} ${r.period} ${r.nature}: ${statement.slice(0, 200)}`);
      }
    const found = g.expect.every((e) => flat(text).includes(flat(e)));
    const wrong = rows.filter((r) => !g.expect.some((e) => flat(statementOfRow(r, 0)).includes(flat(e))));
    const otherYear = wrong.some((r) => {
      const file = documents.find((d) => d.meta.id === r.source.docId)!.meta.file;
      return labels.get(file)?.year !== q.years[0];
    });
    if (otherYear) cause = "another year's target";
    else if (rows.length === 0) cause = misdated ? "misdated" : "no target row";
    else if (wrong.length > 0) cause = "other indicator's target";
    else if (!found) cause = "qualifier or figure lost";
  }
  counts.set(cause, (counts.get(cause) ?? 0) + 1);
  report.push({ id: g.id, q: g.q, cause, expect: g.expect, text, cite: g.cite });
  if (verbose && cause !== "pass")
    console.log(
      `${cause}: ${g.id} ${g.q} ${g.cite} want ${g.expect.join(" ")}\n  ${text.replace(/\n/gu, "\n  ")}`,
    );
}

const pass = counts.get("pass") ?? 0;
const clean = report.filter((r) => !misdatedDocs.has(r.cite));
const cleanPass = clean.filter((r) => r.cause === "pass").length;
console.log(`documents ${names.length}, read ${documents.length}, skipped ${skipped.size} (${readMs} ms)`);
console.log(`misdated documents (our year ≠ meta.jsonl): ${misdatedDocs.size} of those cited`);
for (const [cause, n] of [...counts].sort((a, b) => b[1] - a[1])) console.log(`  ${cause}: ${n}`);
const pct = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(1)}%`;
console.log(`targets ${pass}/${gold.length} (${pct(pass, gold.length)})`);
console.log(`excluding misdated documents ${cleanPass}/${clean.length} (${pct(cleanPass, clean.length)})`);
if (outPath) writeFileSync(outPath, report.map((r) => JSON.stringify(r)).join("\n") + "\n");
