import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  BM25_DEFAULT_B,
  BM25_DEFAULT_K1,
  buildBm25,
  searchBm25,
  type Bm25Index,
} from "../../src/index/bm25.js";
import { createTokenizer, type Tokenizer } from "../../src/index/tokenize.js";

const CORPUS = resolve(import.meta.dirname, "../../corpus");

/** Sentences of a corpus file (split at 。；! ? and line ends), tagged with the file. */
function sentences(file: string): Array<{ file: string; text: string }> {
  return readFileSync(resolve(CORPUS, file), "utf8")
    .split(/(?<=[。；！？])|\n/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map((text) => ({ file, text }));
}

const BULLETIN = "tiedong-2023-statistical-bulletin.txt";
const TASKS = "anshan-2023-government-work-report-task-breakdown.txt";

describe("BM25 over corpus sentences", () => {
  let tokenizer: Tokenizer;
  let lines: Array<{ file: string; text: string }>;
  let index: Bm25Index;
  const find = (fragment: string) => {
    const position = lines.findIndex((l) => l.text.includes(fragment));
    expect(position).toBeGreaterThanOrEqual(0);
    return position;
  };
  const search = (query: string, k: number, filter?: (i: number) => boolean) =>
    searchBm25(index, tokenizer.tokens(query), k, filter);

  beforeAll(() => {
    tokenizer = createTokenizer(["社会消费品零售总额", "规上工业增加值", "一般公共预算收入", "固定资产投资"]);
    lines = [...sentences(BULLETIN), ...sentences(TASKS)];
    index = buildBm25(lines.map((l) => tokenizer.tokens(l.text)));
  });

  it("uses the documented defaults", () => {
    expect(index.k1).toBe(BM25_DEFAULT_K1);
    expect(index.b).toBe(BM25_DEFAULT_B);
    expect(BM25_DEFAULT_K1).toBe(1.2);
    expect(BM25_DEFAULT_B).toBe(0.75);
    expect(index.docLengths).toHaveLength(lines.length);
  });

  it("ranks the sentence with the published figure first", () => {
    const hits = search("铁东区社会消费品零售总额完成多少亿元", 5);
    expect(hits[0]!.index).toBe(find("社会消费品零售总额完成140.1亿元"));
    for (let i = 1; i < hits.length; i++) expect(hits[i]!.score).toBeLessThanOrEqual(hits[i - 1]!.score);
  });

  it("ranks the target sentence first for a target question", () => {
    const hits = search("社会消费品零售总额增长9%左右", 3);
    expect(hits[0]!.index).toBe(find("4.社会消费品零售总额增长9%左右"));
    expect(lines[hits[0]!.index]!.file).toBe(TASKS);
  });

  it("applies the filter before taking the top k", () => {
    const onlyBulletin = (i: number) => lines[i]!.file === BULLETIN;
    const all = search("社会消费品零售总额增长9%左右", 50);
    const filtered = search("社会消费品零售总额增长9%左右", 3, onlyBulletin);
    expect(filtered).toHaveLength(3);
    expect(filtered.every((h) => onlyBulletin(h.index))).toBe(true);
    expect(filtered).toEqual(all.filter((h) => onlyBulletin(h.index)).slice(0, 3));
    expect(filtered[0]!.index).toBe(find("社会消费品零售总额完成140.1亿元"));
  });

  it("limited to ranges of documents, finds what a filter keeping those documents finds", () => {
    const query = tokenizer.tokens("社会消费品零售总额增长9%左右");
    const n = lines.length;
    const cases: Array<Array<readonly [number, number]>> = [
      [[0, n]],
      [[0, 40]],
      [
        [3, 4],
        [10, 90],
        [n - 20, n],
      ],
      [[n, n]],
    ];
    for (const within of cases) {
      const inside = (i: number) => within.some(([from, to]) => from <= i && i < to);
      expect(searchBm25(index, query, 30, undefined, within)).toEqual(searchBm25(index, query, 30, inside));
    }
    expect(searchBm25(index, query, 30, undefined, [[10, 90]]).length).toBeGreaterThan(0);
  });

  it("returns nothing for unknown terms or k = 0", () => {
    expect(search("量子计算机", 5)).toEqual([]);
    expect(search("社会消费品零售总额", 0)).toEqual([]);
  });
});

describe("BM25 scoring", () => {
  const docs = [
    ["税收", "收入"],
    ["税收", "收入", "完成", "亿元", "同比", "增长"],
    ["税收"],
    ["收入"],
    ["亿元"],
  ];
  const index = buildBm25(docs);

  /** Okapi BM25 written out independently for one document (k1 1.2, b 0.75). */
  function expected(doc: number, query: string[]): number {
    const avgdl = docs.reduce((s, d) => s + d.length, 0) / docs.length;
    let score = 0;
    for (const term of new Set(query)) {
      const df = docs.filter((d) => d.includes(term)).length;
      const tf = docs[doc]!.filter((t) => t === term).length;
      if (tf === 0) continue;
      const idf = Math.log(1 + (docs.length - df + 0.5) / (df + 0.5));
      score += (idf * tf * 2.2) / (tf + 1.2 * (0.25 + (0.75 * docs[doc]!.length) / avgdl));
    }
    return score;
  }

  it("computes Okapi BM25 scores and ranks short documents first", () => {
    const query = ["税收", "收入", "收入"];
    const hits = searchBm25(index, query, 10);
    expect(hits.map((h) => h.index)).toEqual([0, 2, 3, 1]);
    for (const hit of hits) expect(hit.score).toBeCloseTo(expected(hit.index, query), 12);
    expect(index.avgDocLength).toBeCloseTo(2.2, 12);
  });

  it("prefers the rarer term", () => {
    // Documents 4 (亿元, df 2) and 2 (税收, df 3) have the same length and one matching token each.
    const hits = searchBm25(index, ["亿元", "税收"], 10);
    const score = (doc: number) => hits.find((h) => h.index === doc)!.score;
    expect(hits[0]!.index).toBe(4);
    expect(score(4)).toBeGreaterThan(score(2));
    for (const hit of hits) expect(hit.score).toBeCloseTo(expected(hit.index, ["亿元", "税收"]), 12);
  });

  it("rejects bad parameters", () => {
    expect(() => buildBm25([["a"]], { b: 2 })).toThrow(RangeError);
  });
});
