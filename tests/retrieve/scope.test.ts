import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/config.js";
import { loadVocabulary } from "../../src/indicators/aliases.js";
import { loadCorpus } from "../../src/ingest/load-corpus.js";
import { parseQuestion } from "../../src/retrieve/parse-question.js";
import { describeCoverage, resolveScope } from "../../src/retrieve/scope.js";

const corpusDir = join(PROJECT_ROOT, "corpus");
const vocabulary = loadVocabulary();
const metas = loadCorpus(corpusDir).documents.map((d) => d.meta);
const scope = (q: string) => resolveScope(parseQuestion(q, vocabulary), metas);

describe("resolveScope", () => {
  it("describes the corpus coverage", () => {
    expect(describeCoverage(metas)).toBe(
      "鞍山市（2023年）、立山区（2024年上半年）、铁东区（2022年、2023年）",
    );
  });

  it("keeps the documents of the named region and year", () => {
    const s = scope("铁东区2023年社零总额");
    expect(s.ok && s.docs.map((d) => d.id)).toEqual([
      "tiedong-2023-government-work-report-excerpt",
      "tiedong-2023-statistical-bulletin",
    ]);
  });

  it("matches 上半年 without a year to the half-year report", () => {
    const s = scope("立山区上半年组织了多少场招聘会");
    expect(s.ok && s.docs.map((d) => d.period)).toEqual(["2024年上半年"]);
  });

  it("refuses a missing period with what the region has", () => {
    expect(scope("立山区2022年GDP")).toEqual({
      ok: false,
      reason: "period",
      message: "语料中没有立山区2022年的数据；有2024年上半年。",
    });
  });

  it("refuses a region of the city the corpus does not cover, and a place elsewhere", () => {
    expect(scope("千山区2023年GDP")).toMatchObject({ ok: false, reason: "region" });
    expect(scope("沈阳市2023年GDP")).toMatchObject({ ok: false, reason: "place" });
  });

  it("lets lead questions search the task list whatever place they name", () => {
    const s = scope("举办西柳市场进出口商品交易会由哪个单位牵头");
    expect(s.ok && s.docs).toHaveLength(5);
  });
});
