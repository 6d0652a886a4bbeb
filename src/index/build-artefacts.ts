/**
 * The offline build: corpus/ → embeddings/. Loads and normalises the documents, parses
 * sections and chunks, extracts the indicator and task tables, embeds the chunks, builds the
 * HNSW and BM25 indexes and writes everything atomically, manifest last.
 */
import { join } from "node:path";
import type { Embedder } from "../embed/embedder.js";
import { loadCorpus } from "../ingest/load-corpus.js";
import { loadVocabulary } from "../indicators/aliases.js";
import { extractTables } from "../indicators/extract-tables.js";
import { chunkDocument } from "../sections/chunk.js";
import type { Chunk, IngestProblem } from "../types.js";
import { describeFile, writeFileAtomic, writeManifest, type ArtefactManifest } from "./artefact-store.js";
import { buildBm25, serializeBm25 } from "./bm25.js";
import { ARTEFACT_FILES, SCHEMA_VERSION, buildInputsHash, type CorpusArtefact } from "./artefact-layout.js";
import { createTokenizer } from "./tokenize.js";
import { addVectors, createVectorIndex, saveVectorIndex } from "./vector-index.js";

/** What a build produced, for the CLI's report. */
export interface BuildReport {
  manifest: ArtefactManifest;
  problems: IngestProblem[];
  millis: number;
}

/** The text embedded for a chunk: its document title and heading path give it context. */
export function passageText(chunk: Chunk, title: string): string {
  return `${title}${chunk.path.length > 0 ? ` ${chunk.path.join(" ")}` : ""}\n${chunk.text}`;
}

/**
 * Builds every artefact from corpusDir into artefactDir. Files that cannot be ingested are
 * reported in the result and skipped; a corpus with no usable document is an error, and in
 * every failure the artefacts already in artefactDir are left untouched (the manifest is
 * written last, and each file is replaced atomically).
 */
export async function buildArtefacts(options: {
  /** One corpus folder or several (CORPUS_DIR=a:b), each with its own override and alias files. */
  corpusDir: string | readonly string[];
  artefactDir: string;
  embedder: Embedder;
  log?: (line: string) => void;
}): Promise<BuildReport> {
  const started = Date.now();
  const log = options.log ?? (() => {});
  // Hash the inputs first: a failure here must come before any artefact is replaced.
  const corpusHash = buildInputsHash(options.corpusDir);
  const { documents, problems } = loadCorpus(options.corpusDir);
  for (const p of problems) log(`skipped ${p.file}: ${p.reason}`);
  if (documents.length === 0)
    throw new Error(`no usable document in ${[options.corpusDir].flat().join(":")}`);
  const vocabulary = loadVocabulary();

  const { sections: sectionsByDoc, rows, tasks } = extractTables(documents, vocabulary);
  // Every period the document's statements describe (a work report reviews the year before).
  for (const doc of documents) {
    const periods = new Set([doc.meta.period]);
    for (const r of rows) if (r.source.docId === doc.meta.id) periods.add(r.period);
    doc.meta.periods = [...periods].sort();
  }
  const corpus: CorpusArtefact = { documents, sections: [], chunks: [], problems };
  for (const doc of documents) {
    const m = doc.meta;
    log(
      `${m.file}: ${m.regionPath.join("")} (${m.regionCode}) ${m.period} ${m.kind}; statements of ${m.periods!.join("、")}`,
    );
    const sections = sectionsByDoc.get(doc.meta.id)!;
    if (sections.length === 1)
      log(`note: ${doc.meta.file} has no recognisable heading; indexed as one section`);
    corpus.sections.push(...sections);
    corpus.chunks.push(...chunkDocument(doc, sections));
  }
  log(
    `${documents.length} documents, ${corpus.sections.length} sections, ${corpus.chunks.length} chunks, ` +
      `${rows.length} indicator rows, ${tasks.length} tasks`,
  );

  const titles = new Map(documents.map((d) => [d.meta.id, d.meta.title]));
  const passages = corpus.chunks.map((c) => passageText(c, titles.get(c.docId)!));
  const embedStarted = Date.now();
  const vectors = await options.embedder.embedPassages(passages);
  log(`embedded ${vectors.length} chunks in ${Date.now() - embedStarted} ms`);
  const vectorIndex = createVectorIndex(options.embedder.dimension, vectors.length);
  addVectors(vectorIndex, vectors);

  const tokenizer = createTokenizer(vocabulary.terms);
  const bm25 = buildBm25(passages.map((p) => tokenizer.tokens(p)));

  const dir = options.artefactDir;
  const path = (name: string) => join(dir, name);
  writeFileAtomic(path(ARTEFACT_FILES.corpus), JSON.stringify(corpus));
  writeFileAtomic(path(ARTEFACT_FILES.indicators), JSON.stringify(rows));
  writeFileAtomic(path(ARTEFACT_FILES.tasks), JSON.stringify(tasks));
  writeFileAtomic(path(ARTEFACT_FILES.bm25), JSON.stringify(serializeBm25(bm25)));
  saveVectorIndex(vectorIndex, path(ARTEFACT_FILES.vectors));

  const manifest: ArtefactManifest = {
    schemaVersion: SCHEMA_VERSION,
    modelId: options.embedder.modelId,
    ...(options.embedder.checksum ? { modelChecksum: options.embedder.checksum } : {}),
    dimension: options.embedder.dimension,
    corpusHash,
    builtAt: new Date().toISOString(),
    files: Object.fromEntries(Object.values(ARTEFACT_FILES).map((f) => [f, describeFile(path(f))])),
    counts: {
      documents: documents.length,
      sections: corpus.sections.length,
      chunks: corpus.chunks.length,
      indicatorRows: rows.length,
      canonicalIndicatorRows: rows.filter((r) => r.indicator).length,
      tasks: tasks.length,
      skippedFiles: problems.length,
    },
  };
  writeManifest(dir, manifest);
  return { manifest, problems, millis: Date.now() - started };
}
