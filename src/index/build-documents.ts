/**
 * The documents step of a build: documents the plan keeps are only given their new place in
 * corpus order; files to read are prepared in worker threads (each document a file holds is
 * stored as a document of its own, under build-plan.ts partKey), a few ahead of the one being
 * stored, while the main thread embeds their passages (through the cache: concurrent requests
 * are pooled and sorted by length) and, while the model runs, inserts the finished documents'
 * vectors into the index and their rows into the store. Progress is logged every few seconds.
 */
import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import type { Embedder } from "../embed/embedder.js";
import type { IngestProblem } from "../types.js";
import { type LabelPlanner, insertVectors } from "./assemble-vectors.js";
import { partKey, type PlannedDocument } from "./build-plan.js";
import type { HeldDocument, SkippedFile } from "./previous-build.js";
import type { PreparePool } from "./prepare-pool.js";
import type { PreparedDocument } from "./prepare-document.js";
import type { StoreWriter } from "./store-writer.js";
import type { VectorIndex } from "./vector-index.js";

/** Where entries of an inverted index go while documents are read (memory or a spool file). */
export interface PostingsSink {
  add(id: number, terms: readonly string[], counts?: readonly number[]): void;
}

/** How many documents are prepared and embedded ahead of the one being stored. */
export const LOOKAHEAD_DOCUMENTS = 8;

/** Seconds between two progress lines. */
const PROGRESS_SECONDS = 10;

/** Documents the rate in a progress line is measured over. */
const RATE_WINDOW = 50;

/** A document of the new build (kept or read), with what the reports need. */
export interface BuiltDocument extends HeldDocument {
  /** True when it was taken over from the previous build without being read. */
  cached: boolean;
}

/** What the documents step needs. */
export interface DocumentsContext {
  pool: PreparePool;
  embedder: Embedder;
  /** The hex cache key of a passage. */
  keyOf: (passage: string) => string;
  store: StoreWriter;
  planner: LabelPlanner;
  /** The vector index being updated (null until the first vector must be inserted). */
  index: () => VectorIndex;
  /** Collects BM25 entries; `allChunks`: of every chunk read (a fresh index), else only of new labels. */
  bm25: { postings: PostingsSink; allChunks: boolean };
  /** Collects the new rows' row-term keys (in memory for a patch, in a spool for a fresh index). */
  rowTerms: PostingsSink;
  log: (line: string) => void;
}

/** What the documents step produced. */
export interface DocumentsResult {
  built: BuiltDocument[];
  problems: SkippedFile[];
  processed: number;
  inserted: number;
}

function describe(doc: PreparedDocument): string {
  const m = doc.meta;
  return `${m.file}${m.part ? `#${m.part}` : ""}: ${m.regionPath.join("")} (${m.regionCode}) ${m.period} ${m.kind}; statements of ${(m.periods ?? [m.period]).join("、")}`;
}

function formatSeconds(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s` : `${s}s`;
}

/** Runs the documents step over the plan, in corpus order (the plan's files, each file's documents in file order). */
export async function buildDocuments(
  plan: readonly PlannedDocument[],
  ctx: DocumentsContext,
): Promise<DocumentsResult> {
  const built: BuiltDocument[] = [];
  const problems: SkippedFile[] = [];
  const toRead = plan.filter((d) => d.action === "read");
  const started = Date.now();
  let lastProgress = started;
  const recent: number[] = [];
  let processed = 0;
  let done = 0;
  let inserted = 0;

  /** Prepares a file's documents and asks for their vectors; settles when all are known. */
  const start = (d: Extract<PlannedDocument, { action: "read" }>) => {
    const bytes = readFileSync(d.path);
    if (createHash("sha256").update(bytes).digest("hex") !== d.sha256)
      return Promise.resolve({ file: d.file, reason: "changed while the build was running; build again" });
    const state = { prepared: false };
    preparedState.set(d.key + d.path, state);
    return ctx.pool.prepare(d.file, bytes, d.overrides).then(async (prepared) => {
      state.prepared = true;
      if (!Array.isArray(prepared)) return prepared;
      return Promise.all(prepared.map((part) => embedNeeded(part, ctx)));
    });
  };
  type Started = ReturnType<typeof start>;
  const preparedState = new Map<string, { prepared: boolean }>();
  const inFlight = new Map<string, Started>();
  let next = 0;
  const fill = () => {
    while (next < toRead.length && inFlight.size < LOOKAHEAD_DOCUMENTS) {
      const d = toRead[next++]!;
      const promise = start(d);
      promise.catch(() => {}); // awaited in order below; a failure surfaces there
      inFlight.set(d.key + d.path, promise);
    }
  };

  let order = 0; // corpus order: files in plan order, a file's documents in file order
  for (const d of plan) {
    if (d.action === "skip") {
      problems.push(d.problem);
      continue;
    }
    if (d.action === "keep") {
      for (const held of d.held) {
        ctx.store.keepDocument(held.key, order++);
        built.push({ ...held, cached: true });
      }
      continue;
    }
    fill();
    // Waiting for a document that is still being read means reading, not the model, is what
    // the build waits for: one more worker then uses the core the model leaves idle.
    if (preparedState.get(d.key + d.path)?.prepared === false && ctx.pool.grow())
      ctx.log(`reading is slower than embedding: now ${ctx.pool.threads} worker threads`);
    const outcome = await inFlight.get(d.key + d.path)!;
    inFlight.delete(d.key + d.path);
    preparedState.delete(d.key + d.path);
    fill();
    done++;
    if (!Array.isArray(outcome)) {
      problems.push({ ...(outcome as IngestProblem), key: d.key });
    } else {
      processed++;
      for (const part of outcome) {
        const key = partKey(d.key, part.prepared.meta.part);
        inserted += await storeDocument(key, order++, part, ctx);
        built.push({ ...summary(key, part.prepared), cached: false });
      }
    }
    recent.push(Date.now());
    if (recent.length > RATE_WINDOW) recent.shift();
    if (Date.now() - lastProgress >= PROGRESS_SECONDS * 1000 || done === toRead.length) {
      lastProgress = Date.now();
      const seconds = (lastProgress - started) / 1000;
      // The rate of the last documents: the cached ones at the start say little about the rest.
      const span = (recent[recent.length - 1]! - (recent.length > 1 ? recent[0]! : started)) / 1000;
      const rate = (recent.length > 1 ? recent.length - 1 : 1) / Math.max(span, 0.001);
      ctx.log(
        `progress: ${done}/${toRead.length} documents read (${((100 * done) / toRead.length).toFixed(1)}%), ` +
          `${rate.toFixed(2)} documents/s, ${formatSeconds(seconds)} elapsed, ${formatSeconds((toRead.length - done) / rate)} left`,
      );
    }
  }
  return { built, problems, processed, inserted };
}

/** Asks for the vectors of a prepared document's passages the index cannot take over. */
async function embedNeeded(prepared: PreparedDocument, ctx: DocumentsContext): Promise<ReadDocument> {
  const vectorKeys = prepared.chunks.map((c) => ctx.keyOf(c.passage));
  // A passage whose vector the index holds under a label it can take over needs none.
  const needed = vectorKeys.flatMap((k, i) => (ctx.planner.canReuse(k) ? [] : [i]));
  const found = await ctx.embedder.embedPassages(needed.map((i) => prepared.chunks[i]!.passage));
  const vectors = new Map(needed.map((i, j) => [i, found[j]!]));
  return { prepared, vectorKeys, vectors };
}

/** A prepared document with its passages' cache keys and the vectors embedded for it. */
interface ReadDocument {
  prepared: PreparedDocument;
  vectorKeys: string[];
  vectors: Map<number, number[]>;
}

function summary(key: string, doc: PreparedDocument): HeldDocument {
  return {
    key,
    file: doc.file,
    meta: doc.meta,
    chunks: doc.chunks.length,
    sections: doc.sections.length,
    rows: doc.rows.length,
    canonicalRows: doc.canonicalRows,
    tasks: doc.tasks.length,
  };
}

/** Gives a read document its labels, inserts its new vectors and stores it; returns the vectors inserted. */
async function storeDocument(
  key: string,
  order: number,
  read: ReadDocument,
  ctx: DocumentsContext,
): Promise<number> {
  const { prepared: doc, vectorKeys, vectors } = read;
  ctx.log(describe(doc));
  if (doc.sections.length === 1)
    ctx.log(`note: ${doc.file} has no recognisable heading; indexed as one section`);
  const { labels, fresh } = ctx.planner.claim(vectorKeys);
  if (fresh.length > 0) {
    // A label expected to be taken over may have gone to an earlier chunk of the same passage.
    const missing = fresh.filter((i) => !vectors.has(i));
    const late = await ctx.embedder.embedPassages(missing.map((i) => doc.chunks[i]!.passage));
    missing.forEach((i, j) => vectors.set(i, late[j]!));
    insertVectors(
      ctx.index(),
      fresh.map((i) => vectors.get(i)!),
      fresh.map((i) => labels[i]!),
    );
  }
  const freshSet = new Set(fresh);
  doc.chunks.forEach((c, i) => {
    if (ctx.bm25.allChunks || freshSet.has(i)) ctx.bm25.postings.add(labels[i]!, c.terms, c.counts);
  });
  const rowNumbers = ctx.store.insertDocument(
    key,
    doc,
    order,
    labels.map((label, i) => ({ label, vectorKey: vectorKeys[i]! })),
  );
  doc.rows.forEach((r, i) => ctx.rowTerms.add(rowNumbers[i]!, r.termKeys));
  return fresh.length;
}
