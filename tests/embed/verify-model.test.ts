/**
 * Issue 12, item 6: overwriting 200 KB of model_quantized.onnx went unnoticed (query vectors
 * at cosine 0.1 to the real ones). The model files are verified against the pinned checksums
 * at load, with the result cached by size and mtime, and the checksum goes into the manifest.
 */
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  rmSync,
  utimesSync,
  writeSync,
  closeSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EmbeddingModelError, loadEmbedder, PINNED_CHECKSUMS_FILE } from "../../src/embed/embedder.js";
import { modelChecksum, readModelChecksums, verifyModelFiles } from "../../src/embed/verify-model.js";

const MODEL_DIR = resolve(import.meta.dirname, "../../embeddings/models");
const MODEL_ID = "BAAI/bge-small-zh-v1.5";
const ONNX = "onnx/model_quantized.onnx";
const pins = readModelChecksums(PINNED_CHECKSUMS_FILE)!;

const root = mkdtempSync(join(tmpdir(), "verify-model-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A copy of the model's pinned files in a fresh models folder. */
function copyModel(name: string): { modelDir: string; modelPath: string } {
  const modelDir = join(root, name);
  const modelPath = join(modelDir, MODEL_ID);
  for (const file of Object.keys(pins.files)) {
    mkdirSync(dirname(join(modelPath, file)), { recursive: true });
    copyFileSync(join(MODEL_DIR, MODEL_ID, file), join(modelPath, file));
  }
  return { modelDir, modelPath };
}

/** Overwrites `bytes` bytes in the middle of a file, keeping its size. */
function corrupt(path: string, bytes: number): void {
  const fd = openSync(path, "r+");
  writeSync(fd, Buffer.alloc(bytes, 0x5a), 0, bytes, 4_000_000);
  closeSync(fd);
}

describe("model verification", () => {
  let copy: { modelDir: string; modelPath: string };
  beforeAll(() => {
    copy = copyModel("good");
  });

  it("verifies the pinned files, then trusts unchanged ones by size and mtime", () => {
    const first = verifyModelFiles(copy.modelPath, pins);
    expect(first).toMatchObject({ ok: true, checksum: modelChecksum(pins) });
    expect(first.ok && first.hashed.sort()).toEqual(Object.keys(pins.files).sort());
    const second = verifyModelFiles(copy.modelPath, pins);
    expect(second.ok && second.hashed).toEqual([]);
    utimesSync(join(copy.modelPath, "config.json"), new Date(), new Date(2020, 0, 1));
    const touched = verifyModelFiles(copy.modelPath, pins);
    expect(touched.ok && touched.hashed).toEqual(["config.json"]);
  });

  it("refuses a model whose ONNX file had 200 KB overwritten, naming the file", async () => {
    const damaged = copyModel("damaged");
    expect(verifyModelFiles(damaged.modelPath, pins).ok).toBe(true); // cached as good first
    corrupt(join(damaged.modelPath, ONNX), 200 * 1024);
    const error = await loadEmbedder({
      modelDir: damaged.modelDir,
      modelId: MODEL_ID,
      allowRemote: false,
    }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(EmbeddingModelError);
    expect((error as Error).message).toContain(`${join(damaged.modelPath, ONNX)} is damaged (sha256 `);
    expect((error as Error).message).toContain("npm run fetch-model");
  });

  it("gives the loaded embedder the model checksum the manifest records", async () => {
    const embedder = await loadEmbedder({ modelDir: copy.modelDir, modelId: MODEL_ID, allowRemote: false });
    expect(embedder.checksum).toBe(modelChecksum(pins));
    expect(embedder.checksum).toMatch(/^[0-9a-f]{64}$/u);
  });
});
