/**
 * The body of a document worker thread (started by {@link ./prepare-pool.ts}): loads the
 * indicator vocabulary and a tokenizer once, then prepares each document it is sent
 * ({@link prepareFile}: each document a file holds) and posts the result back. Runs the CPU work of reading, parsing,
 * tabling, chunking and tokenizing beside the main thread, which embeds.
 */
import { parentPort, workerData } from "node:worker_threads";
import { loadVocabulary } from "../indicators/aliases.js";
import type { MetadataOverrides } from "../ingest/metadata.js";
import { prepareFile, type PreparedDocument } from "./prepare-document.js";
import { createTokenizer } from "./tokenize.js";
import type { IngestProblem } from "../types.js";

/** A document to prepare. */
export interface WorkerTask {
  id: number;
  file: string;
  bytes: Uint8Array;
  overrides: MetadataOverrides;
}

/** The answer to a task: the prepared documents of the file, the problem, or an unexpected error's message. */
export type WorkerResult =
  | { id: number; ok: true; result: PreparedDocument[] | IngestProblem }
  | { id: number; ok: false; error: string };

/** What the pool passes at start. */
export interface WorkerSetup {
  cataloguePath?: string;
}

const port = parentPort;
if (port) {
  const setup = workerData as WorkerSetup;
  const vocabulary = loadVocabulary(setup.cataloguePath);
  const tokenizer = createTokenizer(vocabulary.terms);
  port.on("message", (task: WorkerTask) => {
    const run = async (): Promise<WorkerResult> => {
      try {
        const result = await prepareFile(task.file, task.bytes, {
          overrides: task.overrides,
          vocabulary,
          tokenizer,
        });
        return { id: task.id, ok: true, result };
      } catch (error) {
        return { id: task.id, ok: false, error: (error as Error).stack ?? String(error) };
      }
    };
    void run().then((answer) => port.postMessage(answer));
  });
  port.postMessage({ ready: true });
}
