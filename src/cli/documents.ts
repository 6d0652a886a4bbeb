/**
 * `npm run --silent documents [-- --json] [--evidence]`: lists what the corpus holds, read
 * and detected as the build reads it but without embedding (fast over a large corpus).
 * Honours CORPUS_DIR. With `--json`, one JSON object a line: `file`, `part` (only for a file
 * that holds several documents), `region` (the division's name as held), `code` (its division
 * code), `period`, `kind`, `title`, and with `--evidence` the words each was read from.
 * Skipped files go to stderr with the reason.
 */
import { loadConfig } from "../config.js";
import { eachCorpusFile } from "../ingest/read-corpus.js";
import type { DocumentMeta } from "../types.js";

/** The listing line of one document. */
export function documentLine(meta: DocumentMeta, evidence: boolean): Record<string, unknown> {
  return {
    file: meta.file,
    ...(meta.part ? { part: meta.part } : {}),
    region: meta.region,
    code: meta.regionCode,
    period: meta.period,
    kind: meta.kind,
    title: meta.title,
    ...(evidence && meta.evidence ? { evidence: meta.evidence } : {}),
  };
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const json = argv.includes("--json");
  const evidence = argv.includes("--evidence");
  const unknown = argv.filter((a) => a !== "--json" && a !== "--evidence");
  if (unknown.length > 0) {
    console.error("usage: npm run --silent documents [-- --json] [--evidence]");
    process.exit(2);
  }
  const config = loadConfig();
  let documents = 0;
  let skipped = 0;
  for await (const entry of eachCorpusFile(config.corpusDirs)) {
    if ("problem" in entry) {
      skipped++;
      console.error(`documents: skipped ${entry.problem.file}: ${entry.problem.reason}`);
      continue;
    }
    for (const d of entry.documents) {
      documents++;
      const m = d.meta;
      if (json) process.stdout.write(`${JSON.stringify(documentLine(m, evidence))}\n`);
      else
        process.stdout.write(
          `${m.file}${m.part ? `#${m.part}` : ""}\t${m.regionPath.join("")}（${m.regionCode}）\t${m.period}\t${m.kind}\t${m.title}\n`,
        );
    }
  }
  if (!json) console.error(`documents: ${documents} documents, ${skipped} files skipped`);
}

await main();
