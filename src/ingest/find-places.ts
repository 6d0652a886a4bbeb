/**
 * Finds the places a text names, with the gazetteer: longest name first at each position,
 * parents used to tell same-named places apart (鞍山市铁东区 vs 四平市铁东区) and dropped as
 * qualifiers when they only say where the next place is. Development zones the gazetteer
 * does not list (高新区, XX经济开发区) are found by their pattern so they are never dropped.
 */
import { NATION_CODE, divisionOf, gazetteer, isAncestor } from "./gazetteer.js";

/** One place named in a text. */
export interface PlaceMention {
  /** As written: 海拉尔, 鞍山市铁东区 (qualifier included), 高新区. */
  written: string;
  start: number;
  end: number;
  /** The divisions it may be (more than one when the name alone is ambiguous); [] for a zone the gazetteer lacks. */
  codes: string[];
  /** True when matched by a short form (海拉尔) rather than the official name. */
  short: boolean;
}

/** Options of {@link findPlaces}. */
export interface FindPlacesOptions {
  /** Character positions that cannot be part of a place (e.g. indicator names already found). */
  masked?: readonly boolean[];
  /** Keep qualifying parents (鞍山市 in 鞍山市铁东区) as mentions of their own; default false. */
  keepQualifiers?: boolean;
}

const HAN = /\p{Script=Han}/u;
/**
 * What may stand right before a short form: the start, a non-Han character, a date word
 * (2021年, 年末), or a particle or verb that ends a word (的, 和, 对比, 查询 …).
 */
/** What may follow a county's short form: the end, a non-Han character, 年, or a particle. */
const WORD_END = /^(?:$|[^\p{Script=Han}]|[年的和与及、同跟在今去上下全])/u;
const WORD_START = /(?:^|[^\p{Script=Han}]|[年月日的和与及同跟在对从比较是问查请看说])$/u;
/** A development zone the gazetteer may lack: 高新区, 鞍山经济开发区, 达道湾工业园区. */
const ZONE =
  /\p{Script=Han}{0,6}?(?:高新技术产业开发区|经济技术开发区|经济开发区|高新区|经开区|工业园区|产业园区)/gu;

function rawMentions(text: string, masked: readonly boolean[] | undefined): PlaceMention[] {
  const g = gazetteer();
  const out: PlaceMention[] = [];
  for (let i = 0; i < text.length;) {
    let found: PlaceMention | null = null;
    for (let len = Math.min(g.maxNameLength, text.length - i); len >= 2 && !found; len--) {
      const name = text.slice(i, i + len);
      const entry = g.names.get(name);
      if (!entry) continue;
      if (masked && masked.slice(i, i + len).some(Boolean)) continue;
      const previousEnds = out[out.length - 1]?.end === i;
      // A short form (增城, 民和) starts where a word can start, never inside one (新增城镇, 居民和).
      if (entry.short && !previousEnds && !WORD_START.test(text.slice(Math.max(0, i - 2), i))) continue;
      // A county's short form (铁东, 海拉尔) must also end where a word can end: 新建改造 names
      // no 新建区. Prefectures and provinces (成都城镇居民, 黔东南州) are typed before any word.
      if (entry.short && entry.codes.every((c) => divisionOf(c).level === 3)) {
        if (!WORD_END.test(text.slice(i + len, i + len + 1))) continue;
      }
      // Two-character names (赵县, 城区) only where they stand alone: not inside a word (中心城区).
      if (len === 2 && !entry.short && !entry.codes.includes(NATION_CODE)) {
        const before = text[i - 1];
        const after = text[i + len];
        const alone = before === undefined || !HAN.test(before) || previousEnds;
        const ends = after === undefined || !HAN.test(after) || after === "年";
        if (!alone || !(ends || /\d/u.test(after ?? ""))) {
          if (!(alone && after !== undefined && /^[\d年]/u.test(text.slice(i + len)))) continue;
        }
      }
      found = { written: name, start: i, end: i + len, codes: [...entry.codes], short: entry.short };
    }
    if (found) {
      out.push(found);
      i = found.end;
    } else i++;
  }
  for (const m of text.matchAll(ZONE)) {
    const start = m.index;
    const end = start + m[0].length;
    const inside = out.filter((p) => p.start < end && start < p.end);
    // A zone the gazetteer lists (石家庄高新技术产业开发区) is already a mention of its own.
    if (inside.some((p) => p.start <= start && p.end >= end)) continue;
    for (const p of inside) out.splice(out.indexOf(p), 1);
    out.push({ written: m[0], start, end, codes: [], short: false });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Keeps the codes of an ambiguous mention whose ancestor another mention names. */
function narrow(mentions: PlaceMention[]): void {
  for (const m of mentions) {
    if (m.codes.length < 2) continue;
    const others = mentions.filter((o) => o !== m).flatMap((o) => o.codes);
    const kept = m.codes.filter((c) => others.some((a) => isAncestor(a, c)));
    if (kept.length > 0) m.codes = kept;
  }
}

/**
 * The places a text names, in text order. A parent written right before its child
 * (鞍山市铁东区, 辽宁省鞍山市) is folded into the child's mention unless `keepQualifiers`.
 */
export function findPlaces(text: string, options: FindPlacesOptions = {}): PlaceMention[] {
  const mentions = rawMentions(text, options.masked);
  narrow(mentions);
  if (options.keepQualifiers) return mentions;
  const out: PlaceMention[] = [];
  for (const m of mentions) {
    const previous = out[out.length - 1];
    if (
      previous &&
      previous.end === m.start &&
      previous.codes.length > 0 &&
      m.codes.length > 0 &&
      m.codes.every((c) => previous.codes.some((p) => isAncestor(p, c)))
    ) {
      out[out.length - 1] = { ...m, written: previous.written + m.written, start: previous.start };
      continue;
    }
    out.push(m);
  }
  return out;
}
