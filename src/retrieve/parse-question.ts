/**
 * Understands a question: which region and period it names (including places the corpus
 * does not cover, so they can be refused), which indicator (through the alias file), what
 * measure word it asks for (多少对 → 对) and what it wants (a value, a growth rate, a
 * comparison, a citation, a target, a task's lead unit, or general text).
 */
import {
  findIndicatorMentions,
  type IndicatorMention,
  type IndicatorVocabulary,
} from "../indicators/aliases.js";
import { withCoordinatedMentions } from "./coordinated-mentions.js";
import { normaliseQuestion } from "../ingest/normalise.js";
import { partLabel } from "../indicators/statement-period.js";
import { findPlaces, type PlaceMention } from "../ingest/find-places.js";
import { divisionOf } from "../ingest/gazetteer.js";
import type { Intent } from "../types.js";
import { normaliseSpoken } from "./spoken.js";

/** A question taken apart. */
export interface ParsedQuestion {
  /** The question as received. */
  original: string;
  /** Normalised (simplified, half-width), with a leading /cite or /compare removed. */
  text: string;
  command: "cite" | "compare" | null;
  /**
   * Regions named, by official name, a qualifying parent folded in (鞍山市铁东区 → [铁东区],
   * 海拉尔 → [海拉尔区]); a name several divisions share stays as written (朝阳区).
   */
  regions: string[];
  /** Every place named, with the divisions it may be (gazetteer codes) and how it was written. */
  places: PlaceMention[];
  /** Places named that the gazetteer does not list (development zones such as 高新区). */
  otherPlaces: string[];
  years: number[];
  /** A part of the year the question names, e.g. 上半年. */
  partOfYear: string | null;
  /** The question asks about every period (这两年, 历年). */
  allPeriods: boolean;
  /** A year named relative to today (今年, 去年), which the corpus cannot place by itself. */
  relativeYear: string | null;
  indicators: IndicatorMention[];
  intent: Intent;
  /** The measure word asked for (多少对 → 对), or null. */
  unit: string | null;
  /** What is asked about, with places, periods and question words removed. */
  topic: string;
}

const MEASURE_WORDS =
  "个工作日|人次|家次|批次|万元|亿元|平方米|万平|万人|万户|公顷|对|户|名|场|项|处|个|人|家|件|次|台|辆|栋|株|份|所|吨|公里|米|天|条|间|枚|种|元|钱|套|座|亩|张|盏|块|部|册|篇|期|届|支|艘|架";
const UNIT_ASKED = new RegExp(`(?:多少|几)(${MEASURE_WORDS})`, "u");
/** Nouns that ask for a count in a measure word: 招聘会场次 → 场, 孤儿人数 → 人. */
const COUNT_NOUN = /(场|人|户|个|次|件|项|家|对|名|处)(?:次|数)(?:是|有)?(?:多少)?[?？]?$/u;
/** A question ending in a rate noun asks for a percentage: 报警器安装率 → %. */
const RATE_NOUN = /(?<!增长|增)(率|占比|比重|比例)(?:是|为)?(?:多少)?[?？]?$/u;
const LEAD = /牵头|责任单位|负责单位|哪个单位|哪个部门|哪些单位|哪些部门|谁负责|由谁|主责部门/u;
// `减少了多少` and `增加了多少` ask for a published change (change-questions.ts), not a comparison.
const COMPARE = /对比|比较|相比|比一比|变化|增减|差多少|差距|(?<![增减])多了多少|(?<![增减])少了多少/u;
const TARGET = /目标|预期|计划|预计/u;
const GROWTH = /增速|增长率|增幅|增长多少|增长了多少|同比|下降多少|涨幅|增长情况|增长幅度|增长几/u;
const RELATIVE_YEAR = /今年|去年|前年|明年|本年|上年度?|当年/u;
const ALL_PERIODS = /这两年|近两年|两年|历年|各年|逐年|每年/u;
const PART_OF_YEAR = /上半年|下半年|前三季度|第?[一二三四]季度|1[-—－～~]\d{1,2}月份?/u;
const CHINESE_NUMERAL = "〇一二三四五六七八九";
const QUESTION_WORDS =
  /请问|查询一下|查询|查一下|帮我查|告诉我|是多少|有多少|一共|总共|多少|是什么|什么|哪个|哪些|哪一|怎么样|如何|情况|吗|呢|呀|啊/gu;

/** The places a question names; indicator names (工业, 生产 …) cannot be part of a place. */
function findRegions(
  text: string,
  indicators: IndicatorMention[],
  question: string,
): { regions: string[]; places: PlaceMention[]; otherPlaces: string[] } {
  const masked: boolean[] = new Array<boolean>(text.length).fill(false);
  for (const m of indicators) masked.fill(true, m.index, m.index + m.term.length);
  const places = findPlaces(text, { masked }).map((p) => ({ ...p, written: asWritten(p, question) }));
  const regions: string[] = [];
  for (const p of places) {
    if (p.codes.length === 0) continue;
    const names = [...new Set(p.codes.map((c) => divisionOf(c).name))];
    const name = names.length === 1 ? names[0]! : p.written;
    if (!regions.includes(name)) regions.push(name);
  }
  const otherPlaces = places.filter((p) => p.codes.length === 0).map((p) => p.written);
  return { regions, places, otherPlaces };
}

/**
 * The place as the user wrote it: conversion to simplified script also rewrites a few
 * characters of names (乾县 → 干县), so the official name or short form found in the
 * question as received is preferred.
 */
function asWritten(p: PlaceMention, question: string): string {
  if (question.includes(p.written)) return p.written;
  for (const code of p.codes) {
    const d = divisionOf(code);
    const spelled = [d.name, ...d.short]
      .sort((a, b) => b.length - a.length)
      .find((n) => question.includes(n));
    if (spelled) return spelled;
  }
  return p.written;
}

/** 二〇二三年 → 2023年, and the short form 23年 → 2023年. */
function normaliseYears(text: string): string {
  return text
    .replace(
      /([〇零一二三四五六七八九]{4})年/gu,
      (_, y: string) =>
        [...y].map((c) => String(Math.max(0, CHINESE_NUMERAL.indexOf(c === "零" ? "〇" : c)))).join("") +
        "年",
    )
    .replace(/(?<![\d.])([12]\d)年/gu, "20$1年");
}

/** What the question asks; for `/cite …` the intent of the question cited. */
function detectIntent(text: string, command: ParsedQuestion["command"], periodsNamed: number): Intent {
  if (command === "compare" || COMPARE.test(text) || periodsNamed >= 2) return "compare";
  if (LEAD.test(text)) return "lead";
  if (TARGET.test(text)) return "target";
  if (GROWTH.test(text)) return "growth";
  return "value";
}

/** Replaces every place a text names (as written, 鞍山市铁东区 or 铁东) with the replacement. */
function withoutPlaces(text: string, replacement: string): string {
  let t = text;
  for (const p of findPlaces(text).reverse()) t = t.slice(0, p.start) + replacement + t.slice(p.end);
  return t;
}

/** Removes places, periods, indicator-free question words and punctuation from a question. */
function topicOf(text: string): string {
  return withoutPlaces(text, " ")
    .replace(/(?<!\d)20\d{2}(?!\d)(?:年度?)?/gu, " ")
    .replace(PART_OF_YEAR, " ")
    .replace(RELATIVE_YEAR, " ")
    .replace(ALL_PERIODS, " ")
    .replace(new RegExp(`(?:一共|总共|共)?(?:是|有)?(?:多少|几)(?:${MEASURE_WORDS})?`, "gu"), " ")
    .replace(COUNT_NOUN, " ")
    .replace(/由哪个单位牵头|哪个单位牵头|牵头单位|责任单位|由谁牵头|谁牵头|牵头/gu, " ")
    .replace(/对比|比较|相比|增速|增长率|增幅|增长多少|目标/gu, " ")
    .replace(QUESTION_WORDS, " ")
    .replace(/[^\p{Script=Han}A-Za-z0-9%.]+/gu, " ")
    .trim()
    .replace(/\s+/gu, " ");
}

/** Parses a question (already trimmed of nothing: any user text is accepted). */
export function parseQuestion(question: string, vocabulary: IndicatorVocabulary): ParsedQuestion {
  let text = normaliseSpoken(normaliseQuestion(question));
  let command: ParsedQuestion["command"] = null;
  const cmd = text.match(/^\/(cite|compare)(?:@\w+)?\s*/iu);
  if (cmd) {
    command = cmd[1]!.toLowerCase() as "cite" | "compare";
    text = text.slice(cmd[0].length);
  }
  const indicators = findIndicatorMentions(vocabulary, text);
  const { regions, places, otherPlaces } = findRegions(text, indicators, question);
  text = normaliseYears(text);
  const years = [
    ...new Set([...text.matchAll(/(?<!\d)(20\d{2}|19\d{2}(?=年))(?!\d)/gu)].map((m) => Number(m[1]))),
  ];
  const relativeYear = text.match(RELATIVE_YEAR)?.[0] ?? null;
  const partOfYear = partLabel(text.match(PART_OF_YEAR)?.[0]) || null;
  const allPeriods = ALL_PERIODS.test(text);
  const unitWord =
    text.match(UNIT_ASKED)?.[1] ?? text.match(COUNT_NOUN)?.[1] ?? (RATE_NOUN.test(text) ? "%" : null);
  return {
    original: question,
    text,
    command,
    regions,
    places,
    otherPlaces,
    years,
    partOfYear,
    allPeriods,
    relativeYear,
    indicators: withCoordinatedMentions(vocabulary, text, findIndicatorMentions(vocabulary, text)),
    intent: detectIntent(text, command, years.length + (allPeriods ? 2 : 0)),
    unit: unitWord === "钱" ? "元" : unitWord,
    topic: topicOf(text),
  };
}

/**
 * The question restated for one period, for clarify options: `铁东区去年GDP` with 2022年 →
 * `铁东区2022年GDP`. Places and the relative year are taken out and put back in front.
 */
export function restateWithPeriod(q: ParsedQuestion, period: string): string {
  const rest = withoutPlaces(q.text.replace(RELATIVE_YEAR, ""), "");
  return `${q.regions.join("、")}${period}${rest.trim()}`;
}
