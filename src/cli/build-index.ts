/**
 * `npm run build-index`: builds every artefact in ARTEFACT_DIR (default embeddings/) from
 * CORPUS_DIR (default corpus/). Prints counts, build time and peak memory; exits non-zero
 * with a message when the corpus or the model is unusable.
 */
import { ConfigError, loadConfig } from "../config.js";
import { EmbeddingModelError, loadEmbedder } from "../embed/embedder.js";
import { buildArtefacts } from "../index/build-artefacts.js";
import { CorpusError } from "../ingest/load-corpus.js";

async function main(): Promise<void> {
  const config = loadConfig();
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
