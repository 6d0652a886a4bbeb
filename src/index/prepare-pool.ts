/**
 * Where document files are prepared ({@link prepareFile}): in worker threads when a build has
 * many documents to read, so parsing runs on the core the model leaves idle, or in the calling
 * thread for a few (starting a worker costs ≈ 1 s: loading the modules, jieba's dictionary and
 * the vocabulary). The model stays in the main thread, loaded once.
 *
 * Workers are started from a small CommonJS bootstrap that registers tsx's loader, so they
 * load the TypeScript sources whether the parent runs under tsx, `node --import tsx` or a test
 * runner.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { loadVocabulary } from "../indicators/aliases.js";
import type { MetadataOverrides } from "../ingest/metadata.js";
import type { IngestProblem } from "../types.js";
import type { WorkerResult, WorkerSetup, WorkerTask } from "./document-worker.js";
import { prepareFile, type PreparedDocument } from "./prepare-document.js";
import { createTokenizer, type Tokenizer } from "./tokenize.js";

/** Prepares documents; {@link PreparePool.close} when done. */
export interface PreparePool {
  /** How many threads prepare documents now (0: the calling thread). */
  readonly threads: number;
  /** Starts one more worker when the pool has fewer than its most; true when it did. */
  grow(): boolean;
  prepare(
    file: string,
    bytes: Uint8Array,
    overrides: MetadataOverrides,
  ): Promise<PreparedDocument[] | IngestProblem>;
  close(): Promise<void>;
}

/** Options of {@link createPreparePool}. */
export interface PreparePoolOptions {
  /** Worker threads to start with (default 0: prepare in the calling thread). */
  threads?: number;
  /** Most worker threads {@link PreparePool.grow} may reach (default `threads`). */
  maxThreads?: number;
  /** The tokenizer of the calling thread, when it has one already (threads = 0). */
  tokenizer?: Tokenizer;
}

const WORKER_URL = new URL("./document-worker.ts", import.meta.url).href;
/** tsx's ESM API (its package exports `./esm/api` → `dist/esm/api/index.mjs` for `import`). */
const TSX_API = pathToFileURL(
  join(dirname(createRequire(import.meta.url).resolve("tsx/package.json")), "dist/esm/api/index.mjs"),
).href;
/** The worker's entry: an ES module (a data: URL) registering tsx, then loading the worker. */
const BOOTSTRAP = new URL(
  `data:text/javascript,${encodeURIComponent(
    `import { register } from ${JSON.stringify(TSX_API)}; register(); await import(${JSON.stringify(WORKER_URL)});`,
  )}`,
);

function inThread(tokenizer: Tokenizer | undefined): PreparePool {
  const vocabulary = loadVocabulary();
  const context = { vocabulary, tokenizer: tokenizer ?? createTokenizer(vocabulary.terms) };
  return {
    threads: 0,
    grow: () => false,
    prepare: (file, bytes, overrides) => prepareFile(file, bytes, { ...context, overrides }),
    close: async () => {},
  };
}

/** Starts a pool; see the module comment. */
export function createPreparePool(options: PreparePoolOptions = {}): PreparePool {
  const threads = options.threads ?? 0;
  if (threads <= 0) return inThread(options.tokenizer);
  const pending = new Map<
    number,
    { resolve: (r: PreparedDocument[] | IngestProblem) => void; reject: (e: Error) => void }
  >();
  const queue: WorkerTask[] = [];
  const idle: Worker[] = [];
  let nextId = 0;
  let failure: Error | null = null;
  const dispatch = () => {
    while (idle.length > 0 && queue.length > 0) idle.pop()!.postMessage(queue.shift()!);
  };
  const fail = (error: Error) => {
    failure ??= error;
    for (const p of pending.values()) p.reject(failure);
    pending.clear();
  };
  const start = () => {
    const worker = new Worker(BOOTSTRAP, { execArgv: [], workerData: {} satisfies WorkerSetup });
    worker.on("message", (message: WorkerResult | { ready: true }) => {
      if ("ready" in message) {
        idle.push(worker);
        dispatch();
        return;
      }
      const waiting = pending.get(message.id);
      pending.delete(message.id);
      idle.push(worker);
      dispatch();
      if (!waiting) return;
      if (message.ok) waiting.resolve(message.result);
      else waiting.reject(new Error(`preparing a document failed in a worker: ${message.error}`));
    });
    worker.on("error", (error) => fail(error));
    worker.on("exit", (code) => {
      if (code !== 0 && !closing) fail(new Error(`a document worker stopped with exit code ${code}`));
    });
    return worker;
  };
  let closing = false;
  const workers = Array.from({ length: threads }, start);
  const most = Math.max(threads, options.maxThreads ?? threads);
  return {
    get threads() {
      return workers.length;
    },
    grow() {
      if (workers.length >= most || failure) return false;
      workers.push(start());
      return true;
    },
    prepare(file, bytes, overrides) {
      if (failure) return Promise.reject(failure);
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        queue.push({ id, file, bytes, overrides });
        dispatch();
      });
    },
    async close() {
      closing = true;
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
