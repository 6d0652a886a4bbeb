/**
 * Draws a {@link ChartSpec} as a PNG on the server, without a browser: ECharts' server-side SVG
 * renderer → text turned into glyph outlines (svg-text-to-path.ts, font from the npm package
 * @embedpdf/fonts-sc: Noto Sans SC as OTF, GB2312 coverage) → resvg (Rust, prebuilt in its npm
 * package) rasterises. No system fonts, no network, no canvas/cairo build.
 *
 * Layout: title (region, indicator, unit) on top; one bar per point, every bar labelled with the
 * figure as published; computed values in orange, each marked （计算值）; the sources under the
 * chart.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Resvg } from "@resvg/resvg-js";
import * as echarts from "echarts";
import type { ChartSpec } from "./chart-data.js";
import { openFaces, textToPaths, type FontFaces } from "./svg-text-to-path.js";

/** A rendered chart. */
export interface RenderedChart {
  png: Buffer;
  /** The SVG before rasterising, text still as `<text>` (for tests and debugging). */
  svg: string;
  width: number;
  height: number;
}

/** Options of {@link renderChart}. */
export interface RenderOptions {
  /** Pixel width (default 960); the height follows from the number of bars and sources. */
  width?: number;
  /** Font files; default: Noto Sans SC Regular and Bold from @embedpdf/fonts-sc. */
  faces?: FontFaces;
}

let defaultFaces: FontFaces | undefined;

/** The package's font files (found through Node's resolver, so any install layout works). */
export function packagedFontPaths(): { regular: string; bold: string } {
  const require = createRequire(import.meta.url);
  const root = join(dirname(require.resolve("@embedpdf/fonts-sc")), "..", "fonts");
  return { regular: join(root, "NotoSansHans-Regular.otf"), bold: join(root, "NotoSansHans-Bold.otf") };
}

/** The default faces, opened once per process. */
export function chartFaces(): FontFaces {
  if (!defaultFaces) {
    const paths = packagedFontPaths();
    defaultFaces = openFaces(paths.regular, paths.bold);
  }
  return defaultFaces;
}

const BAR = "#3b6fb6";
const NEGATIVE = "#c0504d";
const COMPUTED = "#d9822b";
const FONT = "Noto Sans SC";

/** The ECharts option for a spec (exported for tests). */
export function chartOption(spec: ChartSpec, footerHeight: number): echarts.EChartsOption {
  const horizontal = spec.kind === "growth";
  const categories = spec.points.map((p) => p.label);
  const data = spec.points.map((p) => ({
    value: p.value,
    itemStyle: { color: p.computed ? COMPUTED : p.value < 0 ? NEGATIVE : BAR },
    label: { formatter: p.computed ? `${p.text}（计算值）` : p.text },
  }));
  const category = {
    type: "category" as const,
    data: categories,
    axisLabel: { fontSize: 14, color: "#333" },
  };
  const value = { type: "value" as const, name: spec.unit, axisLabel: { fontSize: 12 } };
  return {
    animation: false,
    backgroundColor: "#ffffff",
    textStyle: { fontFamily: FONT },
    title: { text: spec.title, left: "center", top: 14, textStyle: { fontSize: 22, fontWeight: "bold" } },
    grid: { left: horizontal ? 160 : 80, right: 90, top: 80, bottom: footerHeight + 40, containLabel: false },
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? { ...category, inverse: true } : value,
    series: [
      {
        type: "bar",
        barMaxWidth: 90,
        data,
        label: {
          show: true,
          position: horizontal ? "right" : "top",
          fontSize: 14,
          color: "#222",
          lineHeight: 18,
        },
      },
    ],
    graphic: [
      {
        type: "text",
        left: 24,
        bottom: 16,
        style: {
          text: [
            ...spec.computedNotes,
            ...spec.sources.map((s, i) => `${i === 0 ? "来源：" : "　　　"}${s}`),
          ].join("\n"),
          fontSize: 13,
          lineHeight: 20,
          fill: "#555",
        },
      },
    ],
  };
}

/** Renders the chart to PNG. Throws only for programmer errors (an empty spec). */
export function renderChart(spec: ChartSpec, options: RenderOptions = {}): RenderedChart {
  if (spec.points.length === 0) throw new Error(`chart "${spec.title}" has no points`);
  const width = options.width ?? 960;
  const footerLines = spec.sources.length + spec.computedNotes.length;
  const footerHeight = footerLines * 20 + 10;
  const plotHeight = spec.kind === "growth" ? Math.max(320, spec.points.length * 42) : 400;
  const height = 80 + plotHeight + footerHeight + 40;
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  let svg: string;
  try {
    chart.setOption(chartOption(spec, footerHeight));
    svg = chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
  const outlined = textToPaths(svg, options.faces ?? chartFaces());
  const png = new Resvg(outlined, { font: { loadSystemFonts: false }, background: "#ffffff" })
    .render()
    .asPng();
  return { png, svg, width, height };
}
