/**
 * Targets beyond the target rows: a target a task list states as a task (`1.地区生产总值增长6%左右`,
 * `6.居民收入增长与经济增长基本同步`), a target a work report sets in words in its list of
 * 预期目标 (`城乡居民收入增长与经济增长基本同步`), and the refusal when no target is set but results
 * are published (pointing at them).
 */
import { indicatorForms } from "../indicators/aliases.js";
import { indicatorNames, placeLabel, periodLabel, type Question } from "../understand/question.js";
import { CitationBook } from "./citation-book.js";
import { decline, type AnswerContext, type Evidence, type Outcome } from "./types.js";

const asksTarget = (q: Question) => q.ask.kind === "value" && q.ask.nature === "target";

/** A target stated as a task of a task list in scope (its text starts with the indicator's name). */
export function targetTask(q: Question, ev: Evidence, ctx: AnswerContext): Outcome {
  if (!asksTarget(q)) return decline("no target asked");
  const names = [...q.subject.indicators.map((m) => m.written), ...indicatorNames(q.subject)];
  if (names.length === 0) return decline("no indicator named");
  const tasks = ctx.reader.tasksWithTerms(names).filter((t) => ev.docIds.has(t.docId));
  // A task stating the target (`1.地区生产总值增长6%左右`), else the clause of a task that sets
  // it as an aim (`…，力争实际利用外资实现倍增`).
  const opening = tasks.find((t) => names.some((n) => t.text.startsWith(n)));
  const aim = opening
    ? null
    : tasks
        .flatMap((t) => t.text.split(/[，,；;。]/u).map((clause) => ({ t, clause })))
        .find(
          ({ clause }) =>
            names.some((n) => clause.includes(n)) && /力争|实现|达到|确保|增长|提高到|突破/u.test(clause),
        );
  const task = opening ?? aim?.t;
  if (!task) return decline("no task of a list in scope states the indicator as a target");
  const meta = ctx.reader.meta(task.docId)!;
  const book = new CitationBook(ctx.reader);
  const id = book.cite(task.docId, task.sectionId, task.start, task.end, null);
  const stated = aim ? aim.clause.trim() : task.text.replace(/。$/u, "");
  const text = `${meta.region}${meta.period}预期目标：${stated}[${id}]（第${task.number}项）。`;
  return { status: "answered", text, facts: [], book, options: [] };
}

/** A statement that sets targets. */
const TARGET_STATEMENT = /目标|预期/u;
/** Where the clauses of a list of targets end. */
const CLAUSE_END = /[；;。]/u;

/**
 * A target set in words in a retrieved list of targets: the clause without a figure that names
 * the indicator (in any of its catalogued names), quoted and cited.
 */
export function wordedTarget(q: Question, ev: Evidence, ctx: AnswerContext): Outcome {
  if (!asksTarget(q)) return decline("no target asked");
  const terms = q.subject.indicators.map((m) => m.written);
  const forms = [...new Set(terms.flatMap((t) => indicatorForms(ctx.lexicon.vocabulary, t)))];
  if (forms.length === 0) return decline("no indicator named");
  const years = q.scope.period.years;
  for (const hit of ev.hits) {
    const meta = ctx.reader.meta(hit.chunk.docId)!;
    // A report sets the targets of its own year (its review part tells of the year before).
    if (years.length > 0 && !years.some((y) => meta.period.startsWith(`${y}年`))) continue;
    for (const st of ctx.reader.statementsIn(meta.id, hit.chunk.start, hit.chunk.end)) {
      const statement = ctx.reader.text(meta.id, st.start, st.end);
      // A list item (`……；`) belongs to the sentence that opens the list (`主要预期目标是：`).
      const opening = ctx.reader.text(meta.id, Math.max(hit.chunk.start, st.start - 200), st.end);
      const sentence = opening.slice(opening.lastIndexOf("。", opening.length - statement.length - 1) + 1);
      if (!TARGET_STATEMENT.test(sentence)) continue;
      const clause = statement
        .split(CLAUSE_END)
        .map((c) => c.replace(/^.*?[：:]/u, "").trim())
        .find((c) => !/\d/u.test(c) && forms.some((f) => c.includes(f)));
      if (!clause) continue;
      const book = new CitationBook(ctx.reader);
      const id = book.cite(meta.id, hit.chunk.sectionId, st.start, st.end, null);
      const text = `${meta.region}${meta.period}的预期目标中没有具体数字，原文为：${clause}[${id}]。`;
      return { status: "answered", text, facts: [], book, options: [] };
    }
  }
  return decline("no retrieved list of targets names the indicator in words");
}

/** Asked for a target no document sets while results are published: say so, and where they are. */
export function noTargetSet(q: Question, ev: Evidence): Outcome {
  if (!asksTarget(q)) return decline("no target asked");
  if (!ev.rows.named.some((r) => r.nature === "result")) return decline("no results published either");
  const where = `${placeLabel(q.scope.places)}${periodLabel(q.scope.period)}`;
  const names = indicatorNames(q.subject).join("、");
  return {
    status: "not_found",
    text: `已收录的文件中没有${where}${names}的预期目标；文件中有实际完成数，可以问“${where}${names}是多少”。`,
    facts: [],
    book: null,
    options: [`${where}${names}是多少`],
  };
}
