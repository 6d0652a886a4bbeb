/**
 * Preload for benchmarks (`node --import ./scripts/peak-rss.mjs …`): when the process exits,
 * writes its peak resident set size to stderr as `peak-rss-kb=N` (process.resourceUsage().maxRSS,
 * which counts worker threads too), so a parent can read it without /usr/bin/time.
 */
process.on("exit", () => {
  process.stderr.write(`\npeak-rss-kb=${process.resourceUsage().maxRSS}\n`);
});
