/**
 * Evidence is gathered once: one embedding of the question (through the real model) and one
 * hybrid search per question, shared by every handler and every part of a multi-part question.
 * Questions that need no search embed nothing: task-table questions (by number, quote or unit),
 * rankings, briefings, small talk, unreadable input and places or periods not held.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { serviceFromArtefacts, type AnswerService } from "../../src/answer/answer-service.js";
import { loadConfig } from "../../src/config.js";
import { loadEmbedder, type Embedder } from "../../src/embed/embedder.js";
import { loadArtefacts } from "../../src/index/load-artefacts.js";
import { NEW_CONVERSATION } from "../../src/understand/conversation.js";
import { realService } from "./service.js";

let service: AnswerService;
let embedded = 0;

beforeAll(async () => {
  await realService(); // builds the artefacts if they are stale
  const config = loadConfig({});
  const model = await loadEmbedder({
    modelDir: config.modelDir,
    modelId: config.modelId,
    allowRemote: false,
  });
  // The real model, counted: every query embedding goes through it.
  const counting: Embedder = {
    modelId: model.modelId,
    dimension: model.dimension,
    ...(model.checksum ? { checksum: model.checksum } : {}),
    embedPassages: (texts) => model.embedPassages(texts),
    embedQuery: (text) => {
      embedded++;
      return model.embedQuery(text);
    },
  };
  const artefacts = loadArtefacts({
    artefactDir: config.artefactDir,
    corpusDir: config.corpusDirs,
    modelId: model.modelId,
    dimension: model.dimension,
  });
  service = serviceFromArtefacts(artefacts, counting);
}, 600_000);

/** Embeddings made while answering one question. */
async function embeddingsOf(question: string): Promise<number> {
  const before = embedded;
  await service.ask(question);
  return embedded - before;
}

describe("one embedding per question", () => {
  it.each([
    "铁东区2023年固投完成多少",
    "铁东区2023年建设口袋公园多少处",
    "立山区上半年招商引资情况",
    "铁东区2023年税收占一般公共预算收入的比重",
    "铁东区2022年GDP是多少？增长了多少？",
    "铁东区结婚登记2022年和2023年哪年多",
    "铁东区2023年新增市场主体目标完成了没有",
  ])("%s embeds the question once", async (question) => {
    expect(await embeddingsOf(question)).toBe(1);
  });

  it.each([
    "第88项任务是什么",
    "市商务局牵头哪些任务",
    "“新建城市书房10个”是第几项任务",
    "铁东区2023年哪个指标增长最快",
    "铁东区2022年经济怎么样",
    "你好",
    "人",
    "千山区2023年社零",
    "立山区2021年地区生产总值",
  ])("%s needs no search and embeds nothing", async (question) => {
    expect(await embeddingsOf(question)).toBe(0);
  });

  it("a follow-up embeds once, small talk in a conversation not at all", async () => {
    const t1 = await service.askInConversation("铁东区2023年离婚登记了多少对", NEW_CONVERSATION);
    const before = embedded;
    await service.askInConversation("2022年的呢", t1.state);
    expect(embedded - before).toBe(1);
    await service.askInConversation("谢谢", t1.state);
    expect(embedded - before).toBe(1);
  });
});
