/**
 * Reads a Bot API request's parameters the way Telegram accepts them: the URL query, a JSON
 * body, an urlencoded body or a multipart/form-data body (file uploads). Used by
 * bot-api-server.ts; multipart is parsed by Node's own fetch implementation (undici).
 */
import type { IncomingMessage } from "node:http";

/** A file uploaded in a multipart request. */
export interface UploadedFile {
  /** The multipart field that carried it (the attach:// name, or the parameter itself). */
  field: string;
  filename: string;
  mimeType: string;
  bytes: Buffer;
}

/** Everything a request's body holds, with attach:// references resolved to their parameter. */
export interface RequestParams {
  params: Record<string, unknown>;
  files: Record<string, UploadedFile>;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

interface Part {
  name: string;
  filename: string | null;
  type: string;
  body: Buffer;
}

/**
 * Splits a multipart/form-data body (RFC 7578). Lenient where clients are: grammY writes
 * `content-disposition:form-data;name="x";filename=chart.png` (no spaces, unquoted filename),
 * which undici's FormData parser rejects.
 */
export function splitMultipart(body: Buffer, boundary: string): Part[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: Part[] = [];
  let at = body.indexOf(delimiter);
  if (at < 0) throw new Error("multipart body without its boundary");
  for (;;) {
    at += delimiter.length;
    if (body.subarray(at, at + 2).toString() === "--") break;
    if (body.subarray(at, at + 2).toString() === "\r\n") at += 2;
    const next = body.indexOf(delimiter, at);
    if (next < 0) throw new Error("multipart body not terminated");
    const raw = body.subarray(at, body.subarray(next - 2, next).toString() === "\r\n" ? next - 2 : next);
    const split = raw.indexOf("\r\n\r\n");
    if (split < 0) throw new Error("multipart part without headers");
    const headers = raw.subarray(0, split).toString("utf8");
    const disposition = /content-disposition:\s*form-data\s*;([^\r\n]*)/i.exec(headers)?.[1] ?? "";
    const attribute = (key: string) => {
      const m = new RegExp(`(?:^|;)\\s*${key}=(?:"((?:[^"\\\\]|\\\\.)*)"|([^;]*))`, "i").exec(disposition);
      return m ? (m[1] ?? m[2] ?? "").trim() : null;
    };
    const name = attribute("name");
    if (name === null) throw new Error("multipart part without a name");
    const extended = attribute("filename\\*");
    const filename = extended ? decodeURIComponent(extended.replace(/^UTF-8''/i, "")) : attribute("filename");
    const type = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1]?.trim() ?? "application/octet-stream";
    parts.push({ name, filename, type, body: Buffer.from(raw.subarray(split + 4)) });
    at = next;
  }
  return parts;
}

/** Parses the query and body of a request; throws on a malformed JSON or multipart body. */
export async function readRequestParams(req: IncomingMessage, url: URL): Promise<RequestParams> {
  const params: Record<string, unknown> = Object.fromEntries(url.searchParams);
  const files: Record<string, UploadedFile> = {};
  const body = await readBody(req);
  const type = (req.headers["content-type"] ?? "").toLowerCase();
  if (body.length === 0) return { params, files };
  if (type.startsWith("application/json")) {
    const json: unknown = JSON.parse(body.toString("utf8"));
    if (!json || typeof json !== "object" || Array.isArray(json))
      throw new Error("JSON body must be an object");
    Object.assign(params, json);
  } else if (type.startsWith("application/x-www-form-urlencoded")) {
    Object.assign(params, Object.fromEntries(new URLSearchParams(body.toString("utf8"))));
  } else if (type.startsWith("multipart/form-data")) {
    const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(req.headers["content-type"] ?? "");
    if (!boundary) throw new Error("multipart body without a boundary");
    const uploads = new Map<string, UploadedFile>();
    for (const part of splitMultipart(body, boundary[1] ?? boundary[2]!)) {
      if (part.filename === null) params[part.name] = part.body.toString("utf8");
      else
        uploads.set(part.name, {
          field: part.name,
          filename: part.filename,
          mimeType: part.type,
          bytes: part.body,
        });
    }
    // A parameter "attach://x" refers to the part named x; a part named like a parameter is it.
    for (const [name, value] of Object.entries(params)) {
      const ref = typeof value === "string" ? /^attach:\/\/(.+)$/.exec(value)?.[1] : undefined;
      const upload = ref ? uploads.get(ref) : undefined;
      if (upload) files[name] = upload;
    }
    for (const [name, upload] of uploads) if (!(name in params)) files[name] = upload;
  }
  return { params, files };
}
