import { mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { describeFile, rememberVerified, verifyFiles } from "../../src/index/artefact-verify.js";

const dir = mkdtempSync(join(tmpdir(), "artefact-verify-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes a file dated `secondsAgo` back and returns its manifest entry. */
function write(name: string, content: string, secondsAgo: number) {
  const path = join(dir, name);
  writeFileSync(path, content);
  const when = new Date(Date.now() - secondsAgo * 1000);
  utimesSync(path, when, when);
  return { [name]: describeFile(path) };
}

describe("verifyFiles", () => {
  it("hashes a file once, then trusts it by size and mtime until either changes", () => {
    const files = write("store.sqlite", "ABCDEFGH", 60);
    expect(verifyFiles(dir, files)).toBeNull();
    // Same size, same (restored) mtime: trusted without hashing, which is why a deliberate
    // restore of the mtime goes unnoticed (documented).
    const { mtime } = statSync(join(dir, "store.sqlite"));
    writeFileSync(join(dir, "store.sqlite"), "ABCDEFGX");
    utimesSync(join(dir, "store.sqlite"), mtime, mtime);
    expect(verifyFiles(dir, files)).toBeNull();
    // An ordinary change moves the mtime and is found.
    writeFileSync(join(dir, "store.sqlite"), "ABCDEFGY");
    expect(verifyFiles(dir, files)).toMatchObject({
      missing: false,
      message: expect.stringContaining("sha256"),
    });
  });

  it("does not trust a record made within the mtime's granularity of the write (a racy entry)", () => {
    const files = write("chunks.hnsw", "12345678", 0);
    rememberVerified(dir, files);
    const { mtime } = statSync(join(dir, "chunks.hnsw"));
    writeFileSync(join(dir, "chunks.hnsw"), "12345679");
    utimesSync(join(dir, "chunks.hnsw"), mtime, mtime);
    expect(verifyFiles(dir, files)?.message).toContain("chunks.hnsw sha256");
  });

  it("names a missing file and a file of another size", () => {
    const files = write("a.bin", "xyz", 60);
    writeFileSync(join(dir, "a.bin"), "xy");
    expect(verifyFiles(dir, files)?.message).toBe("a.bin has 2 bytes, manifest.json says 3");
    rmSync(join(dir, "a.bin"));
    expect(verifyFiles(dir, files)).toEqual({
      message: "a.bin is listed in manifest.json but missing",
      missing: true,
    });
  });
});
