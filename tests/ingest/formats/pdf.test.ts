import { describe, expect, it } from "vitest";
import { ExtractError, unifyHan } from "../../../src/ingest/formats/extracted.js";
import { extractPdf } from "../../../src/ingest/formats/pdf.js";
import { linesMissing, realdoc, textOfRecord } from "./realdocs.js";

/** A one-page PDF whose only content is a filled rectangle: what a scan without OCR looks like to a text reader. */
const PDF_WITHOUT_TEXT = [
  "%PDF-1.4",
  "1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj",
  "2 0 obj <</Type/Pages/Kids[3 0 R]/Count 1>> endobj",
  "3 0 obj <</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]/Contents 4 0 R>> endobj",
  "4 0 obj <</Length 17>> stream",
  "0 0 100 100 re f",
  "endstream endobj",
  "trailer <</Root 1 0 R>>",
  "%%EOF",
  "",
].join("\n");

describe("extractPdf on the Chengdu 2022 bulletin as published", () => {
  const extracted = extractPdf(realdoc("chengdu-2022-bulletin.pdf"), "chengdu-2022-bulletin.pdf");

  it("contains every line of the text of record (pdftotext), in the same reading order and characters", async () => {
    const { text } = await extracted;
    expect(linesMissing(textOfRecord("chengdu-2022-bulletin.txt"), text)).toEqual([]);
  });

  it("reads the title first and drops the page-number footers (— 1 —)", async () => {
    const { text } = await extracted;
    expect(text.split("\n").slice(0, 3)).toEqual([
      "2022 年成都市国民经济和社会发展统计公报",
      "成都市统计局 国家统计局成都调查队",
      "2023 年 3 月 25 日",
    ]);
    expect(text).not.toMatch(/^—\s*\d+\s*—$/mu);
  });

  it("records where each of the 17 pages starts, so a quote knows its page", async () => {
    const { text, pages, format } = await extracted;
    expect(format).toBe("pdf");
    expect(pages).toHaveLength(17);
    expect(pages![0]).toBe(0);
    const at = (s: string) => pages!.filter((p) => p <= text.indexOf(s)).length;
    expect(at("2022 年成都市国民经济")).toBe(1);
    expect(at("全年完成一般公共预算收入")).toBe(2);
  });

  it("puts a table row on one line with tab-separated cells", async () => {
    const { text } = await extracted;
    expect(text).toContain("地区生产总值\t20817.5\t2.8\n");
  });
});

describe("extractPdf on files it cannot index", () => {
  it("reports a PDF without a text layer by name instead of indexing it empty", async () => {
    const error = await extractPdf(Buffer.from(PDF_WITHOUT_TEXT), "scan.pdf").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExtractError);
    expect((error as ExtractError).file).toBe("scan.pdf");
    expect((error as ExtractError).message).toBe(
      "PDF has no text layer (1 pages, 0 Chinese characters): a scan needs OCR before it can be indexed",
    );
  });

  it("reports a damaged PDF with pdf.js's reason", async () => {
    await expect(extractPdf(Buffer.from("not a pdf at all"), "bad.pdf")).rejects.toThrow(
      "unreadable PDF: Invalid PDF structure.",
    );
  });
});

describe("unifyHan", () => {
  it("maps Kangxi radicals and compatibility ideographs from PDF fonts to unified ideographs", () => {
    expect(unifyHan("⼀⼆⼯业⾦额")).toBe("一二工业金额");
    expect(unifyHan("\uf900")).toBe("豈");
  });

  it("leaves full-width punctuation and digits as published", () => {
    expect(unifyHan("（一）１２％，")).toBe("（一）１２％，");
  });
});
