import { readdirSync, readFileSync } from "node:fs";
import { createPreparePool } from "./src/index/prepare-pool.js";
const pool = createPreparePool({ threads: 0 });
const dir = "/tmp/build-sample/docs";
const files = readdirSync(dir).sort();
await pool.prepare(files[0]!, readFileSync(`${dir}/${files[0]}`), {});
const t = performance.now();
for (const f of files) await pool.prepare(f, readFileSync(`${dir}/${f}`), {});
console.log(`${files.length} docs prepared in ${(performance.now() - t).toFixed(0)} ms`);
