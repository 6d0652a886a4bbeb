/**
 * Where a figure stands among others' (在全市排第几, 排名如何): documents state it beside the
 * figure (`…完成全年任务的56.5%，全市排名第二`, `增速排名闯入全市前列`). The clause stating the
 * standing, in the statement of the subject's figure, is quoted and cited; nothing is ranked
 * by us.
 */
import type { Question } from "../understand/question.js";
import { CitationBook } from "./citation-book.js";
import { rowLabel } from "./compose.js";
import { rowsOf } from "./pick-rows.js";
import { decline, type AnswerContext, type Evidence, type Outcome } from "./types.js";

/** A clause stating a standing: 排名第二, 位列全省第3, 居全市第一位, 闯入全市前列. */
const STANDING =
  /[^，。；;]*(?:排名|排位|位列|位居|名列|居)[^，。；;]{0,8}?(?:第[一二三四五六七八九十\d]+(?:位|名)?|前列|前茅|首位|靠前)[^，。；;]*/u;

export function standing(q: Question, ev: Evidence, ctx: AnswerContext): Outcome {
  if (q.ask.kind !== "standing") return decline("no standing asked");
  const rows = rowsOf(q, ev, "result", ctx);
  for (const row of rows) {
    const { docId, sectionId, start, end } = row.source;
    const statement = ctx.reader.text(docId, start, end);
    // The standing stated after the figure's clause, in the same statement.
    const after = statement.slice(Math.max(0, statement.indexOf(row.clause)));
    const m = STANDING.exec(after);
    if (!m) continue;
    const book = new CitationBook(ctx.reader);
    const id = book.cite(docId, sectionId, start, end, m[0].trim());
    const text = `${row.region}${row.period}${rowLabel(row)}：${m[0].trim()}[${id}]。`;
    return { status: "answered", text, facts: [], book, options: [] };
  }
  return decline("no statement of the subject's figure states a standing");
}
