/**
 * Detects a document's metadata (title, region, period, kind) from its whole head: YAML front
 * matter, title lines, subtitle, issuing body and date lines and the first paragraph (see
 * {@link readHead}). The region is a division of the gazetteer (code and path), never a
 * default: a document whose region cannot be found is skipped unless the corpus override file
 * gives it. Where the text contradicts itself a data-quality note is recorded.
 */
import { z } from "zod";
import type { DataQualityNote, DocumentKind, DocumentMeta, Script } from "../types.js";
import { readHead, type DocumentHead } from "./document-head.js";
import { findPlaces } from "./find-places.js";
import { divisionOf, divisionPath, gazetteer, qualifiedName, type Division } from "./gazetteer.js";

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

/**
 * Labels of document kinds, most specific first; the label is read from the title and only
 * shown to people. Logic uses properties read from the words of the title instead
 * (see statement-period.ts), so an unlisted kind is labelled by its last title word.
 */
const KIND_LABELS: Array<[RegExp, string]> = [
  [/任务分解|责任分工/u, "任务分解方案"],
  [/计划执行情况|计划的报告/u, "计划执行情况报告"],
  [/统计公报/u, "统计公报"],
  [/政府工作报告/u, "政府工作报告"],
  [/经济运行/u, "经济运行情况"],
  [/统计月报/u, "统计月报"],
];

/** The kind label a title gives: 统计公报, 政府工作报告 …, the title's last word, or 其他. */
export function detectKind(title: string): DocumentKind {
  for (const [re, label] of KIND_LABELS) if (re.test(title)) return label;
  return (
    title
      .replace(/[（(][^）)]*[）)]$/u, "")
      .match(/(公报|报告|方案|通知|意见|决定|计划|规划|要点|月报|快报)$/u)?.[1] ?? "其他"
  );
}

/** The period a title names: `2024年上半年`, `2023年1-9月`, `2023年`, or null. */
export function detectPeriod(title: string): string | null {
  const m = title.match(
    /(\d{4})年(?:度)?(上半年|下半年|前三季度|[一二三四]季度|第[一二三四]季度|1[-—～~]\d{1,2}月)?/u,
  );
  if (!m) return null;
  const part = (m[2] ?? "").replace(/^第/u, "").replace(/[—～~]/u, "-");
  return `${m[1]}年${part === "1-12月" ? "" : part}`;
}

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

/** How often a division is named in a text (official name or short forms). */
function timesNamed(text: string, d: Division): number {
  return [d.name, ...d.short].reduce((n, name) => Math.max(n, text.split(name).length - 1), 0);
}

/** How strongly the whole text supports a division: its own and its ancestors' mentions. */
function support(text: string, code: string): number {
  return divisionPath(code).reduce((n, d) => n + timesNamed(text, d), 0);
}

/** The most specific division a piece of the head names, chosen with the text's support. */
function regionIn(part: string, text: string): string | null {
  const codes = findPlaces(part).flatMap((m) => m.codes);
  if (codes.length === 0) return null;
  const level = Math.max(...codes.map((c) => divisionOf(c).level));
  const deepest = [...new Set(codes.filter((c) => divisionOf(c).level === level))];
  deepest.sort((a, b) => support(text, b) - support(text, a));
  // Same-named places the text cannot tell apart (铁东 with no parent named): not detected.
  if (deepest.length > 1 && support(text, deepest[0]!) === support(text, deepest[1]!)) return null;
  return deepest[0]!;
}

/** The region of a document: from its title(s), subtitle, bylines, then first paragraph. */
function detectRegion(
  head: DocumentHead,
  text: string,
  notes: DataQualityNote[],
  givenTitle: string | undefined,
): string | null {
  const titles = [givenTitle, head.yamlTitle, ...head.titles].filter((t): t is string => !!t);
  const titled = titles.map((t) => ({ t, code: regionIn(t, text) })).filter((x) => x.code);
  if (titled.length > 0) {
    const best = [...titled].sort((a, b) => support(text, b.code!) - support(text, a.code!))[0]!;
    for (const x of titled) {
      if (x.code !== best.code && divisionOf(x.code!).level === divisionOf(best.code!).level) {
        const named = qualifiedName(x.code!);
        const chosen = qualifiedName(best.code!);
        notes.push({
          code: "title-region-mismatch",
          message: `原文标题“${x.t}”写作${named}，但正文所述为${chosen}；本系统按${chosen}处理。`,
        });
      }
    }
    return best.code;
  }
  for (const part of [...head.subtitles, ...head.bylines, head.firstParagraph ?? ""]) {
    const code = regionIn(part, text);
    if (code) return code;
  }
  return null;
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

/** Detects a document's metadata; the override file fills in and wins over detection. */
export function detectMetadata(input: MetadataInput): DocumentMeta {
  const { text, override } = input;
  const notes = [...input.notes];
  const head = readHead(text);
  const titles = [head.yamlTitle, ...head.titles].filter((t): t is string => !!t);
  const regionCode =
    (override ? overrideRegion(override, input.file) : null) ??
    detectRegion(head, text, notes, override?.title);
  // The title that names the chosen region (a first title line naming another place is noted).
  const consistent = titles.filter((t) => !regionCode || [null, regionCode].includes(regionIn(t, text)));
  const title =
    override?.title ?? consistent.find((t) => /\d{4}年/u.test(t)) ?? consistent[0] ?? titles[0] ?? null;
  const kind = override?.kind ?? (title ? detectKind(title) : null);
  const periodSources = [title, ...titles, ...head.subtitles, ...head.bylines, head.firstParagraph];
  const period =
    override?.period ?? periodSources.map((s) => (s ? detectPeriod(s) : null)).find((p) => p) ?? null;
  const missing = [
    ["title", title],
    ["kind", kind],
    ["period", period],
    ["region", regionCode],
  ].filter(([, v]) => !v);
  if (missing.length > 0) {
    throw new MetadataError(
      `cannot detect ${missing.map(([k]) => k).join(", ")}; add an entry for "${input.file}" to ${OVERRIDE_FILE} in its corpus folder`,
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
  const path = divisionPath(regionCode!);
  const own = path[path.length - 1]!;
  const city = [...path].reverse().find((d) => d.level <= 2) ?? own;
  return {
    id: input.id,
    file: input.file,
    title: title!,
    city: city.name,
    district: own.level === 3 ? own.name : null,
    region: own.name,
    regionCode: own.code,
    regionPath: path.map((d) => d.name),
    period: period!,
    year: Number(period!.slice(0, 4)),
    kind: kind!,
    script: input.script,
    encoding: input.encoding,
    notes,
    sha256: input.sha256,
  };
}

/** The gazetteer is loaded lazily; ingest calls this to report its cost separately if wanted. */
export function warmGazetteer(): number {
  const t0 = performance.now();
  gazetteer();
  return performance.now() - t0;
}
