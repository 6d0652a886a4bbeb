/**
 * `npm run build-index [-- --pipeline-variant TEXT]`: builds every artefact in ARTEFACT_DIR
 * (default embeddings/) from CORPUS_DIR (default corpus/). Prints counts, build time and peak
 * memory; exits non-zero with a message when the corpus or the model is unusable.
 *
 * `--pipeline-variant TEXT` makes the build behave as after a change to the extraction code:
 * TEXT is mixed into every document's segment key, so every document is read, parsed and
 * chunked again (embeddings still come from the cache when the passage texts are unchanged).
 * For benchmarks (`npm run bench:public`); a normal build never needs it.
 */
import { ConfigError, loadConfig } from "../config.js";
import { EmbeddingModelError, loadEmbedder } from "../embed/embedder.js";
import { buildArtefacts } from "../index/build-artefacts.js";
import { CorpusError } from "../ingest/load-corpus.js";

function pipelineVariant(argv: readonly string[]): string | undefined {
  const i = argv.indexOf("--pipeline-variant");
  if (i < 0) return undefined;
  const value = argv[i + 1];
  if (!value) throw new ConfigError("--pipeline-variant needs a value", "--pipeline-variant");
  return value;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const variant = pipelineVariant(process.argv.slice(2));
  const embedder = await loadEmbedder({
    modelDir: config.modelDir,
    modelId: config.modelId,
    allowRemote: config.allowRemoteModels,
  });
  const report = await buildArtefacts({
    corpusDir: config.corpusDirs,
    artefactDir: config.artefactDir,
    embeddingCacheDir: config.embeddingCacheDir,
    embedder,
    ...(variant ? { pipelineVariant: variant } : {}),
    log: (line) => console.log(`build-index: ${line}`),
  });
  const peakMb = (process.resourceUsage().maxRSS / 1024).toFixed(0);
  console.log(
    `build-index: wrote ${config.artefactDir} in ${(report.millis / 1000).toFixed(1)} s, peak RSS ${peakMb} MB; ` +
      `counts ${JSON.stringify(report.manifest.counts)}`,
  );
  for (const p of report.problems) console.warn(`build-index: skipped ${p.file}: ${p.reason}`);
}

main().catch((e: unknown) => {
  if (e instanceof ConfigError || e instanceof EmbeddingModelError || e instanceof CorpusError)
    console.error(`build-index: ${e.message}`);
  else console.error("build-index failed:", e);
  process.exit(1);
});
