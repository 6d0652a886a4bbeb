import { describe, expect, it } from "vitest";
import { parseCorrection, reasonForStaff } from "../../src/bot/document-intake.js";

describe("admin corrections to detected metadata", () => {
  it("reads region, period and kind in any order and separator", () => {
    expect(parseCorrection("地区 立山区；时期 2024年上半年；文种 统计公报")).toEqual({
      region: "立山区",
      period: "2024年上半年",
      kind: "统计公报",
    });
    expect(parseCorrection("时期：2023，地区为千山区")).toEqual({ region: "千山区", period: "2023年" });
    expect(parseCorrection("好的")).toBeNull();
  });

  it("says why a file was refused in plain Chinese", () => {
    expect(reasonForStaff("unreadable PDF: Invalid PDF structure.")).toBe(
      "PDF 文件无法读取，可能已损坏或加密",
    );
    expect(reasonForStaff("unsupported file type .jpg: …")).toMatch(/^不支持这种文件类型/u);
    expect(reasonForStaff("something new")).toBe("无法读取这个文件");
  });
});
