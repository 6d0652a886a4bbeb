/**
 * Ratio and share (占比, 比重): a share the documents publish is preferred (`“全程网办”事项占比
 * 94.21%`); otherwise both published figures are shown, each cited, and the share computed in
 * decimal arithmetic, rounded to the stated places and labelled 计算值.
 */
import { indicatorForms } from "../indicators/aliases.js";
import type { Fact, IndicatorRow } from "../types.js";
import type { Question, Subject } from "../understand/question.js";
import { CitationBook } from "./citation-book.js";
import { citeRow, computedFact, factOf, rowLabel, statementOfRow } from "./compose.js";
import { stateRow, where } from "./differences.js";
import { rowsOf } from "./pick-rows.js";
import { subjectAgrees, wholeOf } from "./select-rows.js";
import { decline, type AnswerContext, type Evidence, type Outcome } from "./types.js";

const MAGNITUDE: Record<string, bigint> = { 万: 10_000n, 亿: 100_000_000n, 万亿: 1_000_000_000_000n };

/** A published value as a scaled integer in its base unit: 9.01亿元 → (901, 10^-2 · 10^8, 元). */
function scaled(row: IndicatorRow): { value: bigint; exponent: number; base: string } | null {
  const v = row.value;
  if (!v || !/^\d+(?:\.\d+)?$/u.test(v.numeral)) return null;
  const [int, frac = ""] = v.numeral.split(".");
  const magnitude = /^(?:万亿|万|亿)/u.exec(v.canonicalUnit)?.[0] ?? "";
  const factor = MAGNITUDE[magnitude];
  const base = v.canonicalUnit.slice(magnitude.length);
  return { value: BigInt(int! + frac) * (factor ?? 1n), exponent: frac.length, base };
}

/** part / whole × 100, rounded half up to `decimals` places, in exact decimal arithmetic. */
export function decimalPercent(part: IndicatorRow, whole: IndicatorRow, decimals: number): string | null {
  const a = scaled(part);
  const b = scaled(whole);
  if (!a || !b || a.base !== b.base || b.value === 0n) return null;
  // a.value·10^-ea / (b.value·10^-eb) · 100 · 10^decimals, as an integer rounded half up.
  const shift = decimals + 2 + b.exponent - a.exponent;
  const num = shift >= 0 ? a.value * 10n ** BigInt(shift) : a.value;
  const den = shift >= 0 ? b.value : b.value * 10n ** BigInt(-shift);
  const q = (num * 2n + den) / (den * 2n);
  const text = q.toString().padStart(decimals + 1, "0");
  return decimals > 0 ? `${text.slice(0, -decimals)}.${text.slice(-decimals)}` : text;
}

/**
 * The words a side is written with, in groups of alternatives: each named indicator (any of
 * its catalogued names), then each topic term no name covers.
 */
function wordsOf(side: Subject, ctx: AnswerContext): string[][] {
  const vocabulary = ctx.lexicon.vocabulary;
  const named = side.indicators.map((m) =>
    [...new Set([...indicatorForms(vocabulary, m.written), ...m.names])].filter((w) => w.length >= 2),
  );
  const covered = (t: string) => named.some((g) => g.some((w) => w.includes(t) || t.includes(w)));
  const terms = side.terms.filter((t) => t.length >= 2 && !covered(t)).map((t) => [t]);
  return [...named, ...terms].filter((g) => g.length > 0);
}

/** A share the documents publish: a percentage stated with 占/比重/占比 and the part's words. */
function publishedShare(
  part: Subject,
  whole: Subject | null,
  ev: Evidence,
  ctx: AnswerContext,
): IndicatorRow | null {
  const partWords = wordsOf(part, ctx);
  const wholeWords = whole ? wordsOf(whole, ctx) : [];
  if (partWords.length === 0) return null;
  const rows = [...ev.rows.topic, ...ev.rows.named].filter(
    (r) => r.value?.canonicalUnit === "%" && r.nature === "result",
  );
  return (
    rows.find((r) => {
      const statement = ctx.reader.text(r.source.docId, r.source.start, r.source.end);
      const upTo = statement.slice(0, statement.indexOf(r.clause) + r.clause.length || statement.length);
      // A percentage of the part stated as a share (占比, 比重), or against the whole named in
      // its own clause (`实际到位内资…，完成全年任务的56.5%`); most of each side's words present.
      const share = (groups: string[][], text: string) =>
        groups.length === 0
          ? 1
          : groups.filter((g) => g.some((w) => text.includes(w))).length / groups.length;
      const stated = /占比|比重|占/u.test(r.clause)
        ? share(wholeWords, upTo) >= 0.6
        : share(wholeWords, r.clause) === 1 && wholeWords.length > 0;
      return stated && share(partWords, upTo) >= 0.6;
    }) ?? null
  );
}

/**
 * The row of one side: its named indicator's result with a value whose qualifiers agree with
 * the side's words, else the best row of its topic (a part the catalogue names no indicator
 * for: 养老保险人数（在职）), of the period given when one is.
 */
function sideRow(
  q: Question,
  side: Subject,
  ev: Evidence,
  ctx: AnswerContext,
  like: IndicatorRow | null = null,
): IndicatorRow | null {
  const names = side.indicators.flatMap((m) => m.names);
  const named = ev.rows.named.filter(
    (r) =>
      names.includes(r.indicator ?? "") && r.nature === "result" && r.value && subjectAgrees(side, r, ctx),
  );
  const bare = { ...side, indicators: [] };
  const rows = (
    named.length > 0
      ? named
      : rowsOf({ ...q, subject: bare }, ev, "result", ctx).filter(
          (r) => r.value && subjectAgrees(side, r, ctx),
        )
  ).filter((r) => !like || r.period === like.period);
  // The whole is counted as the part is (1832人 of 接种…, not 17家 of the same clause).
  const unit = like?.value?.canonicalUnit.replace(/^[万亿]/u, "");
  return rows.find((r) => unit && r.value!.canonicalUnit.replace(/^[万亿]/u, "") === unit) ?? rows[0] ?? null;
}

/** Answers a share: published when stated, else computed from the two published figures. */
export function shareOf(q: Question, ev: Evidence, ctx: AnswerContext): Outcome {
  if (q.ask.kind !== "ratio") return decline("no ratio asked");
  const { part, whole } = q.ask;
  const book = new CitationBook(ctx.reader);
  const facts: Fact[] = [];
  const published = publishedShare(part, whole, ev, ctx);
  if (published) {
    // As published: an indicator's share in the fixed pattern, a body-text share by its clause.
    const id = citeRow(book, published);
    facts.push(factOf(published, id));
    const line = statementOfRow(published, id).replace(/。$/u, "");
    return { status: "answered", text: `${line}（文件公布的比重）。`, facts, book, options: [] };
  }

  const a = sideRow(q, part, ev, ctx);
  const wholeSide = wholeOf(q, ctx);
  const b = a && wholeSide ? sideRow(q, wholeSide, ev, ctx, a) : null;
  if (!a || !b) return decline("the part or the whole has no published value in the period asked");
  const percent = decimalPercent(a, b, ctx.defaults.ratioDecimals);
  if (percent === null) return decline("the two values are not in one unit");
  const lines = [
    `${where(a)}${rowLabel(a)}占${rowLabel(b)}的比重：`,
    stateRow(a, rowLabel(a), book, facts),
    stateRow(b, rowLabel(b), book, facts),
    `${rowLabel(a)}约占${rowLabel(b)}的${percent}%（计算值，由上列两个公布数相除得出，四舍五入）。`,
  ];
  facts.push(
    computedFact(
      { region: a.region, period: a.period },
      `${rowLabel(a)}占${rowLabel(b)}的比重`,
      percent,
      "%",
    ),
  );
  return { status: "answered", text: lines.join("\n"), facts, book, options: [] };
}
