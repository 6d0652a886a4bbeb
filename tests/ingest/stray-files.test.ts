/**
 * Issue 12, item 7: a `.DS_Store` in corpus/ changed the corpus hash (the bot refused to
 * start) and a symbolic link loop crashed build-index with a stack trace. Only the files the
 * build ingests are read and hashed; an unreadable link is reported by name.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { corpusFoldersHash } from "../../src/index/artefact-layout.js";
import { readCorpus } from "../../src/ingest/read-corpus.js";
import { scanCorpusFolders } from "../../src/ingest/scan-corpus.js";
import { CORPUS_DIR } from "./fixtures.js";

const root = mkdtempSync(join(tmpdir(), "stray-files-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const DOC = "lishan-2024h1-plan-execution-report.txt";
let counter = 0;
function corpus(): string {
  const dir = join(root, `corpus-${++counter}`);
  mkdirSync(dir);
  for (const f of [DOC]) {
    copyFileSync(join(CORPUS_DIR, f), join(dir, f));
  }
  return dir;
}

it("ignores hidden, backup and system files and folders: same files, same hash", async () => {
  const clean = corpus();
  const messy = corpus();
  writeFileSync(join(messy, ".DS_Store"), Buffer.from([0, 0, 0, 1, 66, 117, 100, 49]));
  writeFileSync(join(messy, `._${DOC}`), "AppleDouble");
  writeFileSync(join(messy, `.${DOC}.swp`), "swap");
  writeFileSync(join(messy, `${DOC}~`), "backup");
  writeFileSync(join(messy, `${DOC}.bak`), "backup");
  mkdirSync(join(messy, "old.txt"));
  mkdirSync(join(messy, ".git"));
  expect(scanCorpusFolders([messy])).toEqual({ files: [join(messy, DOC)], problems: [] });
  expect(corpusFoldersHash([messy])).toBe(corpusFoldersHash([clean]));
  expect((await readCorpus(messy)).problems).toEqual([]);
});

it("still changes the hash when a document changes", () => {
  const a = corpus();
  const b = corpus();
  writeFileSync(join(b, "new.txt"), "鞍山市立山区2024年上半年的补充说明。");
  expect(corpusFoldersHash([b])).not.toBe(corpusFoldersHash([a]));
});

it("reports a symbolic link loop and a broken link by name instead of crashing", async () => {
  const dir = corpus();
  symlinkSync("loop.txt", join(dir, "loop.txt"));
  symlinkSync("nowhere.txt", join(dir, "broken.txt"));
  symlinkSync(".", join(dir, "self"));
  expect(() => corpusFoldersHash([dir])).not.toThrow();
  const loaded = await readCorpus(dir);
  expect(loaded.documents.map((d) => d.meta.file)).toEqual([DOC]);
  expect(loaded.problems).toEqual([
    { file: "broken.txt", reason: "broken link: its target does not exist" },
    { file: "loop.txt", reason: "symlink loop: the link points back to itself" },
  ]);
});
