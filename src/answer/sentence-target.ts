/**
 * A growth target stated right after the result it is set against, in the same sentence: `比上年增长10.7%，接近
 * 11%的预定目标`, `增长8.2%，超过年初确定的7.5%的目标`, `完成预期目标（增长6%）`. Read as a target
 * row of the same sentence (published, cited to it) when no target row is held, so a plan
 * question sets the two side by side. Pure.
 */
import type { CorpusReader } from "../retrieve/corpus-reader.js";
import type { IndicatorRow } from "../types.js";

/** A percentage named as the target: `11%的预定目标`, `预期目标为增长7%左右`, `目标7.5%`. */
const TARGET_IN_SENTENCE =
  /(\d+(?:\.\d+)?)[%％](左右|以上)?的?(?:(?:预定|预期|既定|年初|年度|全年|计划|确定|提出)的?)*(?:目标|计划)|(?:预定|预期|既定|年初|年度)?目标(?:为|是)?[（(]?(?:增长)?(\d+(?:\.\d+)?)[%％](左右|以上)?/u;

/** How far after the result's growth a target may be stated, in characters. */
const NEAR = 24;

/** The target the result's own sentence states, as a row of that sentence; null when none. */
export function targetInSentence(result: IndicatorRow, reader: CorpusReader): IndicatorRow | null {
  if (result.nature !== "result" || result.growth === null) return null;
  const { docId, start, end } = result.source;
  const sentence = reader.text(docId, start, end);
  // Right after the result's growth (its next clause): a target further on may be another figure's.
  const numeral = result.growth.figure.replace(/[%％]$/u, "").replace(/^-/u, "");
  const at = sentence.indexOf(numeral);
  if (at < 0) return null;
  const after = at + numeral.length;
  const found = TARGET_IN_SENTENCE.exec(sentence.slice(after, after + NEAR));
  if (!found) return null;
  const figure = `${found[1] ?? found[3]}%`;
  const qualifier = found[2] ?? found[4] ?? null;
  return {
    ...result,
    id: `${result.id}#target`,
    nature: "target",
    value: null,
    growth: { text: `增长${figure}`, percent: Number(figure.slice(0, -1)), figure },
    basis: null,
    qualifier,
    clause: found[0],
  };
}
