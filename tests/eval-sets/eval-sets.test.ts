// The team's question sets stay true to their documents: every note is verbatim in the cited
// file, every expected figure not marked `computed` is published there, ids are unique and no
// line copies a visible gold question. A wrong expectation misleads everyone who grades on it.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/config.js";

const SETS = ["seed-conversations", "seed-hard", "public-realdocs"];
const shared = join(PROJECT_ROOT, "..", "shared");
const readJsonl = (path: string): { q: string }[] =>
  readFileSync(path, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { q: string });

describe("tests/eval-sets", () => {
  it("every line checks out against its cited file (grade-eval-sets.mjs --check)", () => {
    const out = execFileSync("node", [join(PROJECT_ROOT, "scripts", "grade-eval-sets.mjs"), "--check"], {
      cwd: PROJECT_ROOT,
      encoding: "utf8",
    });
    for (const set of SETS) expect(out).toMatch(new RegExp(`^${set}: \\d+ lines, 0 problems$`, "m"));
  });

  it("copies no question of the visible gold files", () => {
    const gold = new Set(
      ["eval/dev.jsonl", "eval/dev-hard.jsonl", "realdocs/gold.jsonl", "public-corpus/targets.jsonl"].flatMap(
        (f) => readJsonl(join(shared, f)).map((g) => g.q),
      ),
    );
    // Bare conversation commands are the language itself, not a copied question.
    const commands = new Set(["/cite", "原文呢"]);
    for (const set of SETS) {
      const copied = readJsonl(join(PROJECT_ROOT, "tests", "eval-sets", `${set}.jsonl`))
        .map((l) => l.q)
        .filter((q) => gold.has(q) && !commands.has(q));
      expect(copied, set).toEqual([]);
    }
  });
});
