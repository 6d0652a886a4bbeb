/**
 * The model's own time for a build's chunks, for `npm run bench:public`: passages taken evenly
 * from the built store are embedded in this process, alone, exactly as the build sends them to
 * the model (windows of {@link EMBED_WINDOW} sorted by length, the embedder's batches), and
 * the time per passage is multiplied by the number of passages the build embedded.
 */
import { writeFileSync } from "node:fs";
import Database from "better-sqlite3";
import { EMBED_WINDOW } from "../embed/cached-embedder.js";
import type { Embedder } from "../embed/embedder.js";
import { passageText } from "../index/prepare-document.js";
import { memoryOf } from "./bench-process.js";

/** Passages spread evenly over the chunks of a store, in corpus order. */
export function samplePassages(storePath: string, count: number): string[] {
  const db = new Database(storePath, { readonly: true });
  try {
    const total = db.prepare("SELECT count(*) FROM chunks").pluck().get() as number;
    const step = Math.max(1, Math.floor(total / count));
    const rows = db
      .prepare(
        `SELECT c.body AS chunk, c.start_at AS s, c.end_at AS e, d.body_text AS text, d.body AS doc
         FROM chunks c JOIN documents d ON d.doc_no = c.doc_no
         WHERE c.label % ? = 0 ORDER BY d.corpus_order, c.ord LIMIT ?`,
      )
      .all(step, count) as Array<{ chunk: string; s: number; e: number; text: string; doc: string }>;
    return rows.map((r) => {
      const chunk = JSON.parse(r.chunk) as { path: string[]; text?: string };
      const title = (JSON.parse(r.doc) as { meta: { title: string } }).meta.title;
      return passageText({ path: chunk.path, text: chunk.text ?? r.text.slice(r.s, r.e) }, title);
    });
  } finally {
    db.close();
  }
}

/** What the model alone took for a sample of passages. */
export interface ModelTime {
  /** Milliseconds a passage. */
  millisPerPassage: number;
  /** How much the process's peak resident memory grew while embedding (MB): the model's batches. */
  batchMb: number;
}

/** Resets this process's peak resident memory to its current one (Linux; elsewhere a no-op). */
function resetPeakMemory(): void {
  try {
    writeFileSync(`/proc/${process.pid}/clear_refs`, "5");
  } catch {
    // Not Linux, or not allowed: the growth is then measured from the earlier peak.
  }
}

/** The model's own time per passage, embedding `passages` as a build does. */
export async function modelTimePerPassage(
  embedder: Embedder,
  passages: readonly string[],
): Promise<ModelTime> {
  resetPeakMemory();
  const before = memoryOf(process.pid);
  await embedder.embedPassages(passages.slice(0, 8)); // warm up
  const started = performance.now();
  for (let i = 0; i < passages.length; i += EMBED_WINDOW) {
    const round = passages.slice(i, i + EMBED_WINDOW).sort((a, b) => a.length - b.length);
    await embedder.embedPassages(round);
  }
  const millisPerPassage = (performance.now() - started) / Math.max(1, passages.length);
  const after = memoryOf(process.pid);
  return { millisPerPassage, batchMb: before && after ? Math.max(0, after.peakMb - before.peakMb) : NaN };
}
