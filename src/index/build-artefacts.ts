/**
 * The build: corpus folders → artefact folder, incrementally. Every document file is listed
 * (any supported format), hashed, and looked up in the per-document cache
 * ({@link DocumentCache}); only new or changed documents are read, normalised, parsed, tabled,
 * chunked and embedded. The indexes (HNSW from the cached vectors, BM25 from the cached
 * passages) and tables are then assembled from the per-document parts, so removed documents
 * drop out of every index.
 *
 * Artefacts are written into a fresh generation folder (`gen-…/`), then the manifest naming
 * that folder is replaced atomically, last. A reader never sees a half-written build, and an
 * interrupted build leaves the previous manifest and generation in place and usable.
 */
import { createHash, randomBytes } from "node:crypto";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { basename, dirname, join, relative, isAbsolute } from "node:path";
import { DEFAULT_EMBEDDING_CACHE_DIR } from "../config.js";
import { uncacheableReason, withVectorCache } from "../embed/cached-embedder.js";
import type { Embedder } from "../embed/embedder.js";
import { openVectorCache, type VectorCache } from "../embed/vector-cache.js";
import { readOverrides } from "../ingest/load-corpus.js";
import { readDocumentBytes } from "../ingest/read-document.js";
import { scanCorpusFolders } from "../ingest/scan-corpus.js";
import { loadVocabulary } from "../indicators/aliases.js";
import { CATALOGUE_PATH } from "../indicators/catalogue.js";
import { extractTables } from "../indicators/extract-tables.js";
import { chunkDocument } from "../sections/chunk.js";
import type { Chunk, DocumentMeta, IngestProblem } from "../types.js";
import {
  describeFile,
  writeFileAtomic,
  writeManifest,
  type ArtefactFileInfo,
  type ArtefactManifest,
} from "./artefact-store.js";
import { ARTEFACT_FILES, SCHEMA_VERSION, corpusFoldersHash, pipelineHash } from "./artefact-layout.js";
import { assembleVectorIndex } from "./assemble-vectors.js";
import { DocumentCache, documentKey, segmentFile, type DocumentParts } from "./document-cache.js";
import { readPreviousBuild, type PreviousBuild } from "./previous-build.js";
import {
  SEGMENT_LIST_VERSION,
  type SegmentEntry,
  type SegmentList,
  type SkippedFile,
} from "./segment-list.js";
import { createTokenizer } from "./tokenize.js";
import { saveVectorIndex } from "./vector-index.js";
import { VectorKeys, passageKeyFunction } from "./vector-keys.js";

/** What the build did with one document, for `npm run add` and the bot's upload reply. */
export interface DocumentReport {
  file: string;
  meta: DocumentMeta;
  sections: number;
  rows: number;
  tasks: number;
  chunks: number;
  /** True when the document was taken from the cache (unchanged since the last build). */
  cached: boolean;
}

/** What a build produced, for the CLI's report. */
export interface BuildReport {
  manifest: ArtefactManifest;
  problems: IngestProblem[];
  documents: DocumentReport[];
  /** Documents read and embedded by this build (the rest came from the cache). */
  processed: number;
  /** How the vector index was made: updated from the previous build's, or created afresh. */
  vectorIndex: "updated" | "created";
  /** Passages whose vectors came from the embedding cache, and passages the model embedded. */
  embeddings: { cached: number; embedded: number };
  millis: number;
}

/** Options of {@link buildArtefacts}. */
export interface BuildOptions {
  /** One corpus folder or several (CORPUS_DIR=a:b), each with its own override file. */
  corpusDir: string | readonly string[];
  /** Every corpus folder, in order (default: `[corpusDir]`). */
  corpusDirs?: readonly string[];
  artefactDir: string;
  embedder: Embedder;
  /**
   * Folder of the embedding cache (default `<artefactDir>/vector-cache`). A cache inside the
   * artefact folder is its own and is pruned to the vectors of this build and the previous one
   * once this build is live; one elsewhere is shared and never pruned.
   */
  embeddingCacheDir?: string;
  /**
   * Mixed into every document's segment key as a change to the extraction code would be
   * (default none): every document is read, parsed and chunked again while the corpus hash
   * stays. For benchmarks and tests of a rebuild after a code change.
   */
  pipelineVariant?: string;
  log?: (line: string) => void;
  /**
   * Largest share of deleted vectors the updated index may hold before the build re-creates it
   * (default 0.25, `DEFAULT_COMPACT_SHARE` of assemble-vectors.ts; 0 re-creates it whenever a document went away).
   */
  compactShare?: number;
}

/** The text embedded for a chunk: its document title and heading path give it context. */
export function passageText(chunk: Chunk, title: string): string {
  return `${title}${chunk.path.length > 0 ? ` ${chunk.path.join(" ")}` : ""}\n${chunk.text}`;
}

const sha256 = (bytes: Uint8Array | string) => createHash("sha256").update(bytes).digest("hex");

/** Derives a document's parts from its file, embedding its chunks. */
async function processDocument(
  file: string,
  bytes: Uint8Array,
  context: {
    overrides: ReturnType<typeof readOverrides>;
    vocabulary: ReturnType<typeof loadVocabulary>;
    tokenizer: ReturnType<typeof createTokenizer>;
    embedder: Embedder;
  },
): Promise<DocumentParts | IngestProblem> {
  const read = await readDocumentBytes(file, bytes, context.overrides);
  if (!read.ok) return read.problem;
  const doc = read.document;
  const { sections: byDoc, rows, tasks } = extractTables([doc], context.vocabulary);
  const sections = byDoc.get(doc.meta.id)!;
  // Every period the document's statements describe (a work report reviews the year before).
  doc.meta.periods = [...new Set([doc.meta.period, ...rows.map((r) => r.period)])].sort();
  const chunks = chunkDocument(doc, sections);
  const passages = chunks.map((c) => passageText(c, doc.meta.title));
  const vectors = await context.embedder.embedPassages(passages);
  const tokens = passages.map((p) => context.tokenizer.tokens(p));
  return { document: doc, sections, rows, tasks, chunks, passages, tokens, vectors };
}

/** A document of the new build: its segment's summary and its segment file's checksum and size. */
type BuiltDocument = Omit<SegmentEntry, "firstLabel"> & { segmentFile: ArtefactFileInfo };

function summary(key: string, file: string, part: DocumentParts): Omit<SegmentEntry, "firstLabel"> {
  return {
    key,
    file,
    meta: part.document.meta,
    chunks: part.chunks.length,
    sections: part.sections.length,
    rows: part.rows.length,
    canonicalRows: part.rows.filter((r) => r.indicator).length,
    tasks: part.tasks.length,
  };
}

/** The previous build's index and list, or null (logged) when it cannot be updated. */
function previousIndex(previous: PreviousBuild | null, log: (line: string) => void) {
  if (!previous) return null;
  try {
    return { index: previous.loadIndex(), list: previous.list };
  } catch (e) {
    log(`the previous vector index cannot be updated (${(e as Error).message}); creating it afresh`);
    return null;
  }
}

/**
 * Builds (incrementally) every artefact from the corpus folders into artefactDir. Files that
 * cannot be ingested are reported in the result and skipped; a corpus with no usable document
 * is an error, and in every failure the artefacts already in artefactDir stay usable.
 */
export async function buildArtefacts(options: BuildOptions): Promise<BuildReport> {
  const cacheDir = options.embeddingCacheDir ?? join(options.artefactDir, DEFAULT_EMBEDDING_CACHE_DIR);
  const unusable = uncacheableReason(options.embedder);
  if (unusable) options.log?.(unusable);
  const vectorCache = unusable ? null : openVectorCache(cacheDir, { dimension: options.embedder.dimension });
  try {
    return await buildWith(options, vectorCache);
  } finally {
    vectorCache?.close();
  }
}

/** True when `dir` is inside the artefact folder (the cache is the folder's own). */
function isInside(dir: string, artefactDir: string): boolean {
  const rel = relative(artefactDir, dir);
  return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel);
}

async function buildWith(options: BuildOptions, vectorCache: VectorCache | null): Promise<BuildReport> {
  const started = Date.now();
  const log = options.log ?? (() => {});
  const dirs = options.corpusDirs ?? [options.corpusDir].flat();
  const { artefactDir } = options;
  const cachedEmbedder = vectorCache ? withVectorCache(options.embedder, vectorCache) : null;
  const embedder = cachedEmbedder ?? options.embedder;
  const keyOf = passageKeyFunction(embedder);
  // Everything that can fail on bad input comes before the first write.
  const corpusHash = corpusFoldersHash(dirs);
  const scan = scanCorpusFolders(dirs);
  const overridesByDir = new Map(dirs.map((d) => [d, readOverrides(d)] as const));
  const vocabulary = loadVocabulary();
  const keyBase = {
    pipeline: pipelineHash() + (options.pipelineVariant ? `\0${options.pipelineVariant}` : ""),
    vocabulary: sha256(readFileSync(CATALOGUE_PATH)),
    modelId: embedder.modelId,
  };
  const dimension = embedder.dimension;
  const found = readPreviousBuild(artefactDir, {
    modelId: embedder.modelId,
    dimension,
    ...(embedder.checksum ? { checksum: embedder.checksum } : {}),
  });
  const previous = found.previous;
  if (!previous) log(`nothing to update (${found.reason}): every document comes from its segment or is read`);
  const held = new Map(previous?.list.documents.map((d) => [d.key, d]) ?? []);
  const heldProblems = new Map(previous?.list.problems.flatMap((p) => (p.key ? [[p.key, p]] : [])) ?? []);
  const problems: SkippedFile[] = [...scan.problems];
  const tokenizer = createTokenizer(vocabulary.terms);
  const cache = new DocumentCache(artefactDir);
  const built: BuiltDocument[] = [];
  const fresh = new Map<string, number[][]>();
  /** Each built document's embedding-cache keys, by document key. */
  const vectorKeysOf = new Map<string, string[]>();
  const previousKeys = previous?.keys() ?? null;
  const reports: DocumentReport[] = [];
  const readers = new Map<string, () => Promise<DocumentParts | IngestProblem>>();
  let processed = 0;
  for (const path of scan.files) {
    const file = basename(path);
    const bytes = readFileSync(path);
    const overrides = overridesByDir.get(dirname(path)) ?? {};
    const override = overrides[file];
    const key = documentKey({
      ...keyBase,
      file,
      sha256: sha256(bytes),
      override: override ? JSON.stringify(override) : "",
    });
    const context = { overrides, vocabulary, tokenizer, embedder };
    const read = () => processDocument(file, bytes, context);
    // Kept for a damaged vectors file found later; it reads the file again rather than holding
    // every document's bytes for the whole build.
    readers.set(key, () => processDocument(file, readFileSync(path), context));
    const before = held.get(key);
    const describeSegment = () => describeFile(join(artefactDir, segmentFile(key)));
    let stored = cache.has(key) ? describeSegment() : null;
    let entry: BuiltDocument;
    let cached = true;
    if (before && stored && stored.sha256 === previous!.manifest.files[segmentFile(key)]?.sha256) {
      entry = { ...before, segmentFile: stored }; // kept as it was, not even opened
      const keys = previousKeys?.range(before.firstLabel, before.chunks);
      vectorKeysOf.set(
        key,
        keys && keys.every((k) => k !== null) ? keys : cache.readSegment(key, dimension).passages.map(keyOf),
      );
    } else if (heldProblems.has(key)) {
      problems.push(heldProblems.get(key)!);
      continue;
    } else {
      let part = stored ? cache.get(key, dimension) : null;
      if (!part) {
        const result = await read();
        if (!("document" in result)) {
          problems.push({ ...result, key });
          continue;
        }
        part = result;
        cache.put(key, part, dimension);
        stored = describeSegment();
        processed++;
        cached = false;
        log(`processed ${file}: ${part.chunks.length} chunks embedded`);
      }
      fresh.set(key, part.vectors);
      vectorKeysOf.set(key, part.passages.map(keyOf));
      entry = { ...summary(key, file, part), segmentFile: stored! };
    }
    const m = entry.meta;
    log(
      `${m.file}: ${m.regionPath.join("")} (${m.regionCode}) ${m.period} ${m.kind}; statements of ${(m.periods ?? [m.period]).join("、")}`,
    );
    if (entry.sections === 1) log(`note: ${file} has no recognisable heading; indexed as one section`);
    built.push(entry);
    reports.push({
      file,
      meta: m,
      sections: entry.sections,
      rows: entry.rows,
      tasks: entry.tasks,
      chunks: entry.chunks,
      cached,
    });
  }
  for (const p of problems) log(`skipped ${p.file}: ${p.reason}`);
  if (built.length === 0) throw new Error(`no usable document in ${dirs.join(", ")}`);
  const total = (f: (d: BuiltDocument) => number) => built.reduce((n, d) => n + f(d), 0);
  log(
    `${built.length} documents (${processed} processed, ${built.length - processed} from cache), ` +
      `${total((d) => d.sections)} sections, ${total((d) => d.chunks)} chunks, ${total((d) => d.rows)} indicator rows, ${total((d) => d.tasks)} tasks`,
  );

  /** A kept document's vectors; re-embedded when its vectors file is damaged. */
  const vectorsOf = async (key: string): Promise<number[][]> => {
    const vectors = fresh.get(key) ?? cache.readVectors(key, dimension);
    if (vectors) return vectors;
    const result = await readers.get(key)!();
    if (!("document" in result)) throw new Error(`${result.file} can no longer be read: ${result.reason}`);
    cache.put(key, result, dimension);
    return result.vectors;
  };
  const assembled = await assembleVectorIndex(
    built.map((d) => ({ key: d.key, chunks: d.chunks, vectors: () => vectorsOf(d.key) })),
    { dimension, previous: previousIndex(previous, log), compactShare: options.compactShare },
  );
  log(
    `vector index ${assembled.mode}: ${assembled.inserted} vectors inserted, ${assembled.deleted} of ${assembled.labels} deleted`,
  );

  const generation = `gen-${Date.now().toString(36)}-${randomBytes(3).toString("hex")}`;
  const rel = (name: string) => `${generation}/${name}`;
  const path = (name: string) => join(artefactDir, rel(name));
  const list: SegmentList = {
    version: SEGMENT_LIST_VERSION,
    documents: built.map(({ segmentFile: _, ...d }, i) => ({
      ...d,
      firstLabel: assembled.firstLabels[i]!,
    })),
    problems,
    labels: assembled.labels,
    deleted: assembled.deleted,
  };
  writeFileAtomic(path(ARTEFACT_FILES.segments), JSON.stringify(list));
  saveVectorIndex(assembled.index, path(ARTEFACT_FILES.vectors));
  const vectorKeys = VectorKeys.empty(assembled.labels);
  list.documents.forEach((d) => vectorKeys.set(d.firstLabel, vectorKeysOf.get(d.key)!));
  vectorKeys.write(path(ARTEFACT_FILES.vectorKeys));

  const manifest: ArtefactManifest = {
    schemaVersion: SCHEMA_VERSION,
    modelId: embedder.modelId,
    ...(embedder.checksum ? { modelChecksum: embedder.checksum } : {}),
    dimension,
    corpusHash,
    builtAt: new Date().toISOString(),
    files: {
      ...Object.fromEntries(Object.values(ARTEFACT_FILES).map((f) => [rel(f), describeFile(path(f))])),
      ...Object.fromEntries(built.map((d) => [segmentFile(d.key), d.segmentFile])),
    },
    counts: {
      documents: built.length,
      sections: total((d) => d.sections),
      chunks: total((d) => d.chunks),
      indicatorRows: total((d) => d.rows),
      canonicalIndicatorRows: total((d) => d.canonicalRows),
      tasks: total((d) => d.tasks),
      skippedFiles: problems.length,
    },
  };
  writeManifest(artefactDir, manifest);
  // Older generations and segments go; the previous build's stay for readers still loading it.
  for (const name of readdirSync(artefactDir)) {
    if (name.startsWith("gen-") && name !== generation && name !== previous?.generation)
      rmSync(join(artefactDir, name), { recursive: true, force: true });
  }
  cache.prune(new Set([...built.map((d) => d.key), ...held.keys()]));
  if (vectorCache && isInside(vectorCache.path, artefactDir)) {
    const keep = vectorKeys.keySet();
    for (const k of previousKeys?.keySet() ?? []) keep.add(k);
    const removed = vectorCache.retainOnly(keep);
    if (removed > 0) log(`embedding cache: ${removed} vectors no build uses removed`);
  }
  const embeddings = {
    cached: cachedEmbedder?.stats.hits ?? 0,
    embedded: cachedEmbedder?.stats.embedded ?? 0,
  };
  log(
    `embedding cache ${vectorCache?.path ?? "(off)"}: ${embeddings.cached} passages cached, ${embeddings.embedded} embedded`,
  );
  return {
    embeddings,
    manifest,
    problems: problems.map(({ file, reason }) => ({ file, reason })),
    documents: reports,
    processed,
    vectorIndex: assembled.mode,
    millis: Date.now() - started,
  };
}
