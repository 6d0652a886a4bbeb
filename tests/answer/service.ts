/**
 * One real answer service per test file (real model, real HNSW and BM25 artefacts built by
 * `npm install`), shared by the answer tests.
 */
import { createAnswerService, type AnswerService } from "../../src/answer/answer-service.js";
import { loadConfig } from "../../src/config.js";

let service: Promise<AnswerService> | null = null;

/** The shared service; artefacts are rebuilt first if the corpus or pipeline changed. */
export function realService(): Promise<AnswerService> {
  service ??= createAnswerService(loadConfig({}), { rebuildIfStale: true });
  return service;
}
