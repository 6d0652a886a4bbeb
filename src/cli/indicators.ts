/**
 * `npm run indicators -- --csv|--json [--tasks] [--out FILE]`: exports the indicator table
 * (or, with --tasks, the task table) read from the corpus. CSV is UTF-8 with BOM.
 */
import { writeFileSync } from "node:fs";
import { ConfigError, loadConfig } from "../config.js";
import { loadVocabulary } from "../indicators/aliases.js";
import { extractTables } from "../indicators/extract-tables.js";
import { indicatorsToCsv, tasksToCsv } from "../indicators/table-export.js";
import { readCorpus } from "../ingest/read-corpus.js";
import type { TaskRow } from "../types.js";
import { findUnitMention, unitKey, unitsOf } from "../understand/units.js";

const USAGE =
  "usage: npm run indicators -- (--csv | --json) [--tasks [--unit 单位 [--role lead|responsible|any]]] [--out FILE]";

/** The tasks of one unit (`--unit 市发改委 --role lead`), matched as task questions match it. */
function tasksOfNamedUnit(tasks: TaskRow[], name: string, role: string): TaskRow[] {
  if (role !== "lead" && role !== "responsible" && role !== "any") throw new UsageError(`bad --role ${role}`);
  const keysOf = (column: string | null) => unitsOf(column).map(unitKey);
  const keys = [...new Set(tasks.flatMap((t) => [...keysOf(t.lead), ...keysOf(t.responsible)]))].filter(
    Boolean,
  );
  const unit = findUnitMention(name, keys)?.unit;
  if (!unit) throw new UsageError(`no unit of the task table is named by “${name}”`);
  return tasks.filter(
    (t) =>
      (role !== "responsible" && keysOf(t.lead).includes(unit)) ||
      (role !== "lead" && keysOf(t.responsible).includes(unit)),
  );
}

class UsageError extends Error {}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const format = argv.includes("--csv") ? "csv" : argv.includes("--json") ? "json" : null;
  const outAt = argv.indexOf("--out");
  const out = outAt >= 0 ? argv[outAt + 1] : undefined;
  if (!format || (outAt >= 0 && !out)) {
    console.error(USAGE);
    process.exit(2);
  }
  const config = loadConfig();
  const vocabulary = loadVocabulary();
  const { documents, problems } = await readCorpus(config.corpusDirs);
  for (const p of problems) console.error(`indicators: skipped ${p.file}: ${p.reason}`);
  const texts = new Map(documents.map((d) => [d.meta.id, d.text]));
  const { rows, tasks: allTasks } = extractTables(documents, vocabulary);
  const wantTasks = argv.includes("--tasks");
  const unitAt = argv.indexOf("--unit");
  const roleAt = argv.indexOf("--role");
  const tasks =
    unitAt >= 0
      ? tasksOfNamedUnit(allTasks, argv[unitAt + 1] ?? "", roleAt >= 0 ? (argv[roleAt + 1] ?? "") : "any")
      : allTasks;
  const body =
    format === "json"
      ? `${JSON.stringify(wantTasks ? tasks : rows, null, 2)}\n`
      : wantTasks
        ? tasksToCsv(tasks)
        : indicatorsToCsv(rows, (r) => texts.get(r.source.docId)!.slice(r.source.start, r.source.end));
  if (out) {
    writeFileSync(out, body);
    console.error(`indicators: wrote ${wantTasks ? tasks.length : rows.length} rows to ${out}`);
  } else process.stdout.write(body);
}

// A closed pipe (`| head`) is a normal end of output, not an error.
process.stdout.on("error", (e: NodeJS.ErrnoException) => process.exit(e.code === "EPIPE" ? 0 : 1));

main().catch((e: unknown) => {
  if (e instanceof UsageError) {
    console.error(`indicators: ${e.message}\n${USAGE}`);
    process.exit(2);
  }
  console.error(e instanceof ConfigError ? `indicators: ${e.message}` : e);
  process.exit(1);
});
