import { zipSync, strToU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { documentXmlToText, extractDocx } from "../../../src/ingest/formats/docx.js";
import { ExtractError } from "../../../src/ingest/formats/extracted.js";
import { realdoc, textOfRecord } from "./realdocs.js";

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const para = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const cell = (...paragraphs: string[]) => `<w:tc><w:tcPr/>${paragraphs.map(para).join("")}</w:tc>`;

describe("extractDocx", () => {
  it("gives exactly the text of record of the Qiandongnan 2016 bulletin (paragraphs and 11 tables)", () => {
    const { text, format, pages } = extractDocx(realdoc("qiandongnan-2016-bulletin.docx"), "q.docx");
    expect(text).toBe(textOfRecord("qiandongnan-2016-bulletin.txt"));
    expect(format).toBe("docx");
    expect(pages).toBeNull();
  });

  it("reports a file that is not a Word archive by name", () => {
    let error: unknown;
    try {
      extractDocx(Buffer.from("PK not really a zip"), "broken.docx");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ExtractError);
    expect((error as ExtractError).file).toBe("broken.docx");
    expect((error as ExtractError).message).toMatch(/^unreadable Word file \(\.docx\): /u);
  });

  it("reports an archive without word/document.xml", () => {
    const zip = zipSync({ "other.xml": strToU8("<x/>") });
    expect(() => extractDocx(zip, "empty.docx")).toThrow(
      "unreadable Word file (.docx): no word/document.xml in the archive",
    );
  });
});

describe("documentXmlToText", () => {
  it("keeps captions, renders rows as tab-separated cells and skips deleted text and field codes", () => {
    const xml =
      `<w:document ${W}><w:body>${para("表1 主要指标")}` +
      `<w:tbl><w:tr>${cell("")}${cell("绝对数（亿元）")}</w:tr>` +
      `<w:tr>${cell("地区生产总值")}${cell("939.05", "")}</w:tr></w:tbl>` +
      `<w:p><w:r><w:t>增长</w:t></w:r><w:r><w:delText>下降</w:delText></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:tab/><w:t>13.3%&amp;</w:t></w:r></w:p>` +
      `</w:body></w:document>`;
    expect(documentXmlToText(xml)).toBe("表1 主要指标\n\t绝对数（亿元）\n地区生产总值\t939.05\n增长\t13.3%&");
  });
});
