import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { applyRawDelta, rawDelta } from "../../src/index/raw-delta.js";
import { readDocument } from "../../src/ingest/read-document.js";
import type { CorpusDocument } from "../../src/types.js";
import { realCorpus } from "../ingest/fixtures.js";

const PUBLIC = resolve(import.meta.dirname, "../../../shared/public-corpus/docs");
const REALDOCS = resolve(import.meta.dirname, "../../../shared/realdocs/docs");

async function read(dir: string, files: string[]): Promise<CorpusDocument[]> {
  const docs: CorpusDocument[] = [];
  for (const f of files) {
    const result = await readDocument(join(dir, f), {});
    if (result.ok) docs.push(result.document);
  }
  return docs;
}

describe("the source text as a difference from the normalised text", () => {
  it("rebuilds the source text of every document exactly, in a small part of its size", async () => {
    const publicSample = readdirSync(PUBLIC)
      .sort()
      .filter((_, i) => i % 50 === 0);
    const sample = await read(PUBLIC, publicSample);
    const docs = [
      ...realCorpus().documents,
      ...sample,
      ...(await read(REALDOCS, readdirSync(REALDOCS).sort())),
    ];
    expect(docs.length).toBeGreaterThan(40);
    for (const d of docs) {
      const delta = rawDelta(d.text, d.raw, d.offsets);
      expect(delta, d.meta.file).not.toBeNull();
      expect(applyRawDelta(d.text, delta!)).toBe(d.raw);
    }
    // Markdown as published differs from its normalised text in markup and a few characters:
    // the difference is a few percent of the source (a traditional-script text differs everywhere).
    const size = (list: CorpusDocument[], f: (d: CorpusDocument) => number) =>
      list.reduce((n, d) => n + f(d), 0);
    const deltaSize = size(sample, (d) => JSON.stringify(rawDelta(d.text, d.raw, d.offsets)).length);
    expect(deltaSize).toBeLessThan(0.05 * size(sample, (d) => d.raw.length));
  });

  it("copies what the runs share and takes the rest as it is", () => {
    expect(rawDelta("abcdefghij", "abcdefghij", [[0, 0, 10]])).toEqual([[0, 10]]);
    expect(rawDelta("短文", "長文本", [[0, 0, 2]])).toEqual(["長文本"]);
    expect(rawDelta("abcdefghijkl", "xxabcdefghijklyy", [[0, 2, 12]])).toEqual(["xx", [0, 12], "yy"]);
    // Runs that overlap in the source are cut to what they add.
    expect(
      rawDelta("abcdefghijkl", "abcdefghijkl", [
        [0, 0, 10],
        [2, 2, 10],
      ]),
    ).toEqual([[0, 10], "kl"]);
    // Characters rewritten inside a run are taken as they are; a run beyond the text likewise.
    expect(rawDelta("abcdefghij,klmnopqrst", "abcdefghij，klmnopqrst", [[0, 0, 21]])).toEqual([
      [0, 10],
      "，",
      [11, 10],
    ]);
    expect(rawDelta("abcdefghij", "abcdefghijkl", [[0, 0, 12]])).toEqual([[0, 10], "kl"]);
  });
});
