import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import {
  ArtefactError,
  assertArtefacts,
  checkArtefacts,
  describeFile,
  hashFiles,
  MANIFEST_FILE,
  readJson,
  writeFileAtomic,
  writeManifest,
  type ArtefactManifest,
} from "../../src/index/artefact-store.js";

const root = mkdtempSync(join(tmpdir(), "artefact-store-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let counter = 0;
const freshDir = () => {
  const dir = join(root, `case-${++counter}`);
  mkdirSync(dir);
  return dir;
};

describe("writeFileAtomic and readJson", () => {
  it("writes text and bytes, replaces files, creates folders and leaves no temp files", () => {
    const dir = join(freshDir(), "nested");
    writeFileAtomic(join(dir, "a.json"), JSON.stringify({ 社零: 140.1 }));
    writeFileAtomic(join(dir, "a.json"), JSON.stringify({ 社零: 140.2 }));
    writeFileAtomic(join(dir, "b.bin"), new Uint8Array([0, 255, 7]));
    expect(readdirSync(dir).sort()).toEqual(["a.json", "b.bin"]);
    expect(readJson<{ 社零: number }>(join(dir, "a.json"))).toEqual({ 社零: 140.2 });
    expect([...readFileSync(join(dir, "b.bin"))]).toEqual([0, 255, 7]);
  });

  it("removes the temp file and keeps the old file when the write fails", () => {
    const dir = freshDir();
    writeFileAtomic(join(dir, "keep.txt"), "old");
    mkdirSync(join(dir, "taken"));
    expect(() => writeFileAtomic(join(dir, "taken"), "new")).toThrow();
    expect(readdirSync(dir).sort()).toEqual(["keep.txt", "taken"]);
    expect(readFileSync(join(dir, "keep.txt"), "utf8")).toBe("old");
  });

  it("throws ArtefactError missing / corrupt", () => {
    const dir = freshDir();
    writeFileSync(join(dir, "bad.json"), "{not json");
    expect(() => readJson(join(dir, "none.json"))).toThrow(ArtefactError);
    for (const [file, reason] of [
      ["none.json", "missing"],
      ["bad.json", "corrupt"],
    ] as const) {
      try {
        readJson(join(dir, file));
        expect.unreachable();
      } catch (e) {
        expect((e as ArtefactError).reason).toBe(reason);
        expect((e as ArtefactError).dir).toBe(dir);
      }
    }
  });
});

describe("hashFiles", () => {
  it("depends on names and contents but not on order or folder", () => {
    const a = freshDir();
    const b = freshDir();
    for (const dir of [a, b]) {
      writeFileSync(join(dir, "x.txt"), "社会消费品零售总额");
      writeFileSync(join(dir, "y.txt"), "140.1亿元");
    }
    const base = hashFiles([join(a, "x.txt"), join(a, "y.txt")]);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(hashFiles([join(b, "y.txt"), join(b, "x.txt")])).toBe(base);
    writeFileSync(join(b, "y.txt"), "140.2亿元");
    expect(hashFiles([join(b, "x.txt"), join(b, "y.txt")])).not.toBe(base);
    writeFileSync(join(b, "z.txt"), "140.1亿元");
    expect(hashFiles([join(a, "x.txt"), join(b, "z.txt")])).not.toBe(base);
    expect(hashFiles([join(a, "x.txt")])).not.toBe(base);
  });
});

describe("checkArtefacts", () => {
  const expected = { schemaVersion: 3, modelId: "BAAI/bge-small-zh-v1.5", dimension: 512, corpusHash: "abc" };
  let dir: string;

  beforeEach(() => {
    dir = freshDir();
    writeFileAtomic(join(dir, "chunks.json"), "[]");
    writeFileAtomic(join(dir, "vectors.hnsw"), new Uint8Array([1, 2, 3, 4]));
    const manifest: ArtefactManifest = {
      ...expected,
      builtAt: "2025-01-01T00:00:00.000Z",
      files: {
        "chunks.json": describeFile(join(dir, "chunks.json")),
        "vectors.hnsw": describeFile(join(dir, "vectors.hnsw")),
      },
      counts: { chunks: 0 },
    };
    writeManifest(dir, manifest);
  });

  const check = (
    overrides: Partial<typeof expected> & { requiredFiles?: readonly string[]; modelChecksum?: string } = {},
  ) => checkArtefacts(dir, { ...expected, ...overrides });

  it("accepts matching artefacts", () => {
    const result = check({ requiredFiles: ["chunks.json"] });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.manifest.counts).toEqual({ chunks: 0 });
    // The check remembers what it hashed (by size and mtime) in .verified.json.
    expect(readdirSync(dir).sort()).toEqual([".verified.json", "chunks.json", MANIFEST_FILE, "vectors.hnsw"]);
    expect(assertArtefacts(dir, expected).dimension).toBe(512);
  });

  it("detects a missing manifest", () => {
    unlinkSync(join(dir, MANIFEST_FILE));
    const result = check();
    expect(result).toMatchObject({ ok: false, reason: "missing" });
    expect(!result.ok && result.message).toContain("npm run build-index");
  });

  it.each([
    [{ schemaVersion: 4 }, "schema", "schema version 3 but this code expects 4"],
    [
      { modelId: "other/model" },
      "model",
      'model "BAAI/bge-small-zh-v1.5" but this code expects "other/model"',
    ],
    [{ dimension: 384 }, "dimension", "dimension 512 but this code expects 384"],
    // Issue 12, item 6: artefacts built without (or with another) verified model checksum.
    [{ modelChecksum: "f00d" }, "model", 'model checksum "(none)" but this code expects "f00d"'],
    [{ corpusHash: "def" }, "corpus", "the corpus has changed"],
    [{ requiredFiles: ["bm25.json"] }, "missing", "bm25.json is not listed"],
  ] as const)("detects %o as %s", (overrides, reason, text) => {
    const result = check(overrides);
    expect(result).toMatchObject({ ok: false, reason });
    expect(!result.ok && result.message).toContain(text);
    expect(!result.ok && result.message).toContain("npm run build-index");
  });

  it("detects a tampered file of the same size as corrupt, naming it and its sha256", () => {
    writeFileSync(join(dir, "vectors.hnsw"), new Uint8Array([1, 2, 3, 5]));
    const result = check();
    expect(result).toMatchObject({ ok: false, reason: "corrupt" });
    expect(!result.ok && result.message).toContain("vectors.hnsw sha256");
    expect(() => assertArtefacts(dir, expected)).toThrow(ArtefactError);
  });

  it("detects a truncated file, a deleted file and a malformed manifest", () => {
    writeFileSync(join(dir, "chunks.json"), "[");
    expect(check()).toMatchObject({
      ok: false,
      reason: "corrupt",
      message: expect.stringContaining("chunks.json has 1 bytes"),
    });
    unlinkSync(join(dir, "chunks.json"));
    expect(check()).toMatchObject({
      ok: false,
      reason: "missing",
      message: expect.stringContaining("chunks.json"),
    });
    writeFileSync(join(dir, MANIFEST_FILE), JSON.stringify({ schemaVersion: 3 }));
    expect(check()).toMatchObject({
      ok: false,
      reason: "corrupt",
      message: expect.stringContaining("malformed"),
    });
    writeFileSync(join(dir, MANIFEST_FILE), "{");
    expect(check()).toMatchObject({ ok: false, reason: "corrupt" });
  });
});
