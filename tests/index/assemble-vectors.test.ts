import { describe, expect, it } from "vitest";
import { LabelPlanner, finishVectorIndex, insertVectors } from "../../src/index/assemble-vectors.js";
import { createVectorIndex, searchVectors, vectorCount } from "../../src/index/vector-index.js";

const DIMENSION = 8;

/** A distinct vector per passage number. */
function vector(n: number): number[] {
  return Array.from(
    { length: DIMENSION },
    (_, i) => Math.sin(n * 7.1 + i * 1.7) + (i === n % DIMENSION ? 2 : 0),
  );
}

describe("LabelPlanner", () => {
  it("hands out fresh labels after the last one when nothing can be taken over", () => {
    const planner = new LabelPlanner([], 10);
    expect(planner.claim(["a", "b", "c"])).toEqual({ labels: [10, 11, 12], fresh: [0, 1, 2] });
    expect(planner.handedOut).toBe(13);
    expect(planner.unclaimed()).toEqual([]);
  });

  it("gives a passage the label of a previous chunk with the same key, each label once", () => {
    const planner = new LabelPlanner(
      [
        [3, "a"],
        [4, "b"],
        [7, "a"],
        [9, "gone"],
      ],
      20,
    );
    // Two chunks with passage "a" take both labels of "a" (the lower first); a third gets a fresh one.
    expect(planner.claim(["a", "x", "a", "a", "b"])).toEqual({ labels: [3, 20, 7, 21, 4], fresh: [1, 3] });
    expect(planner.reused).toBe(3);
    expect(planner.unclaimed()).toEqual([9]);
  });
});

describe("finishVectorIndex", () => {
  const index = () => {
    const made = createVectorIndex(DIMENSION, 4);
    insertVectors(
      made,
      [0, 1, 2, 3, 4, 5].map((n) => vector(n)),
      [0, 1, 2, 3, 4, 5],
    );
    return made;
  };

  it("marks the removed labels deleted and keeps the index while few slots are deleted", () => {
    const made = index();
    const done = finishVectorIndex(made, {
      remove: [2],
      deletedBefore: 0,
      live: [0, 1, 3, 4, 5],
      inserted: 6,
      created: true,
    });
    expect([done.mode, done.deleted, vectorCount(done.index)]).toEqual(["created", 1, 6]);
    expect(searchVectors(done.index, vector(2), 6).map((h) => h.index)).not.toContain(2);
  });

  it("re-creates the index with the same labels when too many slots would hold deleted vectors", () => {
    const done = finishVectorIndex(index(), {
      remove: [0, 2],
      deletedBefore: 0,
      live: [1, 3, 4, 5],
      inserted: 0,
      created: false,
    });
    expect([done.mode, done.deleted, vectorCount(done.index)]).toEqual(["created", 0, 4]);
    // Every live vector is found under its own label.
    for (const label of [1, 3, 4, 5])
      expect(searchVectors(done.index, vector(label), 1)[0]!.index).toBe(label);
  });

  it("updates in place when nothing was removed", () => {
    const done = finishVectorIndex(index(), {
      remove: [],
      deletedBefore: 0,
      live: [0, 1, 2, 3, 4, 5],
      inserted: 2,
      created: false,
    });
    expect([done.mode, done.deleted, done.inserted]).toEqual(["updated", 0, 2]);
  });
});
