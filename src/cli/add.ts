/**
 * `npm run add -- FILE… [--region R] [--period P] [--kind K] [--to DIR]`: copies documents
 * into the first CORPUS_DIR folder (or DIR), builds incrementally and prints, per document,
 * the metadata detected, what was extracted and its data-quality notes. A file that cannot be
 * indexed is reported with the reason and not copied. Exit code 1 when any file was refused.
 */
import { resolve } from "node:path";
import { ConfigError, loadConfig } from "../config.js";
import { EmbeddingModelError, loadEmbedder } from "../embed/embedder.js";
import { addDocuments, readIncoming, type StatedMetadata } from "../index/add-documents.js";
import { CorpusError } from "../ingest/load-corpus.js";
import type { DocumentKind } from "../types.js";
import { describeAddedDocument } from "../index/describe-added.js";

const USAGE = "usage: npm run add -- FILE… [--region 地区] [--period 2023年] [--kind 统计公报] [--to DIR]";

function parseArgs(argv: string[]): { files: string[]; stated: StatedMetadata; to: string | undefined } {
  const files: string[] = [];
  const stated: StatedMetadata = {};
  let to: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${arg} needs a value`);
      return v;
    };
    if (arg === "--region") stated.region = value();
    else if (arg === "--period") stated.period = value();
    else if (arg === "--kind") stated.kind = value() as DocumentKind;
    else if (arg === "--to") to = value();
    else if (arg.startsWith("--")) throw new UsageError(`unknown option ${arg}`);
    else files.push(arg);
  }
  if (files.length === 0) throw new UsageError("no file given");
  return { files, stated, to };
}

class UsageError extends Error {}

async function main(): Promise<number> {
  const started = Date.now();
  const args = parseArgs(process.argv.slice(2));
  const config = loadConfig();
  const incoming = readIncoming(args.files.map((f) => resolve(f)));
  const embedder = await loadEmbedder({
    modelDir: config.modelDir,
    modelId: config.modelId,
    allowRemote: config.allowRemoteModels,
  });
  const result = await addDocuments(incoming, args.stated, {
    corpusDirs: config.corpusDirs,
    artefactDir: config.artefactDir,
    embeddingCacheDir: config.embeddingCacheDir,
    embedder,
    targetDir: args.to ? resolve(args.to) : undefined,
    log: (line) => console.error(`add: ${line}`),
  });
  for (const d of result.added) console.log(describeAddedDocument(d).join("\n"));
  for (const r of result.refused) console.log(`未添加 ${r.file}：${r.reason}`);
  const peakMb = (process.resourceUsage().maxRSS / 1024).toFixed(0);
  console.error(
    `add: ${result.added.length} added, ${result.refused.length} refused in ${((Date.now() - started) / 1000).toFixed(1)} s, peak RSS ${peakMb} MB` +
      (result.build ? `; corpus ${JSON.stringify(result.build.manifest.counts)}` : "; nothing changed"),
  );
  return result.refused.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (e instanceof UsageError) console.error(`add: ${e.message}\n${USAGE}`);
    else if (e instanceof ConfigError || e instanceof EmbeddingModelError || e instanceof CorpusError)
      console.error(`add: ${e.message}`);
    else if ((e as NodeJS.ErrnoException).code === "ENOENT") console.error(`add: ${(e as Error).message}`);
    else console.error("add failed:", e);
    process.exit(2);
  },
);
