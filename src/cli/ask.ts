/**
 * `npm run ask -- "问题"`: answers questions from the command line.
 *   npm run ask -- "铁东区2023年社会消费品零售总额"    answer for a person
 *   npm run --silent ask -- --json "问题"             one JSON object (the contract)
 *   npm run --silent ask -- --json --batch FILE       one JSON object per line of FILE
 * The model and indexes load once; only answers go to stdout, progress goes to stderr.
 */
import { readFileSync } from "node:fs";
import { createAnswerService } from "../answer/answer-service.js";
import { ConfigError, loadConfig } from "../config.js";
import { NEW_CONVERSATION, type ConversationState } from "../understand/conversation.js";
import type { Answer } from "../types.js";
import { batchLines, parseBatchLine } from "./batch-line.js";

const USAGE = `usage: npm run ask -- [--json] "问题"
       npm run ask -- [--json] --batch FILE   (one question per line, or JSON {"q": "…", "chat": "id"})`;

/** The answer for a person: the text, then numbered sources with verbatim quotes. */
export function formatForPerson(answer: Answer): string {
  const sources = answer.citations.map(
    (c) => `[${c.id}] 《${c.title}》${c.page ? ` 第${c.page}页` : ""} ${c.section}\n    “${c.quote}”`,
  );
  return [answer.text, ...(sources.length > 0 ? ["", "来源：", ...sources] : [])].join("\n");
}

/** The JSON contract: question, status, text, facts, citations, timing_ms (plus intent, options). */
export function toJson(answer: Answer): string {
  return JSON.stringify(answer);
}

interface CliArgs {
  json: boolean;
  batch: string | null;
  question: string | null;
}

function parseArgs(argv: string[]): CliArgs {
  const args: CliArgs = { json: false, batch: null, question: null };
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--json") args.json = true;
    else if (a === "--batch") args.batch = argv[++i] ?? null;
    else if (a === "--help" || a === "-h") throw new UsageError(USAGE);
    else rest.push(a);
  }
  if (args.batch === null && rest.length === 0) throw new UsageError(USAGE);
  if (rest.length > 0) args.question = rest.join(" ");
  return args;
}

class UsageError extends Error {}

/** Reads the batch file before anything slow happens; a bad path is a usage error. */
function readBatch(path: string): string[] {
  try {
    return batchLines(readFileSync(path, "utf8"));
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : String(e);
    throw new UsageError(`ask: cannot read the batch file ${path}: ${reason}\n${USAGE}`);
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  // Arguments first: a missing batch file is reported before the model loads.
  const questions = args.batch ? readBatch(args.batch) : [args.question!];
  const config = loadConfig();
  const service = await createAnswerService(config, {
    rebuildIfStale: true,
    log: (line) => console.error(`ask: ${line}`),
  });
  const chats = new Map<string, ConversationState>();
  for (const line of questions) {
    const { q, chat } = parseBatchLine(line);
    let answer: Answer;
    if (chat === null) answer = await service.ask(q);
    else {
      const turn = await service.askInConversation(q, chats.get(chat) ?? NEW_CONVERSATION);
      chats.set(chat, turn.state);
      answer = turn.answer;
    }
    process.stdout.write(`${args.json ? toJson(answer) : `${formatForPerson(answer)}\n`}\n`);
  }
}

// `ask … | head -1`: the reader has gone, which is not an error of ours; stop quietly.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(0);
  throw e;
});

main().catch((e: unknown) => {
  if (e instanceof UsageError) console.error(e.message);
  else if (e instanceof ConfigError) console.error(`ask: ${e.message}`);
  else if (e instanceof Error && e.name === "ArtefactError") console.error(`ask: ${e.message}`);
  else console.error("ask failed:", e);
  process.exit(e instanceof UsageError ? 2 : 1);
});
