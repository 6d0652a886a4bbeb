import { describe, expect, it } from "vitest";
import { assembleVectorIndex, type DocumentVectors } from "../../src/index/assemble-vectors.js";
import { SEGMENT_LIST_VERSION, chunkPositions, type SegmentList } from "../../src/index/segment-list.js";
import { searchVectors, withPositions } from "../../src/index/vector-index.js";

const DIMENSION = 8;

/** A distinct unit-ish vector per (document, chunk). */
function vector(doc: number, chunk: number): number[] {
  return Array.from(
    { length: DIMENSION },
    (_, i) => Math.sin(doc * 7.1 + chunk * 3.3 + i * 1.7) + (i === doc % DIMENSION ? 2 : 0),
  );
}

function documents(ids: number[], asked: number[] = []): DocumentVectors[] {
  return ids.map((id) => ({
    key: `doc-${id}`,
    chunks: 3,
    vectors: async () => {
      asked.push(id);
      return [0, 1, 2].map((c) => vector(id, c));
    },
  }));
}

function listOf(ids: number[], firstLabels: number[], labels: number, deleted: number): SegmentList {
  return {
    version: SEGMENT_LIST_VERSION,
    documents: ids.map((id, i) => ({
      key: `doc-${id}`,
      file: `doc-${id}.txt`,
      meta: { id: `doc-${id}`, file: `doc-${id}.txt` } as SegmentList["documents"][number]["meta"],
      firstLabel: firstLabels[i]!,
      chunks: 3,
      sections: 1,
      rows: 0,
      canonicalRows: 0,
      tasks: 0,
    })),
    problems: [],
    labels,
    deleted,
  };
}

describe("assembleVectorIndex", () => {
  it("creates an index with contiguous labels when there is no previous build", async () => {
    const made = await assembleVectorIndex(documents([1, 2]), { dimension: DIMENSION, previous: null });
    expect(made).toMatchObject({ firstLabels: [0, 3], labels: 6, deleted: 0, mode: "created", inserted: 6 });
  });

  it("updates the previous index: kept documents keep their labels and are not asked for vectors", async () => {
    const first = await assembleVectorIndex(documents([1, 2, 3]), { dimension: DIMENSION, previous: null });
    const previous = { index: first.index, list: listOf([1, 2, 3], first.firstLabels, 9, 0) };
    const asked: number[] = [];
    // Document 2 removed, 4 added (and listed first in corpus order), 1 and 3 kept.
    const next = await assembleVectorIndex(documents([4, 1, 3], asked), {
      dimension: DIMENSION,
      previous,
      compactShare: 0.5,
    });
    expect(asked).toEqual([4]);
    expect(next).toMatchObject({
      firstLabels: [9, 0, 6],
      labels: 12,
      deleted: 3,
      mode: "updated",
      inserted: 3,
    });
    const list = listOf([4, 1, 3], next.firstLabels, next.labels, next.deleted);
    const index = withPositions(next.index, chunkPositions(list));
    // Every chunk is found at its corpus position; the removed document's never.
    const expected = [4, 1, 3].flatMap((doc) => [0, 1, 2].map((c) => [doc, c] as const));
    expected.forEach(([doc, c], position) => {
      expect(searchVectors(index, vector(doc, c), 1)[0]!.index).toBe(position);
    });
    const all = searchVectors(index, vector(2, 0), 12);
    expect(all.map((h) => h.index).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(
      searchVectors(index, vector(2, 0), 12, (p) => p >= 3)
        .map((h) => h.index)
        .sort((a, b) => a - b),
    ).toEqual([3, 4, 5, 6, 7, 8]);
  });

  it("re-creates the index when more than compactShare of its labels would be deleted", async () => {
    const first = await assembleVectorIndex(documents([1, 2, 3]), { dimension: DIMENSION, previous: null });
    const previous = { index: first.index, list: listOf([1, 2, 3], first.firstLabels, 9, 0) };
    const asked: number[] = [];
    // 3 of 9 labels deleted: 33% > 25%.
    const next = await assembleVectorIndex(documents([1, 3], asked), { dimension: DIMENSION, previous });
    expect(next).toMatchObject({ firstLabels: [0, 3], labels: 6, deleted: 0, mode: "created", inserted: 6 });
    expect(asked).toEqual([1, 3]);
  });

  it("gives a document listed twice under one key its own labels the second time", async () => {
    const first = await assembleVectorIndex(documents([1]), { dimension: DIMENSION, previous: null });
    const previous = { index: first.index, list: listOf([1], first.firstLabels, 3, 0) };
    const next = await assembleVectorIndex(documents([1, 1]), { dimension: DIMENSION, previous });
    expect(next).toMatchObject({ firstLabels: [0, 3], labels: 6, deleted: 0, mode: "updated" });
  });
});

describe("chunkPositions", () => {
  it("maps each label to its chunk's corpus position and deleted labels to -1", () => {
    const list = listOf([7, 8], [4, 0], 9, 2);
    list.documents[1]!.chunks = 2;
    expect([...chunkPositions(list)]).toEqual([3, 4, -1, -1, 0, 1, 2, -1, -1]);
  });
});
