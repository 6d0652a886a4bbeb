/**
 * Targets set in words, not figures: work reports list their 预期目标 as
 * `地区生产总值增长6%以上；……城乡居民收入增长与经济增长基本同步；……`. The figures become target
 * rows; a target without a figure does not, so a question about it would find nothing. This
 * quotes the clause of the retrieved target statement that names the indicator asked (in any
 * of its catalogued names), citing the statement.
 */
import { indicatorForms } from "../indicators/aliases.js";
import { hybridSearch } from "../retrieve/hybrid-search.js";
import type { ParsedQuestion } from "../retrieve/parse-question.js";
import type { AnswerContext, Draft } from "./answer-question.js";
import { CitationBook } from "./citations.js";

/** A statement that sets targets. */
const TARGET_STATEMENT = /目标|预期/u;
/** Where the clauses of a list of targets end. */
const CLAUSE_END = /[；;。]/u;

/**
 * Answers a target question with a target set in words; null when no retrieved target
 * statement names the indicator in a clause without a figure.
 */
export async function answerWordedTarget(
  q: ParsedQuestion,
  docIds: ReadonlySet<string>,
  terms: readonly string[],
  ctx: AnswerContext,
): Promise<Draft | null> {
  const forms = [...new Set(terms.flatMap((t) => indicatorForms(ctx.vocabulary, t)))];
  if (forms.length === 0) return null;
  // The list of targets is found as such: its wording (预期目标) with the indicator's name.
  const query = `${q.text} 主要预期目标`;
  const hits = await hybridSearch(ctx.search, query, { docIds: new Set(docIds), k: 6 });
  for (const hit of hits) {
    const doc = ctx.view.doc(hit.chunk.docId);
    // A report sets the targets of its own year (its review part tells of the year before).
    if (q.years.length > 0 && !q.years.some((y) => doc.meta.period.startsWith(`${y}年`))) continue;
    for (const st of ctx.view.statementsOf(doc.meta.id)) {
      if (st.start < hit.chunk.start || st.end > hit.chunk.end) continue;
      const statement = doc.text.slice(st.start, st.end);
      // A list item (`……；`) belongs to the sentence that opens the list (`主要预期目标是：`).
      const sentenceStart = doc.text.lastIndexOf("。", st.start - 1) + 1;
      if (!TARGET_STATEMENT.test(doc.text.slice(sentenceStart, st.end))) continue;
      const clause = statement
        .split(CLAUSE_END)
        .map((c) => c.replace(/^.*?[：:]/u, "").trim())
        .find((c) => !/\d/u.test(c) && forms.some((f) => c.includes(f)));
      if (!clause) continue;
      const book = new CitationBook(ctx.view);
      const id = book.cite(doc.meta.id, hit.chunk.sectionId, st.start, st.end, null);
      return {
        status: "answered",
        text: `${doc.meta.region}${doc.meta.period}的预期目标中没有具体数字，原文为：${clause}[${id}]。`,
        facts: [],
        book,
        options: [],
      };
    }
  }
  return null;
}
