/**
 * Detects a document's metadata (title, city, district, period, kind) from its normalised
 * text. What the text cannot say comes from the corpus override file; where the text
 * contradicts itself a data-quality note is recorded instead of silently choosing.
 */
import { z } from "zod";
import type { DataQualityNote, DocumentKind, DocumentMeta, Script } from "../types.js";
import { ANSHAN_SUBDIVISIONS, CITIES, HOME_CITY, dominantPlace } from "./places.js";

/** Name of the override file inside corpus/. */
export const OVERRIDE_FILE = "metadata-overrides.json";

const KINDS: DocumentKind[] = ["统计公报", "政府工作报告", "任务分解方案", "计划执行报告"];

const overrideEntry = z
  .object({
    title: z.string().min(1),
    city: z.string().min(1),
    district: z.string().min(1).nullable(),
    period: z.string().regex(/^\d{4}年/u, "a period starts with a year, e.g. 2023年"),
    kind: z.enum(KINDS as [DocumentKind, ...DocumentKind[]]),
    reason: z.string().min(1),
  })
  .partial()
  .strict();

/** The override file: file name → fields to set, with the reason they cannot be detected. */
export const overrideFileSchema = z.record(z.string(), overrideEntry);
export type MetadataOverrides = z.infer<typeof overrideFileSchema>;

/** Words a document title ends with. */
const TITLE_WORDS = /(公报|报告|方案|通知|意见|决定|计划)/u;
const SENTENCE_END = /[。；！？：]$/u;

/** Returns the title-like blocks at the top of a document, lines joined where a title wraps. */
export function titleCandidates(text: string): string[] {
  const candidates: string[] = [];
  let pending = "";
  for (const line of text.split("\n")) {
    const l = line.trim();
    if (l === "") continue;
    if (l.startsWith("——")) continue; // a subtitle (speech venue) is not the title
    const paragraph = l.length > 80 || /[。；]/u.test(l.slice(0, -1)) || SENTENCE_END.test(l);
    if (paragraph || /^[一二三四五六七八九十]+、|^[（(][一二三四五六七八九十]+[）)]/u.test(l)) break;
    pending += l;
    if (TITLE_WORDS.test(pending.slice(-6)) || /[）)]$/u.test(pending)) {
      candidates.push(pending);
      pending = "";
    }
  }
  return candidates.filter((c) => TITLE_WORDS.test(c));
}

/** The kind of document a title (or, failing that, the text) describes. */
export function detectKind(title: string): DocumentKind | null {
  if (/任务分解|责任分工/u.test(title)) return "任务分解方案";
  if (/计划执行情况|计划的报告/u.test(title)) return "计划执行报告";
  if (/统计公报/u.test(title)) return "统计公报";
  if (/政府工作报告/u.test(title)) return "政府工作报告";
  return null;
}

/** The period a title names: `2024年上半年`, `2023年`, or null. */
export function detectPeriod(title: string): string | null {
  const m = title.match(/(\d{4})年(上半年|下半年|前三季度|一季度|第一季度)?/u);
  return m ? `${m[1]}年${m[2] ?? ""}` : null;
}

const DISTRICTS = Object.keys(ANSHAN_SUBDIVISIONS);

/** Everything {@link detectMetadata} needs besides the text. */
export interface MetadataInput {
  id: string;
  file: string;
  text: string;
  script: Script;
  encoding: string;
  sha256: string;
  override: MetadataOverrides[string] | undefined;
  /** Notes the normaliser already produced (hidden content, garbled characters). */
  notes: DataQualityNote[];
}

/** Thrown when a document's metadata can neither be detected nor found in the override file. */
export class MetadataError extends Error {
  constructor(
    message: string,
    readonly file: string,
  ) {
    super(message);
    this.name = "MetadataError";
  }
}

/** Detects a document's metadata; the override file fills in and wins over detection. */
export function detectMetadata(input: MetadataInput): DocumentMeta {
  const { text, override } = input;
  const notes = [...input.notes];
  const bodyCity = dominantPlace(text, CITIES) ?? HOME_CITY;
  const candidates = titleCandidates(text);
  const cityOf = (t: string) => CITIES.find((c) => t.includes(c)) ?? null;
  const consistent = candidates.find((c) => (cityOf(c) ?? bodyCity) === bodyCity);
  for (const c of candidates) {
    const named = cityOf(c);
    if (named && named !== bodyCity) {
      notes.push({
        code: "title-city-mismatch",
        message: `原文标题“${c}”写作${named}，但正文所述为${bodyCity}；本系统按${bodyCity}处理。`,
      });
    }
  }
  const detectedTitle = consistent ?? candidates[0] ?? null;
  const title = override?.title ?? detectedTitle;
  const kind = override?.kind ?? (title ? detectKind(title) : null);
  const period = override?.period ?? (title ? detectPeriod(title) : null);
  const district =
    override?.district !== undefined
      ? override.district
      : detectedTitle
        ? (DISTRICTS.find((d) => detectedTitle.includes(d)) ?? null)
        : dominantPlace(text, DISTRICTS);
  const missing = [
    ["title", title],
    ["kind", kind],
    ["period", period],
  ].filter(([, v]) => !v);
  if (missing.length > 0) {
    throw new MetadataError(
      `cannot detect ${missing.map(([k]) => k).join(", ")}; add an entry for "${input.file}" to corpus/${OVERRIDE_FILE}`,
      input.file,
    );
  }
  if (override) {
    const fields = Object.keys(override).filter((k) => k !== "reason");
    notes.push({
      code: "metadata-override",
      message: `${fields.join("、")}来自 ${OVERRIDE_FILE}：${override.reason ?? "原文未载明"}`,
    });
  }
  const city = override?.city ?? bodyCity;
  return {
    id: input.id,
    file: input.file,
    title: title!,
    city,
    district,
    region: district ?? city,
    period: period!,
    year: Number(period!.slice(0, 4)),
    kind: kind!,
    script: input.script,
    encoding: input.encoding,
    notes,
    sha256: input.sha256,
  };
}
