import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unsupportedReason } from "../../src/ingest/formats/extract-text.js";
import { CorpusError, readOverrides } from "../../src/ingest/load-corpus.js";
import { readCorpus, type ReadCorpus } from "../../src/ingest/read-corpus.js";
import { scanCorpusFolders } from "../../src/ingest/scan-corpus.js";
import { parseSections } from "../../src/sections/parse-sections.js";
import { CORPUS_DIR, corpusBytes, corpusText } from "./fixtures.js";

const root = mkdtempSync(join(tmpdir(), "load-corpus-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let counter = 0;
const freshCorpus = (...files: string[]) => {
  const dir = join(root, `corpus-${++counter}`);
  mkdirSync(dir);
  for (const f of files) copyFileSync(join(CORPUS_DIR, f), join(dir, f));
  return dir;
};

const BULLETIN = "tiedong-2023-statistical-bulletin.txt";
const LISHAN = "lishan-2024h1-plan-execution-report.txt";
const OVERRIDES = "metadata-overrides.json";
/** Invalid in UTF-8 (0x81 cannot start a sequence) and in GB18030 (0x7F cannot end a four-byte code). */
const INVALID_BOTH = [0x81, 0x30, 0x81, 0x7f];

/** The 2023 bulletin's title, introduction and 综合 paragraph, without the heading line. */
function headinglessBulletin(): string {
  const lines = corpusText(BULLETIN).split("\n");
  const zonghe = lines.find((l) => l.startsWith("2023年，铁东区地区生产总值"))!;
  return [lines[0], lines[1], lines[2], "", zonghe, ""].join("\n");
}

describe("reading a corpus with bad files among good ones", () => {
  let dir: string;
  let loaded: ReadCorpus;
  beforeAll(async () => {
    dir = freshCorpus(BULLETIN, LISHAN);
    writeFileSync(join(dir, "empty.txt"), "");
    writeFileSync(join(dir, "blank.txt"), " \n\u3000\n\t\n");
    writeFileSync(join(dir, "binary.txt"), gzipSync(corpusBytes(BULLETIN)));
    writeFileSync(
      join(dir, "undecodable.txt"),
      new Uint8Array([...INVALID_BOTH, ...corpusBytes(BULLETIN).subarray(0, 300)]),
    );
    writeFileSync(join(dir, "headingless.txt"), headinglessBulletin());
    writeFileSync(join(dir, "untitled.txt"), headinglessBulletin().split("\n").slice(2).join("\n"));
    writeFileSync(join(dir, "readme.zip"), "not a corpus document");
    loaded = await readCorpus(dir);
  });

  it("checks its own fixtures: the binary file has NUL bytes, the undecodable one fails both decoders", () => {
    expect(gzipSync(corpusBytes(BULLETIN)).includes(0)).toBe(true);
    const bytes = new Uint8Array([...INVALID_BOTH, ...corpusBytes(BULLETIN).subarray(0, 300)]);
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow();
    expect(() => new TextDecoder("gb18030", { fatal: true }).decode(bytes)).toThrow();
  });

  it("lists the files of supported formats, sorted", () => {
    expect(scanCorpusFolders([dir]).files.map((p) => p.slice(dir.length + 1))).toEqual([
      "binary.txt",
      "blank.txt",
      "empty.txt",
      "headingless.txt",
      LISHAN,
      BULLETIN,
      "undecodable.txt",
      "untitled.txt",
    ]);
  });

  it("reports every bad file by name with the reason", () => {
    expect(loaded.problems).toEqual([
      { file: "readme.zip", reason: unsupportedReason("readme.zip") },
      { file: "binary.txt", reason: "binary file (contains NUL bytes)" },
      { file: "blank.txt", reason: "empty file (only whitespace)" },
      { file: "empty.txt", reason: "empty file" },
      { file: "undecodable.txt", reason: "undecodable: neither valid UTF-8 nor GB18030" },
      {
        file: "untitled.txt",
        reason:
          'cannot detect region anywhere in its text; add an entry for "untitled.txt" to metadata-overrides.json in its corpus folder',
      },
    ]);
  });

  it("still loads the good documents, including one without headings", async () => {
    expect(loaded.documents.map((d) => d.meta.file)).toEqual(["headingless.txt", LISHAN, BULLETIN]);
    const bulletin = loaded.documents.find((d) => d.meta.file === BULLETIN)!;
    const whole = await readCorpus(CORPUS_DIR);
    expect(bulletin.text).toBe(whole.documents.find((d) => d.meta.file === BULLETIN)!.text);
  });

  it("gives the headingless document its title and only a root section", () => {
    const doc = loaded.documents.find((d) => d.meta.file === "headingless.txt")!;
    expect([doc.meta.id, doc.meta.title, doc.meta.region, doc.meta.period, doc.meta.kind]).toEqual([
      "headingless",
      "鞍山市铁东区2023年国民经济和社会发展统计公报",
      "铁东区",
      "2023年",
      "统计公报",
    ]);
    const sections = parseSections(doc);
    expect(sections).toEqual([
      {
        id: "headingless#0",
        docId: "headingless",
        parentId: null,
        level: 0,
        heading: "鞍山市铁东区2023年国民经济和社会发展统计公报",
        path: [],
        start: 0,
        end: doc.text.length,
      },
    ]);
  });
});

describe("the override file", () => {
  it("reports an entry for a file the corpus does not hold", async () => {
    const dir = freshCorpus(BULLETIN, OVERRIDES);
    expect((await readCorpus(dir)).problems).toEqual([
      {
        file: OVERRIDES,
        reason: "entry for missing file tiedong-2023-government-work-report-excerpt.txt",
      },
    ]);
  });

  it("is optional", async () => {
    const dir = freshCorpus(BULLETIN);
    expect(readOverrides(dir)).toEqual({});
    expect((await readCorpus(dir)).documents.map((d) => d.meta.id)).toEqual([
      "tiedong-2023-statistical-bulletin",
    ]);
  });

  it("throws CorpusError naming the file when it is not valid JSON or not valid overrides", async () => {
    const dir = freshCorpus(BULLETIN);
    const path = join(dir, OVERRIDES);
    writeFileSync(path, "{ not json");
    expect(() => readOverrides(dir)).toThrow(CorpusError);
    expect(() => readOverrides(dir)).toThrow(`${path} is not valid JSON`);
    writeFileSync(path, JSON.stringify({ [BULLETIN]: { period: "去年", reason: "测试" } }));
    expect(() => readOverrides(dir)).toThrow(
      `${path}: ${BULLETIN}.period: a period starts with a year, e.g. 2023年`,
    );
    writeFileSync(path, JSON.stringify({ [BULLETIN]: { county: "铁东区" } }));
    await expect(readCorpus(dir)).rejects.toThrow(CorpusError);
  });

  it("throws CorpusError for a missing corpus folder", async () => {
    const missing = join(root, "no-such-corpus");
    await expect(readCorpus(missing)).rejects.toThrow(CorpusError);
    expect(() => scanCorpusFolders([missing])).toThrow(`corpus folder not found or unreadable: ${missing}`);
  });
});
