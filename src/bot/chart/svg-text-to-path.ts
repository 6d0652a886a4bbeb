/**
 * Replaces the `<text>` elements of an ECharts SVG with glyph outlines (`<path>`), using a font
 * file parsed once with fontkit.
 *
 * Why: resvg shapes every text element anew, and with a CJK font (thousands of glyphs, large
 * layout tables) that costs ~20 ms per element on the 2-core machine: a chart with 30 labels
 * took 600 ms. Outlines cached per glyph make text cost microseconds, and resvg then needs no
 * font at all, so what is drawn cannot depend on the fonts a machine happens to have.
 *
 * Handles what ECharts' SSR renderer writes: `x`/`y`, `transform`, `text-anchor`
 * (start/middle/end), `dominant-baseline` (central/middle/hanging/alphabetic), `font-size` and
 * `font-weight` in `style`, fill and stroke attributes (kept on the path).
 */
import * as fontkit from "fontkit";

/** A regular and a bold face. */
export interface FontFaces {
  regular: fontkit.Font;
  bold: fontkit.Font;
}

/** Opens the two faces; throws with the path when a file is missing or not a font. */
export function openFaces(regularPath: string, boldPath: string): FontFaces {
  const open = (path: string) => {
    try {
      return fontkit.openSync(path);
    } catch (cause) {
      throw new Error(`chart font ${path} could not be read`, { cause });
    }
  };
  return { regular: open(regularPath), bold: open(boldPath) };
}

const outlineCache = new WeakMap<fontkit.Font, Map<number, fontkit.PathCommand[]>>();

function outline(font: fontkit.Font, glyph: fontkit.Glyph): fontkit.PathCommand[] {
  let cache = outlineCache.get(font);
  if (!cache) outlineCache.set(font, (cache = new Map()));
  let commands = cache.get(glyph.id);
  if (!commands) cache.set(glyph.id, (commands = glyph.path.commands));
  return commands;
}

const round = (n: number) => Math.round(n * 100) / 100;

/** Path data of `text` with its baseline start at (x, y), `size` px high. Also its width. */
export function textPath(font: fontkit.Font, text: string, size: number, x: number, y: number) {
  const scale = size / font.unitsPerEm;
  const glyphs = font.glyphsForString(text);
  const parts: string[] = [];
  let pen = x;
  for (const glyph of glyphs) {
    for (const { command, args } of outline(font, glyph)) {
      const points: string[] = [];
      for (let i = 0; i + 1 < args.length; i += 2)
        points.push(`${round(pen + args[i]! * scale)} ${round(y - args[i + 1]! * scale)}`);
      const letter = { moveTo: "M", lineTo: "L", quadraticCurveTo: "Q", bezierCurveTo: "C", closePath: "Z" }[
        command
      ];
      parts.push(letter + points.join(" "));
    }
    pen += glyph.advanceWidth * scale;
  }
  return { d: parts.join(""), width: pen - x };
}

const ENTITIES: Record<string, string> = {
  "&lt;": "<",
  "&gt;": ">",
  "&amp;": "&",
  "&quot;": '"',
  "&#39;": "'",
};

function decode(text: string): string {
  return text.replace(/&(?:lt|gt|amp|quot|#39);/g, (e) => ENTITIES[e]!);
}

const KEPT =
  /^(transform|fill|fill-opacity|stroke|stroke-width|stroke-opacity|paint-order|stroke-miterlimit|opacity)$/;

/** The SVG with every `<text>` element replaced by a `<path>` of its outlines. */
export function textToPaths(svg: string, faces: FontFaces): string {
  return svg.replace(/<text\b([^>]*)>([\s\S]*?)<\/text>/g, (_all, rawAttrs: string, content: string) => {
    const attrs = new Map<string, string>();
    for (const m of rawAttrs.matchAll(/([\w:-]+)="([^"]*)"/g)) attrs.set(m[1]!, m[2]!);
    const style = attrs.get("style") ?? "";
    const size = Number(/font-size:\s*([\d.]+)px/.exec(style)?.[1] ?? 12);
    const bold = /font-weight:\s*(bold|[6-9]00)/.test(style);
    const font = bold ? faces.bold : faces.regular;
    const text = decode(content.replace(/<[^>]+>/g, ""));
    const scale = size / font.unitsPerEm;
    const x = Number(attrs.get("x") ?? 0);
    let y = Number(attrs.get("y") ?? 0);
    const baseline = attrs.get("dominant-baseline") ?? "alphabetic";
    if (baseline === "central" || baseline === "middle") y += ((font.ascent + font.descent) / 2) * scale;
    else if (baseline === "hanging" || baseline === "text-before-edge") y += font.ascent * scale;
    const width = font.glyphsForString(text).reduce((w, g) => w + g.advanceWidth, 0) * scale;
    const anchor = attrs.get("text-anchor") ?? "start";
    const start = anchor === "middle" ? x - width / 2 : anchor === "end" ? x - width : x;
    const { d } = textPath(font, text, size, start, y);
    const kept = [...attrs].filter(([name]) => KEPT.test(name)).map(([n, v]) => ` ${n}="${v}"`);
    return `<path d="${d}"${kept.join("")}/>`;
  });
}
