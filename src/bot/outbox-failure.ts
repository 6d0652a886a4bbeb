/**
 * How the outbox treats a failed sendMessage (see outbox.ts): retry (network errors, timeouts,
 * 5xx, a proxy's 502 page — backing off — and 429 after exactly its retry_after), replace by an
 * apology (400: Telegram will never accept it), or drop the chat's messages (403: the bot was
 * blocked or removed).
 */
import { GrammyError, HttpError } from "grammy";

/** How a failed send is handled. */
export type Failure =
  | { kind: "retry"; delayMs: number; reason: string }
  | { kind: "malformed"; reason: string }
  | { kind: "gone"; reason: string };

/** Backoff of a retry: `baseMs` doubling per attempt, at most `capMs`. */
export interface Backoff {
  baseMs: number;
  capMs: number;
}

/** Classifies a send failure after `attempts` earlier attempts. */
export function classifyFailure(err: unknown, attempts: number, backoff: Backoff): Failure {
  const delayMs = Math.min(backoff.capMs, backoff.baseMs * 2 ** attempts);
  if (err instanceof GrammyError) {
    const retryAfter = err.parameters.retry_after;
    if (err.error_code === 429 && typeof retryAfter === "number") {
      return { kind: "retry", delayMs: retryAfter * 1000, reason: `429 retry_after ${retryAfter}` };
    }
    if (err.error_code === 403) return { kind: "gone", reason: err.description };
    if (err.error_code === 400) return { kind: "malformed", reason: err.description };
    return { kind: "retry", delayMs, reason: `${err.error_code} ${err.description}` };
  }
  if (err instanceof HttpError) return { kind: "retry", delayMs, reason: err.message };
  return { kind: "retry", delayMs, reason: err instanceof Error ? err.message : String(err) };
}
