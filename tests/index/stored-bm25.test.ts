import { describe, expect, it } from "vitest";
import { encodePostings } from "../../src/index/postings-codec.js";
import { storedBm25 } from "../../src/index/stored-bm25.js";
import type { CorpusStore } from "../../src/index/store-reader.js";

/** The one store read the BM25 view makes: a term's stored blob (labels with frequencies). */
const storeOf = (lists: Record<string, [number[], number[]]>) =>
  ({
    bm25Blob: (term: string) => {
      const list = lists[term];
      return list ? Buffer.from(encodePostings(list[0], list[1])) : null;
    },
  }) as unknown as CorpusStore;

describe("stored BM25 postings", () => {
  const store = storeOf({
    增长: [
      [0, 1, 2, 3],
      [5, 6, 7, 8],
    ],
  });

  it("maps labels to positions in order when labels follow corpus order", () => {
    const bm25 = storedBm25(store, Int32Array.from([0, 1, 2, 3]), [4, 4, 4, 4]);
    expect(bm25.postings.get("增长")).toEqual([0, 5, 1, 6, 2, 7, 3, 8]);
  });

  it("sorts by position when labels do not follow corpus order, leaving deleted labels out", () => {
    // Label 1 was deleted; label 0's chunk now sits after labels 2 and 3 (a rebuilt document).
    const bm25 = storedBm25(store, Int32Array.from([2, -1, 0, 1]), [4, 4, 4]);
    expect(bm25.postings.get("增长")).toEqual([0, 7, 1, 8, 2, 5]);
    expect(bm25.postings.get("下降")).toBeUndefined();
  });
});
