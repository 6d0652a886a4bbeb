/**
 * The example questions /help and /start show: the answer layer's `AnswerService.examples()`
 * (src/answer/examples.ts), built from what the service holds when it was loaded, never from a
 * fixed list. This file is the one place the bot asks for them; it also words the follow-up
 * hint of /help from the periods held.
 */
import type { AnswerService } from "../answer/answer-service.js";
import type { Holding } from "../answer/catalog.js";
import { periodPair } from "../answer/examples.js";

export {
  heldExamples,
  periodPair,
  PLACES_LOOKED_AT,
  type HeldCorpus,
  type PeriodPair,
} from "../answer/examples.js";

/** The examples /help and /start show for a loaded service. */
export function helpExamples(service: AnswerService): readonly string[] {
  return service.examples();
}

/**
 * How to ask a follow-up, with periods held: `…问过铁东区2023年的数字后，可以问“那2022年的呢”…`;
 * without two periods of one region, the follow-ups that need none.
 */
export function followUpHint(holdings: readonly Holding[]): string {
  const pair = periodPair(holdings);
  const asked = pair ? `问过${pair.region}${pair.later}的数字后，可以问“那${pair.earlier}的呢”` : "例如";
  return `可以接着上一问追问，只说要换的部分：${asked}“增速呢”“原文呢”；换地区就说地区名加“呢”。`;
}
