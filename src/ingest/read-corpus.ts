/**
 * Reads every document of the corpus folders, in any supported format (PDF, DOCX, HTML,
 * Markdown, text), each with its own folder's override file: the same scan and reader the
 * build uses, for tools that need the documents themselves (the table export, the benchmark,
 * the document list). Unreadable files are problems with the reason, not failures.
 */
import { dirname } from "node:path";
import type { CorpusDocument, IngestProblem } from "../types.js";
import { readOverrides } from "./load-corpus.js";
import { readDocument } from "./read-document.js";
import { scanCorpusFolders } from "./scan-corpus.js";

/** The documents that were read and the files that were not. */
export interface ReadCorpus {
  documents: CorpusDocument[];
  problems: IngestProblem[];
}

/** One file's documents (several when it holds several), or the reason it was skipped. */
export type CorpusEntry = { documents: CorpusDocument[] } | { problem: IngestProblem };

/**
 * The documents of one corpus folder or several (CORPUS_DIR=a:b), file by file in corpus
 * order, without holding more than one file's documents (for listing a large corpus).
 */
export async function* eachCorpusFile(corpusDirs: string | readonly string[]): AsyncGenerator<CorpusEntry> {
  const dirs = [corpusDirs].flat();
  const scan = scanCorpusFolders(dirs);
  const overrides = new Map(dirs.map((d) => [d, readOverrides(d)] as const));
  for (const problem of scan.problems) yield { problem };
  for (const path of scan.files) {
    const read = await readDocument(path, overrides.get(dirname(path)) ?? {});
    yield read.ok ? { documents: read.documents } : { problem: read.problem };
  }
}

/** Reads the documents of one corpus folder or several (CORPUS_DIR=a:b), in order. */
export async function readCorpus(corpusDirs: string | readonly string[]): Promise<ReadCorpus> {
  const documents: CorpusDocument[] = [];
  const problems: IngestProblem[] = [];
  for await (const entry of eachCorpusFile(corpusDirs)) {
    if ("problem" in entry) problems.push(entry.problem);
    else documents.push(...entry.documents);
  }
  return { documents, problems };
}
