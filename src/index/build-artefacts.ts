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
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import type { Embedder } from "../embed/embedder.js";
import { readOverrides } from "../ingest/load-corpus.js";
import { readDocumentBytes } from "../ingest/read-document.js";
import { scanCorpusFolders } from "../ingest/scan-corpus.js";
import { loadVocabulary } from "../indicators/aliases.js";
import { CATALOGUE_PATH } from "../indicators/catalogue.js";
import { extractTables } from "../indicators/extract-tables.js";
import { chunkDocument } from "../sections/chunk.js";
import type { Chunk, DocumentMeta, IngestProblem } from "../types.js";
import {
  MANIFEST_FILE,
  describeFile,
  readJson,
  writeFileAtomic,
  writeManifest,
  type ArtefactManifest,
} from "./artefact-store.js";
import { buildBm25, serializeBm25 } from "./bm25.js";
import {
  ARTEFACT_FILES,
  SCHEMA_VERSION,
  corpusFoldersHash,
  pipelineHash,
  type CorpusArtefact,
} from "./artefact-layout.js";
import { DocumentCache, documentKey, type DocumentParts } from "./document-cache.js";
import { createTokenizer } from "./tokenize.js";
import { addVectors, createVectorIndex, saveVectorIndex } from "./vector-index.js";

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
  log?: (line: string) => void;
}

/** The text embedded for a chunk: its document title and heading path give it context. */
export function passageText(chunk: Chunk, title: string): string {
  return `${title}${chunk.path.length > 0 ? ` ${chunk.path.join(" ")}` : ""}\n${chunk.text}`;
}

const sha256 = (bytes: Uint8Array | string) => createHash("sha256").update(bytes).digest("hex");

/** The generation folder the manifest in `dir` points at, or null. */
function currentGeneration(dir: string): string | null {
  if (!existsSync(join(dir, MANIFEST_FILE))) return null;
  try {
    const manifest = readJson<ArtefactManifest>(join(dir, MANIFEST_FILE));
    const first = Object.keys(manifest.files ?? {})[0] ?? "";
    return first.includes("/") ? first.split("/")[0]! : null;
  } catch {
    return null;
  }
}

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

/**
 * Builds (incrementally) every artefact from the corpus folders into artefactDir. Files that
 * cannot be ingested are reported in the result and skipped; a corpus with no usable document
 * is an error, and in every failure the artefacts already in artefactDir stay usable.
 */
export async function buildArtefacts(options: BuildOptions): Promise<BuildReport> {
  const started = Date.now();
  const log = options.log ?? (() => {});
  const dirs = options.corpusDirs ?? [options.corpusDir].flat();
  const { embedder, artefactDir } = options;
  // Everything that can fail on bad input comes before the first write.
  const corpusHash = corpusFoldersHash(dirs);
  const scan = scanCorpusFolders(dirs);
  const overridesByDir = new Map(dirs.map((d) => [d, readOverrides(d)] as const));
  const vocabulary = loadVocabulary();
  const keyBase = {
    pipeline: pipelineHash(),
    vocabulary: sha256(readFileSync(CATALOGUE_PATH)),
    modelId: embedder.modelId,
  };
  const problems: IngestProblem[] = [...scan.problems];
  const tokenizer = createTokenizer(vocabulary.terms);
  const cache = new DocumentCache(artefactDir);
  const parts: DocumentParts[] = [];
  const reports: DocumentReport[] = [];
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
    let part = cache.get(key, embedder.dimension);
    const cached = part !== null;
    if (!part) {
      const result = await processDocument(file, bytes, { overrides, vocabulary, tokenizer, embedder });
      if (!("document" in result)) {
        problems.push(result);
        continue;
      }
      part = result;
      cache.put(key, part, embedder.dimension);
      processed++;
      log(`processed ${file}: ${part.chunks.length} chunks embedded`);
    }
    const m = part.document.meta;
    log(
      `${m.file}: ${m.regionPath.join("")} (${m.regionCode}) ${m.period} ${m.kind}; statements of ${(m.periods ?? [m.period]).join("、")}`,
    );
    if (part.sections.length === 1) log(`note: ${file} has no recognisable heading; indexed as one section`);
    parts.push(part);
    reports.push({
      file,
      meta: part.document.meta,
      sections: part.sections.length,
      rows: part.rows.length,
      tasks: part.tasks.length,
      chunks: part.chunks.length,
      cached,
    });
  }
  for (const p of problems) log(`skipped ${p.file}: ${p.reason}`);
  if (parts.length === 0) throw new Error(`no usable document in ${dirs.join(", ")}`);

  const corpus: CorpusArtefact = {
    documents: parts.map((p) => p.document),
    sections: parts.flatMap((p) => p.sections),
    chunks: parts.flatMap((p) => p.chunks),
    problems,
  };
  const rows = parts.flatMap((p) => p.rows);
  const tasks = parts.flatMap((p) => p.tasks);
  log(
    `${parts.length} documents (${processed} processed, ${parts.length - processed} from cache), ` +
      `${corpus.sections.length} sections, ${corpus.chunks.length} chunks, ${rows.length} indicator rows, ${tasks.length} tasks`,
  );
  const vectors = parts.flatMap((p) => p.vectors);
  const vectorIndex = createVectorIndex(embedder.dimension, vectors.length);
  addVectors(vectorIndex, vectors);
  const bm25 = buildBm25(parts.flatMap((p) => p.tokens));

  const previous = currentGeneration(artefactDir);
  const generation = `gen-${Date.now().toString(36)}-${randomBytes(3).toString("hex")}`;
  const rel = (name: string) => `${generation}/${name}`;
  const path = (name: string) => join(artefactDir, rel(name));
  writeFileAtomic(path(ARTEFACT_FILES.corpus), JSON.stringify(corpus));
  writeFileAtomic(path(ARTEFACT_FILES.indicators), JSON.stringify(rows));
  writeFileAtomic(path(ARTEFACT_FILES.tasks), JSON.stringify(tasks));
  writeFileAtomic(path(ARTEFACT_FILES.bm25), JSON.stringify(serializeBm25(bm25)));
  saveVectorIndex(vectorIndex, path(ARTEFACT_FILES.vectors));

  const manifest: ArtefactManifest = {
    schemaVersion: SCHEMA_VERSION,
    modelId: embedder.modelId,
    ...(embedder.checksum ? { modelChecksum: embedder.checksum } : {}),
    dimension: embedder.dimension,
    corpusHash,
    builtAt: new Date().toISOString(),
    files: Object.fromEntries(Object.values(ARTEFACT_FILES).map((f) => [rel(f), describeFile(path(f))])),
    counts: {
      documents: parts.length,
      sections: corpus.sections.length,
      chunks: corpus.chunks.length,
      indicatorRows: rows.length,
      canonicalIndicatorRows: rows.filter((r) => r.indicator).length,
      tasks: tasks.length,
      skippedFiles: problems.length,
    },
  };
  writeManifest(artefactDir, manifest);
  // Older generations go; the previous one stays for readers still loading it.
  for (const name of readdirSync(artefactDir)) {
    if (name.startsWith("gen-") && name !== generation && name !== previous)
      rmSync(join(artefactDir, name), { recursive: true, force: true });
  }
  for (const name of Object.values(ARTEFACT_FILES)) rmSync(join(artefactDir, name), { force: true });
  cache.prune();
  return { manifest, problems, documents: reports, processed, millis: Date.now() - started };
}
