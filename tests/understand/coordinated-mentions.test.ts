/**
 * Coordinated indicator names sharing their head, as an example corpus: each question must
 * name exactly the canonical indicators listed (real catalogue, real question parser).
 */
import { describe, expect, it } from "vitest";
import { loadVocabulary } from "../../src/indicators/aliases.js";
import { parseQuestion } from "../../src/retrieve/parse-question.js";

const vocabulary = loadVocabulary();
const named = (q: string) => parseQuestion(q, vocabulary).indicators.map((m) => m.indicators[0]);

const EXAMPLES: Array<[string, string[]]> = [
  ["2019年全国城镇居民和农村居民人均可支配收入差多少", ["城镇居民人均可支配收入", "农村居民人均可支配收入"]],
  [
    "黔东南州2016年城镇和农村居民人均可支配收入相差多少",
    ["城镇居民人均可支配收入", "农村居民人均可支配收入"],
  ],
  ["成都2022年城镇与农村居民人均可支配收入", ["城镇居民人均可支配收入", "农村居民人均可支配收入"]],
  // Nothing to complete: a single name, or two names written out in full.
  ["成都市2022年城镇居民人均可支配收入", ["城镇居民人均可支配收入"]],
  ["铁东区2023年地区生产总值和社会消费品零售总额", ["地区生产总值", "社会消费品零售总额"]],
];

describe("coordinated indicator names", () => {
  for (const [q, expected] of EXAMPLES) {
    it(`${q} → ${expected.join("、")}`, () => {
      expect(named(q)).toEqual(expected);
    });
  }
});
