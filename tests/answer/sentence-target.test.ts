/**
 * A growth target stated right after the result in the same sentence is read as that
 * sentence's target; a target further on, or of a sentence with no result growth, is not.
 * Sentences written the way reports review a year; the reader is the one lookup the rule needs.
 */
import { describe, expect, it } from "vitest";
import { targetInSentence } from "../../src/answer/sentence-target.js";
import type { CorpusReader } from "../../src/retrieve/corpus-reader.js";
import type { IndicatorRow } from "../../src/types.js";

function resultIn(sentence: string, percent: number): { row: IndicatorRow; reader: CorpusReader } {
  const reader = { text: () => sentence } as unknown as CorpusReader;
  const row: IndicatorRow = {
    id: "r",
    region: "某省",
    period: "2010年",
    indicator: "地区生产总值",
    phrase: "生产总值",
    value: null,
    growth: { text: `增长${percent}%`, percent, figure: `${percent}%` },
    basis: null,
    nature: "result",
    qualifier: null,
    clause: sentence,
    source: { docId: "d", sectionId: "s", start: 0, end: sentence.length },
  };
  return { row, reader };
}

describe("a target stated beside its result", () => {
  it.each([
    ["全省生产总值比上年增长9.6%，超过9%的预期目标", 9.6, "9%", null],
    ["全市生产总值增长8.3%，略低于年初确定的8.5%左右的目标", 8.3, "8.5%", "左右"],
    ["地区生产总值增长7.2%，完成预期目标（增长7%以上）", 7.2, "7%", "以上"],
  ])("%s", (sentence, percent, figure, qualifier) => {
    const { row, reader } = resultIn(sentence, percent);
    const target = targetInSentence(row, reader);
    expect(target?.growth?.figure).toBe(figure);
    expect(target?.qualifier).toBe(qualifier);
    expect(target?.nature).toBe("target");
  });

  it.each([
    ["全省生产总值比上年增长9.6%，高于全国平均水平，财政收入实现了年初提出的增长12%的目标", 9.6],
    ["全省生产总值比上年增长9.6%，居全国前列", 9.6],
  ])("none: %s", (sentence, percent) => {
    const { row, reader } = resultIn(sentence, percent);
    expect(targetInSentence(row, reader)).toBeNull();
  });
});
