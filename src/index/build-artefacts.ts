/**
 * The build: corpus folders → artefact folder, incrementally. Every document file is hashed
 * into its key (build-plan.ts); a document the previous build holds under the same key is kept
 * without being opened, the others are read in worker threads and embedded through the
 * embedding cache (build-documents.ts). A build is a generation folder (`gen-…/`) holding the
 * corpus store (store-schema.ts: documents, texts, tables, BM25 postings, the row term index)
 * and the vector index; it starts from copies of the previous generation's, so only what
 * changed is written.
 *
 * The manifest naming the new generation is written last, atomically: a reader never sees a
 * half-written build, and an interrupted build leaves the previous one in service. Once the new
 * build is live, generations older than the previous one are deleted (the previous one stays
 * for a rollback and for readers still loading it), and an embedding cache inside the artefact
 * folder keeps only the vectors of the two.
 */
import { randomBytes } from "node:crypto";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { mkdirSync, rmSync } from "node:fs";
import { DEFAULT_EMBEDDING_CACHE_DIR } from "../config.js";
import { uncacheableReason, withVectorCache } from "../embed/cached-embedder.js";
import { openVectorCache, type VectorCache } from "../embed/vector-cache.js";
import { createTokenizer, type Tokenizer } from "./tokenize.js";
import { loadVocabulary } from "../indicators/aliases.js";
import { ARTEFACT_FILES } from "./artefact-layout.js";
import type { BuildOptions, BuildReport } from "./build-options.js";
import { LabelPlanner, finishVectorIndex } from "./assemble-vectors.js";
import { buildDocuments } from "./build-documents.js";
import { rowTermsFresh, writeIndexes, type CollectedPostings } from "./build-indexes.js";
import { planBuild } from "./build-plan.js";
import { isOwnCache, publishBuild } from "./publish-build.js";
import { passageKeyFunction } from "./passage-key.js";
import { createPreparePool } from "./prepare-pool.js";
import { freeLabels, readPreviousBuild, vectorKeysOf, type PreviousBuild } from "./previous-build.js";
import { PostingsSpool } from "./postings-spool.js";
import { PostingsAccumulator, type PostingsTable } from "./store-postings.js";
import { StoreWriter } from "./store-writer.js";
import { createVectorIndex, type VectorIndex } from "./vector-index.js";

export { passageText } from "./prepare-document.js";
export type { BuildOptions, BuildReport, DocumentReport } from "./build-options.js";

/** Scratch files of fresh inverted indexes, in the generation folder while the build runs. */
const BM25_SPOOL = "bm25-spool.sqlite";
const ROW_TERMS_SPOOL = "row-terms-spool.sqlite";

/** Documents to read below which they are read in the main thread (a worker takes ≈ 1 s to start). */
const WORKER_THRESHOLD = 12;

/**
 * Builds (incrementally) every artefact from the corpus folders into artefactDir. Files that
 * cannot be ingested are reported in the result and skipped; a corpus with no usable document
 * is an error, and in every failure the artefacts already in artefactDir stay usable.
 */
export async function buildArtefacts(options: BuildOptions): Promise<BuildReport> {
  const cacheDir = options.embeddingCacheDir ?? join(options.artefactDir, DEFAULT_EMBEDDING_CACHE_DIR);
  const unusable = uncacheableReason(options.embedder);
  if (unusable) options.log?.(unusable);
  const cache = unusable ? null : openVectorCache(cacheDir, { dimension: options.embedder.dimension });
  const found = readPreviousBuild(options.artefactDir, options.embedder);
  try {
    return await buildWith(options, cache, found.previous, found.previous ? null : found.reason);
  } finally {
    cache?.close();
    found.previous?.store.close();
  }
}

async function buildWith(
  options: BuildOptions,
  vectorCache: VectorCache | null,
  previous: PreviousBuild | null,
  noPrevious: string | null,
): Promise<BuildReport> {
  const started = Date.now();
  const log = options.log ?? (() => {});
  const dirs = options.corpusDirs ?? [options.corpusDir].flat();
  const { artefactDir } = options;
  const cached = vectorCache ? withVectorCache(options.embedder, vectorCache) : null;
  const embedder = cached ?? options.embedder;
  if (noPrevious) log(`nothing to update (${noPrevious}): every document is read`);
  const plan = planBuild({
    dirs,
    artefactDir,
    modelId: embedder.modelId,
    previous,
    ...(options.pipelineVariant ? { pipelineVariant: options.pipelineVariant } : {}),
  });
  const counts = { kept: 0, read: 0, removed: 0 };
  for (const d of plan.documents) if (d.action !== "skip") counts[d.action === "keep" ? "kept" : "read"]++;
  if (counts.kept + counts.read === 0) throw new Error(`no usable document in ${dirs.join(", ")}`);
  // Store keys of the documents kept (every document of a kept file).
  const keptKeys = new Set(
    plan.documents.flatMap((d) => (d.action === "keep" ? d.held.map((h) => h.key) : [])),
  );
  const removedDocuments = [...(previous?.documents.keys() ?? [])].filter((k) => !keptKeys.has(k));
  counts.removed = removedDocuments.length;

  const generation = `gen-${Date.now().toString(36)}-${randomBytes(3).toString("hex")}`;
  const generationDir = join(artefactDir, generation);
  mkdirSync(generationDir, { recursive: true });
  const store = StoreWriter.create(
    join(generationDir, ARTEFACT_FILES.store),
    previous ? { path: previous.storePath, keep: keptKeys } : null,
  );
  let tokenizer: Tokenizer | null = null;
  const sharedTokenizer = () => (tokenizer ??= createTokenizer(loadVocabulary().terms));
  const most = options.workers ?? (counts.read >= WORKER_THRESHOLD ? Math.min(2, availableParallelism()) : 0);
  const workers = options.workers ?? Math.min(1, most);
  const pool = createPreparePool({
    threads: workers,
    maxThreads: most,
    ...(workers === 0 ? { tokenizer: sharedTokenizer() } : {}),
  });
  const spools = new Set<PostingsSpool>();
  const spooled = (spool: PostingsSpool) => (spools.add(spool), spool);
  const disposeSpools = () => {
    for (const s of spools) s.dispose();
    spools.clear();
  };
  try {
    const free = previous ? freeLabels(previous, keptKeys) : [];
    const planner = new LabelPlanner(free, store.counters.labels);
    let index: VectorIndex | null = null;
    const previousIndex = () =>
      (index ??= previous ? previous.loadIndex() : createVectorIndex(embedder.dimension));
    const bm25Fresh = !store.copiedIndexes.bm25 || previous?.vocabulary !== plan.vocabulary;
    const collect = (fresh: boolean, table: PostingsTable, file: string): CollectedPostings =>
      fresh
        ? { fresh, spool: spooled(new PostingsSpool(join(generationDir, file))) }
        : { fresh, postings: new PostingsAccumulator(table) };
    const bm25 = collect(bm25Fresh, "bm25_terms", BM25_SPOOL);
    const rowTerms = collect(
      rowTermsFresh(store.copiedIndexes.rowTerms, counts),
      "row_terms",
      ROW_TERMS_SPOOL,
    );
    if (workers > 0) log(`reading ${counts.read} documents in ${workers} worker threads`);
    const result = await buildDocuments(plan.documents, {
      pool,
      embedder,
      keyOf: passageKeyFunction(embedder),
      store,
      planner,
      index: previousIndex,
      bm25: { postings: bm25.fresh ? bm25.spool : bm25.postings, allChunks: bm25.fresh },
      rowTerms: rowTerms.fresh ? rowTerms.spool : rowTerms.postings,
      log,
    });
    await pool.close();
    const problems = [...plan.scanProblems, ...result.problems];
    for (const p of problems) log(`skipped ${p.file}: ${p.reason}`);
    if (result.built.length === 0) throw new Error(`no usable document in ${dirs.join(", ")}`);
    const removedLabels = planner.unclaimed();
    const indexes = writeIndexes({
      store: store.db,
      previous: previous?.store ?? null,
      keptDocuments: [...keptKeys],
      removedDocuments,
      bm25,
      removedLabels,
      rowTerms,
      tokenizer: sharedTokenizer,
    });
    disposeSpools();
    const live = store.db.prepare("SELECT label FROM chunks").pluck().all() as number[];
    const own = vectorCache !== null && isOwnCache(vectorCache, artefactDir);
    const liveKeys = own ? (store.db.prepare("SELECT vector_key FROM chunks").pluck().all() as string[]) : [];
    const assembled = finishVectorIndex(index ?? previousIndex(), {
      remove: removedLabels,
      deletedBefore: store.counters.deletedLabels,
      live,
      inserted: result.inserted,
      created: previous === null,
      ...(options.compactShare !== undefined ? { compactShare: options.compactShare } : {}),
    });
    store.counters.labels = planner.handedOut;
    store.counters.deletedLabels = assembled.deleted;
    store.finish({
      vocabulary: plan.vocabulary,
      problems: JSON.stringify(problems),
    });
    const total = (f: (d: (typeof result.built)[number]) => number) =>
      result.built.reduce((n, d) => n + f(d), 0);
    log(
      `${result.built.length} documents (${result.processed} read, ${counts.kept} kept), ${total((d) => d.sections)} sections, ` +
        `${total((d) => d.chunks)} chunks (${planner.reused} vectors kept by passage), ${total((d) => d.rows)} indicator rows, ${total((d) => d.tasks)} tasks; ` +
        `vector index ${assembled.mode}: ${assembled.inserted} inserted, ${removedLabels.length} deleted; BM25 ${indexes.bm25}, row terms ${indexes.rowTerms}`,
    );
    const manifest = publishBuild({
      artefactDir,
      generation,
      index: assembled.index,
      embedder,
      corpusHash: plan.corpusHash,
      counts: {
        documents: result.built.length,
        sections: total((d) => d.sections),
        chunks: total((d) => d.chunks),
        indicatorRows: total((d) => d.rows),
        canonicalIndicatorRows: total((d) => d.canonicalRows),
        tasks: total((d) => d.tasks),
        skippedFiles: problems.length,
      },
      previousGeneration: previous?.generation ?? null,
    });
    if (own) {
      // The cache is this folder's own: it keeps the vectors of the live and the previous build.
      const gone = vectorCache.retainOnly(
        new Set([...liveKeys, ...(previous ? vectorKeysOf(previous) : [])]),
      );
      if (gone > 0) log(`embedding cache: ${gone} vectors no build uses removed`);
    }
    const embeddings = {
      reused: planner.reused,
      cached: cached?.stats.hits ?? 0,
      embedded: cached?.stats.embedded ?? 0,
      modelMillis: Math.round(cached?.stats.modelMillis ?? 0),
    };
    log(
      `embeddings: ${embeddings.reused} kept in the index, ${embeddings.cached} from the cache ${vectorCache?.path ?? "(off)"}, ${embeddings.embedded} embedded ` +
        `(${(embeddings.modelMillis / 1000).toFixed(1)} s in the model)`,
    );
    return {
      manifest,
      problems: problems.map(({ file, reason }) => ({ file, reason })),
      documents: result.built.map((d) => ({
        file: d.file,
        meta: d.meta,
        sections: d.sections,
        rows: d.rows,
        tasks: d.tasks,
        chunks: d.chunks,
        cached: d.cached,
      })),
      processed: result.processed,
      vectorIndex: assembled.mode,
      embeddings,
      millis: Date.now() - started,
    };
  } catch (error) {
    await pool.close();
    disposeSpools();
    store.abandon();
    rmSync(generationDir, { recursive: true, force: true });
    throw error;
  }
}
