import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openVectorCache, vectorKey } from "../../src/embed/vector-cache.js";
import { DIMENSION, entry } from "../support/vector-cache-writer.js";

const root = mkdtempSync(join(tmpdir(), "vector-cache-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const WRITER = resolve(import.meta.dirname, "../support/vector-cache-writer.ts");

function writer(dir: string, from: number, to: number): Promise<number> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ["--import", "tsx", WRITER, dir, String(from), String(to)], {
      stdio: ["ignore", "ignore", "inherit"],
    });
    child.on("error", fail);
    child.on("exit", (code) => done(code ?? -1));
  });
}

describe("the vector cache", () => {
  it("keys a vector by the text, the instruction and the model checksum", () => {
    const key = vectorKey("全年地区生产总值增长5.2%", "", "model-a");
    expect(key).toHaveLength(32);
    expect(vectorKey("全年地区生产总值增长5.2%", "", "model-a")).toEqual(key);
    expect(vectorKey("全年地区生产总值增长5.3%", "", "model-a")).not.toEqual(key);
    expect(vectorKey("全年地区生产总值增长5.2%", "为这个句子生成表示：", "model-a")).not.toEqual(key);
    expect(vectorKey("全年地区生产总值增长5.2%", "", "model-b")).not.toEqual(key);
  });

  it("stores vectors exactly and treats a row of another length as absent", () => {
    const dir = join(root, "exact");
    const cache = openVectorCache(dir, { dimension: DIMENSION });
    const e = entry(7);
    cache.putMany([e]);
    expect([...cache.getMany([e.key]).get(e.key.toString("hex"))!]).toEqual(e.vector);
    cache.close();
    const other = openVectorCache(dir, { dimension: DIMENSION * 2 });
    expect(other.getMany([e.key]).size).toBe(0);
    expect(() => other.putMany([e])).toThrow(RangeError);
    other.close();
  });

  it("is shared by processes writing at once: every vector of each is there, whole", async () => {
    const dir = join(root, "shared");
    // Three processes, overlapping ranges: 0–299, 200–499, 400–699.
    const codes = await Promise.all([writer(dir, 0, 300), writer(dir, 200, 500), writer(dir, 400, 700)]);
    expect(codes).toEqual([0, 0, 0]);
    const cache = openVectorCache(dir, { dimension: DIMENSION });
    const all = Array.from({ length: 700 }, (_, i) => entry(i));
    const found = cache.getMany(all.map((e) => e.key));
    expect(found.size).toBe(700);
    expect(cache.size()).toBe(700);
    for (const e of all) expect([...found.get(e.key.toString("hex"))!]).toEqual(e.vector);
    expect(cache.retainOnly(new Set(all.slice(0, 100).map((e) => e.key.toString("hex"))))).toBe(600);
    expect(cache.size()).toBe(100);
    cache.close();
  }, 120_000);
});
