import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { corpusFoldersHash } from "../../src/index/artefact-layout.js";
import { CORPUS_HASH_FILE, cachedCorpusHash, corpusDigests } from "../../src/index/corpus-hash.js";
import { fileSha256 } from "../../src/index/artefact-layout.js";
import { CORPUS_DIR } from "../ingest/fixtures.js";

const root = mkdtempSync(join(tmpdir(), "corpus-hash-"));
const corpus = join(root, "corpus");
const artefacts = join(root, "artefacts");
afterAll(() => rmSync(root, { recursive: true, force: true }));
const LISHAN = "lishan-2024h1-plan-execution-report.txt";
const EXCERPT = "tiedong-2023-government-work-report-excerpt.txt";

/** Dates a file back, as a file saved a while ago is. */
function age(path: string, seconds: number): void {
  const when = new Date(Date.now() - seconds * 1000);
  utimesSync(path, when, when);
}

describe("cachedCorpusHash", () => {
  it("is the corpus hash, kept while no input changes and computed again when one does", () => {
    mkdirSync(corpus);
    for (const f of [LISHAN, EXCERPT]) {
      copyFileSync(join(CORPUS_DIR, f), join(corpus, f));
      age(join(corpus, f), 60);
    }
    const first = cachedCorpusHash([corpus], artefacts);
    expect(first).toBe(corpusFoldersHash([corpus]));
    const kept = JSON.parse(readFileSync(join(artefacts, CORPUS_HASH_FILE), "utf8")) as { hash: string };
    expect(kept.hash).toBe(first);
    // Unchanged inputs: the kept hash is returned, even if the kept file says otherwise.
    writeFileSync(join(artefacts, CORPUS_HASH_FILE), JSON.stringify({ ...kept, hash: "kept" }));
    expect(cachedCorpusHash([corpus], artefacts)).toBe("kept");
    // An edited document has another size or mtime: computed again.
    writeFileSync(join(corpus, EXCERPT), `${readFileSync(join(corpus, EXCERPT), "utf8")}\n新增一句。\n`);
    const edited = cachedCorpusHash([corpus], artefacts);
    expect(edited).toBe(corpusFoldersHash([corpus]));
    expect(edited).not.toBe(first);
    // A new document is in the scan: computed again.
    copyFileSync(join(CORPUS_DIR, "tiedong-2023-statistical-bulletin.txt"), join(corpus, "bulletin.txt"));
    expect(cachedCorpusHash([corpus], artefacts)).toBe(corpusFoldersHash([corpus]));
    // Each document's sha256 comes with it.
    const { digest } = corpusDigests([corpus], artefacts);
    for (const f of [LISHAN, EXCERPT, "bulletin.txt"])
      expect(digest(join(corpus, f))).toBe(fileSha256(join(corpus, f)));
  });

  it("does not trust a hash taken within the timestamp granularity of a change (racy)", () => {
    const path = join(corpus, LISHAN);
    writeFileSync(path, `${readFileSync(path, "utf8")}\n甲\n`);
    const hashed = cachedCorpusHash([corpus], artefacts); // the file's mtime is now: racy
    const { mtime } = statSync(path);
    writeFileSync(path, `${readFileSync(path, "utf8").slice(0, -2)}乙\n`); // same size
    utimesSync(path, mtime, mtime);
    const again = cachedCorpusHash([corpus], artefacts);
    expect(again).toBe(corpusFoldersHash([corpus]));
    expect(again).not.toBe(hashed);
  });
});
