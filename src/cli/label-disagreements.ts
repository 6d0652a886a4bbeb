/**
 * How a disagreement between our metadata and the public corpus's label is shown: on the
 * console (one block a document) and as the Markdown list kept in
 * docs/public-corpus-label-disagreements.md. Each shows the document's own words our reading
 * rests on, so a reader can judge which side is right.
 */
import type { Disagreement } from "./public-corpus.js";

const FIELD_NAMES = { region: "地区", year: "年份", kind: "文种" } as const;

/** The evidence of the disagreeing fields, in the document's own words. */
function evidenceOf(d: Disagreement): string[] {
  const e = d.ours.evidence;
  const lines: string[] = [];
  if (d.fields.includes("region")) {
    lines.push(`region from: ${e?.region ?? "?"}`);
    if (d.named) {
      const { ours, label } = d.named;
      lines.push(`the text names ${d.ours.region} ${ours}×, ${d.label.region} ${label}×`);
      if (label === 0) lines.push(`verdict: the text never names ${d.label.region}; the label is wrong`);
      else if (label > ours)
        lines.push(
          `verdict: the text names ${d.label.region} more often; our reading is likely wrong (a division the gazetteer no longer lists?)`,
        );
    }
  }
  if (d.fields.includes("year")) lines.push(`year from: ${e?.period ?? "?"}`);
  if (d.sameAs)
    lines.push(
      `also read as ${d.ours.region} ${d.ours.year} ${d.ours.kind}: ${d.sameAs.join(", ")} (the same document saved twice?)`,
    );
  if (d.fields.includes("kind")) lines.push(`kind from: ${e?.kind ?? "?"}`);
  return lines;
}

/** A disagreement as console lines. */
export function describeDisagreement(d: Disagreement): string {
  const fields = d.fields.map((f) => FIELD_NAMES[f]).join("、");
  return [
    `disagrees (${fields}) ${d.file}: ours ${d.ours.region} ${d.ours.year} ${d.ours.kind}; label ${d.label.region} ${d.label.year} ${d.label.kind} (${d.label.source})`,
    `  title: ${d.ours.title}`,
    ...evidenceOf(d).map((l) => `  ${l}`),
  ].join("\n");
}

/** The disagreements as a Markdown document. */
export function disagreementsMarkdown(list: readonly Disagreement[], checked: number): string {
  const out = [
    "# Public corpus: where our metadata and the collection's labels disagree",
    "",
    "Written by `npm run eval:public -- --metadata-only --disagreements docs/public-corpus-label-disagreements.md`",
    `over ${checked} documents of \`../shared/public-corpus\`. Each entry shows our reading (region, year,`,
    "kind), the label of `meta.jsonl` (the collection's path) and the document's own words our reading",
    "rests on. These are listed, never fitted: no rule exists to match a label.",
    "",
  ];
  for (const d of list) {
    out.push(`## ${d.file}: ${d.fields.map((f) => FIELD_NAMES[f]).join("、")}`);
    out.push("");
    out.push(`- ours: ${d.ours.region} · ${d.ours.year} · ${d.ours.kind} — 《${d.ours.title}》`);
    out.push(`- label: ${d.label.region} · ${d.label.year} · ${d.label.kind} — \`${d.label.source}\``);
    for (const l of evidenceOf(d)) out.push(`- ${l}`);
    out.push("");
  }
  if (list.length === 0) out.push("None.", "");
  return out.join("\n");
}
