import { describe, expect, it } from "vitest";
import { scoreRowsByTopic } from "../../src/retrieve/match-rows.js";
import { buildRowTermIndex, rowTermIndexOf, rowsWithTerms } from "../../src/retrieve/row-term-index.js";
import type { IndicatorRow } from "../../src/types.js";

const row = (id: number, clause: string, docId = "d"): IndicatorRow => ({
  id: `r${id}`,
  region: "铁东区",
  period: "2023年",
  indicator: null,
  phrase: clause.replace(/\d.*$/u, ""),
  value: { text: "654对", numeral: "654", number: 654, unit: "对", canonicalUnit: "对" },
  growth: null,
  basis: null,
  nature: "result",
  qualifier: null,
  clause,
  source: { docId, sectionId: `${docId}#1`, start: 0, end: clause.length },
});

const ALL = new Set(["d", "e"]);

describe("rowsWithTerms", () => {
  const rows = [
    row(0, "结婚登记1697对"),
    row(1, "离婚登记654对"),
    row(2, "补领离婚登记证262件", "e"),
    row(3, "人行道1.5万平"),
    row(4, "洒水车4辆"),
  ];
  const index = buildRowTermIndex(rows);

  it("finds exactly the rows whose clause contains a term, in table order", () => {
    expect(rowsWithTerms(index, ["离婚"], ALL).map((r) => r.id)).toEqual(["r1", "r2"]);
    expect(rowsWithTerms(index, ["登记", "洒水"], ALL).map((r) => r.id)).toEqual(["r0", "r1", "r2", "r4"]);
    expect(rowsWithTerms(index, ["车"], ALL).map((r) => r.id)).toEqual(["r4"]);
    // Both bigrams 婚登 and 登记 occur, but not together as 婚登记 in row 0.
    expect(rowsWithTerms(index, ["婚登记"], ALL).map((r) => r.id)).toEqual(["r0", "r1", "r2"]);
    expect(rowsWithTerms(index, ["婚姻"], ALL)).toEqual([]);
    expect(rowsWithTerms(index, [""], ALL)).toEqual([]);
  });

  it("keeps only rows of the documents in scope", () => {
    expect(rowsWithTerms(index, ["离婚"], new Set(["d"])).map((r) => r.id)).toEqual(["r1"]);
  });

  it("scores the same as a scan over every row", () => {
    const idf = () => 1;
    const ctx = () => ({ statement: "", heading: "", retrieval: 0 });
    for (const terms of [["离婚", "登记"], ["登记证"], ["水", "人"], ["654"]]) {
      expect(scoreRowsByTopic(rowsWithTerms(index, terms, ALL), terms, idf, null, ctx)).toEqual(
        scoreRowsByTopic(rows, terms, idf, null, ctx),
      );
    }
  });

  it("is built once per loaded row table", () => {
    expect(rowTermIndexOf(rows)).toBe(rowTermIndexOf(rows));
  });
});

describe("question cost grows with the corpus (issue 12, item 5)", () => {
  /** 36k generated rows of distinct indicator phrases, as one 5 MB document yields. */
  function corpus(size: number): IndicatorRow[] {
    const han = (n: number) =>
      Array.from({ length: 4 }, (_, k) => String.fromCodePoint(0x4e00 + ((n * 7 + k * 331) % 6000))).join("");
    return Array.from({ length: size }, (_, i) => row(i, `${han(i)}完成${i}万元`));
  }
  const time = (rows: IndicatorRow[], terms: string[]) => {
    const index = rowTermIndexOf(rows);
    const ctx = () => ({ statement: "", heading: "", retrieval: 0 });
    const start = performance.now();
    for (let k = 0; k < 50; k++) {
      scoreRowsByTopic(rowsWithTerms(index, terms, ALL), terms, () => 1, "元", ctx);
    }
    return (performance.now() - start) / 50;
  };

  it("answers a topic in time independent of the rows it cannot match", () => {
    const small = corpus(360);
    const large = corpus(36_000);
    const terms = [small[7]!.phrase, "社零"];
    expect(large[7]!.phrase).toBe(small[7]!.phrase);
    time(small, terms);
    time(large, terms);
    const smallMs = time(small, terms);
    const largeMs = time(large, terms);
    // A scan of 36k rows takes milliseconds; the index, a few microseconds per candidate.
    expect(largeMs).toBeLessThan(Math.max(0.5, smallMs * 5));
  });
});
