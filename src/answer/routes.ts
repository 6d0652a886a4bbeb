/**
 * The route table: for each kind of ask, the handlers that may answer it, in order. Each
 * handler is pure and returns a draft or declines with a reason; the first draft answers, and
 * the answer records its handler (`route`) and every decline before it (`declines`). The last
 * handler of each list always answers (a refusal that says what is held instead).
 */
import type { AskKind } from "../understand/question.js";
import { hasWord } from "../understand/subject.js";
import { briefing } from "./briefing.js";
import { difference, planAndResult } from "./differences.js";
import { rankGrowth, whichIsHigher } from "./extremes.js";
import { fromTo, moveValue } from "./from-to.js";
import { indicatorFigures, publishedChange } from "./figures.js";
import { generalStatements } from "./general.js";
import {
  nearNameClarify,
  noListShown,
  noSourceYet,
  refuseFigure,
  refuseGeneral,
  whichTask,
} from "./refusals.js";
import { planProgress } from "./progress.js";
import { shareOf } from "./ratio.js";
import { standing } from "./standing.js";
import { smallTalk, unreadable } from "./small-talk.js";
import { taskByNumber, taskByQuote, taskByTopic, taskText, tasksOfUnit } from "./task-answers.js";
import { noTargetSet, targetTask, wordedTarget } from "./targets.js";
import { namedByForms, namedByParts, respectivePair, topicByWords, topicFigures } from "./topic-figures.js";
import { decline, type Handler, type Route } from "./types.js";
import { widerGap } from "./wider-gap.js";

const route = (name: string, handle: Handler): Route => ({ name, handle });

/** A question about figures that names nothing to look up is asked to say what (清楚 before scope). */
const needsSubject = route("needs-subject", (q, _ev, ctx) => {
  if (q.subject.indicators.length > 0 || hasWord(q.subject.terms))
    return decline("the question names a subject");
  return unreadable({ ...q, ask: { kind: "unclear", why: "no-subject" } }, ctx.examples);
});

/** A value question without figure words and nothing found: the statements about its topic. */
const generalFallback = route("general-fallback", (q, ev, ctx) => {
  if (q.ask.kind !== "value" || q.ask.figure || q.subject.indicators.length > 0)
    return decline("a figure is asked");
  return generalStatements(q, ev, ctx);
});

/**
 * The one place where a name the question nearly writes (社令 for 社零) becomes `clarify` with the
 * held names as options (src/understand/near-names.ts), tried before every refusal.
 */
const nearNames = route("near-names", nearNameClarify);

/** The refusal of a value question: a figure's, or a topic's when no figure was asked. */
const refuseOne = route("refuse", (q, ev, ctx) =>
  q.ask.kind === "value" && !q.ask.figure && q.subject.indicators.length === 0
    ? refuseGeneral(q)
    : refuseFigure(q, ev, ctx),
);
const refuse: Route[] = [nearNames, refuseOne];

/** Figures of the indicators named, then of the topic, then a refusal. */
const FIGURES: Route[] = [
  needsSubject,
  route("indicator-figures", indicatorFigures),
  route("target-task", targetTask),
  route("worded-target", wordedTarget),
  route("no-target-set", noTargetSet),
  route("indicator-by-names", namedByForms),
  route("respective-pair", respectivePair),
  route("indicator-by-words", namedByParts),
  route("topic-figures", topicFigures),
  route("topic-by-words", topicByWords),
  route("move", moveValue),
  route("task-text", taskText),
  generalFallback,
  ...refuse,
];

/** The handlers of each kind of ask, in order. Multi-part questions are routed part by part. */
export const ROUTES: Readonly<Record<Exclude<AskKind, "multi">, readonly Route[]>> = {
  value: FIGURES,
  growth: FIGURES,
  change: [
    needsSubject,
    route("published-change", publishedChange),
    route("from-to", fromTo),
    ...FIGURES.slice(1),
  ],
  compare: [
    needsSubject,
    route("indicator-figures", indicatorFigures),
    route("indicator-by-names", namedByForms),
    route("topic-figures", topicFigures),
    ...refuse,
  ],
  difference: [
    needsSubject,
    route("wider-gap", widerGap),
    route("from-to", fromTo),
    route("difference", difference),
    ...refuse,
  ],
  ratio: [needsSubject, route("share", shareOf), route("topic-figures", topicFigures), ...refuse],
  which: [needsSubject, route("which-is-higher", whichIsHigher), ...refuse],
  standing: [needsSubject, route("standing", standing), ...refuse],
  plan: [
    needsSubject,
    route("plan-and-result", planAndResult),
    route("plan-progress", planProgress),
    route("indicator-figures", indicatorFigures),
    ...refuse,
  ],
  rank: [route("rank-growth", rankGrowth), ...refuse],
  filter: [route("rank-growth", rankGrowth), ...refuse],
  briefing: [route("briefing", briefing), ...refuse],
  general: [
    needsSubject,
    route("general", generalStatements),
    nearNames,
    route("refuse-general", (q) => refuseGeneral(q)),
  ],
  task: [
    route("task-by-number", taskByNumber),
    route("task-by-quote", taskByQuote),
    route("tasks-of-unit", tasksOfUnit),
    route("task-by-topic", taskByTopic),
    route("which-task", whichTask),
  ],
  list: [route("no-list", noListShown)],
  source: [route("no-source", noSourceYet)],
  "chit-chat": [route("small-talk", (q, _ev, ctx) => smallTalk(q, ctx.examples))],
  unclear: [route("unreadable", (q, _ev, ctx) => unreadable(q, ctx.examples))],
};
