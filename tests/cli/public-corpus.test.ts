/**
 * The public-corpus evaluation's pure parts: the fixed sample (every level and era in, the
 * same files every time), the comparison with a label, and the answers that give another
 * year's target.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/config.js";
import {
  compareToLabel,
  otherYearFigures,
  publicSample,
  readJsonLines,
  type LabelLine,
  type TargetLine,
} from "../../src/cli/public-corpus.js";
import type { DocumentMeta } from "../../src/types.js";

const labels = readJsonLines<LabelLine>(join(PROJECT_ROOT, "..", "shared", "public-corpus", "meta.jsonl"));

describe("the fixed sample of the public corpus", () => {
  it("takes 150 files of every level and era, the same ones every time", () => {
    const sample = publicSample(labels, 150);
    expect(sample).toHaveLength(150);
    expect(new Set(sample.map((l) => l.file)).size).toBe(150);
    expect(publicSample(labels, 150)).toEqual(sample);
    const levels = new Set(sample.map((l) => l.level));
    expect([...levels].sort()).toEqual(["city", "nation", "province"]);
    expect(sample.filter((l) => l.level === "nation").length).toBeGreaterThanOrEqual(6);
    expect(sample.some((l) => l.year < 1990)).toBe(true);
    expect(sample.some((l) => l.year >= 2024)).toBe(true);
  });

  it("takes everything when asked for more than there is", () => {
    expect(publicSample(labels.slice(0, 5), 10)).toHaveLength(5);
  });
});

const label: LabelLine = {
  file: "p.md",
  region: "淮南市",
  year: 2016,
  kind: "政府工作报告",
  level: "city",
  source: "政府工作报告-其他地市/淮南市/2016.md",
};
const meta = {
  file: "p.md",
  region: "淮安市",
  year: 2016,
  kind: "政府工作报告",
  title: "淮安市政府工作报告",
  evidence: { region: "淮安市政府工作报告", period: "", kind: "" },
} as DocumentMeta;

describe("comparing with a label", () => {
  it("names the disagreeing fields and how often the text names each place", () => {
    const d = compareToLabel(meta, label, "淮安市政府工作报告。淮安…，淮安…。");
    expect(d?.fields).toEqual(["region"]);
    expect(d?.named).toEqual({ ours: 3, label: 0 });
    expect(compareToLabel({ ...meta, region: "淮南市" } as DocumentMeta, label, "")).toBeNull();
  });
});

const target = (id: string, q: string, expect: string[]): TargetLine => ({
  id,
  q,
  expect,
  cite: "p.md",
  status: ["answered"],
});
const targets = [
  target("1", "某市2019年GDP增长目标", ["7%左右"]),
  target("2", "某市2020年GDP增长目标", ["6.5%以上"]),
  target("3", "某市2021年GDP增长目标", ["8%以上"]),
  target("4", "别市2020年GDP增长目标", ["9%"]),
];

describe("answers giving another year's target", () => {
  it("finds another year's figure of the same place in the answer", () => {
    expect(otherYearFigures(targets[1]!, "某市2020年地区生产总值增长目标为7%左右。", targets)).toEqual([
      "7%左右",
    ]);
  });

  it("does not count the year's own figure, another place's, or a figure inside a larger one", () => {
    expect(otherYearFigures(targets[1]!, "增长6.5%以上。", targets)).toEqual([]);
    expect(otherYearFigures(targets[1]!, "增长9%。", targets)).toEqual([]);
    expect(otherYearFigures(targets[2]!, "增长18%以上。", targets)).toEqual([]);
  });
});
