import { describe, expect, it } from "vitest";
import { DecodeError, decodeBytes } from "../../src/ingest/decode.js";
import { corpusBytes, corpusText } from "./fixtures.js";

/**
 * A GBK encoder built from Node's own GB18030 decoder: every two-byte code (lead 0x81–0xFE,
 * trail 0x40–0xFE without 0x7F) is decoded once and the table inverted. ASCII passes through.
 */
function gbkEncoder(): (text: string) => Uint8Array {
  const pairs: number[] = [];
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) if (trail !== 0x7f) pairs.push(lead, trail);
  }
  const decoded = new TextDecoder("gb18030").decode(new Uint8Array(pairs));
  if (decoded.length !== pairs.length / 2) throw new Error("GB18030 table does not line up");
  const table = new Map<string, [number, number]>();
  for (let i = decoded.length - 1; i >= 0; i--) table.set(decoded[i]!, [pairs[2 * i]!, pairs[2 * i + 1]!]);
  return (text) => {
    const out: number[] = [];
    for (const ch of text) {
      const code = ch.codePointAt(0)!;
      if (code < 0x80) out.push(code);
      else {
        const bytes = table.get(ch);
        if (!bytes) throw new Error(`not encodable in GBK: ${ch}`);
        out.push(...bytes);
      }
    }
    return new Uint8Array(out);
  };
}

const toGbk = gbkEncoder();
const UTF8_BOM = [0xef, 0xbb, 0xbf];
const GDP_2023 = "2023年，铁东区地区生产总值累计完成314.6亿元，按可比价格计算，同比增长7.3%。";
/** Invalid in UTF-8 (0x81 cannot start a sequence) and in GB18030 (0x7F cannot end a four-byte code). */
const INVALID_BOTH = [0x81, 0x30, 0x81, 0x7f];

const failure = (bytes: Uint8Array | number[]): string => {
  try {
    decodeBytes(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));
  } catch (e) {
    expect(e).toBeInstanceOf(DecodeError);
    return (e as Error).message;
  }
  throw new Error("decodeBytes did not throw");
};

describe("the GBK test encoder", () => {
  it("produces the known GBK bytes of 铁东区 and 鞍山市", () => {
    expect([...toGbk("铁东区")]).toEqual([0xcc, 0xfa, 0xb6, 0xab, 0xc7, 0xf8]);
    expect([...toGbk("鞍山市")]).toEqual([0xb0, 0xb0, 0xc9, 0xbd, 0xca, 0xd0]);
  });
});

describe("decodeBytes", () => {
  it("reads a UTF-8 corpus file as it is", () => {
    const bytes = corpusBytes("tiedong-2023-statistical-bulletin.txt");
    expect(decodeBytes(bytes)).toEqual({
      text: corpusText("tiedong-2023-statistical-bulletin.txt"),
      encoding: "utf-8",
    });
  });

  it("drops a UTF-8 byte-order mark", () => {
    const bytes = new Uint8Array([...UTF8_BOM, ...new TextEncoder().encode(GDP_2023)]);
    expect(decodeBytes(bytes)).toEqual({ text: GDP_2023, encoding: "utf-8" });
  });

  it("reads GBK bytes as GB18030", () => {
    expect(decodeBytes(new Uint8Array([0xcc, 0xfa, 0xb6, 0xab, 0xc7, 0xf8]))).toEqual({
      text: "铁东区",
      encoding: "gb18030",
    });
    expect(decodeBytes(toGbk(GDP_2023))).toEqual({ text: GDP_2023, encoding: "gb18030" });
  });

  it("reads a whole corpus document saved as GBK", () => {
    const text = corpusText("tiedong-2023-government-work-report-excerpt.txt");
    const gbk = toGbk(text);
    expect(gbk.length).toBeLessThan(new TextEncoder().encode(text).length);
    expect(decodeBytes(gbk)).toEqual({ text, encoding: "gb18030" });
  });

  it("rejects an empty file", () => {
    expect(failure([])).toBe("empty file");
  });

  it("rejects a file of whitespace only, with or without a byte-order mark", () => {
    expect(failure(new TextEncoder().encode(" \r\n\t\u3000\n"))).toBe("empty file (only whitespace)");
    expect(failure(UTF8_BOM)).toBe("empty file (only whitespace)");
  });

  it("rejects binary files: NUL bytes or many control characters", () => {
    const text = new TextEncoder().encode(GDP_2023);
    expect(failure([...text.slice(0, 12), 0, ...text.slice(12)])).toBe("binary file (contains NUL bytes)");
    const controls = [...GDP_2023].map((ch, i) => (i % 10 === 0 ? `${ch}\u0001\u0002` : ch)).join("");
    expect(failure(new TextEncoder().encode(controls))).toBe("binary file (control characters)");
  });

  it("rejects bytes that are neither UTF-8 nor GB18030", () => {
    // Preconditions: Node's own decoders reject these bytes.
    const bytes = new Uint8Array([...toGbk(GDP_2023), ...INVALID_BOTH]);
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow();
    expect(() => new TextDecoder("gb18030", { fatal: true }).decode(bytes)).toThrow();
    expect(failure(bytes)).toBe("undecodable: neither valid UTF-8 nor GB18030");
    expect(failure(INVALID_BOTH)).toBe("undecodable: neither valid UTF-8 nor GB18030");
  });

  it("rejects text without Chinese", () => {
    expect(failure(new TextEncoder().encode("0412-12345\n3.15\n"))).toBe(
      "no Chinese text after decoding as utf-8",
    );
  });
});
