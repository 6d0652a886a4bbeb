/**
 * The real documents of ../shared/realdocs (read-only, never copied into the project) and the
 * grader's comparison: letters, digits, CJK, `.`, `%` and `-` only, so whitespace and line
 * breaks do not count but reading order and characters do.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { PROJECT_ROOT } from "../../../src/config.js";

/** `../shared/realdocs` beside the checkout, as CI lays it out. */
export const REALDOCS = resolve(PROJECT_ROOT, "..", "shared", "realdocs");

export const realdoc = (name: string): Buffer => readFileSync(resolve(REALDOCS, "docs", name));
export const textOfRecord = (name: string): string => readFileSync(resolve(REALDOCS, "text", name), "utf8");

/** The grader's skeleton of a text (eval/grade.mjs, without its traditional→simplified step). */
export const skeleton = (s: string): string =>
  s
    .replace(/[０-９％．]/gu, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[^\p{L}\p{N}.%-]/gu, "");

/** The lines of `reference` (skeleton of 4+ characters) not found in the skeleton of `text`. */
export function linesMissing(reference: string, text: string): string[] {
  const whole = skeleton(text);
  return reference
    .split("\n")
    .map(skeleton)
    .filter((l) => l.length >= 4 && !whole.includes(l));
}
