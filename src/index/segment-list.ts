/**
 * The list of a build (`gen-…/segments.json`): which document segments it is made of, in
 * corpus order, where each one's chunk vectors sit in the HNSW index, and the files it skipped.
 * The next build reads it to know what it can keep (documents, vector labels, skipped files)
 * without opening a single segment; the answering layer reads it to assemble the corpus.
 *
 * Vector labels are stable: a document keeps the labels it was given when it was added, new
 * documents get labels after the last one used, and a removed document's labels are marked
 * deleted in the index. `labels` counts every label handed out, `deleted` those marked deleted;
 * when too many are deleted the build re-creates the index with fresh labels.
 */
import { z } from "zod";
import type { DocumentMeta, IngestProblem } from "../types.js";
import { ArtefactError, readJson } from "./artefact-store.js";

/** Version of the segments.json format. */
export const SEGMENT_LIST_VERSION = 1;

/** One document of a build: its segment key, its vector labels and a summary for reports. */
export interface SegmentEntry {
  key: string;
  file: string;
  meta: DocumentMeta;
  /** Label of the first chunk's vector; chunk i has label firstLabel + i. */
  firstLabel: number;
  chunks: number;
  sections: number;
  rows: number;
  /** Rows naming a catalogue indicator. */
  canonicalRows: number;
  tasks: number;
}

/** A file the build skipped, with the cache key it had (when it was read), so it is not re-read. */
export interface SkippedFile extends IngestProblem {
  key?: string;
}

/** The content of segments.json. */
export interface SegmentList {
  version: typeof SEGMENT_LIST_VERSION;
  documents: SegmentEntry[];
  problems: SkippedFile[];
  /** Labels handed out so far (the index holds this many vectors, deleted ones included). */
  labels: number;
  /** Labels marked deleted. */
  deleted: number;
}

const count = z.number().int().nonnegative();
const segmentListSchema = z.object({
  version: z.literal(SEGMENT_LIST_VERSION),
  documents: z.array(
    z.object({
      key: z.string(),
      file: z.string(),
      meta: z.looseObject({ id: z.string(), file: z.string() }),
      firstLabel: count,
      chunks: count,
      sections: count,
      rows: count,
      canonicalRows: count,
      tasks: count,
    }),
  ),
  problems: z.array(z.object({ file: z.string(), reason: z.string(), key: z.string().optional() })),
  labels: count,
  deleted: count,
});

/** Reads and checks a segments.json; throws {@link ArtefactError} `missing` or `corrupt`. */
export function readSegmentList(path: string, dir: string): SegmentList {
  const parsed = segmentListSchema.safeParse(readJson<unknown>(path));
  if (!parsed.success) {
    throw new ArtefactError(
      `${path} is malformed (${parsed.error.issues[0]!.message}); run \`npm run build-index\``,
      "corrupt",
      dir,
    );
  }
  const list = parsed.data as unknown as SegmentList;
  for (const d of list.documents) {
    if (d.firstLabel + d.chunks > list.labels)
      throw new ArtefactError(`${path}: labels of ${d.file} out of range`, "corrupt", dir);
  }
  return list;
}

/** Label → chunk position in corpus order (−1 for a deleted label), from a build's list. */
export function chunkPositions(list: SegmentList): Int32Array {
  const positions = new Int32Array(list.labels).fill(-1);
  let offset = 0;
  for (const d of list.documents) {
    for (let i = 0; i < d.chunks; i++) positions[d.firstLabel + i] = offset + i;
    offset += d.chunks;
  }
  return positions;
}
