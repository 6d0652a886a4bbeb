import { describe, expect, it } from "vitest";
import { DEFAULT_CHUNK_OPTIONS, chunkDocument, type ChunkOptions } from "../../src/sections/chunk.js";
import { parseSections } from "../../src/sections/parse-sections.js";
import { splitStatements } from "../../src/sections/sentences.js";
import type { Chunk, CorpusDocument } from "../../src/types.js";
import { IDS, realCorpus, realDoc } from "../ingest/fixtures.js";

const SMALL: ChunkOptions = { minChars: 60, maxChars: 120 };

/** Checks the chunk invariants of one document and returns its chunks. */
function checkedChunks(doc: CorpusDocument, options: ChunkOptions): Chunk[] {
  const sections = parseSections(doc);
  const chunks = chunkDocument(doc, sections, options);
  const sectionById = new Map(sections.map((s) => [s.id, s]));
  const covered = new Array<number>(doc.text.length).fill(0);
  chunks.forEach((c, i) => {
    expect(c.id).toBe(`${doc.meta.id}~${i}`);
    expect(c.docId).toBe(doc.meta.id);
    expect(c.text).toBe(doc.text.slice(c.start, c.end));
    // Longer than maxChars only when the chunk is one statement.
    if (c.text.length > options.maxChars) expect(splitStatements(doc.text, c.start, c.end)).toHaveLength(1);
    // Never inside a number: no digit on both sides of a boundary, no `12.` | `3`.
    expect(/\d/u.test(doc.text[c.end - 1] ?? "") && /[\d.]/u.test(doc.text[c.end] ?? "")).toBe(false);
    expect(/[\d.]/u.test(doc.text[c.start - 1] ?? "") && /\d/u.test(doc.text[c.start] ?? "")).toBe(false);
    const section = sectionById.get(c.sectionId)!;
    expect(c.path).toEqual(section.path);
    expect(c.start >= section.start && c.end <= section.end).toBe(true);
    for (let k = c.start; k < c.end; k++) covered[k]!++;
  });
  expect(new Set(chunks.map((c) => c.id)).size).toBe(chunks.length);
  // Every visible character lies in exactly one chunk.
  const badCover = doc.text.split("").filter((ch, k) => !/\s/u.test(ch) && covered[k] !== 1);
  expect(badCover).toEqual([]);
  return chunks;
}

describe("chunkDocument with the default sizes", () => {
  it("uses chunks of 300–500 characters", () => {
    expect(DEFAULT_CHUNK_OPTIONS).toEqual({ minChars: 300, maxChars: 500 });
  });

  it("keeps every invariant on every corpus document", () => {
    const counts = realCorpus().documents.map((doc) => {
      const chunks = checkedChunks(doc, DEFAULT_CHUNK_OPTIONS);
      expect(Math.max(...chunks.map((c) => c.text.length))).toBeLessThanOrEqual(500);
      return [doc.meta.id, chunks.length];
    });
    expect(Object.fromEntries(counts)).toEqual({
      [IDS.tasks]: 263,
      [IDS.lishan]: 40,
      [IDS.bulletin2022]: 72,
      [IDS.excerpt]: 8,
      [IDS.bulletin2023]: 66,
    });
  });

  it("gives the introduction and 一、综合 of the 2023 bulletin one chunk each", () => {
    const doc = realDoc(IDS.bulletin2023);
    const [intro, zonghe] = chunkDocument(doc, parseSections(doc));
    expect(intro).toEqual({
      id: "tiedong-2023-statistical-bulletin~0",
      docId: IDS.bulletin2023,
      sectionId: "tiedong-2023-statistical-bulletin#0",
      path: [],
      text: doc.text.slice(0, 144),
      start: 0,
      end: 144,
    });
    expect(intro!.text.endsWith("经济稳步增长，社会民生持续改善，民生福祉持续增进。")).toBe(true);
    expect([zonghe!.sectionId, zonghe!.path, zonghe!.start, zonghe!.end]).toEqual([
      "tiedong-2023-statistical-bulletin#1",
      ["一、综合"],
      145,
      490,
    ]);
    expect(zonghe!.text.startsWith("一、综合\n\n2023年，铁东区地区生产总值累计完成314.6亿元")).toBe(true);
    expect(zonghe!.text.endsWith("工伤保险人数35452人。")).toBe(true);
  });
});

describe("chunkDocument with small sizes", () => {
  it("splits a long paragraph at statement ends", () => {
    const doc = realDoc(IDS.bulletin2023);
    const zonghe = chunkDocument(doc, parseSections(doc), SMALL).filter((c) => c.path[0] === "一、综合");
    expect(zonghe.map((c) => c.text)).toEqual([
      "一、综合\n\n2023年，铁东区地区生产总值累计完成314.6亿元，按可比价格计算，同比增长7.3%。1-12月，规上工业增加值同比增长12.3%；",
      "固定资产投资完成39.73亿元，同比增长15.1%；商品房销售面积完成22.8万平，同比增长-26.4%；商品房销售额完成13.3亿元，同比增长-35.5%；",
      "社会消费品零售总额完成140.1亿元，同比增长9.1%；一般公共预算收入完成10.19亿元，同比增长31.3%；税收收入完成9.01亿元，同比增长40.1%；",
      "城镇居民人均可支配收入53771元，同比增长3.5%。劳动及社会保障完成情况。2023年度，全区实名制就业人数10416人；",
      "养老保险人数（含离退休职工）133918人，养老保险人数（在职）92016人；工伤保险人数35452人。",
    ]);
  });

  it("keeps every invariant, and lets a single over-long statement stand alone", () => {
    let oversized = 0;
    for (const doc of realCorpus().documents) {
      oversized += checkedChunks(doc, SMALL).filter((c) => c.text.length > SMALL.maxChars).length;
    }
    expect(oversized).toBeGreaterThan(0);
  });
});
