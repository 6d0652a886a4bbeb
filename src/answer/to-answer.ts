/**
 * A routed draft as an {@link Answer} of the `ask --json` contract: status, text, facts,
 * citations, options, timing, and the route table's record (route, declines) and list.
 */
import type { Answer, Intent } from "../types.js";
import type { Question } from "../understand/question.js";
import type { Routed } from "./pipeline.js";

/** The intent an answer reports (the CLI's contract and the bot's logs). */
function intentOf(q: Question): Intent {
  if (q.command === "cite") return "cite";
  switch (q.ask.kind) {
    case "value":
      return q.ask.nature === "target" ? "target" : "value";
    case "growth":
      return "growth";
    case "change":
    case "ratio":
      return "value";
    case "compare":
    case "difference":
    case "which":
    case "plan":
      return "compare";
    case "task":
      return "lead";
    default:
      return "general";
  }
}

/** The answer of a routed draft, in the ask --json contract. */
export function toAnswer(message: string, q: Question, routed: Routed, started: number): Answer {
  const { draft } = routed;
  const list = draft.list
    ? {
        list: {
          title: draft.list.title,
          source: draft.list.source,
          ...(draft.list.role ? { role: draft.list.role } : {}),
          items: draft.list.items.map(({ label, citation }) => ({ label, citation })),
        },
      }
    : {};
  return {
    question: message,
    status: draft.status,
    intent: intentOf(q),
    text: draft.text,
    facts: draft.facts,
    citations: draft.book?.citations() ?? [],
    options: draft.options,
    timing_ms: Math.round((performance.now() - started) * 100) / 100,
    ...list,
    route: routed.route,
    declines: routed.declines,
  };
}
