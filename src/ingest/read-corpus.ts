/**
 * Reads every document of the corpus folders, in any supported format (PDF, DOCX, HTML,
 * Markdown, text), each with its own folder's override file: the same scan and reader the
 * build uses, for tools that need the documents themselves (the table export, the benchmark).
 * Unreadable files are problems with the reason, not failures.
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

/** Reads the documents of one corpus folder or several (CORPUS_DIR=a:b), in order. */
export async function readCorpus(corpusDirs: string | readonly string[]): Promise<ReadCorpus> {
  const dirs = [corpusDirs].flat();
  const scan = scanCorpusFolders(dirs);
  const overrides = new Map(dirs.map((d) => [d, readOverrides(d)] as const));
  const documents: CorpusDocument[] = [];
  const problems: IngestProblem[] = [...scan.problems];
  for (const path of scan.files) {
    const read = await readDocument(path, overrides.get(dirname(path)) ?? {});
    if (read.ok) documents.push(...read.documents);
    else problems.push(read.problem);
  }
  return { documents, problems };
}
