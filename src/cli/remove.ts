/**
 * `npm run remove -- NAME…`: removes documents (file name or id) from the corpus folders and
 * rebuilds incrementally; the removed documents leave every index and the cache.
 */
import { ConfigError, loadConfig } from "../config.js";
import { EmbeddingModelError, loadEmbedder } from "../embed/embedder.js";
import { CorpusDocumentNotFound, removeDocument } from "../index/add-documents.js";
import { CorpusError } from "../ingest/load-corpus.js";

async function main(): Promise<void> {
  const names = process.argv.slice(2);
  if (names.length === 0) throw new CorpusDocumentNotFound("(none given)", []);
  const config = loadConfig();
  const embedder = await loadEmbedder({
    modelDir: config.modelDir,
    modelId: config.modelId,
    allowRemote: config.allowRemoteModels,
  });
  for (const name of names) {
    const report = await removeDocument(name, {
      corpusDirs: config.corpusDirs,
      artefactDir: config.artefactDir,
      embeddingCacheDir: config.embeddingCacheDir,
      embedder,
    });
    console.log(`removed ${name}; corpus now ${JSON.stringify(report.manifest.counts)}`);
  }
}

main().catch((e: unknown) => {
  if (
    e instanceof CorpusDocumentNotFound ||
    e instanceof ConfigError ||
    e instanceof EmbeddingModelError ||
    e instanceof CorpusError
  )
    console.error(`remove: ${e.message}`);
  else console.error("remove failed:", e);
  process.exit(1);
});
