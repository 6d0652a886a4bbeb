import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { batchLines } from "../../src/cli/batch-line.js";
import { PROJECT_ROOT } from "../../src/config.js";

const tsx = join(PROJECT_ROOT, "node_modules", ".bin", "tsx");
const ask = (args: string[]) =>
  spawnSync(tsx, ["src/cli/ask.ts", ...args], { cwd: PROJECT_ROOT, encoding: "utf8", timeout: 120_000 });

describe("ask CLI contract", () => {
  it("--json --batch prints one JSON object per question, in order, and nothing else", () => {
    const dir = mkdtempSync(join(tmpdir(), "ask-batch-"));
    const file = join(dir, "questions.txt");
    writeFileSync(file, "铁东区2023年社零完成了多少\n\n立山区2021年的GDP\r\n<b>hi</b>\n");
    const run = ask(["--json", "--batch", file]);
    expect(run.status).toBe(0);
    const lines = run.stdout.split("\n").filter((l) => l !== "");
    // Issue 12, item 11: the blank line gets its own not_found object, so line N answers line N.
    expect(lines).toHaveLength(4);
    const answers = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(answers.map((a) => [a.question, a.status])).toEqual([
      ["铁东区2023年社零完成了多少", "answered"],
      ["", "not_found"],
      ["立山区2021年的GDP", "not_found"],
      ["<b>hi</b>", "not_found"],
    ]);
    for (const a of answers) {
      expect(Object.keys(a)).toEqual(
        expect.arrayContaining(["question", "status", "text", "facts", "citations", "timing_ms"]),
      );
      expect(typeof a.timing_ms).toBe("number");
      // The route table's record: which handler answered, and why the ones before it declined.
      expect(typeof a.route).toBe("string");
      expect(Array.isArray(a.declines)).toBe(true);
    }
    expect(answers.map((a) => a.route)).toEqual(["indicator-figures", "unreadable", "scope", "unreadable"]);
    expect(answers[0]!.declines).toEqual([
      { handler: "needs-subject", reason: "the question names a subject" },
    ]);
    const citation = (answers[0]!.citations as Array<Record<string, unknown>>)[0]!;
    expect(Object.keys(citation)).toEqual(expect.arrayContaining(["id", "doc", "title", "section", "quote"]));
  });

  it("prints a person-readable answer with numbered sources", () => {
    const run = ask(["2023年铁东区离婚登记有多少对"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      "铁东区2023年：离婚登记654对[1]。\n\n来源：\n[1] 《鞍山市铁东区2023年国民经济和社会发展统计公报》 二、社会保障 > （二）婚姻登记办主要指标\n" +
        "    “（二）婚姻登记办主要指标：2023全年共办理结婚登记1697对，离婚登记654对，补领结婚登记证424件，补领离婚登记证262件，查档证明1039份。”\n\n",
    );
  });

  it("exits 2 with usage and no stack trace when no question is given", () => {
    const run = ask([]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("usage: npm run ask");
    expect(run.stderr).not.toContain("    at ");
  });

  it("reports a missing batch file at once, before loading the model, without a stack trace", () => {
    // With artefacts that cannot load, only checking arguments first gives this message.
    const run = spawnSync(tsx, ["src/cli/ask.ts", "--json", "--batch", "/nonexistent/questions.txt"], {
      cwd: PROJECT_ROOT,
      encoding: "utf8",
      timeout: 120_000,
      env: { ...process.env, ARTEFACT_DIR: "/nonexistent/artefacts" },
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("ask: cannot read the batch file /nonexistent/questions.txt: no such file");
    expect(run.stderr).not.toContain("    at ");
    expect(run.stdout).toBe("");
  });

  it("stops quietly when its reader goes away (| head -1): no EPIPE stack trace", () => {
    const dir = mkdtempSync(join(tmpdir(), "ask-epipe-"));
    const file = join(dir, "questions.txt");
    writeFileSync(file, "铁东区2023年社零完成了多少\n".repeat(400));
    const run = spawnSync(
      "sh",
      ["-c", `"${tsx}" src/cli/ask.ts --json --batch "${file}" 2>"${dir}/err" | head -1`],
      {
        cwd: PROJECT_ROOT,
        encoding: "utf8",
        timeout: 120_000,
      },
    );
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ status: "answered" });
    const err = readFileSync(join(dir, "err"), "utf8");
    expect(err).not.toContain("EPIPE");
    expect(err).not.toContain("    at ");
  });

  it("keeps blank lines and drops only the file's final newline", () => {
    expect(batchLines("a\n\nb\r\n")).toEqual(["a", "", "b"]);
    expect(batchLines("a")).toEqual(["a"]);
    expect(batchLines("\n")).toEqual([""]);
  });

  it("works through npm run --silent, as the grader calls it", () => {
    const out = execFileSync(
      "npm",
      ["run", "--silent", "ask", "--", "--json", "2022年铁东区城镇居民人均可支配收入"],
      {
        cwd: PROJECT_ROOT,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "ignore"],
      },
    );
    expect(JSON.parse(out)).toMatchObject({
      status: "answered",
      text: "铁东区2022年城镇居民人均可支配收入为53911元，同比增长2.1%[1]。",
    });
  });
});
