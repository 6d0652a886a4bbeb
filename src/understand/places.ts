/**
 * The place dimension: the places a question names, with the gazetteer (src/ingest): official
 * names and short forms (铁东, 海拉尔, 黔东南州), a parent written before its child folded in and
 * deciding which same-named division is meant (鞍山市铁东区 vs 四平市铁东区), development zones
 * the gazetteer lacks kept as places (高新区). Indicator names cannot hold a place (工业, 生产).
 * Example corpus: src/understand/corpus/places.ts.
 */
import { findPlaces, type PlaceMention } from "../ingest/find-places.js";
import { divisionOf, divisionPath, gazetteer } from "../ingest/gazetteer.js";
import type { MarkedText } from "./marks.js";
import type { PlaceRef } from "./question.js";

/**
 * The place as the user wrote it: conversion to simplified script also rewrites a few
 * characters of names (乾县 → 干县), so the official name or short form found in the message
 * as received is preferred.
 */
function asWritten(p: PlaceMention, original: string): string {
  if (original.includes(p.written)) return p.written;
  for (const code of p.codes) {
    const d = divisionOf(code);
    const spelled = [d.name, ...d.short]
      .sort((a, b) => b.length - a.length)
      .find((n) => original.includes(n));
    if (spelled) return spelled;
  }
  return p.written;
}

/** Whether a mention carries its parent (鞍山市铁东区): it then names one division exactly. */
function isQualified(p: PlaceMention): boolean {
  if (p.codes.length !== 1) return false;
  const parents = divisionPath(p.codes[0]!).slice(0, -1);
  return parents.some((d) => [d.name, ...d.short].some((n) => p.written.startsWith(n)));
}

/** One place as a {@link PlaceRef}. */
export function placeRef(p: PlaceMention, original: string): PlaceRef {
  const written = asWritten(p, original);
  const names = [...new Set(p.codes.map((c) => divisionOf(c).name))];
  return {
    written,
    codes: [...p.codes],
    name: names.length === 1 ? names[0]! : written,
    qualified: isQualified(p),
  };
}

/** What may stand before a held region's short form typed straight into a noun (铁东幼儿园). */
const FORM_START = /(?:^|[^\p{Script=Han}]|[年的在和与及跟对比])$/u;

/**
 * The held regions written by a short form run into the next word (`铁东幼儿园`, `立山社零`),
 * which the gazetteer alone does not take for places (a county's short form must end a word
 * there): the regions the corpus holds are what questions are about, so their own names and
 * short forms count wherever a word may start.
 */
function heldPlaces(text: MarkedText, masked: readonly boolean[], held: readonly string[]): PlaceMention[] {
  const out: PlaceMention[] = [];
  for (const name of held) {
    const entry = gazetteer().names.get(name);
    if (!entry) continue;
    const forms = [
      ...new Set(entry.codes.flatMap((c) => [divisionOf(c).name, ...divisionOf(c).short])),
    ].filter((f) => f.length >= 2);
    for (const form of forms.sort((a, b) => b.length - a.length)) {
      for (let at = text.text.indexOf(form); at >= 0; at = text.text.indexOf(form, at + 1)) {
        const end = at + form.length;
        if (
          text.overlaps(at, end) ||
          masked.slice(at, end).some(Boolean) ||
          !FORM_START.test(text.text.slice(0, at))
        )
          continue;
        out.push({ written: form, start: at, end, codes: [...entry.codes], short: form !== name });
      }
    }
  }
  return out;
}

/**
 * Reads and takes the places of a question. `masked` marks characters that cannot be part of a
 * place (indicator names already found); `original` is the message as received; `held` names
 * the regions the corpus holds.
 */
export function readPlaces(
  text: MarkedText,
  masked: readonly boolean[],
  original: string,
  held: readonly string[] = [],
): PlaceRef[] {
  const places: PlaceRef[] = [];
  const add = (p: PlaceMention) => {
    if (text.overlaps(p.start, p.end)) return;
    text.take(p.start, p.end);
    const ref = placeRef(p, original);
    if (!places.some((q) => q.name === ref.name && q.codes.join() === ref.codes.join())) places.push(ref);
  };
  for (const p of findPlaces(text.text, { masked })) add(p);
  for (const p of heldPlaces(text, masked, held)) add(p);
  return places;
}

/** The place a name given alone means (`/region 铁东`, a list of held regions), or null. */
export function placeNamed(name: string): PlaceRef | null {
  const found = findPlaces(name);
  return found.length === 1 && found[0]!.end - found[0]!.start === name.length
    ? placeRef(found[0]!, name)
    : null;
}
