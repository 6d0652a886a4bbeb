import { describe, expect, it } from "vitest";
import { reciprocalRankFusion } from "../../src/retrieve/fuse.js";
import { dedupeRows, scoreRowsByTopic, scoreTasks, unitAnswers } from "../../src/retrieve/match-rows.js";
import type { IndicatorRow, TaskRow } from "../../src/types.js";

// Rows as the extractor reads them from the 2023 bulletin's 婚姻登记 statement.
const statement =
  "（二）婚姻登记办主要指标：2023全年共办理结婚登记1697对，离婚登记654对，补领结婚登记证424件，补领离婚登记证262件，查档证明1039份。";
const row = (phrase: string, clause: string, value: string, numeral: string, unit: string): IndicatorRow => ({
  id: phrase,
  region: "铁东区",
  period: "2023年",
  indicator: null,
  phrase,
  value: { text: value, numeral, number: Number(numeral), unit, canonicalUnit: unit },
  growth: null,
  basis: null,
  nature: "result",
  qualifier: null,
  clause,
  source: { docId: "d", sectionId: "d#1", start: 0, end: statement.length },
});
const rows = [
  row("结婚登记", "2023全年共办理结婚登记1697对", "1697对", "1697", "对"),
  row("离婚登记", "离婚登记654对", "654对", "654", "对"),
  row("补领离婚登记证", "补领离婚登记证262件", "262件", "262", "件"),
];
const idf = (t: string) => ({ 离婚: 3, 登记: 1 })[t] ?? 2;
const ctx = () => ({ statement, heading: "二、社会保障", retrieval: 0 });

describe("scoreRowsByTopic", () => {
  it("ranks the clause holding every topic term first and skips rows in another unit", () => {
    const scored = scoreRowsByTopic(rows, ["离婚", "登记"], idf, "对", ctx);
    expect(scored.map((s) => [s.row.phrase, s.coverage])).toEqual([
      ["离婚登记", 1],
      ["结婚登记", 0.25 + 0.75 * 0.7],
    ]);
  });

  it("counts the topic named in the sentence before (a subject stated once, counted in the next)", () => {
    const counted = [row("涉及居民", "涉及居民6976户", "6976户", "6976", "户")];
    const terms = ["老旧小区", "改造", "居民"];
    const weights = (t: string) => ({ 老旧小区: 3, 改造: 2, 居民: 1 })[t] ?? 1;
    const base = { statement: "涉及居民6976户。", heading: "", retrieval: 0 };
    const alone = scoreRowsByTopic(counted, terms, weights, "户", () => base);
    const withPrevious = scoreRowsByTopic(counted, terms, weights, "户", () => ({
      ...base,
      previous: "全面推进老旧小区改造。",
    }));
    expect(alone.map((s) => s.coverage)).toEqual([1 / 6]);
    expect(withPrevious.map((s) => s.coverage)).toEqual([(1 + 5 * 0.5) / 6]);
  });

  it("drops rows where no topic term is in the clause itself", () => {
    expect(scoreRowsByTopic(rows, ["婚姻"], idf, null, ctx)).toEqual([]);
  });

  it("finds a term in any of its written forms (棚户区改造 written 棚改)", () => {
    const listed = [row("棚改任务", "完成1.8万户、189万平方米棚改任务", "1.8万户", "1.8", "万户")];
    const base = () => ({
      statement: "全年投资90.07亿元，完成1.8万户、189万平方米棚改任务。",
      heading: "",
      retrieval: 0,
    });
    expect(scoreRowsByTopic(listed, ["棚户区改造"], idf, "户", base)).toEqual([]);
    const forms = (t: string) => (t === "棚户区改造" ? [t, "棚改"] : [t]);
    expect(scoreRowsByTopic(listed, ["棚户区改造"], idf, "户", base, forms).map((s) => s.coverage)).toEqual([
      1,
    ]);
  });
});

describe("unitAnswers", () => {
  it.each([
    ["元", "亿元", true],
    ["人", "万余人", true],
    ["户", "户", true],
    ["对", "件", false],
    ["平方米", "万平", true],
    ["万元", "亿元", true],
    ["元", "对", false],
    ["场", "项", true],
    ["次", "场", true],
    ["项", "场", false],
    ["个", "项", false],
  ])("%s answered by %s: %s", (asked, unit, ok) => {
    expect(unitAnswers(asked, unit)).toBe(ok);
  });
});

describe("dedupeRows", () => {
  it("keeps one of two rows stating the same figure of the same indicator in one document", () => {
    expect(dedupeRows([rows[1]!, { ...rows[1]!, id: "again" }]).map((r) => r.id)).toEqual(["离婚登记"]);
  });
});

describe("scoreTasks", () => {
  const task = (n: number, text: string): TaskRow => ({
    id: `t${n}`,
    docId: "d",
    number: n,
    text,
    lead: "市工业和信息化局",
    responsible: null,
    path: [],
    sectionId: "d#2",
    start: 0,
    end: 1,
  });
  it("orders tasks by the weight of topic terms they contain", () => {
    const tasks = [task(1, "举办汽车嘉年华。"), task(2, "发布数字经济应用场景机会清单。")];
    expect(
      scoreTasks(tasks, ["数字经济", "应用场景", "清单"], () => 1).map((s) => [s.task.number, s.coverage]),
    ).toEqual([[2, 1]]);
  });
});

describe("reciprocalRankFusion", () => {
  it("sums 1/(k+rank) over lists", () => {
    const fused = reciprocalRankFusion(
      [
        [3, 1],
        [1, 2],
      ],
      60,
    );
    expect(fused.get(1)).toBeCloseTo(1 / 62 + 1 / 61, 12);
    expect(fused.get(3)).toBeCloseTo(1 / 61, 12);
    expect(fused.get(2)).toBeCloseTo(1 / 62, 12);
  });
});
