/**
 * The heading styles Chinese bulletins use, recognised on normalised lines:
 * `一、` / `（一）` / `1.` / `（1）` / `- `. Shared by the line re-joiner (normalisation) and the
 * section parser.
 */

/** A heading numbering style. */
export type HeadingStyle = "cn-dun" | "cn-paren" | "num-dot" | "num-paren" | "dash";

const STYLES: Array<[HeadingStyle, RegExp]> = [
  ["cn-dun", /^[一二三四五六七八九十百]+、/u],
  ["cn-paren", /^[（(][一二三四五六七八九十]+[）)]/u],
  // `1.` but not a line that starts with a decimal figure such as `2.815万元`.
  ["num-dot", /^\d{1,3}[.．、](?!\d+(?:\.\d+)?[万亿%元])/u],
  ["num-paren", /^[（(]\d{1,3}[）)]/u],
  ["dash", /^[-－•·]\s*(?=\p{Script=Han})/u],
];

/** The heading marker at the start of a line, or null. */
export function headingMarker(line: string): { style: HeadingStyle; marker: string } | null {
  for (const [style, re] of STYLES) {
    const m = line.match(re);
    if (m) return { style, marker: m[0] };
  }
  return null;
}

/** The number a `1.`-style marker carries (for task numbers), or null. */
export function markerNumber(marker: string): number | null {
  const m = marker.match(/\d+/u);
  return m ? Number(m[0]) : null;
}

/** Lines that label a task's units in a task breakdown; they never start a heading. */
export const UNIT_LINE = /^(牵头单位|责任单位|配合单位)[:：]/u;

/** Longest heading text kept for a section title; longer lead sentences are cut with …. */
export const MAX_HEADING_CHARS = 40;

/**
 * The section title a heading line gives: the whole line when it is short, else the marker
 * plus its lead clause (up to the first 。：； ), cut at {@link MAX_HEADING_CHARS}.
 */
export function headingTitle(line: string): string {
  const lead = line.match(/^[^。：；]*[。：；]?/u)?.[0] ?? line;
  const title = lead.replace(/[。：；]$/u, "");
  return title.length > MAX_HEADING_CHARS ? `${title.slice(0, MAX_HEADING_CHARS)}…` : title;
}
