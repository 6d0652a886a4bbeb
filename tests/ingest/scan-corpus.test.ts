import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CorpusError } from "../../src/ingest/load-corpus.js";
import { scanCorpusFolders } from "../../src/ingest/scan-corpus.js";
import { CORPUS_DIR } from "./fixtures.js";

const root = mkdtempSync(join(tmpdir(), "scan-corpus-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("scanCorpusFolders", () => {
  const first = join(root, "first");
  const second = join(root, "second");
  mkdirSync(first);
  mkdirSync(second);
  const doc = "tiedong-2023-statistical-bulletin.txt";
  copyFileSync(join(CORPUS_DIR, doc), join(first, doc));
  for (const quiet of [
    ".hidden.txt",
    "notes.txt~",
    ".bulletin.txt.swp",
    "old.txt.bak",
    "#draft.txt#",
    "metadata-overrides.json",
  ])
    writeFileSync(join(first, quiet), "x");
  for (const name of ["a.pdf", "b.docx", "c.html", "d.md", "e.htm"]) writeFileSync(join(second, name), "x");
  writeFileSync(join(second, "legacy.doc"), "x");
  writeFileSync(join(second, "photo.jpg"), "x");
  writeFileSync(join(second, `${doc.replace(".txt", ".pdf")}`), "x");
  symlinkSync("loop.txt", join(second, "loop.txt"));
  symlinkSync("missing-target.txt", join(second, "dangling.txt"));
  mkdirSync(join(second, "archive"));

  it("lists documents of every supported format across folders, in folder order", () => {
    const scan = scanCorpusFolders([first, second]);
    expect(scan.files).toEqual([
      join(first, doc),
      ...["a.pdf", "b.docx", "c.html", "d.md", "e.htm"].map((f) => join(second, f)),
    ]);
  });

  it("ignores hidden files, editor backups and metadata files quietly and reports everything else by name", () => {
    expect(scanCorpusFolders([first, second]).problems).toEqual([
      { file: "dangling.txt", reason: "broken link: its target does not exist" },
      { file: "legacy.doc", reason: "old Word format (.doc): save it as .docx or PDF" },
      { file: "loop.txt", reason: "symlink loop: the link points back to itself" },
      {
        file: "photo.jpg",
        reason:
          "unsupported file type .jpg: the corpus reads .pdf .docx .html .htm .shtml .md .markdown .txt",
      },
      {
        file: "tiedong-2023-statistical-bulletin.pdf",
        reason: `same document name as ${join(first, doc)}; rename one of them`,
      },
    ]);
  });

  it("fails with a CorpusError naming a missing folder", () => {
    expect(() => scanCorpusFolders([join(root, "nope")])).toThrow(CorpusError);
  });
});
