import { describe, expect, it } from "vitest";
import type { ChartSpec } from "../../../src/bot/chart/chart-data.js";
import { chartFaces, renderChart } from "../../../src/bot/chart/render-chart.js";
import { textToPaths } from "../../../src/bot/chart/svg-text-to-path.js";
import { pngSize } from "../../support/bot-api-server.js";

const SPEC: ChartSpec = {
  kind: "compare",
  title: "铁东区 地区生产总值（亿元）",
  unit: "亿元",
  points: [
    { label: "2022年", value: 285.9, text: "285.9亿元", computed: false },
    { label: "2023年", value: 314.6, text: "314.6亿元", computed: false },
  ],
  computedNotes: ["2022年→2023年 地区生产总值变化：28.7亿元（计算值）"],
  sources: ["《鞍山市铁东区2023年国民经济和社会发展统计公报》 一、综合"],
};

describe("renderChart", () => {
  it("draws title, every published label, computed note and sources; PNG of the stated size", () => {
    const { svg, png, width, height } = renderChart(SPEC);
    for (const text of [
      SPEC.title,
      "285.9亿元",
      "314.6亿元",
      SPEC.computedNotes[0]!,
      `来源：${SPEC.sources[0]}`,
    ])
      expect(svg).toContain(`>${text}</text>`);
    expect([width, height]).toEqual([960, 570]);
    expect(pngSize(png)).toEqual({ width: 960, height: 570 });
  });

  it("turns every text element into outlines (resvg then needs no font)", () => {
    const out = textToPaths(
      '<svg><text text-anchor="middle" dominant-baseline="central" style="font-size:12px;" transform="translate(5 5)" fill="#333">铁东区</text></svg>',
      chartFaces(),
    );
    expect(out).not.toContain("<text");
    expect(out).toMatch(/^<svg><path d="M[^"]+" transform="translate\(5 5\)" fill="#333"\/><\/svg>$/);
  });

  it("refuses an empty chart", () => {
    expect(() => renderChart({ ...SPEC, points: [] })).toThrow(
      'chart "铁东区 地区生产总值（亿元）" has no points',
    );
  });
});
