import { describe, expect, it } from "vitest";
import { loadVocabulary } from "../../src/indicators/aliases.js";
import { extractTableRows } from "../../src/indicators/extract-table-rows.js";
import { normaliseDocument } from "../../src/ingest/normalise.js";
import { parseSections } from "../../src/sections/parse-sections.js";
import type { CorpusDocument, DocumentMeta } from "../../src/types.js";

const vocabulary = loadVocabulary();
const meta = (): DocumentMeta =>
  ({
    id: "t",
    file: "t.txt",
    title: "2021年某市统计公报",
    city: "某市",
    district: null,
    region: "某市",
    regionCode: "",
    regionPath: ["某市"],
    period: "2021年",
    year: 2021,
    kind: "统计公报",
    script: "simplified",
    encoding: "utf-8",
    notes: [],
    sha256: "",
  }) as unknown as DocumentMeta;

function rowsOf(raw: string) {
  const n = normaliseDocument(raw);
  const doc: CorpusDocument = { meta: meta(), raw, text: n.text, offsets: n.offsets };
  return extractTableRows({ doc, sections: parseSections(doc), vocabulary }).map((r) => ({
    indicator: r.indicator,
    phrase: r.phrase,
    value: r.value?.text ?? null,
    growth: r.growth?.figure ?? null,
    path: r.table!.path.join(" › "),
    row: n.text.slice(r.source.start, r.source.end),
  }));
}

describe("extractTableRows", () => {
  it("reads an HTML table with its caption and header path", () => {
    const raw =
      "表1：2021年地区生产总值及其增长速度\n\n<table><tr><td>指标</td><td>2021年（亿元）</td><td>比上年增长（%）</td></tr><tr><td>地区生产总值</td><td>19917.0</td><td>8.6</td></tr><tr><td>第一产业</td><td>582.8</td><td>4.8</td></tr></table>\n";
    expect(rowsOf(raw)).toEqual([
      {
        indicator: "地区生产总值",
        phrase: "地区生产总值",
        value: "19917.0亿元",
        growth: "8.6%",
        path: "表1：2021年地区生产总值及其增长速度 › 指标 › 2021年（亿元）",
        row: "地区生产总值｜19917.0｜8.6",
      },
      {
        indicator: "第一产业增加值",
        phrase: "第一产业",
        value: "582.8亿元",
        growth: "4.8%",
        path: "表1：2021年地区生产总值及其增长速度 › 指标 › 2021年（亿元）",
        row: "第一产业｜582.8｜4.8",
      },
    ]);
  });

  it("does not read 第一产业 as 第一产业增加值 under another table's caption", () => {
    const raw = "表3：固定资产投资\n| 指标 | 比上年增长（%） |\n| --- | --- |\n| 第一产业 | 10.3 |\n";
    expect(rowsOf(raw).map((r) => [r.indicator, r.phrase, r.growth])).toEqual([[null, "第一产业", "10.3%"]]);
  });

  it("reads a table flattened one cell per line (pdftotext) and tab-separated rows", () => {
    const flat =
      "表1：2022年地区生产总值及其增长速度\n指标\n\n2022年（亿元）\n\n比上年增长（%）\n\n地区生产总值\n\n20817.5\n\n2.8\n\n图1：增长速度\n";
    expect(rowsOf(flat).map((r) => [r.indicator, r.value, r.growth, r.row])).toEqual([
      ["地区生产总值", "20817.5亿元", "2.8%", "地区生产总值\n\n20817.5\n\n2.8"],
    ]);
    const tabs = "表2财政收支情况\n\t绝对数（亿元）\t比上年增长（%）\n其中：一般公共预算收入\t110.68\t6.9\n";
    expect(rowsOf(tabs).map((r) => [r.indicator, r.value, r.growth])).toEqual([
      ["一般公共预算收入", "110.68亿元", "6.9%"],
    ]);
  });
});
