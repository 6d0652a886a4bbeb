/**
 * Running the project's commands as a user runs them, for benchmarks: each in its own Node
 * process (through tsx), with its wall time, its peak RSS (reported by scripts/peak-rss.mjs at
 * exit) and, for a long-running one, its resident memory read from /proc while it runs.
 */
import { spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PROJECT_ROOT } from "../config.js";

/** Node arguments that run a TypeScript entry point of the project and report its peak RSS. */
export function nodeArgs(script: string, args: readonly string[] = []): string[] {
  return [
    "--import",
    "tsx",
    "--import",
    join(PROJECT_ROOT, "scripts/peak-rss.mjs"),
    join(PROJECT_ROOT, script),
    ...args,
  ];
}

/** What one finished command took. */
export interface Measured {
  seconds: number;
  peakRssMb: number | null;
  stdout: string;
  stderr: string;
}

function peakOf(stderr: string): number | null {
  const match = /peak-rss-kb=(\d+)/u.exec(stderr);
  return match ? Math.round(Number(match[1]) / 1024) : null;
}

/**
 * Runs a script to the end; rejects with its output when it fails. Lines the script logs under
 * its own name (`build-index: …`, `add: …`: progress every 10 s, summaries) are passed on to
 * this process's stderr as they come, prefixed with `label`, so a long build shows progress.
 */
export function runScript(
  script: string,
  args: readonly string[],
  env: Record<string, string>,
  label = "",
): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, nodeArgs(script, args), {
      cwd: PROJECT_ROOT,
      env: { ...process.env, ...env },
    });
    const out = { stdout: "", stderr: "" };
    const pending = { stdout: "", stderr: "" };
    const take = (stream: "stdout" | "stderr") => (data: Buffer) => {
      const text = data.toString("utf8");
      out[stream] += text;
      const lines = (pending[stream] + text).split("\n");
      pending[stream] = lines.pop()!;
      for (const line of lines)
        if (/^(build-index|add): /u.test(line)) process.stderr.write(`${label}${line}\n`);
    };
    child.stdout.on("data", take("stdout"));
    child.stderr.on("data", take("stderr"));
    child.on("error", reject);
    child.on("close", (code) => {
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0)
        reject(
          new Error(
            `${script} ${args.join(" ")} failed (exit ${code}):\n${`${out.stdout}\n${out.stderr}`.slice(-3000)}`,
          ),
        );
      else resolve({ seconds, peakRssMb: peakOf(out.stderr), ...out });
    });
  });
}

/**
 * Runs a script and resolves when its first line of standard output appears (the answer of
 * `ask`): the cold start as a user sees it. The process is left to finish; its peak RSS is
 * read when it exits.
 */
export function timeToFirstOutput(
  script: string,
  args: readonly string[],
  env: Record<string, string>,
): Promise<{ seconds: number; peakRssMb: number | null; firstLine: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, nodeArgs(script, args), {
      cwd: PROJECT_ROOT,
      env: { ...process.env, ...env },
    });
    let stdout = "";
    let stderr = "";
    let seconds: number | null = null;
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString("utf8");
      if (seconds === null && stdout.includes("\n")) seconds = (performance.now() - started) / 1000;
    });
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0 || seconds === null)
        reject(new Error(`${script} failed (exit ${code}):\n${stderr.slice(-3000)}`));
      else resolve({ seconds, peakRssMb: peakOf(stderr), firstLine: stdout.split("\n")[0]! });
    });
  });
}

/** Resident and peak resident memory of a running process, from /proc (Linux); null elsewhere. */
export function memoryOf(pid: number): { rssMb: number; peakMb: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (field: string) =>
      Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "mu").exec(status)?.[1] ?? NaN);
    return { rssMb: Math.round(kb("VmRSS") / 1024), peakMb: Math.round(kb("VmHWM") / 1024) };
  } catch {
    return null;
  }
}

/** Size of a folder's files in MB (recursively), by `du` when present. */
export function folderMb(path: string): number {
  const du = spawnSync("du", ["-sk", path], { encoding: "utf8" });
  return du.status === 0 ? Math.round(Number(du.stdout.split(/\s/u)[0]) / 1024) : NaN;
}
