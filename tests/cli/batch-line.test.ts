import { describe, expect, it } from "vitest";
import { parseBatchLine } from "../../src/cli/batch-line.js";

describe("parseBatchLine", () => {
  it("reads plain lines as independent questions", () => {
    expect(parseBatchLine("铁东区2023年GDP")).toEqual({ q: "铁东区2023年GDP", chat: null });
  });
  it("reads JSON lines with and without a chat", () => {
    expect(parseBatchLine('{"q":"那2022年的呢","chat":"K-C1"}')).toEqual({ q: "那2022年的呢", chat: "K-C1" });
    expect(parseBatchLine('{"q":"铁东区2023年GDP"}')).toEqual({ q: "铁东区2023年GDP", chat: null });
    expect(parseBatchLine('{"q":"x","chat":7}')).toEqual({ q: "x", chat: "7" });
  });
  it("keeps a line that only looks like JSON as a question", () => {
    expect(parseBatchLine("{铁东区GDP")).toEqual({ q: "{铁东区GDP", chat: null });
    expect(parseBatchLine('{"text":"x"}')).toEqual({ q: '{"text":"x"}', chat: null });
  });
});
