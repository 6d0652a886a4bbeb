/**
 * The region a document speaks for, read from the whole document with the gazetteer:
 *
 * 1. its titles (YAML `title:`, title lines, the override's title): the most specific place
 *    named, same-named places told apart by how often the text names each one's parents;
 * 2. else its subtitle (`——2024年1月9日在乌鲁木齐市第十七届人民代表大会…`), issuing body and
 *    speaker lines (`成都市统计局`, `海南省省长`), and its opening paragraph (`2023年，铁东区…`);
 * 3. else the body: the place of the document's own level named most often (`宁波` in a report
 *    that says `全市` and `我代表市人民政府`).
 *
 * Every step keeps only places of the level the document speaks for ({@link issuerLevel}):
 * `全市` rules out the province a city report names in passing. People's names in speaker
 * lines and in a title's date brackets (`（2023年1月6日 江华）`) are not read as places.
 */
import type { DataQualityNote } from "../types.js";
import type { DocumentHead } from "./document-head.js";
import { findPlaces } from "./find-places.js";
import { divisionOf, divisionPath, qualifiedName, type Division } from "./gazetteer.js";
import { issuerLevel, suffixOf, type IssuerLevel } from "./issuer-level.js";

/** A region and the words it was read from. */
export interface RegionReading {
  code: string;
  evidence: string;
}

/** How often a division is named in a text (official name or short forms). */
function timesNamed(text: string, d: Division): number {
  return [d.name, ...d.short].reduce((n, name) => Math.max(n, text.split(name).length - 1), 0);
}

/** How strongly the whole text supports a division: its own and its ancestors' mentions. */
function support(text: string, code: string): number {
  return divisionPath(code).reduce((n, d) => n + timesNamed(text, d), 0);
}

/** Titles of office before a speaker's name: `市长王洪斌`, `海南省省长冯飞`, `主任：…`. */
const SPEAKER = /(省长|市长|州长|县长|区长|旗长|盟长|专员|主席|主任|书记|局长)[：:]?[\p{Script=Han}·]{2,8}$/u;
/** A name after a date or a venue inside brackets: `（2023年1月6日江华）`, `（…会议上韩俊）`. */
const BRACKETED_NAME = /(日|会议上|会上)[\p{Script=Han}·]{2,8}(?=[）)])/gu;

/** A head line without the people's names it may carry. */
export function withoutNames(line: string): string {
  return line.replace(BRACKETED_NAME, "$1").replace(SPEAKER, "$1");
}

/** Whether a division is of the level the document speaks for (any, when unknown). */
function fits(code: string, level: IssuerLevel | null): boolean {
  return !level || suffixOf(divisionOf(code)) === level.suffix;
}

/** The most specific division a piece of the head names, chosen with the text's support. */
function regionIn(part: string, text: string, level: IssuerLevel | null, strict: boolean): string | null {
  const named = findPlaces(withoutNames(part)).flatMap((m) => m.codes);
  const fitting = named.filter((c) => fits(c, level));
  const codes = fitting.length > 0 || strict ? fitting : named;
  if (codes.length === 0) return null;
  const deepestLevel = Math.max(...codes.map((c) => divisionOf(c).level));
  const deepest = [...new Set(codes.filter((c) => divisionOf(c).level === deepestLevel))];
  deepest.sort((a, b) => support(text, b) - support(text, a));
  // Same-named places the text cannot tell apart (铁东 with no parent named): not detected.
  if (deepest.length > 1 && support(text, deepest[0]!) === support(text, deepest[1]!)) return null;
  return deepest[0]!;
}

/** How much a mention of a place inside a division counts for the division (a province's cities). */
const INSIDE_WEIGHT = 0.5;

/**
 * The division of the document's level the body names most often, a place inside it (a
 * province's cities, a city's counties) counting {@link INSIDE_WEIGHT} for it; or null.
 */
function mostNamedInBody(text: string, level: IssuerLevel | null): RegionReading | null {
  if (!level) return null;
  const counts = new Map<string, number>();
  const add = (code: string, n: number) => counts.set(code, (counts.get(code) ?? 0) + n);
  for (const m of findPlaces(text)) {
    for (const c of m.codes) {
      const share = 1 / m.codes.length;
      if (fits(c, level)) add(c, share);
      for (const a of divisionPath(c).slice(0, -1))
        if (fits(a.code, level)) add(a.code, share * INSIDE_WEIGHT);
    }
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  if (!best || (second && second[1] === best[1])) return null;
  const d = divisionOf(best[0]);
  const times = timesNamed(text, d);
  return { code: best[0], evidence: `正文称${level.evidence}，并${times}次提到${d.name}` };
}

/**
 * The region of a document (see the module comment), or null when its text names none.
 * A title naming another place of the same level than the one chosen is recorded as a note.
 */
export function detectRegion(
  head: DocumentHead,
  text: string,
  notes: DataQualityNote[],
  givenTitle: string | undefined,
): RegionReading | null {
  const level = issuerLevel(text, [head.yamlTitle, ...head.titles, ...head.bylines].join("\n"));
  const titles = [givenTitle, head.yamlTitle, ...head.titles].filter((t): t is string => !!t);
  const titled = titles
    .map((t) => ({ t, code: regionIn(t, text, level, false) }))
    .filter((x): x is { t: string; code: string } => x.code !== null);
  if (titled.length > 0) {
    const best = [...titled].sort((a, b) => support(text, b.code) - support(text, a.code))[0]!;
    for (const x of titled) {
      if (x.code !== best.code && divisionOf(x.code).level === divisionOf(best.code).level) {
        const named = qualifiedName(x.code);
        const chosen = qualifiedName(best.code);
        notes.push({
          code: "title-region-mismatch",
          message: `原文标题“${x.t}”写作${named}，但正文所述为${chosen}；本系统按${chosen}处理。`,
        });
      }
    }
    return { code: best.code, evidence: best.t };
  }
  for (const part of [...head.subtitles, ...head.bylines, head.firstParagraph ?? ""]) {
    const code = regionIn(part, text, level, true);
    if (code) return { code, evidence: withoutNames(part).slice(0, 80) };
  }
  return mostNamedInBody(text, level);
}
