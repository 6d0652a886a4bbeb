import { describe, expect, it } from "vitest";
import { decodePostings, encodePostings, postingCount } from "../../src/index/postings-codec.js";

describe("posting lists as bytes", () => {
  it("round-trips ids with frequencies and ids alone, large gaps included", () => {
    const ids = [0, 1, 127, 128, 16_383, 16_384, 2_000_000_000];
    const counts = [1, 2, 300, 1, 70_000, 5, 1];
    const both = decodePostings(encodePostings(ids, counts), true);
    expect([...both.ids]).toEqual(ids);
    expect([...both.counts!]).toEqual(counts);
    const alone = decodePostings(encodePostings(ids, null), false);
    expect([...alone.ids]).toEqual(ids);
    expect(alone.counts).toBeNull();
  });

  it("stores small gaps in one byte each", () => {
    // count (1 byte) + 100 gaps of 1 (1 byte each) + 100 frequencies of 1 (1 byte each)
    const ids = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(
      encodePostings(
        ids,
        ids.map(() => 1),
      ).byteLength,
    ).toBe(201);
    expect(decodePostings(encodePostings([], null), false).ids).toHaveLength(0);
  });

  it("refuses ids that do not ascend and blobs that are cut or too long", () => {
    expect(() => encodePostings([3, 3], null)).toThrow("posting ids must ascend: 3, 3");
    expect(() => encodePostings([5, 2], null)).toThrow(RangeError);
    const blob = encodePostings([1, 200, 70_000], [1, 2, 3]);
    expect(() => decodePostings(blob.subarray(0, blob.length - 2), true)).toThrow("truncated posting list");
    expect(() => decodePostings(blob, false)).toThrow("posting list longer than its count");
  });

  it("reads a list's entry count from its header alone, as decoding counts it", () => {
    const long = Array.from({ length: 300 }, (_, i) => i * 7);
    expect(
      postingCount(
        encodePostings(
          long,
          long.map(() => 2),
        ),
      ),
    ).toBe(300);
    expect(postingCount(encodePostings([5], null))).toBe(1);
    expect(postingCount(encodePostings([], null))).toBe(0);
    expect(() => postingCount(new Uint8Array([0x80]))).toThrow(RangeError);
  });
});
