/**
 * `npm run bench-chart`: chart render time (p50/p95 over 60 renders of real charts: a
 * comparison, a series, a region-period's growth rates) and the RSS the renderer adds (fonts,
 * ECharts, resvg). Wall time depends on what else runs; CPU time (this process) and the load
 * average are printed beside it. `-- --example FILE` also writes the comparison chart as a PNG (docs/).
 */
import { writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { createAnswerService } from "../answer/answer-service.js";
import { offeredCharts, type ChartSpec } from "../bot/chart/chart-data.js";
import { renderChart } from "../bot/chart/render-chart.js";
import { loadConfig } from "../config.js";

const QUESTIONS = [
  "对比铁东区2022和2023年的GDP",
  "2023年铁东区社零总额是多少",
  "2024年上半年立山区规上工业增加值增速是多少",
];
const RENDERS = 60;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
const mb = (bytes: number) => Math.round(bytes / 1e6);

async function main(): Promise<void> {
  const service = await createAnswerService(loadConfig());
  const specs: ChartSpec[] = [];
  for (const q of QUESTIONS) {
    const chart = offeredCharts(await service.ask(q), service.tables())[0];
    if (!chart) throw new Error(`no chart for ${q}`);
    specs.push(chart);
  }
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  const first = performance.now();
  renderChart(specs[0]!);
  const firstMs = performance.now() - first;
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RENDERS; i++) {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    renderChart(specs[i % specs.length]!);
    const used = process.cpuUsage(cpuStarted);
    cpu.push((used.user + used.system) / 1000);
    times.push(performance.now() - started);
  }
  cpu.sort((a, b) => a - b);
  const rssAfter = process.memoryUsage().rss;
  times.sort((a, b) => a - b);
  console.log(
    `chart render: first ${Math.round(firstMs)} ms (fonts opened), then p50 ${Math.round(percentile(times, 0.5))} ms, ` +
      `p95 ${Math.round(percentile(times, 0.95))} ms over ${RENDERS} renders of ${specs.map((s) => s.kind).join("/")} charts; ` +
      `CPU time p50 ${Math.round(percentile(cpu, 0.5))} ms, p95 ${Math.round(percentile(cpu, 0.95))} ms; ` +
      `load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores; ` +
      `RSS ${mb(rssBefore)} → ${mb(rssAfter)} MB (+${mb(rssAfter - rssBefore)} MB)`,
  );
  const at = process.argv.indexOf("--example");
  if (at >= 0) {
    const file = process.argv[at + 1];
    if (!file) throw new Error("--example needs a file name");
    writeFileSync(file, renderChart(specs[0]!).png);
    console.log(`wrote ${file}`);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
