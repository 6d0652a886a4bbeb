/**
 * The embedding-cache key of every vector of a build, by vector label (`gen-…/vector-keys.bin`:
 * 32 bytes a label, zeros for a deleted label). The next build reads it to know which cached
 * vectors the previous generation used (the cache keeps those and the current build's when it
 * is pruned) and which labels of the previous index hold a vector it can keep.
 */
import { existsSync, readFileSync } from "node:fs";
import { PASSAGE_INSTRUCTION } from "../embed/cached-embedder.js";
import type { Embedder } from "../embed/embedder.js";
import { vectorKey } from "../embed/vector-cache.js";
import { writeFileAtomic } from "./artefact-store.js";

/** Bytes of one key. */
export const KEY_BYTES = 32;

/**
 * The key function of a model's passages (hex). A model without a pinned checksum is keyed by
 * its id: such keys only ever compare builds of one artefact folder, whose manifest pins the model.
 */
export function passageKeyFunction(
  embedder: Pick<Embedder, "modelId" | "checksum">,
): (text: string) => string {
  const identity = embedder.checksum ?? `unpinned ${embedder.modelId}`;
  return (text) => vectorKey(text, PASSAGE_INSTRUCTION, identity).toString("hex");
}

/** Keys by label, as read from or written to `vector-keys.bin`. */
export class VectorKeys {
  private constructor(private readonly bytes: Buffer) {}

  /** Room for `labels` keys, all "deleted" until set. */
  static empty(labels: number): VectorKeys {
    return new VectorKeys(Buffer.alloc(labels * KEY_BYTES));
  }

  /** Reads a keys file; null when it is absent or its size is not `labels` keys. */
  static read(path: string, labels: number): VectorKeys | null {
    if (!existsSync(path)) return null;
    const bytes = readFileSync(path);
    return bytes.byteLength === labels * KEY_BYTES ? new VectorKeys(bytes) : null;
  }

  get labels(): number {
    return this.bytes.byteLength / KEY_BYTES;
  }

  /** The hex key of a label; null for a deleted label. */
  get(label: number): string | null {
    const key = this.bytes.subarray(label * KEY_BYTES, (label + 1) * KEY_BYTES);
    return key.some((b) => b !== 0) ? key.toString("hex") : null;
  }

  /** The keys of `count` labels from `first` (null for deleted ones). */
  range(first: number, count: number): (string | null)[] {
    return Array.from({ length: count }, (_, i) => this.get(first + i));
  }

  /** Sets the keys of labels `first`, `first + 1`, … */
  set(first: number, keys: readonly string[]): void {
    keys.forEach((k, i) => this.bytes.write(k, (first + i) * KEY_BYTES, KEY_BYTES, "hex"));
  }

  /** Every key held (deleted labels left out). */
  keySet(): Set<string> {
    const set = new Set<string>();
    for (let label = 0; label < this.labels; label++) {
      const k = this.get(label);
      if (k) set.add(k);
    }
    return set;
  }

  /** Writes the keys atomically. */
  write(path: string): void {
    writeFileAtomic(path, this.bytes);
  }
}
