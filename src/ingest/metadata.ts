/**
 * Detects a document's metadata (title, region, period, kind) from its whole head: YAML front
 * matter, title lines, subtitle, issuing body and date lines and the first paragraph (see
 * {@link readHead}). The region is a division of the gazetteer (code and path), never a
 * default: a document whose region cannot be found is skipped unless the corpus override file
 * gives it. Where the text contradicts itself a data-quality note is recorded.
 */
import { z } from "zod";
import type { DataQualityNote, DocumentMeta, Script } from "../types.js";
import { readKind } from "./detect-kind.js";
import { detectRegion, withoutNames } from "./detect-region.js";
import { TITLE_WORDS, readHead, type DocumentHead } from "./document-head.js";
import { documentPeriod } from "./document-period.js";
import { findPlaces } from "./find-places.js";
import { divisionOf, divisionPath, gazetteer, qualifiedName } from "./gazetteer.js";
import { workReportYear } from "./work-report-year.js";

/** Name of the override file inside a corpus folder. */
export const OVERRIDE_FILE = "metadata-overrides.json";

const overrideEntry = z
  .object({
    title: z.string().min(1),
    /** A place name the gazetteer knows, qualified where needed (鞍山市铁东区). */
    region: z.string().min(1),
    city: z.string().min(1),
    district: z.string().min(1).nullable(),
    period: z.string().regex(/^\d{4}年/u, "a period starts with a year, e.g. 2023年"),
    kind: z.string().min(1),
    reason: z.string().min(1),
  })
  .partial()
  .strict();

/** The override file: file name → fields to set, with the reason they cannot be detected. */
export const overrideFileSchema = z.record(z.string(), overrideEntry);
export type MetadataOverrides = z.infer<typeof overrideFileSchema>;

export { detectKind } from "./detect-kind.js";
export { detectPeriod } from "./document-period.js";

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
  /** 1, 2 … for one of several documents of a file (see split-documents.ts). */
  part?: number;
  /**
   * For a later document of a file that holds several: the first document's region and kind,
   * taken when the part's own text names none (a collection of one region's bulletins where
   * only the newest keeps its title).
   */
  inherited?: Pick<DocumentMeta, "regionCode" | "kind" | "file">;
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

/** Resolves an override's place (region, or city + district) to a division. */
function overrideRegion(o: NonNullable<MetadataInput["override"]>, file: string): string | null {
  const name = o.region ?? `${o.city ?? ""}${o.district ?? ""}`;
  if (name === "") return null;
  const places = findPlaces(name);
  const codes = places[places.length - 1]?.codes ?? [];
  if (codes.length !== 1)
    throw new MetadataError(`override for "${file}": "${name}" is not one known division`, file);
  return codes[0]!;
}

/** Whether a kind label is a work report, read by the year it plans (work-report-year.ts). */
function isWorkReport(kind: string): boolean {
  return /工作报告/u.test(kind);
}

/** The region, period and kind read from the text, each with its evidence. */
function readFields(input: MetadataInput, head: DocumentHead, notes: DataQualityNote[]) {
  const { text, override } = input;
  const titles = [override?.title, head.yamlTitle, ...head.titles].filter((t): t is string => !!t);
  const body = text.slice(head.text.length);
  const kind = override?.kind
    ? { kind: override.kind, evidence: OVERRIDE_FILE }
    : readKind(titles, head.text, body);
  const inherited = input.inherited;
  const region =
    override?.region || override?.city
      ? { code: overrideRegion(override, input.file)!, evidence: OVERRIDE_FILE }
      : (detectRegion(head, text, notes, override?.title) ??
        (inherited ? { code: inherited.regionCode, evidence: `同一文件${inherited.file}的第一篇` } : null));
  if (inherited && kind.kind === "其他") {
    kind.kind = inherited.kind;
    kind.evidence = `同一文件${inherited.file}的第一篇`;
  }
  const period = override?.period
    ? { period: override.period, evidence: OVERRIDE_FILE }
    : isWorkReport(kind.kind)
      ? workPeriod(titles, head, body)
      : documentPeriod(titles, head, text);
  return { titles, kind, region, period };
}

/** A work report's period: the year it plans, else what its title names. */
function workPeriod(titles: readonly string[], head: DocumentHead, body: string) {
  const planned = workReportYear(titles, [...head.subtitles, ...head.bylines, ...titles].join("\n"), body);
  return planned
    ? { period: `${planned.year}年`, evidence: planned.evidence }
    : documentPeriod(titles, head, body);
}

/**
 * Detects a document's metadata from its whole text; the override file fills in and wins over
 * detection. Only a document whose region cannot be found anywhere in its text (or that names
 * no year at all) is refused, with a {@link MetadataError} naming it: a missing title is
 * composed from the metadata (with a note) and a missing kind is 其他.
 */
export function detectMetadata(input: MetadataInput): DocumentMeta {
  const { text, override } = input;
  const notes = [...input.notes];
  const head = readHead(text);
  const { titles, kind, region, period } = readFields(input, head, notes);
  const missing = [
    ["region", region],
    ["period", period],
  ].filter(([, v]) => !v);
  if (missing.length > 0 || !region || !period) {
    throw new MetadataError(
      `cannot detect ${missing.map(([k]) => k).join(", ")} anywhere in its text; add an entry for "${input.file}" to ${OVERRIDE_FILE} in its corpus folder`,
      input.file,
    );
  }
  // The title that names the chosen region (a first title line naming another place is noted).
  const named = titles.filter((t) => !/^\d{4}年?$/u.test(t));
  const title =
    override?.title ??
    chooseTitle(named, region.code) ??
    composedTitle(region.code, period.period, kind.kind);
  if (!override?.title && named.length === 0)
    notes.push({ code: "title-composed", message: `原文无标题，标题“${title}”按其地区、年份和文种补记。` });
  if (override) {
    const fields = Object.keys(override).filter((k) => k !== "reason");
    notes.push({
      code: "metadata-override",
      message: `${fields.join("、")}来自 ${OVERRIDE_FILE}：${override.reason ?? "原文未载明"}`,
    });
  }
  const path = divisionPath(region.code);
  const own = path[path.length - 1]!;
  const city = [...path].reverse().find((d) => d.level <= 2) ?? own;
  return {
    id: input.id,
    file: input.file,
    ...(input.part ? { part: input.part } : {}),
    title,
    city: city.name,
    district: own.level === 3 ? own.name : null,
    region: own.name,
    regionCode: own.code,
    regionPath: path.map((d) => d.name),
    period: period.period,
    year: Number(period.period.slice(0, 4)),
    kind: kind.kind,
    script: input.script,
    encoding: input.encoding,
    notes,
    sha256: input.sha256,
    evidence: { region: region.evidence, period: period.evidence, kind: kind.evidence },
  };
}

/**
 * The title to show: among the titles that name no other place of the region's level, one
 * with a kind word naming the region and a year, else with a kind word and a year, else with
 * a kind word, else any.
 */
function chooseTitle(titles: readonly string[], code: string): string | null {
  const level = divisionOf(code).level;
  const places = (t: string) => findPlaces(withoutNames(t)).flatMap((m) => m.codes);
  const consistent = titles.filter((t) => {
    const codes = places(t);
    return codes.includes(code) || !codes.some((c) => divisionOf(c).level === level);
  });
  const withKind = (t: string) => TITLE_WORDS.test(t);
  const withYear = (t: string) => /\d{4}|[〇一二三四五六七八九]{4}年/u.test(t);
  return (
    consistent.find((t) => withKind(t) && withYear(t) && places(t).includes(code)) ??
    consistent.find((t) => withKind(t) && withYear(t)) ??
    consistent.find(withKind) ??
    consistent[0] ??
    titles[0] ??
    null
  );
}

/** A title for a document that has none: `宁波市2010年政府工作报告`. */
function composedTitle(code: string, period: string, kind: string): string {
  return `${qualifiedName(code)}${period}${kind === "其他" ? "文件" : kind}`;
}

/** The gazetteer is loaded lazily; ingest calls this to report its cost separately if wanted. */
export function warmGazetteer(): number {
  const t0 = performance.now();
  gazetteer();
  return performance.now() - t0;
}
