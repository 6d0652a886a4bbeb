/**
 * Questions over the indicator table beyond one figure: rankings and filters of published
 * growth rates, and the rows of named indicators or a topic that the difference and plan
 * questions (difference-answers.ts) compare. Every figure shown is a published one with its
 * citation.
 */
import { findIndicatorMentions } from "../indicators/aliases.js";
import { MIN_COVERAGE, scoreRowsByTopic } from "../retrieve/match-rows.js";
import type { ParsedQuestion } from "../retrieve/parse-question.js";
import type { RankQuery } from "../retrieve/question-shape.js";
import { rowsOfIndicators } from "../retrieve/row-lookup.js";
import { rowInPeriod } from "../retrieve/scope.js";
import type { Fact, FigureNature, IndicatorRow } from "../types.js";
import type { AnswerContext, Draft } from "./answer-question.js";
import { bestRows, retrievalBoosts } from "./topic-answers.js";
import { rowContext, topicCandidates } from "./topic-candidates.js";
import { CitationBook } from "./citations.js";
import { citeRow, factOf, rowLabel } from "./compose.js";

/** Single characters of comparison wording that name no topic. */
const FUNCTION_CHARS = "和了少多高低快慢比的与及从到较";

/** Words of plan/difference questions that name no topic. */
const SHAPE_WORDS = new Set([
  "目标",
  "年度",
  "实际",
  "做到",
  "完成",
  "达到",
  "要求",
  "市政府",
  "政府",
  "高出",
  "高",
  "低",
  "快",
  "慢",
  "百分点",
  "个",
  "几个",
  "比",
  "扩大",
  "收窄",
  "降幅",
  "定",
  "的",
  "了",
  "高了",
  "多少",
  "和",
  "少了",
  "多了",
  "减少",
  "增加",
]);

/** The comparative tail of the second side of `A比B快多少`: cut so B's name ends a word. */
const COMPARATIVE_TAIL = /(?:快|慢|高|低|多|少|大|小)(?:出|了)?(?:多少|几).*$|(?:高出|低于|高于).*$/u;

/**
 * The canonical indicators a question names, in the order named. A comparison `A比B快多少`
 * is read side by side, so B is found even where the comparative follows it directly.
 */
export function namedIndicators(q: ParsedQuestion, ctx?: AnswerContext): string[] {
  const mentions =
    ctx && q.text.includes("比")
      ? q.text
          .split("比")
          .flatMap((side) => findIndicatorMentions(ctx.vocabulary, side.replace(COMPARATIVE_TAIL, "")))
      : q.indicators;
  const out: string[] = [];
  for (const m of mentions) for (const n of m.indicators) if (!out.includes(n)) out.push(n);
  return out;
}

/** A row's growth as a signed number string. */
export const signed = (row: IndicatorRow): string => String(row.growth!.percent);
/** Region and period of a row, as answers name them. */
export const where = (row: IndicatorRow) => `${row.region}${row.period}`;

/** The published growth clause of a row with its basis. */
export function growthText(row: IndicatorRow): string {
  return `${row.basis ? `${row.basis}，` : ""}${row.growth?.text ?? ""}`;
}

/**
 * A growth clause where declines are listed: a negative growth published as `同比增长-26.4%`
 * is said `同比下降26.4%` (the citation keeps the published wording).
 */
const listedGrowth = (row: IndicatorRow): string => growthText(row).replace(/增长\s*[-−](?=\d)/u, "下降");

/** The rows of a document's opening list: the section holding most canonical rows. */
function mainSectionRows(rows: IndicatorRow[]): IndicatorRow[] {
  const bySection = new Map<string, number>();
  for (const r of rows) bySection.set(r.source.sectionId, (bySection.get(r.source.sectionId) ?? 0) + 1);
  const mainOf = new Map<string, string>();
  for (const [section, n] of bySection) {
    const doc = rows.find((r) => r.source.sectionId === section)!.source.docId;
    const current = mainOf.get(doc);
    if (!current || n > bySection.get(current)!) mainOf.set(doc, section);
  }
  return rows.filter((r) => mainOf.get(r.source.docId) === r.source.sectionId);
}

/** First row per region, period and indicator (document order). */
function firstPerIndicator(rows: IndicatorRow[]): IndicatorRow[] {
  const seen = new Set<string>();
  return rows.filter((r) => {
    const key = `${r.region}|${r.period}|${r.indicator}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Answers a ranking or filter over the published growth rates in scope. */
export function answerRank(
  q: ParsedQuestion,
  rank: RankQuery,
  docIds: Set<string>,
  ctx: AnswerContext,
): Draft | null {
  let rows = ctx.view.artefacts.rows.filter(
    (r) =>
      docIds.has(r.source.docId) &&
      rowInPeriod(r, q) &&
      r.indicator !== null &&
      r.growth !== null &&
      r.nature === "result",
  );
  const named = namedIndicators(q);
  rows = named.length >= 2 ? rows.filter((r) => named.includes(r.indicator!)) : mainSectionRows(rows);
  rows = firstPerIndicator(rows);
  const scopes = [...new Set(rows.map(where))];
  if (rows.length === 0 || scopes.length !== 1) return null;
  const sorted = [...rows].sort((a, b) => b.growth!.percent - a.growth!.percent);
  const book = new CitationBook(ctx.view);
  const facts: Fact[] = [];
  const item = (r: IndicatorRow) => {
    const id = citeRow(book, r);
    facts.push(factOf(r, id));
    return `- ${rowLabel(r)}：${listedGrowth(r)}[${id}]`;
  };
  const pool = named.length >= 2 ? `所问${rows.length}项指标` : "主要指标";
  const head = `${scopes[0]}${pool}`;
  const lines: string[] = [];
  if (rank.order === "filter") {
    const t = rank.threshold!;
    const kept = sorted.filter((r) =>
      t.op === "gt" ? r.growth!.percent >= t.percent : r.growth!.percent < t.percent,
    );
    const what = t.op === "lt" ? "下降的" : t.percent === 10 ? "增速达到两位数的" : `增速超过${t.percent}%的`;
    if (kept.length === 0) lines.push(`${head}中没有${what}（共查看${rows.length}项公布增速）。`);
    else lines.push(`${head}中${what}有${kept.length}项：`, ...kept.map(item));
  } else {
    const pick = rank.order === "max" ? sorted[0]! : sorted[sorted.length - 1]!;
    if (rank.order === "fall" && pick.growth!.percent >= 0) {
      lines.push(`${head}中没有下降的，增速最低的是${rowLabel(pick)}。`);
    }
    const word = rank.order === "max" ? "增长最快" : rank.order === "fall" ? "降幅最大" : "增速最低";
    const id = citeRow(book, pick);
    lines.push(
      `${head}中${word}的是${rowLabel(pick)}，${listedGrowth(pick)}[${id}]。`,
      "各项公布增速（由高到低）：",
    );
    lines.push(...sorted.map(item));
  }
  return { status: "answered", text: lines.join("\n"), facts, book, options: [] };
}

/** Retrieval boosts per question and scope: a plan or difference asks up to three times. */
const boostCache = new WeakMap<ParsedQuestion, Map<string, Promise<Map<number, number>>>>();
function boostsOnce(
  q: ParsedQuestion,
  docIds: Set<string>,
  ctx: AnswerContext,
): Promise<Map<number, number>> {
  const perScope = boostCache.get(q) ?? new Map<string, Promise<Map<number, number>>>();
  boostCache.set(q, perScope);
  const key = [...docIds].sort().join("|");
  let boosts = perScope.get(key);
  if (!boosts) {
    boosts = retrievalBoosts(q, docIds, ctx);
    perScope.set(key, boosts);
  }
  return boosts;
}

/** The best rows of a topic in scope of one nature (body-text facts). */
async function topicRows(
  q: ParsedQuestion,
  terms: string[],
  docIds: Set<string>,
  nature: FigureNature,
  ctx: AnswerContext,
): Promise<IndicatorRow[]> {
  const useful = terms.filter((t) => !SHAPE_WORDS.has(t) && !(t.length === 1 && FUNCTION_CHARS.includes(t)));
  if (useful.length === 0) return [];
  const boosts = await boostsOnce(q, docIds, ctx);
  const rows = topicCandidates(q, useful, docIds, ctx).filter((r) => r.nature === nature);
  const scored = scoreRowsByTopic(rows, useful, ctx.idf, null, (row) => rowContext(row, boosts, ctx));
  // The row bound to the noun asked: the longest run of the topic found in its own clause
  // (公办率56.17% over 普惠率89.33% for 幼儿园公办率), then the score.
  const strong = scored.filter((s) => s.coverage >= MIN_COVERAGE);
  if (strong.length === 0) return bestRows(scored, useful);
  const run = (clause: string) => longestSharedRun(q.topic, clause);
  const best = Math.max(...strong.map((s) => run(s.row.clause)));
  return bestRows(
    strong.filter((s) => run(s.row.clause) === best),
    useful,
  );
}

/** Length of the longest text shared by a topic and a clause (Chinese characters only). */
export function longestSharedRun(topic: string, clause: string): number {
  let best = 0;
  for (let i = 0; i < topic.length; i++) {
    for (let j = i + best + 1; j <= topic.length; j++) {
      const piece = topic.slice(i, j);
      if (!/^\p{Script=Han}+$/u.test(piece) || !clause.includes(piece)) break;
      best = j - i;
    }
  }
  return best;
}

/** Rows of the named indicators (or the topic) of one nature, in the given documents. */
export async function rowsOf(
  q: ParsedQuestion,
  terms: string[],
  docIds: Set<string>,
  nature: FigureNature,
  ctx: AnswerContext,
): Promise<IndicatorRow[]> {
  const named = namedIndicators(q, ctx);
  if (named.length > 0) {
    return rowsOfIndicators(ctx.view.artefacts.rows, new Set(named), docIds).filter(
      (r) => rowInPeriod(r, q) && r.nature === nature,
    );
  }
  return topicRows(q, terms, docIds, nature, ctx);
}
