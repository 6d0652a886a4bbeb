/**
 * The one place that reads the environment. Every setting is validated with zod once, at
 * start-up; a bad value stops the program with a message naming the variable and the value.
 * Other modules receive the parsed {@link AppConfig} (or the part they need) as an argument.
 */
import { resolve } from "node:path";
import { z } from "zod";

/** The project root: the folder holding package.json (this file lives in src/). */
export const PROJECT_ROOT = resolve(import.meta.dirname, "..");

/** The embedding cache's folder inside the artefact folder unless EMBEDDING_CACHE_DIR says otherwise. */
export const DEFAULT_EMBEDDING_CACHE_DIR = "vector-cache";

const flag = z
  .enum(["0", "1", "true", "false", "yes", "no"])
  .transform((v) => v === "1" || v === "true" || v === "yes");

const chatIdList = z
  .string()
  .transform((s) => s.split(/[\s,]+/).filter(Boolean))
  .pipe(z.array(z.string().regex(/^-?\d+$/, "chat ids are integers (groups are negative)")))
  .transform((ids) => ids.map(Number));

const schema = z.object({
  /**
   * Folder(s) holding the source documents, each with its own optional metadata overrides and
   * alias file; several are separated by `:` like PATH (`corpus:../shared/realdocs/text`).
   */
  CORPUS_DIR: z
    .string()
    .min(1)
    .default("corpus")
    .transform((s) => s.split(":"))
    .pipe(z.array(z.string().min(1, "an empty folder name in the list (two `:` in a row?)"))),
  /** Folder the build writes its artefacts to (manifest, tables, indexes). */
  ARTEFACT_DIR: z.string().min(1).default("embeddings"),
  /**
   * Folder of the embedding cache (vectors by passage text, instruction and model checksum).
   * Default: `vector-cache` inside ARTEFACT_DIR, pruned with each build; a folder outside it
   * can be shared by several artefact folders and processes and is never pruned by a build.
   */
  EMBEDDING_CACHE_DIR: z.string().min(1).optional(),
  /** Folder holding models in Transformers.js layout (`<dir>/<model id>/onnx/model_quantized.onnx`). */
  EMBEDDING_MODEL_DIR: z.string().min(1).default("embeddings/models"),
  /** Model id inside EMBEDDING_MODEL_DIR, or on the hub when EMBEDDING_ALLOW_REMOTE is set. */
  EMBEDDING_MODEL_ID: z.string().min(1).default("BAAI/bge-small-zh-v1.5"),
  /** Allow Transformers.js to download the model from the hub when it is not found locally. */
  EMBEDDING_ALLOW_REMOTE: flag.default(false),
  /** Bot token from @BotFather; without one `npm start` opens a terminal chat instead. */
  TELEGRAM_BOT_TOKEN: z
    .string()
    .regex(/^\d+:[A-Za-z0-9_-]{20,}$/, "expected the form 123456:ABC-DEF… given by @BotFather")
    .optional(),
  /** Bot API root, e.g. a local Bot API server or a test emulator. */
  TELEGRAM_API_ROOT: z.url().optional(),
  /** Staff allow-list; unset means the bot answers every chat. */
  ALLOWED_CHAT_IDS: chatIdList.optional(),
  /** Per-user rate limit: at most RATE_LIMIT_MAX messages per RATE_LIMIT_WINDOW_MS. */
  RATE_LIMIT_MAX: z.coerce.number().int().positive().default(5),
  RATE_LIMIT_WINDOW_MS: z.coerce.number().int().positive().default(10_000),
  /** How many times a failed Bot API call is retried (auto-retry). */
  TELEGRAM_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(3),
  /** Chats allowed to add documents by sending them to the bot; unset means nobody. */
  ADMIN_CHAT_IDS: chatIdList.optional(),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  /** Folder for the bot's own state: the outbox of replies not yet delivered (issue 12). */
  BOT_STATE_DIR: z.string().min(1).default("state"),
});

/** The validated settings; paths are absolute. */
export interface AppConfig {
  /** The first corpus folder (kept for code that reads one folder's files). */
  corpusDir: string;
  /** Every corpus folder of CORPUS_DIR, in order; absolute. */
  corpusDirs: string[];
  artefactDir: string;
  /** The embedding cache folder (EMBEDDING_CACHE_DIR, default `<artefactDir>/vector-cache`). */
  embeddingCacheDir: string;
  modelDir: string;
  modelId: string;
  allowRemoteModels: boolean;
  telegramToken: string | undefined;
  telegramApiRoot: string | undefined;
  allowedChatIds: number[] | undefined;
  rateLimitMax: number;
  rateLimitWindowMs: number;
  telegramMaxRetries: number;
  logLevel: "debug" | "info" | "warn" | "error";
  /** The outbox file (`BOT_STATE_DIR/outbox.json`). */
  outboxFile: string;
  /** Chats whose documents the bot adds to the corpus (empty: nobody). */
  adminChatIds: number[];
}

/** Thrown for a missing or malformed setting; its message names the variable and the bad value. */
export class ConfigError extends Error {
  constructor(
    message: string,
    readonly variable: string,
  ) {
    super(message);
    this.name = "ConfigError";
  }
}

/** Redacts values that must never be printed (the bot token). */
function shown(variable: string, value: unknown): string {
  if (variable === "TELEGRAM_BOT_TOKEN") return "(hidden)";
  return JSON.stringify(value);
}

/**
 * Parses settings from an environment (process.env by default).
 * Call once at start-up and pass the result down; tests pass their own record.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = String(issue.path[0] ?? "environment");
    throw new ConfigError(
      `bad setting ${variable}=${shown(variable, present[variable])}: ${issue.message}`,
      variable,
    );
  }
  const c = parsed.data;
  const abs = (p: string) => resolve(PROJECT_ROOT, p);
  return {
    corpusDir: abs(c.CORPUS_DIR[0]!),
    corpusDirs: c.CORPUS_DIR.map(abs),
    artefactDir: abs(c.ARTEFACT_DIR),
    embeddingCacheDir: c.EMBEDDING_CACHE_DIR
      ? abs(c.EMBEDDING_CACHE_DIR)
      : resolve(abs(c.ARTEFACT_DIR), DEFAULT_EMBEDDING_CACHE_DIR),
    modelDir: abs(c.EMBEDDING_MODEL_DIR),
    modelId: c.EMBEDDING_MODEL_ID,
    allowRemoteModels: c.EMBEDDING_ALLOW_REMOTE,
    telegramToken: c.TELEGRAM_BOT_TOKEN,
    telegramApiRoot: c.TELEGRAM_API_ROOT,
    allowedChatIds: c.ALLOWED_CHAT_IDS,
    rateLimitMax: c.RATE_LIMIT_MAX,
    rateLimitWindowMs: c.RATE_LIMIT_WINDOW_MS,
    telegramMaxRetries: c.TELEGRAM_MAX_RETRIES,
    logLevel: c.LOG_LEVEL,
    outboxFile: resolve(abs(c.BOT_STATE_DIR), "outbox.json"),
    adminChatIds: c.ADMIN_CHAT_IDS ?? [],
  };
}
