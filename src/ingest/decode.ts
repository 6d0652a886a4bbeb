/**
 * Turns a corpus file's bytes into text. Bulletins arrive as UTF-8 (with or without BOM) or
 * as GB18030/GBK; anything else (empty, binary, undecodable) is rejected with a reason.
 */

/** Why a file could not be decoded; the loader reports it by file name and goes on. */
export class DecodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DecodeError";
  }
}

/** The decoded text and the encoding it was read as. */
export interface Decoded {
  text: string;
  encoding: "utf-8" | "gb18030";
}

/** Share of control characters above which a file is treated as binary. */
const MAX_CONTROL_SHARE = 0.01;

function controlShare(text: string): number {
  let control = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if ((c < 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) || c === 0xfffd) control++;
  }
  return control / Math.max(1, text.length);
}

/** Share of CJK ideographs among non-space characters: a decoding that yields none is suspect. */
function hanShare(text: string): number {
  const visible = text.replace(/\s/g, "");
  const han = visible.match(/\p{Script=Han}/gu)?.length ?? 0;
  return han / Math.max(1, visible.length);
}

/**
 * Decodes bytes as UTF-8 when they are valid UTF-8, else as GB18030 (a superset of GBK and
 * GB2312). Throws {@link DecodeError} for an empty file, a binary file (NUL bytes or many
 * control characters) and bytes that decode in neither encoding to Chinese text.
 */
export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) throw new DecodeError("empty file");
  if (bytes.includes(0)) throw new DecodeError("binary file (contains NUL bytes)");
  const candidates: Decoded[] = [];
  try {
    candidates.push({ text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" });
  } catch {
    // Not UTF-8: GB18030 below.
  }
  if (candidates.length === 0) {
    try {
      candidates.push({
        text: new TextDecoder("gb18030", { fatal: true }).decode(bytes),
        encoding: "gb18030",
      });
    } catch {
      throw new DecodeError("undecodable: neither valid UTF-8 nor GB18030");
    }
  }
  const decoded = candidates[0]!;
  const text = decoded.text.replace(/^\uFEFF/, "");
  if (text.trim() === "") throw new DecodeError("empty file (only whitespace)");
  if (controlShare(text) > MAX_CONTROL_SHARE) throw new DecodeError("binary file (control characters)");
  if (hanShare(text) < 0.2) {
    throw new DecodeError(`no Chinese text after decoding as ${decoded.encoding}`);
  }
  return { text, encoding: decoded.encoding };
}
