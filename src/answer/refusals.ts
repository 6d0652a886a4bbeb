/**
 * Refusals that hold together: what is missing is said in plain words (已收录的文件), and what is
 * offered instead is real and never what was refused — the same indicator in the nearest
 * period or place held, or what the period asked does hold. Also the clarify replies of scope
 * (which 铁东区, which year is 去年).
 */
import type { ScopeResult } from "../retrieve/question-scope.js";
import { closeness, coverage, isPartOfYear, rowInPeriod } from "../retrieve/question-scope.js";
import type { DocumentMeta, IndicatorRow } from "../types.js";
import { indicatorNames, periodLabel, placeLabel, restate, type Question } from "../understand/question.js";
import { decline, type AnswerContext, type Draft, type Evidence, type Outcome } from "./types.js";

const draft = (status: Draft["status"], text: string, options: string[] = []): Draft => ({
  status,
  text,
  facts: [],
  book: null,
  options,
});

/** `铁东区（2022年、2023年）、立山区（2024年上半年）`. */
export function describeCoverage(docs: readonly DocumentMeta[]): string {
  return [...coverage(docs).entries()]
    .map(([region, periods]) => `${region}（${periods.join("、")}）`)
    .join("、");
}

/** `已收录的文件中没有青羊区的数据。最接近的有：成都市（2021年、2022年）；另有：…`. */
function placeNotHeld(q: Question, written: string, codes: string[], ctx: AnswerContext): Draft {
  const docs = ctx.reader.metas();
  const regions = [...new Map(docs.map((d) => [d.regionCode, d] as const)).values()];
  const near = regions
    .map((d) => ({ d, c: codes.length > 0 ? closeness(codes, d.regionCode) : 0 }))
    .sort((a, b) => b.c - a.c);
  const nearest = near.filter((x) => x.c > 0 && x.c === near[0]!.c).map((x) => x.d.regionCode);
  const inNearest = docs.filter((d) => nearest.includes(d.regionCode));
  const rest = docs.filter((d) => !nearest.includes(d.regionCode));
  const nearText = inNearest.length > 0 ? `最接近的有：${describeCoverage(inNearest)}；` : "";
  const restText =
    rest.length > 0 ? `${inNearest.length > 0 ? "另有" : "已收录的有"}：${describeCoverage(rest)}。` : "";
  const options = [...new Set(inNearest.map((d) => d.region))].map((region) =>
    restate({
      ...q,
      scope: {
        ...q.scope,
        places: [{ written: region, codes: [d(docs, region)], name: region, qualified: false }],
      },
    }),
  );
  return draft("not_found", `已收录的文件中没有${written}的数据。${nearText}${restText}`, options);
}

const d = (docs: readonly DocumentMeta[], region: string) =>
  docs.find((m) => m.region === region)!.regionCode;

/** The periods (and places) where the named indicators are published, nearest first. */
function indicatorElsewhere(
  q: Question,
  ctx: AnswerContext,
  exclude: ReadonlySet<string>,
): Array<{ region: string; period: string }> {
  const names = indicatorNames(q.subject);
  if (names.length === 0) return [];
  const all = new Set(ctx.reader.metas().map((m) => m.id));
  const asked = q.scope.places.map((p) => p.name);
  const held = ctx.reader
    .rowsOfIndicators(names, all)
    .filter(
      (r) =>
        !exclude.has(`${r.region}|${r.period}`) &&
        !r.period.includes("—") &&
        (r.nature === "result" || (q.ask.kind === "value" && q.ask.nature === "target")),
    );
  const seen = new Map<string, { region: string; period: string }>();
  for (const r of held) seen.set(`${r.region}|${r.period}`, { region: r.region, period: r.period });
  return [...seen.values()].sort(
    (a, b) =>
      Number(!asked.includes(a.region)) - Number(!asked.includes(b.region)) ||
      b.period.localeCompare(a.period),
  );
}

/** The scope refusal or clarification for a question whose places or period are not held. */
export function scopeReply(
  q: Question,
  scope: Exclude<ScopeResult, { ok: true }>,
  ctx: AnswerContext,
): Draft {
  switch (scope.reason) {
    case "place":
      return placeNotHeld(q, scope.place.written, scope.place.codes, ctx);
    case "ambiguous": {
      const options = scope.options.map((o) => q.text.replace(scope.place.written, o));
      return draft(
        "clarify",
        `“${scope.place.written}”可指${scope.options.join("或")}，请指明是哪一个。`,
        options,
      );
    }
    case "relative": {
      const where = placeLabel(q.scope.places);
      const options = scope.periods.map((p) => restate(q, p));
      return draft(
        "clarify",
        `“${scope.word}”指哪一年？请写明年份。已收录的文件中${where}有${scope.periods.join("、")}的数据。`,
        options,
      );
    }
    case "whole-year": {
      const held = [...new Set(scope.docs.map((m) => `${m.region}${m.period}`))].join("、");
      return draft("not_found", `问的是全年，但已收录的文件中只有${held}的数据，不能当作全年数。`);
    }
    case "period": {
      const where = scope.places.join("、");
      const asked = periodLabel(q.scope.period);
      const periods = [...coverage(scope.docs).values()].flat();
      const has =
        scope.places.length > 0
          ? `${where}有${[...new Set(periods)].sort().join("、")}的资料`
          : `已收录的有：${describeCoverage(scope.docs)}`;
      const elsewhere = indicatorElsewhere(q, ctx, new Set()).filter(
        (x) => scope.places.length === 0 || scope.places.includes(x.region),
      );
      const names = indicatorNames(q.subject).join("、");
      const pointer =
        elsewhere.length > 0
          ? `${names}可查${elsewhere.map((x) => `${scope.places.length > 1 ? x.region : ""}${x.period}`).join("、")}，可以问“${elsewhere[0]!.region}${elsewhere[0]!.period}${names}”。`
          : "";
      const options = elsewhere.slice(0, 3).map((x) => `${x.region}${x.period}${names}`);
      return draft("not_found", `已收录的文件中没有${where}${asked}的数据；${has}。${pointer}`, options);
    }
  }
}

/** The catalogued indicators published in the documents and period in scope, except the refused ones. */
function heldIndicators(
  q: Question,
  ev: Evidence,
  ctx: AnswerContext,
  refused: ReadonlySet<string>,
): string[] {
  const rows = ctx.reader
    .indicatorRowsOfDocs(ev.docIds)
    .filter((r: IndicatorRow) => rowInPeriod(r, q.scope.period) && !r.period.includes("—"));
  const wholeOnly = q.scope.period.part === null && q.scope.period.years.length > 0;
  return [
    ...new Set(rows.filter((r) => !wholeOnly || !isPartOfYear(r.period)).map((r) => r.indicator!)),
  ].filter((n) => !refused.has(n));
}

/**
 * The route's near-name hook, tried before every refusal: a question that nearly writes a held
 * indicator or place it does not name (社令 for 社零, GPD for GDP, 立山去 for 立山区) gets
 * `clarify` with the question rewritten with each held name as an option — never a silent
 * substitution. Declines without a near-name finder or a candidate.
 */
export function nearNameClarify(q: Question, _ev: Evidence, ctx: AnswerContext): Outcome {
  return nearNameReply(q, ctx) ?? decline("no held name written nearly");
}

function nearNameReply(q: Question, ctx: AnswerContext): Draft | null {
  if (!ctx.nearNames) return null;
  const candidates = ctx
    .nearNames(q.text)
    .filter((c) =>
      c.kind === "indicator" ? q.subject.indicators.length === 0 : q.scope.places.length === 0,
    );
  if (candidates.length === 0) return null;
  const written = [...new Set(candidates.map((c) => `“${c.written}”`))].join("、");
  const names = candidates.map((c) => c.name).join("，还是");
  const options = candidates.map(
    (c) => q.text.slice(0, c.start) + c.name + q.text.slice(c.start + c.written.length),
  );
  return draft("clarify", `没有找到${written}。您是不是要问：${names}？`, options);
}

/**
 * The refusal of a figure or fact nothing answered: what is missing, then real alternatives —
 * the same indicator where it is published, or what the place and period asked do hold.
 */
export function refuseFigure(q: Question, ev: Evidence, ctx: AnswerContext): Outcome {
  const two = ["difference", "which", "plan", "compare", "ratio"].includes(q.ask.kind);
  if (two && ev.rows.named.length > 0) return cannotSetSideBySide(q, ev);
  const where = `${placeLabel(q.scope.places)}${periodLabel(q.scope.period)}`;
  const names = indicatorNames(q.subject);
  const what = names.length > 0 ? names.join("、") : `“${q.subject.topic || q.subject.wording || q.text}”`;
  const target = q.ask.kind === "value" && q.ask.nature === "target" ? "的预期目标" : "的数据";
  const asked = new Set(
    ev.docs
      .flatMap((m) => (m.periods ?? [m.period]).map((p) => `${m.region}|${p}`))
      .filter((k) => rowInPeriodKey(k, q)),
  );
  const elsewhere = indicatorElsewhere(q, ctx, asked).slice(0, 4);
  const held = heldIndicators(q, ev, ctx, new Set(names));
  const lines = [`已收录的文件中没有${where}${what}${target}。`];
  const options: string[] = [];
  if (elsewhere.length > 0) {
    lines.push(
      `${names.join("、")}可查：${elsewhere.map((x) => `${x.region}${x.period}`).join("、")}，可以问“${elsewhere[0]!.region}${elsewhere[0]!.period}${names[0]}”。`,
    );
    options.push(...elsewhere.map((x) => `${x.region}${x.period}${names[0]}`));
  } else if (held.length > 0 && where !== "")
    lines.push(`${where}可查的主要指标有：${held.slice(0, 12).join("、")}。`);
  else lines.push("可以换个说法，或发送 /sources 查看已收录的文件。");
  return draft("not_found", lines.join(""), options);
}

/**
 * A question that sets two figures side by side when only one is published: the figure is held,
 * what it would be set against is not — said so, never "no data".
 */
function cannotSetSideBySide(q: Question, ev: Evidence): Draft {
  const held = [...new Set(ev.rows.named.map((r) => `${r.region}${r.period}${r.indicator}`))];
  const what =
    q.ask.kind === "plan" || (q.ask.kind === "difference" && q.ask.between === "target")
      ? "对应的目标"
      : q.ask.kind === "ratio"
        ? "用于计算比重的另一项数据"
        : q.ask.kind === "difference" && q.ask.between === "wider"
          ? "与上级地区（全市、全省等）比较的数字"
          : "用于比较的另一期（或另一地区、另一指标）的数据";
  const text = `已收录的文件中有${held.join("、")}，但没有${what}，无法比较或计算。可以问“${held[0]}是多少”。`;
  return draft(
    "not_found",
    text,
    held.slice(0, 3).map((h) => `${h}是多少`),
  );
}

/** Whether a `region|period` key lies in the question's period. */
function rowInPeriodKey(key: string, q: Question): boolean {
  const period = key.slice(key.indexOf("|") + 1);
  return rowInPeriod({ period } as IndicatorRow, q.scope.period);
}

/** The refusal of a general question nothing in the documents discusses. */
export function refuseGeneral(q: Question): Outcome {
  const topic = q.subject.topic || q.subject.wording || q.text;
  return draft(
    "not_found",
    `没有在已收录的文件中找到与“${topic}”有关的内容。可以换个说法，或发送 /help 查看提问示例。`,
  );
}

/** The reply to a reference to a list when the last answer showed none. */
export function noListShown(q: Question): Outcome {
  if (q.ask.kind !== "list") return decline("not a list reference");
  return draft(
    "clarify",
    "上一条回答没有列出可以按序号查看的条目。请先提一个会列出清单的问题，例如某个单位牵头哪些任务。",
  );
}

/** The reply to a request for the source when nothing was answered before. */
export function noSourceYet(q: Question): Outcome {
  if (q.ask.kind !== "source") return decline("not a source request");
  return draft("clarify", "还没有上一条回答可以查看原文。请先提问，再发送“原文”或 /cite。");
}

/**
 * The last task route: a task question that names no task (no number, quote, unit or topic
 * matched), e.g. a bare 谁牵头 with nothing before it. Asks which task instead of failing.
 */
export function whichTask(q: Question): Outcome {
  if (q.ask.kind !== "task") return decline("not a task question");
  return draft(
    "clarify",
    "请说明是哪一项任务：可以写任务编号（如“第12项任务由谁牵头”）或任务内容里的几个词，也可以问某个单位牵头或负责哪些任务。",
  );
}
