/**
 * Everything the build derives from one document file except its vectors, in the form the
 * store takes it: each document the file holds (one, or several for a saved collection:
 * `ReadResult.documents`, ids `stem#N`), read and normalised, with its sections, indicator and
 * task rows, chunks with the passage each is embedded as and its BM25 terms. Pure CPU work with
 * no shared state, so it runs in worker threads ({@link ./document-worker.ts}) while the main
 * thread embeds; objects whose shape belongs to other stages are serialised here, in the worker.
 */
import type { IndicatorVocabulary } from "../indicators/aliases.js";
import { extractTables } from "../indicators/extract-tables.js";
import { readDocumentBytes } from "../ingest/read-document.js";
import type { MetadataOverrides } from "../ingest/metadata.js";
import { chunkDocument } from "../sections/chunk.js";
import type { Chunk, CorpusDocument, DocumentMeta, IngestProblem } from "../types.js";
import { rawDelta } from "./raw-delta.js";
import { rowTermKeys } from "./store-postings.js";
import type { Tokenizer } from "./tokenize.js";

/** The text embedded for a chunk: its document title and heading path give it context. */
export function passageText(chunk: Pick<Chunk, "path" | "text">, title: string): string {
  return `${title}${chunk.path.length > 0 ? ` ${chunk.path.join(" ")}` : ""}\n${chunk.text}`;
}

/** A chunk as the store keeps it, with what the build embeds and indexes. */
export interface PreparedChunk {
  /** The chunk as JSON, without its text when that is the document text between its offsets. */
  json: string;
  sectionId: string;
  start: number;
  end: number;
  /** The text embedded (title, heading path, chunk). */
  passage: string;
  /** BM25: the distinct terms of the passage and how often each occurs; the token count. */
  terms: string[];
  counts: number[];
  tokenCount: number;
}

/** One document ready for the store: texts, serialised rows and sections, chunks. */
export interface PreparedDocument {
  file: string;
  meta: DocumentMeta;
  /** The document as JSON without raw, text and offsets (kept apart). */
  json: string;
  text: string;
  /** The source text as its difference from `text` (JSON of raw-delta.ts), null when equal or kept whole. */
  rawDelta: string | null;
  /** The source text when no delta rebuilds it, else null. */
  raw: string | null;
  offsetsJson: string;
  sections: { id: string; json: string }[];
  chunks: PreparedChunk[];
  rows: {
    docId: string;
    region: string;
    period: string;
    indicator: string | null;
    start: number;
    /** The keys of the row term index for the row's clause (store-postings.ts). */
    termKeys: string[];
    json: string;
  }[];
  tasks: { docId: string; number: number; lead: string | null; json: string }[];
  canonicalRows: number;
}

/** What preparing needs besides the file: its overrides, the indicator vocabulary, the tokenizer. */
export interface PrepareContext {
  overrides: MetadataOverrides;
  vocabulary: IndicatorVocabulary;
  tokenizer: Tokenizer;
}

function termCounts(tokens: readonly string[]): { terms: string[]; counts: number[] } {
  const counts = new Map<string, number>();
  for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
  return { terms: [...counts.keys()], counts: [...counts.values()] };
}

/**
 * Reads and normalises one file, then tables and chunks each document it holds (in file
 * order); a problem when it cannot be read.
 */
export async function prepareFile(
  file: string,
  bytes: Uint8Array,
  context: PrepareContext,
): Promise<PreparedDocument[] | IngestProblem> {
  const read = await readDocumentBytes(file, bytes, context.overrides);
  if (!read.ok) return read.problem;
  return read.documents.map((doc) => prepareDocument(file, doc, context));
}

/**
 * Tables and chunks one document. A part of a file of several keeps the whole file as its
 * source text (its offsets point into it, so a citation quotes the file verbatim); the store
 * keeps that source text as its difference from the part's text (raw-delta.ts).
 */
export function prepareDocument(
  file: string,
  doc: CorpusDocument,
  context: Omit<PrepareContext, "overrides">,
): PreparedDocument {
  const { sections: byDoc, rows, tasks } = extractTables([doc], context.vocabulary);
  const sections = byDoc.get(doc.meta.id)!;
  // Every period the document's statements describe (a work report reviews the year before).
  doc.meta.periods = [...new Set([doc.meta.period, ...rows.map((r) => r.period)])].sort();
  const chunks = chunkDocument(doc, sections).map((chunk): PreparedChunk => {
    const passage = passageText(chunk, doc.meta.title);
    const tokens = context.tokenizer.tokens(passage);
    const { text, ...rest } = chunk;
    return {
      json: JSON.stringify(text === doc.text.slice(chunk.start, chunk.end) ? rest : chunk),
      sectionId: chunk.sectionId,
      start: chunk.start,
      end: chunk.end,
      passage,
      ...termCounts(tokens),
      tokenCount: tokens.length,
    };
  });
  const { raw, text, offsets, ...rest } = doc;
  const pieces = raw === text ? null : rawDelta(text, raw, offsets);
  // A text rewritten everywhere (traditional script) is kept whole: its delta is no smaller.
  const delta = pieces && JSON.stringify(pieces).length < raw.length ? JSON.stringify(pieces) : null;
  return {
    file,
    meta: doc.meta,
    json: JSON.stringify(rest),
    text,
    rawDelta: delta,
    raw: raw === text || delta ? null : raw,
    offsetsJson: JSON.stringify(offsets),
    sections: sections.map((s) => ({ id: s.id, json: JSON.stringify(s) })),
    chunks,
    rows: rows.map((r) => ({
      docId: r.source.docId,
      region: r.region,
      period: r.period,
      indicator: r.indicator,
      start: r.source.start,
      termKeys: rowTermKeys(r.clause),
      json: JSON.stringify(r),
    })),
    tasks: tasks.map((t) => ({ docId: t.docId, number: t.number, lead: t.lead, json: JSON.stringify(t) })),
    canonicalRows: rows.filter((r) => r.indicator).length,
  };
}
