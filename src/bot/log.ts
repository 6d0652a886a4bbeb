/**
 * A tiny structured logger for the bot: one JSON object per line on stderr, filtered by level,
 * with every bot token redacted before anything is written.
 *
 * Why not console.*: the bot must never print its token, and grammY/node-fetch errors can carry
 * request URLs (`…/bot<token>/sendMessage`). Everything the bot logs goes through {@link redact}.
 * Other modules receive a {@link Logger} as an argument, so tests can capture entries.
 */

/** Severity, lowest first. Matches `AppConfig.logLevel`. */
export type LogLevel = "debug" | "info" | "warn" | "error";

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Extra machine-readable fields of an entry (chat ids, timings, error details). */
export type LogFields = Record<string, unknown>;

/** One written entry, as handed to a custom `write` sink (tests use this). */
export interface LogEntry {
  time: string;
  level: LogLevel;
  msg: string;
  [field: string]: unknown;
}

/** What the bot modules log through. Every method is safe to call with any fields. */
export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

/** Options of {@link createLogger}. */
export interface LoggerOptions {
  /** Entries below this level are dropped. */
  level: LogLevel;
  /** Exact strings to hide (the configured bot token); undefined entries are ignored. */
  secrets?: ReadonlyArray<string | undefined>;
  /** Where finished lines go; stderr by default. Receives the redacted line and its parsed entry. */
  write?: (line: string, entry: LogEntry) => void;
}

/** Anything shaped like a Telegram bot token (`123456:AA…`), even inside a URL path. */
const TOKEN_PATTERN = /\d{5,}:[A-Za-z0-9_-]{30,}/g;

/**
 * Replaces every secret and every token-shaped string in `text` with `<redacted>`.
 * Use it on any text that may reach a log or a terminal.
 */
export function redact(text: string, secrets: ReadonlyArray<string | undefined> = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret) out = out.split(secret).join("<redacted>");
  }
  return out.replace(TOKEN_PATTERN, "<redacted>");
}

/**
 * Turns a thrown value into loggable fields: name, message, grammY's `error_code`/`description`
 * /`method` when present, and the cause chain. Payloads are left out (they hold user text and
 * can be large); stacks are kept for operators (never shown to users).
 */
export function describeError(err: unknown, depth = 0): LogFields {
  if (!(err instanceof Error)) return { error: String(err) };
  const e = err as Error & { error_code?: unknown; description?: unknown; method?: unknown; error?: unknown };
  const fields: LogFields = { error: e.name, message: e.message };
  if (e.error_code !== undefined) fields.errorCode = e.error_code;
  if (typeof e.description === "string") fields.description = e.description;
  if (typeof e.method === "string") fields.method = e.method;
  if (e.stack) fields.stack = e.stack;
  // grammY's HttpError keeps the underlying failure in `error`; standard errors use `cause`.
  const inner = e.cause ?? e.error;
  if (inner !== undefined && depth < 3) fields.cause = describeError(inner, depth + 1);
  return fields;
}

/**
 * Creates a logger. Call once at start-up with `config.logLevel` and the token as a secret;
 * pass the result to createBot / startPolling / runTerminalChat.
 */
export function createLogger(options: LoggerOptions): Logger {
  const threshold = RANK[options.level];
  const secrets = options.secrets ?? [];
  const write = options.write ?? ((line: string) => void process.stderr.write(line + "\n"));
  const emit = (level: LogLevel, msg: string, fields?: LogFields) => {
    if (RANK[level] < threshold) return;
    let line: string;
    try {
      line = JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields });
    } catch {
      line = JSON.stringify({ time: new Date().toISOString(), level, msg, fields: String(fields) });
    }
    const safe = redact(line, secrets);
    write(safe, JSON.parse(safe) as LogEntry);
  };
  return {
    debug: (msg, fields) => emit("debug", msg, fields),
    info: (msg, fields) => emit("info", msg, fields),
    warn: (msg, fields) => emit("warn", msg, fields),
    error: (msg, fields) => emit("error", msg, fields),
  };
}
