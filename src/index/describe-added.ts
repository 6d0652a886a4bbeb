/**
 * How `npm run add` and the bot describe an added document: the metadata detected, what was
 * extracted (sections, indicator rows, tasks, chunks) and its data-quality notes. Plain
 * Chinese lines, shared by the CLI and the bot's upload reply.
 */
import type { DocumentReport } from "./build-artefacts.js";

const FORMAT_LABEL: Record<string, string> = { pdf: "PDF", docx: "Word", html: "网页", markdown: "Markdown" };

/** The lines describing one added document. */
export function describeAddedDocument(d: DocumentReport): string[] {
  const m = d.meta;
  const lines = [
    `${m.file}：《${m.title}》`,
    `  地区 ${m.region}，时期 ${m.period}，文种 ${m.kind}，格式 ${FORMAT_LABEL[m.format ?? ""] ?? "文本"}（${m.encoding}）`,
    `  提取：${d.sections} 个章节，${d.rows} 条指标数据，${d.tasks} 项任务，${d.chunks} 个检索段落`,
  ];
  if (m.notes.length === 0) lines.push("  数据质量：未发现问题");
  else for (const n of m.notes) lines.push(`  数据质量：${n.message}`);
  return lines;
}
