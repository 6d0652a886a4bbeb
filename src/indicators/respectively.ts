/**
 * `分别` statements: one verb, several subjects and as many figures, bound in order.
 * `四川天府新区成都直管区、成都高新区、成都东部新区完成投资分别增长8.9%、8.5%、7.7%` gives three
 * subjects each with its own rate; `三次产业对经济增长的贡献率分别为2.0%、28.6%和69.4%` has one
 * subject, so every figure keeps it. Pure functions over one statement.
 */
import type { Growth, PublishedNumber } from "../types.js";
import { findFigures } from "./parse-figure.js";

/** One subject with its figure (a value, or a growth rate when the verb says so). */
export interface RespectivePair {
  subject: string;
  figure: PublishedNumber | null;
  growth: Growth | null;
}

/** A `分别` construction found in a statement, with the span it covers (statement offsets). */
export interface Respectively {
  start: number;
  end: number;
  pairs: RespectivePair[];
  /** `增加`/`减少` when the figures are changes (`分别增加2279元和1762元`), not levels. */
  change: string | null;
}

const GROWTH_VERBS = /^(增长|下降|上涨|下跌|提高|降低|回落|增加|减少|上升)/u;
const NEGATIVE = new Set(["下降", "下跌", "降低", "回落", "减少"]);
const LINKING_VERB = /^(?:为|是|达到|达|占|有|完成|实现)/u;
/** A value of the list: a number with an optional unit, up to the next separator. */
const LIST_VALUE = /^-?\d+(?:\.\d+)?[^、和及与，。；\d]{0,6}/u;
const LIST_SEPARATOR = /^[、和及与]/u;

/**
 * Subjects that name several in one word, in the order bulletins list their figures:
 * `城乡居民人均可支配收入分别为a、b` is 城镇… a and 农村… b.
 */
const DISTRIBUTIVE: Array<[RegExp, string[]]> = [
  [/城乡/u, ["城镇", "农村"]],
  [/三次产业|一二三产业?|一、二、三产业/u, ["第一产业", "第二产业", "第三产业"]],
];

/** Expands a one-word plural subject to as many subjects as there are figures, if it can. */
function distribute(subject: string, count: number): string[] | null {
  for (const [word, parts] of DISTRIBUTIVE) {
    if (parts.length === count && word.test(subject)) return parts.map((p) => subject.replace(word, p));
  }
  return null;
}

/** A comparison word alone before 分别 (`同比分别增长`): the subjects are those of the list before. */
const COMPARISON_ONLY = /^(?:同比|比上年|较上年|比去年|与上年相比|比上年同期)?$/u;

/** Splits a subject list at 、 (and at 和/与 before its last item), outside brackets. */
function splitSubjects(subject: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < subject.length; i++) {
    const c = subject[i]!;
    if ("（(《“".includes(c)) depth++;
    else if ("）)》”".includes(c)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && c === "、") {
      items.push(subject.slice(from, i));
      from = i + 1;
    }
  }
  items.push(subject.slice(from));
  const last = items[items.length - 1]!;
  const split = last.match(/^(.+?)(?:和|与)(.+)$/u);
  if (items.length > 1 && split) items.splice(items.length - 1, 1, split[1]!, split[2]!);
  return items.map((s) => s.trim()).filter((s) => s !== "");
}

/** Finds the `分别` constructions of a statement. */
export function findRespectively(statement: string): Respectively[] {
  const out: Respectively[] = [];
  for (let at = statement.indexOf("分别"); at >= 0; at = statement.indexOf("分别", at + 2)) {
    const clauseStart = Math.max(
      statement.lastIndexOf("，", at),
      statement.lastIndexOf("；", at),
      statement.lastIndexOf("：", at),
      statement.lastIndexOf("。", at),
    );
    const subjectText = statement.slice(clauseStart + 1, at);
    let i = at + 2;
    const linking = statement.slice(i).match(LINKING_VERB);
    if (linking) i += linking[0].length;
    const verb = statement.slice(i).match(GROWTH_VERBS)?.[1] ?? null;
    if (verb) i += verb.length;
    const values: Array<{ text: string; start: number }> = [];
    for (;;) {
      const m = statement.slice(i).match(LIST_VALUE);
      if (!m) break;
      values.push({ text: m[0], start: i });
      i += m[0].length;
      const sep = statement.slice(i).match(LIST_SEPARATOR);
      if (!sep || !/^-?\d/u.test(statement.slice(i + 1))) break;
      i += 1;
    }
    if (values.length < 2) continue;
    // The unit of the last value applies to the bare numbers before it (`3.5、8.5和0.6%`).
    const lastUnit = values[values.length - 1]!.text.replace(/^-?\d+(?:\.\d+)?/u, "");
    const previous = out[out.length - 1];
    if (COMPARISON_ONLY.test(subjectText.trim()) && previous && previous.pairs.length === values.length) {
      // `…分别完成37820元、28104元，同比分别增长6.5%、9.4%`: the rates go to the same subjects.
      values.forEach((v, k) => {
        const pair = previous.pairs[k]!;
        const written = /^-?\d+(?:\.\d+)?$/u.test(v.text) ? `${v.text}${lastUnit}` : v.text;
        const numeral = written.match(/^-?\d+(?:\.\d+)?/u)![0];
        if (verb && !pair.growth && /^(?:%|个百分点)$/u.test(written.slice(numeral.length))) {
          const sign = NEGATIVE.has(verb) ? -1 : 1;
          pair.growth = { text: `${verb}${written}`, percent: sign * Number(numeral), figure: written };
        }
      });
      previous.end = i;
      continue;
    }
    const listed = splitSubjects(subjectText);
    const subjects =
      listed.length === values.length ? listed : (distribute(subjectText.trim(), values.length) ?? listed);
    const pairs: RespectivePair[] = values.map((v, k) => {
      const written = /^-?\d+(?:\.\d+)?$/u.test(v.text) ? `${v.text}${lastUnit}` : v.text;
      const subject = subjects.length === values.length ? subjects[k]! : subjectText.trim();
      const numeral = written.match(/^-?\d+(?:\.\d+)?/u)![0];
      const unit = written.slice(numeral.length);
      if (verb && (unit === "%" || unit === "个百分点")) {
        const sign = NEGATIVE.has(verb) ? -1 : 1;
        return {
          subject,
          figure: null,
          growth: { text: `${verb}${written}`, percent: sign * Number(numeral), figure: written },
        };
      }
      return { subject, figure: findFigures(written)[0]?.figure ?? null, growth: null };
    });
    if (pairs.every((p) => p.figure === null && p.growth === null)) continue;
    const change = verb && pairs.some((p) => p.figure !== null) ? verb : null;
    out.push({ start: clauseStart + 1, end: i, pairs, change });
  }
  return out;
}
