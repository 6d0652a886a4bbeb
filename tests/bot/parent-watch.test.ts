import { expect, it } from "vitest";
import { watchParent } from "../../src/bot/parent-watch.js";

it("reports once when the parent id changes (the process was re-parented)", async () => {
  let parent = 4242;
  const orphaned: number[] = [];
  const stop = watchParent({ intervalMs: 5, parentId: () => parent, onOrphaned: (p) => orphaned.push(p) });
  await new Promise((r) => setTimeout(r, 30));
  expect(orphaned).toEqual([]);
  parent = 1;
  await new Promise((r) => setTimeout(r, 30));
  parent = 77;
  await new Promise((r) => setTimeout(r, 30));
  expect(orphaned).toEqual([4242]);
  stop();
});

it("does not watch a process started by init", async () => {
  const orphaned: number[] = [];
  let parent = 1;
  watchParent({ intervalMs: 5, parentId: () => parent, onOrphaned: (p) => orphaned.push(p) });
  parent = 5;
  await new Promise((r) => setTimeout(r, 30));
  expect(orphaned).toEqual([]);
});
