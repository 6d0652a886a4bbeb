import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { MetadataError, detectKind, detectMetadata, detectPeriod } from "../../src/ingest/metadata.js";
import { readHead } from "../../src/ingest/document-head.js";
import type { DocumentMeta } from "../../src/types.js";
import { IDS, corpusBytes, realCorpus, realDoc } from "./fixtures.js";

type Core = Pick<
  DocumentMeta,
  "title" | "city" | "district" | "region" | "period" | "year" | "kind" | "script" | "encoding"
>;
const core = (m: DocumentMeta): Core => ({
  title: m.title,
  city: m.city,
  district: m.district,
  region: m.region,
  period: m.period,
  year: m.year,
  kind: m.kind,
  script: m.script,
  encoding: m.encoding,
});

describe("metadata of the five corpus documents", () => {
  it("loads all five documents without problems", () => {
    const { documents, problems } = realCorpus();
    expect(problems).toEqual([]);
    expect(documents.map((d) => d.meta.file)).toEqual([
      "anshan-2023-government-work-report-task-breakdown.txt",
      "lishan-2024h1-plan-execution-report.txt",
      "tiedong-2022-statistical-bulletin-traditional.txt",
      "tiedong-2023-government-work-report-excerpt.txt",
      "tiedong-2023-statistical-bulletin.txt",
    ]);
    for (const d of documents) {
      expect(d.meta.id).toBe(d.meta.file.replace(/\.txt$/u, ""));
      expect(d.meta.sha256).toBe(createHash("sha256").update(corpusBytes(d.meta.file)).digest("hex"));
    }
  });

  it("2023 bulletin: title from its two title lines", () => {
    const meta = realDoc(IDS.bulletin2023).meta;
    expect(core(meta)).toEqual({
      title: "鞍山市铁东区2023年国民经济和社会发展统计公报",
      city: "鞍山市",
      district: "铁东区",
      region: "铁东区",
      period: "2023年",
      year: 2023,
      kind: "统计公报",
      script: "simplified",
      encoding: "utf-8",
    });
    expect(meta.notes).toEqual([]);
  });

  it("2022 bulletin: traditional, with the 四平市 title recorded as a mismatch", () => {
    const meta = realDoc(IDS.bulletin2022).meta;
    expect(core(meta)).toEqual({
      title: "鞍山市铁东区2022年国民经济和社会发展统计公报",
      city: "鞍山市",
      district: "铁东区",
      region: "铁东区",
      period: "2022年",
      year: 2022,
      kind: "统计公报",
      script: "traditional",
      encoding: "utf-8",
    });
    expect(meta.notes.map((n) => n.code)).toEqual([
      "traditional-script",
      "pinyin-annotations",
      "hidden-html",
      "garbled-text",
      "title-region-mismatch",
    ]);
    expect(meta.notes.find((n) => n.code === "title-region-mismatch")!.message).toBe(
      "原文标题“2022年四平市铁东区人民政府国民经济和社会发展统计公报（2024年更新）”写作四平市铁东区，但正文所述为鞍山市铁东区；本系统按鞍山市铁东区处理。",
    );
    expect(meta.notes.find((n) => n.code === "pinyin-annotations")!.message).toContain("已去除1104处");
    expect(meta.notes.find((n) => n.code === "garbled-text")!.message).toContain("原文有19处多余的“?”");
  });

  it("lishan report: a district's half-year plan execution report", () => {
    const meta = realDoc(IDS.lishan).meta;
    expect(core(meta)).toEqual({
      title: "关于立山区2024年上半年全区国民经济和社会发展计划执行情况与下半年计划的报告",
      city: "鞍山市",
      district: "立山区",
      region: "立山区",
      period: "2024年上半年",
      year: 2024,
      kind: "计划执行情况报告",
      script: "simplified",
      encoding: "utf-8",
    });
    expect(meta.notes).toEqual([]);
  });

  it("work report excerpt: everything from the override file, with a note saying so", () => {
    const meta = realDoc(IDS.excerpt).meta;
    expect(core(meta)).toEqual({
      title: "铁东区2023年政府工作报告（节选）",
      city: "鞍山市",
      district: "铁东区",
      region: "铁东区",
      period: "2023年",
      year: 2023,
      kind: "政府工作报告",
      script: "simplified",
      encoding: "utf-8",
    });
    expect(meta.notes).toHaveLength(1);
    expect(meta.notes[0]!.code).toBe("metadata-override");
    expect(
      meta.notes[0]!.message.startsWith(
        "title、city、district、period、kind来自 metadata-overrides.json：原文为无标题的节选",
      ),
    ).toBe(true);
  });

  it("task breakdown: city level, title joined from three lines", () => {
    const meta = realDoc(IDS.tasks).meta;
    expect(core(meta)).toEqual({
      title: "鞍山市人民政府关于印发《2023年市〈政府工作报告〉任务分解和责任分工方案》的通知",
      city: "鞍山市",
      district: null,
      region: "鞍山市",
      period: "2023年",
      year: 2023,
      kind: "任务分解方案",
      script: "simplified",
      encoding: "utf-8",
    });
    expect(meta.notes).toEqual([]);
  });
});

describe("title, kind and period detection", () => {
  it("finds title blocks at the top of a document, before the first paragraph", () => {
    expect(readHead(realDoc(IDS.bulletin2022).text).titles).toEqual([
      "2022年四平市铁东区人民政府国民经济和社会发展统计公报（2024年更新）",
      "鞍山市铁东区2022年国民经济和社会发展统计公报",
    ]);
    expect(readHead(realDoc(IDS.lishan).text).titles).toEqual([
      "关于立山区2024年上半年全区国民经济和社会发展计划执行情况与下半年计划的报告",
    ]);
    expect(readHead(realDoc(IDS.excerpt).text).titles).toEqual([]);
  });

  it("reads the kind and the period from a title", () => {
    expect(detectKind(realDoc(IDS.tasks).meta.title)).toBe("任务分解方案");
    expect(detectKind(realDoc(IDS.lishan).meta.title)).toBe("计划执行情况报告");
    expect(detectKind("鞍山市铁东区2023年国民经济和社会发展统计公报")).toBe("统计公报");
    expect(detectKind("铁东区2023年政府工作报告（节选）")).toBe("政府工作报告");
    expect(detectKind("二、社会保障")).toBe("其他");
    expect(detectKind("2024年1-9月全区经济运行情况")).toBe("经济运行情况");
    expect(detectKind("关于加快发展数字经济的实施意见")).toBe("意见");
    expect(detectPeriod(realDoc(IDS.lishan).meta.title)).toBe("2024年上半年");
    expect(detectPeriod("鞍山市铁东区2022年国民经济和社会发展统计公报")).toBe("2022年");
    expect(detectPeriod("（一）锚定重点领域改革，不断集聚新优势")).toBeNull();
  });

  it("throws MetadataError naming the file and the override file when no region is found anywhere", () => {
    const doc = realDoc(IDS.excerpt);
    const input = {
      id: doc.meta.id,
      file: doc.meta.file,
      text: doc.text,
      script: "simplified" as const,
      encoding: "utf-8",
      sha256: doc.meta.sha256,
      override: undefined,
      notes: [],
    };
    expect(() => detectMetadata(input)).toThrow(MetadataError);
    expect(() => detectMetadata(input)).toThrow(
      'cannot detect region anywhere in its text; add an entry for "tiedong-2023-government-work-report-excerpt.txt" to metadata-overrides.json in its corpus folder',
    );
    const partial = detectMetadata({
      ...input,
      override: { title: "铁东区2023年政府工作报告（节选）", reason: "测试" },
    });
    expect([partial.kind, partial.period, partial.district]).toEqual(["政府工作报告", "2023年", "铁东区"]);
    expect(partial.notes).toEqual([
      { code: "metadata-override", message: "title来自 metadata-overrides.json：测试" },
    ]);
  });
});
