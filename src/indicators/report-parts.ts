/**
 * The parts of a work report (政府工作报告) and the years each is about, read from how such
 * reports are written rather than from their section numbering:
 *
 * - A report of year N reviews the past (a part headed `2023年工作回顾`, `过去一年的工作回顾`,
 *   `过去五年工作回顾`, or opened by `过去的一年，` `一年来，` `五年来，`) and plans the future
 *   (`2024年工作安排`, `今后五年的目标任务`, `“十四五”时期主要目标`, `今年…预期目标是`).
 *   Many reports head these parts with a bare line (no `一、`), so every short line and every
 *   paragraph's opening words are read, not only the parsed sections.
 * - A year named in a part's heading decides the part's year (`2025年工作安排` is 2025 whatever
 *   the document's year); a span (`过去五年`, `“十三五”时期`, `今后五年`) is a period of its own.
 * - `今年` means the year the report was delivered: N for a report delivered in its year, N−1
 *   for one delivered in December of the year before (`2024年12月25日`, which plans 2025).
 *
 * Pure: text in, parts out. Each cue has examples in tests/indicators/report-parts.test.ts.
 */

/** The years a work report is read against. */
export interface ReportYears {
  /** The year whose work the report plans: the document's year (N). */
  planned: number;
  /** The year it was delivered, the year its `今年` means: N, or N−1 for a December report. */
  delivered: number;
}

/** What a part, heading or statement says about the years it describes. */
export interface PeriodSpan {
  role: "review" | "plan";
  /** First and last year described: [2023, 2023], or [2018, 2022] for `过去五年`. */
  from: number;
  to: number;
  /** The months of the year so far (`今年以来` in a report delivered in its year). */
  soFar?: boolean;
}

/** A part of a report: where it starts and the years it describes. */
export interface ReportPart extends PeriodSpan {
  start: number;
}

/** A delivery date in the head: `——2024年12月25日在…`, `（2024年12月25日 王洪斌）`. */
const HEAD_DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/u;
/** How far into a document its head (title, subtitle, date line) reaches. */
const HEAD_LENGTH = 600;

/** The planned and delivered years of a report of year `planned`, from the date in its head. */
export function reportYears(planned: number, text: string): ReportYears {
  const date = text.slice(0, HEAD_LENGTH).match(HEAD_DATE);
  const year = date ? Number(date[1]) : planned;
  return { planned, delivered: year === planned - 1 ? year : planned };
}

const COUNT = "[二三四五六七八九十两]|\\d{1,2}";
const CHINESE_COUNTS = "〇一二三四五六七八九十";
function countOf(word: string): number {
  if (/^\d+$/u.test(word)) return Number(word);
  if (word === "两") return 2;
  if (word === "十") return 10;
  return CHINESE_COUNTS.indexOf(word);
}

/** A five-year plan: `“十四五”`, `十三五时期`, `“九五”`; never a 普法 plan (`“八五”普法`). */
const FIVE_YEAR_PLAN =
  /“(十[一二三四五]|[八九十])五”(?!普法)|(十[一二三四五]|[八九十])五(?=时期|期间|规划|计划|以来|末|开局|收官)/u;
function fiveYearPlanStart(numeral: string): number {
  const k = numeral.length === 2 ? 10 + CHINESE_COUNTS.indexOf(numeral[1]!) : countOf(numeral);
  return 1966 + 5 * (k - 3);
}

/** Spans of years: past (`过去五年`, `五年来`, `本届政府`), coming (`今后五年`). */
const PAST_SPAN = new RegExp(`过去的?(${COUNT})年|(${COUNT})年来|近(${COUNT})年`, "u");
/** `本届政府工作回顾` in a heading; as a paragraph's opening words (`本届政府任期已满`) it says nothing. */
const THIS_TERM = /本届(?:政府|以来)/u;
const COMING_SPAN = new RegExp(`(?:今后|未来)(${COUNT})年`, "u");
/** `去年` as the year before, not a base of comparison (比去年, 去年同期). */
const LAST_YEAR = /(?<![比较于与同超高低])去年(?!同期|同比|的?基础|的?水平)/u;
const PAST_YEAR = /过去的?一年|一年来|上一年|(?<![比较于与同超高低])上年(?!同期|同比)|预计全年/u;
const THIS_YEAR = /(?<![比较于与同超高低])今年/u;
const NEXT_YEAR = /明年/u;
/** `新的一年`, `展望新的一年`: the year the report plans. */
const NEW_YEAR = /新的一年/u;
/**
 * Words that may stand before a period's words at the start of a clause (`在过去的一年里`,
 * `回顾过去五年`, `展望新的一年`); any other word before them (`聚焦未来五年发展目标`,
 * `结合“十三五”规划目标`, `面对今年初的疫情`) makes them an attribute, not the clause's period.
 */
const START_PREFIX = /^(?:在|从|自|于|回顾|展望|经过|刚刚|即将|预期|预计(?!全年))+/u;

/**
 * The span a text's words name, or null: a five-year plan, a past or coming span of years,
 * 去年, 今年, 明年, 过去一年. `at` limits where the words may stand: "start" (the opening words
 * of a paragraph or statement) or "anywhere" (a heading).
 */
export function spanOfWords(words: string, years: ReportYears, at: "start" | "anywhere"): PeriodSpan | null {
  const review = years.planned - 1;
  /** The first match of a cue; at the start, it must begin within the first few characters. */
  const text = at === "start" ? words.replace(START_PREFIX, "") : words;
  const find = (re: RegExp): RegExpExecArray | null => {
    const m = re.exec(text);
    return m && (at === "anywhere" || m.index === 0) ? m : null;
  };
  // At a clause's start a plan's name is its span only with a word of time (`“十三五”时期，`):
  // `“十四五”实现“开门红”` tells of the plan's first year.
  const plan = find(FIVE_YEAR_PLAN);
  if (
    plan &&
    at === "start" &&
    !/^(?:时期|期间|以来|规划|计划)/u.test(text.slice(plan.index + plan[0].length).replace(/^”/u, ""))
  )
    return null;
  if (plan) {
    const from = fiveYearPlanStart((plan[1] ?? plan[2])!);
    return { role: from + 4 < years.planned ? "review" : "plan", from, to: from + 4 };
  }
  const past = find(PAST_SPAN) ?? (at === "anywhere" ? THIS_TERM.exec(text) : null);
  if (past) {
    const k = past[1] ?? past[2] ?? past[3];
    const span = k ? countOf(k) : 5;
    if (span > 1) return { role: "review", from: review - span + 1, to: review };
  }
  const coming = find(COMING_SPAN);
  if (coming) {
    const span = countOf(coming[1]!);
    if (span > 1) return { role: "plan", from: years.planned, to: years.planned + span - 1 };
  }
  if (find(PAST_YEAR)) return { role: "review", from: review, to: review };
  if (find(LAST_YEAR)) return single(years.delivered - 1, years);
  if (find(NEW_YEAR)) return single(years.planned, years);
  if (find(NEXT_YEAR)) return single(years.delivered + 1, years);
  // `今年以来` in a report delivered in its year tells of the months so far: results, never
  // the year's (a December report's 今年以来 is the year it reviews).
  const thisYear = find(THIS_YEAR);
  if (thisYear && text.startsWith("以来", thisYear.index + 2) && years.delivered >= years.planned)
    return { role: "review", from: years.delivered, to: years.delivered, soFar: true };
  if (thisYear) return single(years.delivered, years);
  return null;
}

/** One year: reviewed when before the planned year, planned otherwise. */
function single(year: number, years: ReportYears): PeriodSpan {
  return { role: year < years.planned ? "review" : "plan", from: year, to: year };
}

/** A heading of notes and appendices (`名词解释`, `注释`): what they explain happened before. */
const NOTES_HEADING = /名词解释|名词注释|名词说明|注释|注解|附件|附录/u;
/** Words of a heading that say it reviews or plans. */
const REVIEW_HEADING = /回顾|总结|成绩|成就|完成了|取得了|实现了/u;
const PLAN_HEADING =
  /安排|目标|任务|总体要求|打算|思路|建议|部署|重点工作|工作重点|主要工作|展望|今后|未来|今年|明年|新的一年/u;
/** A year in a heading: `2024年工作回顾`, `2025年工作安排`. */
const HEADING_YEAR = /(?<!\d)(\d{4})年(?![—－\-~～至到]\d)/u;

/** The span a heading line names, or null when it names none (`一、突出城市建设`). */
export function spanOfHeading(heading: string, years: ReportYears): PeriodSpan | null {
  if (NOTES_HEADING.test(heading) && heading.length <= 16)
    return { role: "review", from: years.planned - 1, to: years.planned - 1 };
  const review = REVIEW_HEADING.test(heading);
  const plan = !review && PLAN_HEADING.test(heading);
  const year = heading.match(HEADING_YEAR);
  // `2003年以来工作回顾`: the years from 2003 to the last one reviewed.
  const since = heading.match(/(\d{4})年以来/u);
  if (since && Number(since[1]) < years.planned - 1)
    return { role: "review", from: Number(since[1]), to: years.planned - 1 };
  if (year) {
    const y = Number(year[1]);
    // `2020年和“十三五”时期工作回顾`: the year decides; the paragraphs name the span. A past
    // year is reviewed even under plan words (`2006年政府的主要工作` in the report of 2007).
    if (review || plan || /^\d{4}年(?:的)?(?:工作)?$/u.test(heading))
      return { role: review || y < years.planned ? "review" : "plan", from: y, to: y };
  }
  const span = spanOfWords(heading, years, "anywhere");
  if (span && (review || plan || span.from !== span.to)) return review ? { ...span, role: "review" } : span;
  if (review) return { role: "review", from: years.planned - 1, to: years.planned - 1 };
  if (plan && /安排|目标|任务|总体要求|部署|重点工作|主要工作/u.test(heading))
    return { role: "plan", from: years.planned, to: years.planned };
  return null;
}

/** How far into a report its address to the delegates may stand. */
const ADDRESS_REACH = 3000;
/** Markup and numbering before a heading's words: `**`, `#`, `一、`, `（一）`, `第一部分`. */
const HEADING_PREFIX =
  /^(?:[#＃*\s]+|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|第[一二三四五六七八九十]+(?:部分|章|篇)[、，\s]*)+/u;
/** A line short enough to be a heading and without a sentence end inside. */
const HEADING_MAX = 40;
/** Words that open a paragraph without naming its period: `各位代表！`, `——`. */
const OPENER_PREFIX =
  /^(?:各位代表[！!：:，,]|[—―－-]{1,2}|[（(]?[一二三四五六七八九十\d]{1,2}[）)、.．]|[*\s])+/u;
/** A paragraph opening on a year: `2023年，`, `2023年是…`, `2023年全市…`. */
const OPENING_YEAR = /^(\d{4})年(?:[，,是以来里中]|全[市省区县州国盟旗]|我[市省区县州国盟旗])/u;

/** The span a paragraph's opening words name (`过去的一年，` `五年来，` `2023年是…`), or null. */
export function spanOfOpener(paragraph: string, years: ReportYears): PeriodSpan | null {
  const words = paragraph.replace(OPENER_PREFIX, "");
  const year = words.match(OPENING_YEAR);
  // An earlier year opening a paragraph of a review (`2019年，…` among five years) is that
  // paragraph's own matter, not a new part: its statements name it themselves.
  if (year) return Number(year[1]) >= years.planned - 1 ? single(Number(year[1]), years) : null;
  return spanOfWords(words, years, "start");
}

/**
 * A statement announcing the year's targets (`主要预期目标是：`, `预期调控目标为：`): the plan of
 * the planned year even where no heading opened the plan. Not a target recalled in a review
 * (`年初确定的预期目标`, `完成了2023年预期目标`).
 */
const TARGETS_ANNOUNCED = /(?:预期|调控)(?:调控|预期)?(?:目标|指标)(?:是|为|建议为|拟安排为|安排)?[：:]/u;
/** Words before the targets that say they are recalled or of other years (`年初确定的`, `今后五年`). */
const TARGET_ELSEWHEN = /年初|去年|上年|过去|今后|未来|年来|五年|十[一二三四五]?五|[八九]五/u;

/** Whether a text announces the planned year's targets (see {@link TARGETS_ANNOUNCED}). */
export function announcesTargets(text: string, years: ReportYears): boolean {
  const m = TARGETS_ANNOUNCED.exec(text);
  if (!m) return false;
  const before = text.slice(0, m.index);
  const named = [...before.matchAll(/(\d{4})年/gu)].map((y) => Number(y[1]));
  if (named.some((y) => y >= years.planned) || /今年|本年/u.test(before)) return true;
  return named.length === 0 && !TARGET_ELSEWHEN.test(before);
}

/** A part's span is several years (`今后五年`, `“十四五”时期`). */
const isSpan = (part: PeriodSpan) => part.from !== part.to;

/**
 * Whether a paragraph's opening words start a new part. A year opening a paragraph (`2021年，…`)
 * moves a review to the planned year (`2024年是…`, where a report has no headings) or narrows a
 * span to one year; a past year inside the plan (`2021年，…实事项目中有3个未完成`) is that
 * paragraph's own matter. A span equal to the current part continues it.
 */
function openerStartsPart(paragraph: string, span: PeriodSpan, current: ReportPart): boolean {
  if (span.role === current.role && span.from === current.from && span.to === current.to) return false;
  if (!OPENING_YEAR.test(paragraph.replace(OPENER_PREFIX, ""))) return true;
  return span.role === "plan" || current.role === "review";
}

/**
 * The parts of a work report in text order: from the address to the delegates (`各位代表：`) the
 * review of the year before, until a heading or a paragraph's opening words say otherwise.
 * Before it, and in an excerpt without it, nothing is known: statements there are read by their
 * own words and headings. A heading that names no year or span keeps
 * the years of the part it continues (`（二）主要任务` under `今后五年的目标任务`).
 */
export function reportParts(text: string, years: ReportYears): ReportPart[] {
  const parts: ReportPart[] = [];
  // A whole report opens with its address (`各位代表：`) and then reviews the year before; an
  // excerpt without the address may start anywhere.
  const address = text.slice(0, ADDRESS_REACH).search(/各位代表/u);
  if (address >= 0)
    parts.push({ start: address, role: "review", from: years.planned - 1, to: years.planned - 1 });
  const planned: PeriodSpan = { role: "plan", from: years.planned, to: years.planned };
  /** The span a paragraph's (or a statement's) opening words or its announced targets name. */
  const openerSpan = (words: string, current: ReportPart | undefined): PeriodSpan | null => {
    const span = spanOfOpener(words, years);
    if (span) return current && !openerStartsPart(words, span, current) ? null : span;
    const announced =
      current && (current.role === "review" || isSpan(current)) && announcesTargets(words, years);
    return announced ? planned : null;
  };
  let offset = 0;
  for (const line of text.split("\n")) {
    const start = offset;
    offset += line.length + 1;
    const trimmed = line.trim();
    if (trimmed === "") continue;
    const words = trimmed.replace(HEADING_PREFIX, "").replace(/[*：:\s]+$/u, "");
    const heading = words.length > 0 && words.length <= HEADING_MAX && !/[。；！？]/u.test(words);
    const current = parts[parts.length - 1];
    if (heading) {
      const span = spanOfHeading(words, years);
      const named = /\d{4}年|年来|过去|今后|未来|十[一二三四五]?五|[八九]五|今年|明年|去年|一年/u.test(words);
      // A sub-heading (`（一）出色完成…任务`) is a matter of its part unless it names its years.
      const sub = /^[\s*#]*(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、])/u.test(trimmed);
      if (span && (named || (span.role !== current?.role && !sub))) parts.push({ start, ...span });
      continue;
    }
    const span = openerSpan(trimmed, current);
    if (span) parts.push({ start, ...span });
    // A later statement of the paragraph opening on its own period (`…开局之年。过去一年，…`)
    // holds to the paragraph's end; the next paragraph returns to the paragraph's part.
    const paragraphPart = parts[parts.length - 1];
    let moved = false;
    for (const m of line.matchAll(/[。！？；](?=[^。！？；])/gu)) {
      const at = m.index + 1;
      const within = openerSpan(line.slice(at), parts[parts.length - 1]);
      if (!within) continue;
      parts.push({ start: start + at, ...within });
      moved = true;
    }
    if (moved && paragraphPart) parts.push({ ...paragraphPart, start: offset });
  }
  return parts;
}

/** The part holding an offset: the last that starts at or before it. */
export function partAt(parts: readonly ReportPart[], offset: number): ReportPart | null {
  let found: ReportPart | null = null;
  for (const p of parts) {
    if (p.start > offset) break;
    found = p;
  }
  return found;
}

/** A span as a period label: `2023年`, `2018—2022年`. */
export function spanLabel(span: Pick<PeriodSpan, "from" | "to" | "soFar">): string {
  if (span.soFar) return `${span.from}年以来`;
  return span.from === span.to ? `${span.from}年` : `${span.from}—${span.to}年`;
}
