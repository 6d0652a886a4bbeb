/**
 * Shared fixtures for the ingest, sections and indicators tests: the real corpus, loaded once
 * per test file, and helpers to read its files and to find normalised text ranges.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { readCorpus, type ReadCorpus } from "../../src/ingest/read-corpus.js";
import type { CorpusDocument } from "../../src/types.js";

export const CORPUS_DIR = resolve(import.meta.dirname, "../../corpus");

/** Document ids (file stems) of the five corpus documents. */
export const IDS = {
  bulletin2023: "tiedong-2023-statistical-bulletin",
  bulletin2022: "tiedong-2022-statistical-bulletin-traditional",
  lishan: "lishan-2024h1-plan-execution-report",
  excerpt: "tiedong-2023-government-work-report-excerpt",
  tasks: "anshan-2023-government-work-report-task-breakdown",
} as const;

/** The real corpus, read once per test file (as the build reads it). */
const loaded: ReadCorpus = await readCorpus(CORPUS_DIR);

/** The whole real corpus. */
export function realCorpus(): ReadCorpus {
  return loaded;
}

/** One document of the real corpus by id. */
export function realDoc(id: string): CorpusDocument {
  const doc = realCorpus().documents.find((d) => d.meta.id === id);
  if (!doc) throw new Error(`corpus document ${id} not loaded`);
  return doc;
}

/** The bytes of a corpus file. */
export function corpusBytes(file: string): Buffer {
  return readFileSync(join(CORPUS_DIR, file));
}

/** The text of a corpus file, as UTF-8. */
export function corpusText(file: string): string {
  return readFileSync(join(CORPUS_DIR, file), "utf8");
}

/** The [start, end) range of the only occurrence of `needle` in `text`; throws otherwise. */
export function rangeOf(text: string, needle: string): { start: number; end: number } {
  const start = text.indexOf(needle);
  if (start < 0) throw new Error(`not found: ${needle}`);
  if (text.indexOf(needle, start + 1) >= 0) throw new Error(`found more than once: ${needle}`);
  return { start, end: start + needle.length };
}
