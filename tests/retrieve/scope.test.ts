import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/config.js";
import { loadVocabulary } from "../../src/indicators/aliases.js";
import { readCorpus } from "../../src/ingest/read-corpus.js";
import { parseQuestion } from "../../src/retrieve/parse-question.js";
import { describeCoverage, resolveScope } from "../../src/retrieve/scope.js";

const corpusDir = join(PROJECT_ROOT, "corpus");
const vocabulary = loadVocabulary();
const metas = (await readCorpus(corpusDir)).documents.map((d) => d.meta);
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
      message: "已收录的文件中没有立山区2022年的数据；有2024年上半年。",
    });
  });

  it("refuses a region of the city the corpus does not cover, and a place elsewhere", () => {
    expect(scope("千山区2023年GDP")).toMatchObject({ ok: false, reason: "region" });
    expect(scope("沈阳市2023年GDP")).toMatchObject({ ok: false, reason: "region" });
    expect(scope("鞍山高新区2023年GDP")).toMatchObject({ ok: false, reason: "place" });
  });

  it("names the place as written and the nearest regions held, same parent first", () => {
    const s = scope("千山区2023年GDP");
    expect(s.ok).toBe(false);
    expect(!s.ok && s.message).toMatch(
      /^已收录的文件中没有千山区的数据。最接近的有：立山区（[^）]*）、铁东区（[^）]*）；另有：鞍山市/u,
    );
  });

  it("regression: 四平市铁东区 is not 鞍山市铁东区, 北京市朝阳区 not 朝阳市", () => {
    expect(scope("四平市铁东区2023年GDP")).toMatchObject({ ok: false, reason: "region" });
    expect(
      !scope("四平市铁东区2023年GDP").ok && (scope("四平市铁东区2023年GDP") as { message: string }).message,
    ).toContain("四平市铁东区");
    expect(scope("鞍山市铁东区2023年GDP").ok).toBe(true);
  });

  it("never gives a part of the year as the whole year", () => {
    expect(scope("立山区2024年GDP")).toMatchObject({ ok: false, reason: "period" });
    expect(scope("立山区2024年上半年GDP").ok).toBe(true);
  });

  it("lets lead questions search the task list whatever place they name", () => {
    const s = scope("举办西柳市场进出口商品交易会由哪个单位牵头");
    expect(s.ok && s.docs).toHaveLength(5);
  });
});
