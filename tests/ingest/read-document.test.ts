import { describe, expect, it } from "vitest";
import { pageAt } from "../../src/index/document-spans.js";
import { readDocumentBytes } from "../../src/ingest/read-document.js";
import { realdoc } from "./formats/realdocs.js";

describe("readDocumentBytes", () => {
  it("turns the Chengdu PDF into a document with its metadata, format and page starts", async () => {
    const result = await readDocumentBytes(
      "chengdu-2022-bulletin.pdf",
      realdoc("chengdu-2022-bulletin.pdf"),
      {},
    );
    if (!result.ok) throw new Error(result.problem.reason);
    const doc = result.document;
    expect(doc.meta).toMatchObject({
      id: "chengdu-2022-bulletin",
      file: "chengdu-2022-bulletin.pdf",
      format: "pdf",
    });
    expect(doc.pages).toHaveLength(17);
    const offset = doc.text.indexOf("全年完成一般公共预算收入");
    expect(offset).toBeGreaterThan(0);
    expect(pageAt(doc, offset)).toBe(2);
    expect(pageAt(doc, 0)).toBe(1);
  });

  it("gives a .txt document no format and no pages", async () => {
    const result = await readDocumentBytes(
      "chengdu-2021-bulletin.txt",
      realdoc("chengdu-2021-bulletin.txt"),
      {},
    );
    if (!result.ok) throw new Error(result.problem.reason);
    expect(result.document.meta.format).toBeUndefined();
    expect(result.document.pages).toBeUndefined();
    expect(pageAt(result.document, 10)).toBeNull();
  });

  it("reports an unreadable file by name with the reason instead of throwing", async () => {
    expect(await readDocumentBytes("scan.pdf", Buffer.from("garbage"), {})).toEqual({
      ok: false,
      problem: { file: "scan.pdf", reason: "unreadable PDF: Invalid PDF structure." },
    });
    expect(await readDocumentBytes("table.xls", Buffer.from("x"), {})).toEqual({
      ok: false,
      problem: { file: "table.xls", reason: "spreadsheet: not a bulletin text" },
    });
  });
});
