/**
 * The natural next steps under an answer, as buttons: 原文 (per citation), 画图 (when the
 * answer makes a chart), 导出 (when it has figures or a list), the neighbouring year held for
 * the same indicator and place, the same indicator in the parent region, and the choices of a
 * clarification. Pure: an answer and the service's catalogue in, button specs out; the
 * callback data is `a:<epoch>:<answerId>:<action>` (≤ 64 bytes), decoded by {@link parseAction}.
 *
 * The steps are recomputed from the stored answer when a button is pressed, so a button
 * carries only its action code.
 */
import type { InlineKeyboardButton } from "grammy/types";
import type { AnswerService } from "../answer/answer-service.js";
import type { Answer, Fact } from "../types.js";
import { offeredCharts, type ChartKind } from "./chart/chart-data.js";
import type { AnswerRef } from "./conversation.js";
import { cutSafely } from "./split-message.js";

/** What a button under an answer does. */
export type Action =
  | { kind: "cite"; citationId: number }
  | { kind: "chart"; chart: ChartKind }
  | { kind: "export" }
  | { kind: "ask"; index: number };

/** A question a next-step button asks, with its label. */
export interface AskStep {
  label: string;
  question: string;
}

/** At most this many 原文 buttons (more: /cite n). */
export const MAX_CITE_BUTTONS = 8;
const PER_ROW = 4;
const CHART_CODE: Record<ChartKind, string> = { compare: "c", series: "s", growth: "g" };
const CHART_LABEL: Record<ChartKind, string> = {
  compare: "📈 画图",
  series: "📈 历年走势",
  growth: "📈 主要增速",
};

/** Encodes a button's callback data. */
export function actionData(ref: AnswerRef, action: Action): string {
  const code =
    action.kind === "cite"
      ? `c${action.citationId}`
      : action.kind === "chart"
        ? `g${CHART_CODE[action.chart]}`
        : action.kind === "export"
          ? "x"
          : `q${action.index}`;
  return `a:${ref.epoch}:${ref.answerId}:${code}`;
}

/** Decodes {@link actionData}; null for anything else. */
export function parseAction(data: string): { ref: AnswerRef; action: Action } | null {
  const m = /^a:([a-z0-9]{1,12}):(\d{1,15}):(c\d{1,4}|g[csg]|x|q\d{1,2})$/u.exec(data);
  if (!m) return null;
  const ref = { epoch: m[1]!, answerId: Number(m[2]) };
  const code = m[3]!;
  if (code === "x") return { ref, action: { kind: "export" } };
  if (code.startsWith("c")) return { ref, action: { kind: "cite", citationId: Number(code.slice(1)) } };
  if (code.startsWith("q")) return { ref, action: { kind: "ask", index: Number(code.slice(1)) } };
  const chart = (Object.keys(CHART_CODE) as ChartKind[]).find((k) => CHART_CODE[k] === code.slice(1))!;
  return { ref, action: { kind: "chart", chart } };
}

/** The one subject of an answer: region, indicator and period shared by its published facts. */
function subjectOf(answer: Answer): Fact | null {
  const published = answer.facts.filter((f) => !f.computed);
  const first = published[0];
  if (!first) return null;
  const same = published.every(
    (f) => f.region === first.region && f.indicator === first.indicator && f.period === first.period,
  );
  return same ? first : null;
}

/** How a next-step question is asked: the same kind of question as the answer's. */
function questionFor(answer: Answer, region: string, period: string, indicator: string): string {
  return answer.intent === "growth"
    ? `${region}${period}${indicator}增速是多少`
    : `${region}${period}${indicator}是多少`;
}

/**
 * The questions the next-step buttons ask, in button order: the clarification's choices, or
 * the neighbouring years and the parent region of the answer's one subject.
 */
export function askSteps(answer: Answer, service: AnswerService): AskStep[] {
  if (answer.status === "clarify")
    return answer.options.map((o) => ({ label: cutSafely(o, 30), question: o }));
  if (answer.status !== "answered") return [];
  const subject = subjectOf(answer);
  if (!subject) return [];
  const { region, indicator, period } = subject;
  const steps: AskStep[] = [];
  const near = service.neighbouringPeriods(region, indicator, period);
  if (near.earlier)
    steps.push({
      label: `◀ ${near.earlier}`,
      question: questionFor(answer, region, near.earlier, indicator),
    });
  if (near.later)
    steps.push({ label: `${near.later} ▶`, question: questionFor(answer, region, near.later, indicator) });
  const parent = service.parentRegion(region);
  const parentPeriods = parent ? service.periodsOf(parent, indicator) : [];
  if (parent && parentPeriods.length > 0) {
    const at = parentPeriods.includes(period) ? period : parentPeriods.at(-1)!;
    steps.push({ label: `${parent}同指标`, question: questionFor(answer, parent, at, indicator) });
  }
  return steps;
}

/** True when the answer has something to export: published figures or a list. */
export function exportable(answer: Answer): boolean {
  return (
    answer.status === "answered" &&
    (answer.facts.some((f) => !f.computed) || (answer.list?.items.length ?? 0) > 0)
  );
}

const rows = (buttons: InlineKeyboardButton[], perRow = PER_ROW): InlineKeyboardButton[][] => {
  const out: InlineKeyboardButton[][] = [];
  for (let i = 0; i < buttons.length; i += perRow) out.push(buttons.slice(i, i + perRow));
  return out;
};

/**
 * The keyboard under an answer (lists get theirs from list-menu.ts): 原文 buttons; 画图 and 导出;
 * the questions of {@link askSteps}.
 */
export function answerKeyboard(
  answer: Answer,
  ref: AnswerRef,
  service: AnswerService,
): InlineKeyboardButton[][] {
  const button = (text: string, action: Action) => ({ text, callback_data: actionData(ref, action) });
  const cites = answer.citations.slice(0, MAX_CITE_BUTTONS);
  const citeButtons = cites.map((c) =>
    button(answer.citations.length === 1 ? "原文" : `原文 [${c.id}]`, { kind: "cite", citationId: c.id }),
  );
  const tools: InlineKeyboardButton[] = [];
  if (answer.status === "answered") {
    for (const chart of offeredCharts(answer, service.tables()))
      tools.push(button(CHART_LABEL[chart.kind], { kind: "chart", chart: chart.kind }));
    if (exportable(answer)) tools.push(button("📥 导出", { kind: "export" }));
  }
  const asks = askSteps(answer, service).map((s, index) => button(s.label, { kind: "ask", index }));
  return [...rows(citeButtons), ...rows(tools), ...rows(asks, answer.status === "clarify" ? 1 : 3)];
}
