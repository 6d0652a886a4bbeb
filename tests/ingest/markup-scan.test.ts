import { describe, expect, it } from "vitest";
import { loadVocabulary } from "../../src/indicators/aliases.js";
import type { Question } from "../../src/understand/question.js";
import { understand } from "../../src/understand/understand.js";
import { identity, replaceSpans, rewrite } from "../../src/ingest/mapped-text.js";
import {
  hiddenElementSpans,
  scriptElementSpans,
  wrappedLineBreakSpans,
} from "../../src/ingest/markup-scan.js";
import { isWrappedLine, normaliseDocument, normaliseQuestion } from "../../src/ingest/normalise.js";

// The regexes the scanners replace (issue 12, item 3): the oracle on short inputs, where
// their quadratic cost does not matter.
const HIDDEN_ELEMENT =
  /[<?](span|div|p|font)\b[^>\n]*display\s*:\s*none[^>\n]*>[^\n]*?(?:<\/\1>|(?=\n)|$)/giu;
const SCRIPT_ELEMENT = /<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/giu;
const LINE_BREAK_WITH_NEIGHBOURS = /(?<=(?:^|\n)([^\n]*))\n+(?=([^\n]*))/gu;

/** A deterministic pseudo-random generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  "<span",
  "<SPAN",
  "?span",
  "<p",
  "<pre",
  "<div",
  "<font",
  "</span>",
  "</SPAN>",
  "</p>",
  "</div>",
  ' style="display:none"',
  " style='display : NONE'",
  ">",
  "\n",
  "\n\n",
  "<script>",
  "<script type=x>",
  "<scripts>",
  "</script>",
  "</script >",
  "<style>",
  "</style>",
  "铁东区",
  "完成140.1亿元，",
  "同比增长9.1%。",
  "各项工",
  "作部署，",
  "一、综合",
  "1.",
  "牵头单位：",
  "abc",
  " ",
];

function generate(rnd: () => number, length: number): string {
  let s = "";
  for (let i = 0; i < length; i++) s += PIECES[Math.floor(rnd() * PIECES.length)];
  return s;
}

const byRegex = (text: string, re: RegExp, replace: (m: RegExpExecArray) => string) =>
  rewrite(identity(text), re, replace);

describe("linear scanners match the regexes they replace", () => {
  const rnd = random(12);
  const inputs = Array.from({ length: 1500 }, (_, i) => generate(rnd, 1 + (i % 40)));

  it("hidden elements", () => {
    for (const text of inputs) {
      const expected = byRegex(text, HIDDEN_ELEMENT, () => "");
      expect(replaceSpans(identity(text), hiddenElementSpans(text)), text).toEqual(expected);
    }
  });

  it("script and style elements", () => {
    for (const text of inputs) {
      const expected = byRegex(text, SCRIPT_ELEMENT, () => " ");
      expect(replaceSpans(identity(text), scriptElementSpans(text, " ")), text).toEqual(expected);
    }
  });

  it("wrapped line breaks", () => {
    for (const text of inputs) {
      const expected = byRegex(text, LINE_BREAK_WITH_NEIGHBOURS, (m) =>
        isWrappedLine(m[1]!, m[2]!) ? "" : m[0],
      );
      const actual = replaceSpans(identity(text), wrappedLineBreakSpans(text, isWrappedLine));
      expect(actual, text).toEqual(expected);
    }
  });
});

/** A realistic bulletin paragraph, repeated without a line break. */
const SENTENCE = "全年社会消费品零售总额完成140.1亿元，同比增长9.1%；规模以上工业增加值增长5.2%。";

const elapsed = (work: () => void) => {
  const start = performance.now();
  work();
  return performance.now() - start;
};

describe("quadratic normalisation (issue 12, item 3)", () => {
  it("normalises a 5 MB document in one line within 5 s", () => {
    const line = SENTENCE.repeat(Math.ceil((5 * 1024 * 1024) / Buffer.byteLength(SENTENCE)));
    const raw = `一、综合\n${line}\n二、工业\n${line.slice(0, 1000)}`;
    let text = "";
    const ms = elapsed(() => (text = normaliseDocument(raw).text));
    expect(text.length).toBeGreaterThan(line.length);
    expect(ms).toBeLessThan(5000);
  }, 30_000);

  it("normalises 200 KB of unclosed hidden and script tags linearly", () => {
    const unclosed = `<span style="display:none">x<script>y<style>`.repeat(5000);
    const small = elapsed(() => normaliseDocument(unclosed.slice(0, unclosed.length / 10)));
    const large = elapsed(() => normaliseDocument(unclosed));
    // 10× the input: a linear step takes about 10× the time, a quadratic one 100×.
    expect(large).toBeLessThan(Math.max(2000, small * 30));
    expect(large).toBeLessThan(2000);
  }, 30_000);

  it("normalises a question of unclosed <script> tags in linear time", () => {
    const question = (n: number) => `铁东区<script>${"a<script>".repeat(n)}2023年社零总额`;
    normaliseQuestion(question(100));
    const small = elapsed(() => normaliseQuestion(question(2_000)));
    let text = "";
    const large = elapsed(() => (text = normaliseQuestion(question(20_000))));
    expect(text.startsWith("铁东区a a a")).toBe(true);
    expect(text.endsWith("2023年社零总额")).toBe(true);
    expect(large).toBeLessThan(Math.max(1000, small * 30));
  });

  it("refuses a 200k-character <script> question within 100 ms", () => {
    const question = `铁东区<script>${"a<script>".repeat(20_000)}2023年社零总额`;
    const lexicon = { vocabulary: loadVocabulary(), units: [], tokens: () => [], parts: () => [] };
    let read: Question | null = null;
    const ms = elapsed(() => (read = understand(question, lexicon)));
    expect(read!.ask).toEqual({ kind: "unclear", why: "too-long" });
    expect(read!.original.length).toBe(180020);
    expect(ms).toBeLessThan(100);
  });
});
