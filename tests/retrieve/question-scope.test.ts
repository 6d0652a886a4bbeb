/** Which documents a question may use, by the places and period it names (real seed metadata). */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/config.js";
import { readCorpus } from "../../src/ingest/read-corpus.js";
import { coverage, periodLabelMatches, scopeOf } from "../../src/retrieve/question-scope.js";
import { read } from "../understand/lexicon.js";

const metas = (await readCorpus(join(PROJECT_ROOT, "corpus"))).documents.map((d) => d.meta);
const scope = (q: string) => {
  const question = read(q);
  return scopeOf(question.scope.places, question.scope.period, metas);
};

describe("scopeOf", () => {
  it("keeps the documents of the named region and year", () => {
    const s = scope("铁东区2023年固投");
    expect(s.ok && s.docs.map((d) => d.id)).toEqual([
      "tiedong-2023-government-work-report-excerpt",
      "tiedong-2023-statistical-bulletin",
    ]);
  });

  it("matches a part of the year without a year, and under its other names", () => {
    const half = scope("立山区上半年规上工业总产值");
    expect(half.ok && half.docs.map((d) => d.period)).toEqual(["2024年上半年"]);
    const months = scope("立山区2024年1至6月规上工业总产值");
    expect(months.ok && months.docs.map((d) => d.period)).toEqual(["2024年上半年"]);
  });

  it("refuses a period the region lacks, with the documents it holds", () => {
    expect(scope("立山区2021年财政收入")).toMatchObject({ ok: false, reason: "period", places: ["立山区"] });
  });

  it("refuses a place not held, the other 铁东区 and a zone", () => {
    expect(scope("千山区2023年社零")).toMatchObject({ ok: false, reason: "place" });
    expect(scope("四平市铁东区2022年社零")).toMatchObject({ ok: false, reason: "place" });
    expect(scope("鞍山高新区2023年社零")).toMatchObject({ ok: false, reason: "place" });
    expect(scope("鞍山市铁东区2022年社零").ok).toBe(true);
  });

  it("never gives a part of the year as the whole year", () => {
    expect(scope("立山区2024年社零")).toMatchObject({ ok: false, reason: "period" });
    expect(scope("立山区2024年全年社零")).toMatchObject({ ok: false, reason: "period" });
  });

  it("asks which year 去年 is when several are held", () => {
    expect(scope("铁东区去年税收")).toMatchObject({
      ok: false,
      reason: "relative",
      periods: ["2022年", "2023年"],
    });
    expect(scope("立山区今年上半年税收").ok).toBe(true);
  });

  it("describes the coverage per region", () => {
    expect(coverage(metas).get("铁东区")).toContain("2023年");
  });

  it("matches period labels", () => {
    expect(periodLabelMatches("2024年上半年", { years: [2024], part: null })).toBe(false);
    expect(periodLabelMatches("2024年上半年", { years: [2024], part: "1-6月" })).toBe(true);
    expect(periodLabelMatches("2023年", { years: [], part: null })).toBe(true);
  });
});
