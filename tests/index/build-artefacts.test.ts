import { createHash } from "node:crypto";
import {
  appendFileSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadEmbedder, type Embedder } from "../../src/embed/embedder.js";
import { ARTEFACT_FILES, SCHEMA_VERSION, corpusFoldersHash } from "../../src/index/artefact-layout.js";
import {
  ArtefactError,
  MANIFEST_FILE,
  readJson,
  type ArtefactManifest,
} from "../../src/index/artefact-store.js";
import { buildArtefacts, passageText } from "../../src/index/build-artefacts.js";
import { artefactFileKey, loadArtefacts } from "../../src/index/load-artefacts.js";
import { openCorpusStore } from "../../src/index/store-reader.js";
import { searchVectors } from "../../src/index/vector-index.js";
import type { IndicatorRow } from "../../src/types.js";
import { CORPUS_DIR, corpusBytes, corpusText } from "../ingest/fixtures.js";

const MODEL_DIR = resolve(import.meta.dirname, "../../embeddings/models");
const MODEL_ID = "BAAI/bge-small-zh-v1.5";
const LISHAN = "lishan-2024h1-plan-execution-report.txt";
const EXCERPT = "tiedong-2023-government-work-report-excerpt.txt";
const BULLETIN = "tiedong-2023-statistical-bulletin.txt";
/** Invalid in UTF-8 (0x81 cannot start a sequence) and in GB18030 (0x7F cannot end a four-byte code). */
const INVALID_BOTH = [0x81, 0x30, 0x81, 0x7f];

const root = mkdtempSync(join(tmpdir(), "build-artefacts-"));
const corpusDir = join(root, "corpus");
const artefactDir = join(root, "artefacts");
afterAll(() => rmSync(root, { recursive: true, force: true }));

/**
 * Every file under a folder with the sha256 of its bytes, for before/after comparisons; the
 * records of checks (`.corpus-hash.json`, `.verified.json`: caches, not artefacts) left out.
 */
const snapshot = (dir: string) =>
  Object.fromEntries(
    (readdirSync(dir, { recursive: true }) as string[])
      .filter((f) => statSync(join(dir, f)).isFile() && !f.startsWith("."))
      .map((f) => [
        f,
        createHash("sha256")
          .update(readFileSync(join(dir, f)))
          .digest("hex"),
      ]),
  );

/** Path of an artefact of the current build (inside its generation folder). */
const artefactPath = (dir: string, name: string) =>
  join(dir, artefactFileKey(readJson<ArtefactManifest>(join(dir, MANIFEST_FILE)), name, dir));

/** The documents of the current build's store: file, first vector label, chunks. */
function storedDocuments(dir: string): Array<[string, number, number]> {
  const store = openCorpusStore(artefactPath(dir, ARTEFACT_FILES.store));
  try {
    return (
      store.db
        .prepare("SELECT file, first_label, chunk_count FROM documents ORDER BY corpus_order")
        .all() as Array<{ file: string; first_label: number; chunk_count: number }>
    ).map((d) => [d.file, d.first_label, d.chunk_count]);
  } finally {
    store.close();
  }
}

/** The generation folders in an artefact folder. */
const generations = (dir: string) => readdirSync(dir).filter((f) => f.startsWith("gen-"));

/** Bad files, plus one good document without any heading (the 2023 bulletin's title, intro and 综合 paragraph). */
function addBadFiles(): void {
  const lines = corpusText(BULLETIN).split("\n");
  const zonghe = lines.find((l) => l.startsWith("2023年，铁东区地区生产总值"))!;
  writeFileSync(join(corpusDir, "empty.txt"), "");
  writeFileSync(join(corpusDir, "binary.txt"), gzipSync(corpusBytes(BULLETIN)));
  writeFileSync(
    join(corpusDir, "undecodable.txt"),
    new Uint8Array([...INVALID_BOTH, ...corpusBytes(BULLETIN).subarray(0, 300)]),
  );
  writeFileSync(join(corpusDir, "untitled.txt"), `${zonghe}\n`);
  writeFileSync(
    join(corpusDir, "headingless.txt"),
    [lines[0], lines[1], lines[2], "", zonghe, ""].join("\n"),
  );
}

const BAD_FILE_PROBLEMS = [
  { file: "binary.txt", reason: "binary file (contains NUL bytes)" },
  { file: "empty.txt", reason: "empty file" },
  { file: "undecodable.txt", reason: "undecodable: neither valid UTF-8 nor GB18030" },
  {
    file: "untitled.txt",
    reason:
      'cannot detect region anywhere in its text; add an entry for "untitled.txt" to metadata-overrides.json in its corpus folder',
  },
];

describe("buildArtefacts and loadArtefacts on a small real corpus", { timeout: 600_000 }, () => {
  let embedder: Embedder;
  const requirements = () => ({ artefactDir, corpusDir, modelId: MODEL_ID, dimension: embedder.dimension });
  beforeAll(async () => {
    mkdirSync(corpusDir);
    for (const f of [LISHAN, EXCERPT, "metadata-overrides.json"]) {
      copyFileSync(join(CORPUS_DIR, f), join(corpusDir, f));
    }
    embedder = await loadEmbedder({ modelDir: MODEL_DIR, modelId: MODEL_ID, allowRemote: false });
  }, 600_000);

  it("builds every artefact with a manifest that loadArtefacts accepts", async () => {
    const log: string[] = [];
    const report = await buildArtefacts({ corpusDir, artefactDir, embedder, log: (l) => log.push(l) });
    expect(report.problems).toEqual([]);
    const rows: IndicatorRow[] = loadArtefacts(requirements()).rows;
    expect(report.manifest.counts).toEqual({
      documents: 2,
      sections: 42,
      chunks: 48,
      indicatorRows: rows.length,
      canonicalIndicatorRows: rows.filter((r) => r.indicator !== null).length,
      tasks: 0,
      skippedFiles: 0,
    });
    expect(
      rows.filter((r) => r.indicator === "地区生产总值").map((r) => [r.region, r.period, r.value!.text]),
    ).toEqual([["立山区", "2024年上半年", "63.65亿元"]]);
    expect(report.manifest).toMatchObject({
      schemaVersion: SCHEMA_VERSION,
      modelId: MODEL_ID,
      dimension: 512,
      corpusHash: corpusFoldersHash([corpusDir]),
    });
    const generation = Object.keys(report.manifest.files)[0]!.split("/")[0]!;
    expect(generation).toMatch(/^gen-/);
    expect(storedDocuments(artefactDir)).toEqual([
      [LISHAN, 0, 40],
      [EXCERPT, 40, 8],
    ]);
    expect(Object.keys(report.manifest.files).sort()).toEqual(
      Object.values(ARTEFACT_FILES)
        .map((f) => `${generation}/${f}`)
        .sort(),
    );
    expect(report.vectorIndex).toBe("created");
    expect(readdirSync(artefactDir).sort()).toEqual(
      [".corpus-hash.json", ".verified.json", generation, MANIFEST_FILE, "vector-cache"].sort(),
    );
    expect(log.find((l) => l.startsWith("2 documents"))).toMatch(
      new RegExp(
        `^2 documents \\(2 read, 0 kept\\), 42 sections, 48 chunks .*, ${rows.length} indicator rows, 0 tasks`,
      ),
    );

    const loaded = loadArtefacts(requirements());
    expect(loaded.manifest).toEqual(report.manifest);
    expect(loaded.corpus.documents.map((d) => d.meta.file)).toEqual([LISHAN, EXCERPT]);
    expect(loaded.corpus.chunks).toHaveLength(48);
    expect(loaded.vectors.hnsw.getCurrentCount()).toBe(48);
    expect(loaded.rows).toEqual(rows);
    expect(loaded.tasks).toEqual([]);
  });

  it("skips bad files on a rebuild, names them, and still succeeds", async () => {
    addBadFiles();
    const log: string[] = [];
    const report = await buildArtefacts({ corpusDir, artefactDir, embedder, log: (l) => log.push(l) });
    expect(report.problems).toEqual(BAD_FILE_PROBLEMS);
    expect(report.manifest.counts).toMatchObject({ documents: 3, sections: 43, chunks: 49, skippedFiles: 4 });
    expect(log.filter((l) => l.startsWith("skipped"))).toEqual(
      BAD_FILE_PROBLEMS.map((p) => `skipped ${p.file}: ${p.reason}`),
    );
    expect(report.processed).toBe(1); // only headingless.txt is new; the others are kept
    expect(log).toContain("note: headingless.txt has no recognisable heading; indexed as one section");

    const loaded = loadArtefacts(requirements());
    expect(loaded.corpus.problems).toEqual(BAD_FILE_PROBLEMS);
    expect(loaded.corpus.documents.map((d) => d.meta.file)).toEqual(["headingless.txt", LISHAN, EXCERPT]);
    // The index was updated: the new document's vector got the next label (48), and the label
    // map puts it first in corpus order, where its chunk is.
    expect(report.vectorIndex).toBe("updated");
    expect(loaded.vectors.hnsw.getCurrentCount()).toBe(49);
    const headingless = loaded.corpus.chunks[0]!;
    expect(headingless.docId).toBe("headingless");
    const query = await embedder.embedQuery(headingless.text);
    expect(searchVectors(loaded.vectors, query, 1)[0]!.index).toBe(0);
    expect(
      searchVectors(loaded.vectors, query, 49)
        .map((h) => h.index)
        .sort((a, b) => a - b),
    ).toEqual(Array.from({ length: 49 }, (_, i) => i));
  });

  it("refuses a corpus of bad files only and leaves the artefacts untouched", async () => {
    const before = snapshot(artefactDir);
    const good = ["headingless.txt", LISHAN, EXCERPT];
    const saved = good.map((f) => [f, readFileSync(join(corpusDir, f))] as const);
    for (const f of good) unlinkSync(join(corpusDir, f));
    await expect(buildArtefacts({ corpusDir, artefactDir, embedder })).rejects.toThrow(
      `no usable document in ${corpusDir}`,
    );
    expect(snapshot(artefactDir)).toEqual(before);
    // With the documents back, the untouched artefacts are current again.
    for (const [f, bytes] of saved) writeFileSync(join(corpusDir, f), bytes);
    expect(loadArtefacts(requirements()).manifest.counts.documents).toBe(3);
  });

  it("reports artefacts built from another corpus as stale (reason 'corpus')", () => {
    const original = readFileSync(join(corpusDir, LISHAN));
    appendFileSync(join(corpusDir, LISHAN), "\n2024年上半年，立山区地区生产总值完成63.65亿元。\n");
    try {
      let error: unknown;
      try {
        loadArtefacts(requirements());
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ArtefactError);
      expect((error as ArtefactError).reason).toBe("corpus");
      expect((error as ArtefactError).message).toContain("the corpus has changed since they were built");
    } finally {
      writeFileSync(join(corpusDir, LISHAN), original);
    }
    expect(() => loadArtefacts(requirements())).not.toThrow();
  });

  // Was a bug: the artefacts were replaced one by one before the corpus hash was computed, so a
  // dangling symlink (the `.#file` lock Emacs leaves) failed the build after the data files had
  // been replaced. Now the hash and scan come first, hidden entries are ignored quietly, and
  // files go into a new generation folder that only the manifest, written last, makes current.
  it("ignores an editor's dangling lock symlink quietly", async () => {
    symlinkSync("root@host.4242:1700000000", join(corpusDir, ".#metadata-overrides.json"));
    try {
      const report = await buildArtefacts({ corpusDir, artefactDir, embedder });
      expect(report.problems).toEqual(BAD_FILE_PROBLEMS);
      expect(report.processed).toBe(0);
    } finally {
      unlinkSync(join(corpusDir, ".#metadata-overrides.json"));
    }
  });

  it("leaves the previous artefacts usable when the build fails after embedding", async () => {
    const before = snapshot(artefactDir);
    const lines = corpusText(BULLETIN).split("\n");
    writeFileSync(
      join(corpusDir, "new-bulletin.txt"),
      [lines[0], lines[1], lines[2], "", ...lines.slice(3, 40)].join("\n"),
    );
    // The real model, failing part way as a full disk or a killed worker would.
    const failing: Embedder = {
      modelId: embedder.modelId,
      dimension: embedder.dimension,
      embedQuery: (t) => embedder.embedQuery(t),
      embedPassages: async () => {
        throw new Error("interrupted");
      },
    };
    try {
      await expect(buildArtefacts({ corpusDir, artefactDir, embedder: failing })).rejects.toThrow(
        "interrupted",
      );
      expect(snapshot(artefactDir)).toEqual(before);
    } finally {
      unlinkSync(join(corpusDir, "new-bulletin.txt"));
    }
    expect(loadArtefacts(requirements()).manifest.counts.documents).toBe(3);
  });

  it("drops a removed document from every index and the cache, re-processing nothing", async () => {
    const saved = readFileSync(join(corpusDir, "headingless.txt"));
    unlinkSync(join(corpusDir, "headingless.txt"));
    try {
      const report = await buildArtefacts({ corpusDir, artefactDir, embedder });
      expect(report.processed).toBe(0);
      const loaded = loadArtefacts(requirements());
      expect(loaded.corpus.documents.map((d) => d.meta.file)).toEqual([LISHAN, EXCERPT]);
      expect(loaded.corpus.chunks.filter((c) => c.docId === "headingless")).toEqual([]);
      expect(loaded.rows.filter((r) => r.source.docId === "headingless")).toEqual([]);
      expect(loaded.bm25.docLengths).toHaveLength(48);
      // Its vector is marked deleted, not searched: 49 slots, 48 hits, none of them its chunk.
      expect(report.vectorIndex).toBe("updated");
      expect(loaded.vectors.hnsw.getCurrentCount()).toBe(49);
      const query = await embedder.embedQuery(saved.toString("utf8"));
      const hits = searchVectors(loaded.vectors, query, 49);
      expect(hits).toHaveLength(48);
      expect(hits.every((h) => h.index < 48 && loaded.corpus.chunks[h.index]!.docId !== "headingless")).toBe(
        true,
      );
      // The previous build's generation stays (for a rollback and readers still loading it),
      // older ones go: never more than two.
      expect(generations(artefactDir)).toHaveLength(2);
      expect(storedDocuments(artefactDir).map(([file]) => file)).toEqual([LISHAN, EXCERPT]);
    } finally {
      writeFileSync(join(corpusDir, "headingless.txt"), saved);
    }
  });

  it("re-processes only the document that changed", async () => {
    // headingless.txt is back: its segment was kept, so nothing is read or embedded.
    // headingless.txt is back: it is read again, but its vector comes from the embedding cache
    // and takes over its previous label.
    const back = await buildArtefacts({ corpusDir, artefactDir, embedder });
    expect([back.processed, back.embeddings.embedded]).toEqual([1, 0]);
    expect(generations(artefactDir)).toHaveLength(2);
    const original = readFileSync(join(corpusDir, EXCERPT));
    appendFileSync(join(corpusDir, EXCERPT), "\n全年新增就业岗位1200个。\n");
    try {
      const report = await buildArtefacts({ corpusDir, artefactDir, embedder });
      expect(report.documents.filter((d) => !d.cached).map((d) => d.file)).toEqual([EXCERPT]);
      expect(report.processed).toBe(1);
      expect(
        loadArtefacts(requirements()).corpus.documents.find((d) => d.meta.file === EXCERPT)!.text,
      ).toContain("全年新增就业岗位1200个");
    } finally {
      writeFileSync(join(corpusDir, EXCERPT), original);
    }
  });

  it("re-creates the vector index when too many vectors are deleted, keeping every chunk's label", async () => {
    await buildArtefacts({ corpusDir, artefactDir, embedder }); // the excerpt is back as it was
    const before = loadArtefacts(requirements());
    const labelsBefore = storedDocuments(artefactDir).filter(([file]) => file !== "headingless.txt");
    const saved = readFileSync(join(corpusDir, "headingless.txt"));
    unlinkSync(join(corpusDir, "headingless.txt"));
    try {
      const report = await buildArtefacts({ corpusDir, artefactDir, embedder, compactShare: 0 });
      expect([report.vectorIndex, report.processed]).toEqual(["created", 0]);
      const after = loadArtefacts(requirements());
      expect(after.vectors.hnsw.getCurrentCount()).toBe(48);
      expect(storedDocuments(artefactDir)).toEqual(labelsBefore);
      // The same nearest chunks as before.
      for (const chunk of [after.corpus.chunks[5]!, after.corpus.chunks[44]!]) {
        const query = await embedder.embedQuery(chunk.text);
        const top = (a: typeof after) =>
          searchVectors(a.vectors, query, 4)
            .map((h) => a.corpus.chunks[h.index]!)
            .filter((c) => c.docId !== "headingless")
            .slice(0, 3)
            .map((c) => c.id);
        expect(top(after)).toEqual(top(before));
      }
    } finally {
      writeFileSync(join(corpusDir, "headingless.txt"), saved);
    }
  });
});

describe("passageText", () => {
  it("puts the title and heading path before the chunk text", () => {
    const chunk = {
      id: "x~1",
      docId: "x",
      sectionId: "x#1",
      path: ["（一）锚定重点领域改革，不断集聚新优势", "1.营商环境持续优化，政务服务质效并进"],
      text: "“全程网办”事项占比94.21%",
      start: 0,
      end: 16,
    };
    expect(passageText(chunk, "关于立山区2024年上半年…的报告")).toBe(
      "关于立山区2024年上半年…的报告 （一）锚定重点领域改革，不断集聚新优势 1.营商环境持续优化，政务服务质效并进\n“全程网办”事项占比94.21%",
    );
    expect(passageText({ ...chunk, path: [] }, "铁东区2023年政府工作报告（节选）")).toBe(
      "铁东区2023年政府工作报告（节选）\n“全程网办”事项占比94.21%",
    );
  });
});
