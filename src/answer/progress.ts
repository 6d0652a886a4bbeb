/**
 * Plan vs result when no target is published beside the result but the result's own sentence
 * says how far the year's target is met (`完成全年任务的56.5%，实现了“双过半”目标`): the figure,
 * then that clause as written, cited by the same sentence. Plan-execution reports put it so.
 */
import type { Question } from "../understand/question.js";
import { indicatorFigures } from "./figures.js";
import { decline, isDecline, type AnswerContext, type Evidence, type Outcome } from "./types.js";

/**
 * The share of the year's target met, with any verdict after it: `完成全年任务的 56.5%，实现了
 * “双过半”目标`, `完成年度目标的52%`.
 */
const PROGRESS =
  /(?:完成|达到|占)(?:全年|年度|年)(?:任务|目标|计划)(?:的)?\s*\d+(?:\.\d+)?\s*%(?:\s*[，,]\s*(?:实现|达到|完成)了?[^，。；;]{0,14})?/u;

/** The figure asked and how much of the year's target it is, as the sentence states it. */
export function planProgress(q: Question, ev: Evidence, ctx: AnswerContext): Outcome {
  if (q.ask.kind !== "plan") return decline("no plan asked");
  const figures = indicatorFigures(q, ev, ctx);
  if (isDecline(figures)) return figures;
  const stated = (figures.book?.citations() ?? []).flatMap((c) => {
    const m = PROGRESS.exec(c.quote);
    return m ? [`${m[0].replace(/\s+/gu, "")}[${c.id}]。`] : [];
  });
  if (stated.length === 0) return decline("the result's sentence states no share of the year's target");
  return { ...figures, text: [figures.text, `文件中写明：${stated.join("")}`].join("\n") };
}
