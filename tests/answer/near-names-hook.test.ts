/**
 * The seam for near names (src/understand/near-names.ts, the bot engineer's): a question that
 * nearly writes a held name gets `clarify` with the question rewritten with each held name,
 * never a silent substitution. The finder here is a plain function of the hook's contract; the
 * pipeline around it is the real one.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { serviceFromArtefacts, type AnswerService, type HeldNames } from "../../src/answer/answer-service.js";
import type { NearName } from "../../src/answer/types.js";
import { loadConfig } from "../../src/config.js";
import { loadEmbedder } from "../../src/embed/embedder.js";
import { loadArtefacts } from "../../src/index/load-artefacts.js";
import { realService } from "./service.js";

let service: AnswerService;
let held: HeldNames | null = null;

/** Finds `社令` as a homophone of the held 社零 (what the real finder does by pinyin). */
const finder = (names: HeldNames) => {
  held = names;
  return (text: string): NearName[] => {
    const at = text.indexOf("社令");
    return at >= 0 && names.indicators.includes("社零")
      ? [{ written: "社令", start: at, name: "社零", kind: "indicator", reason: "homophone" }]
      : [];
  };
};

beforeAll(async () => {
  await realService();
  const config = loadConfig({});
  const embedder = await loadEmbedder({
    modelDir: config.modelDir,
    modelId: config.modelId,
    allowRemote: false,
  });
  const artefacts = loadArtefacts({
    artefactDir: config.artefactDir,
    corpusDir: config.corpusDirs,
    modelId: embedder.modelId,
    dimension: embedder.dimension,
  });
  service = serviceFromArtefacts(artefacts, embedder, { nearNames: finder });
}, 600_000);

describe("near names", () => {
  it("are built over the held indicators (with their aliases) and regions", () => {
    expect(held?.indicators).toEqual(expect.arrayContaining(["社会消费品零售总额", "社零", "地区生产总值"]));
    expect(held?.places).toEqual(expect.arrayContaining(["铁东区", "立山区", "鞍山市"]));
  });

  it("ask which held name was meant instead of refusing or substituting", async () => {
    const a = await service.ask("铁东区2023年社令是多少");
    expect(a.status).toBe("clarify");
    expect(a.text).toBe("没有找到“社令”。您是不是要问：社零？");
    expect(a.options).toEqual(["铁东区2023年社零是多少"]);
  });

  it("leave questions naming held names alone", async () => {
    expect((await service.ask("铁东区2023年社零是多少")).status).toBe("answered");
  });
});
