import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLiveAnswerService, type LiveAnswerService } from "../../src/answer/live-answer-service.js";
import { syntheticBulletin } from "../../src/cli/synthetic-bulletin.js";
import { loadConfig } from "../../src/config.js";
import { loadEmbedder, type Embedder } from "../../src/embed/embedder.js";
import { addDocuments } from "../../src/index/add-documents.js";
import { buildArtefacts } from "../../src/index/build-artefacts.js";

const CORPUS = resolve(import.meta.dirname, "../../corpus");
const MODEL_DIR = resolve(import.meta.dirname, "../../embeddings/models");
const EXCERPT = "tiedong-2023-government-work-report-excerpt.txt";
const root = mkdtempSync(join(tmpdir(), "live-service-"));
const corpusDir = join(root, "corpus");
const artefactDir = join(root, "artefacts");
const BULLETIN = syntheticBulletin("鞍山市", "铁西区", 2012);
const GDP = /地区生产总值\D{0,4}?(\d+(?:\.\d+)?亿元)/u.exec(BULLETIN)![1]!;
const QUESTION = "铁西区2012年地区生产总值是多少";

describe("the live answer service", () => {
  let embedder: Embedder;
  let service: LiveAnswerService;

  beforeAll(async () => {
    mkdirSync(corpusDir);
    for (const f of [EXCERPT, "metadata-overrides.json"]) copyFileSync(join(CORPUS, f), join(corpusDir, f));
    embedder = await loadEmbedder({
      modelDir: MODEL_DIR,
      modelId: "BAAI/bge-small-zh-v1.5",
      allowRemote: false,
    });
    await buildArtefacts({ corpusDir, artefactDir, embedder });
    const config = loadConfig({
      CORPUS_DIR: corpusDir,
      ARTEFACT_DIR: artefactDir,
      EMBEDDING_MODEL_DIR: MODEL_DIR,
    });
    service = await createLiveAnswerService(config, { pollMs: 100 });
  }, 600_000);

  afterAll(() => {
    service?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it("picks up a build made by someone else (npm run add) without a restart, between two questions", async () => {
    const before = await service.ask(QUESTION);
    expect(before.text).not.toContain(GDP);
    const builtAt = service.builtAt();
    // Another build writes a new manifest; the service is not told, it watches.
    await addDocuments(
      [{ name: "tiexi-2012.txt", bytes: Buffer.from(BULLETIN) }],
      {},
      {
        corpusDirs: [corpusDir],
        artefactDir,
        embedder,
      },
    );
    const deadline = Date.now() + 20_000;
    while (service.builtAt() === builtAt && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    expect(service.builtAt()).not.toBe(builtAt);
    const after = await service.ask(QUESTION);
    expect(after.status).toBe("answered");
    expect(after.text).toContain(GDP);
    expect(after.citations[0]!.doc).toBe("tiexi-2012.txt");
    expect(service.sources().map((s) => s.file)).toEqual([EXCERPT, "tiexi-2012.txt"]);
  }, 600_000);

  it("keeps answering from the build in service when the new one cannot be loaded", async () => {
    const builtAt = service.builtAt();
    // The corpus changed but nothing was built: the manifest's corpus hash no longer matches.
    copyFileSync(join(CORPUS, "lishan-2024h1-plan-execution-report.txt"), join(corpusDir, "lishan.txt"));
    expect(await service.reload()).toBe(false);
    expect(service.builtAt()).toBe(builtAt);
    expect((await service.ask(QUESTION)).text).toContain(GDP);
  });
});
