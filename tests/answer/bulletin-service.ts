/**
 * A real answer service (real model, HNSW and BM25) over one small bulletin written for a
 * test, in a temporary corpus folder removed after the file's tests.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll } from "vitest";
import { createAnswerService, type AnswerService } from "../../src/answer/answer-service.js";
import { loadConfig } from "../../src/config.js";

const MODEL_DIR = resolve(import.meta.dirname, "../../embeddings/models");

/**
 * Builds the artefacts of a corpus holding only `text` (as `file`) before the file's tests and
 * returns a function asking the service: `[status, text]` of the answer.
 */
export function askOverBulletin(file: string, text: string): (question: string) => Promise<[string, string]> {
  const root = mkdtempSync(join(tmpdir(), "bulletin-service-"));
  let service: AnswerService;
  beforeAll(async () => {
    const corpusDir = join(root, "corpus");
    mkdirSync(corpusDir);
    writeFileSync(join(corpusDir, file), text);
    const config = loadConfig({
      CORPUS_DIR: corpusDir,
      ARTEFACT_DIR: join(root, "artefacts"),
      EMBEDDING_MODEL_DIR: MODEL_DIR,
    });
    service = await createAnswerService(config, { rebuildIfStale: true });
  }, 600_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  return async (question) => {
    const answer = await service.ask(question);
    return [answer.status, answer.text];
  };
}
