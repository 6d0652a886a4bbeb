/**
 * The answering layer's layout: no import circle inside src/answer or src/understand (shared
 * types live in their own files), no file over 300 lines there, and understand/ reads no
 * corpus (only ingest, indicators and its own files).
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/config.js";

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith(".ts") ? [path] : [];
  });
}

/** Relative imports of a file, resolved to .ts paths. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/from\s+"(\.{1,2}\/[^"]+)\.js"/gu)].map((m) => resolve(file, "..", `${m[1]}.ts`));
}

/** A cycle among the files of a folder, or null. */
function cycleIn(dir: string): string[] | null {
  const inside = new Set(files(dir));
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (f: string): string[] | null => {
    if (state.get(f) === "done") return null;
    if (state.get(f) === "open") return [...stack.slice(stack.indexOf(f)), f].map((p) => relative(dir, p));
    state.set(f, "open");
    stack.push(f);
    for (const next of importsOf(f).filter((g) => inside.has(g))) {
      const found = visit(next);
      if (found) return found;
    }
    stack.pop();
    state.set(f, "done");
    return null;
  };
  for (const f of inside) {
    const found = visit(f);
    if (found) return found;
  }
  return null;
}

describe.each(["answer", "understand"])("src/%s", (folder) => {
  const dir = join(PROJECT_ROOT, "src", folder);

  it("has no import circle", () => {
    expect(cycleIn(dir)).toBeNull();
  });

  it("has no file over 300 lines", () => {
    const long = files(dir)
      .map((f) => [relative(dir, f), readFileSync(f, "utf8").split("\n").length] as const)
      .filter(([, lines]) => lines > 300);
    expect(long).toEqual([]);
  });
});

describe("src/understand", () => {
  it("imports only ingest, indicators and itself", () => {
    const outside = files(join(PROJECT_ROOT, "src", "understand"))
      .flatMap((f) => importsOf(f).map((g) => relative(join(PROJECT_ROOT, "src"), g)))
      .filter((g) => !/^(understand|ingest|indicators)\//u.test(g));
    expect(outside).toEqual([]);
  });
});
