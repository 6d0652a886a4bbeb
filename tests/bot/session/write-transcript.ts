/**
 * `npm run transcript`: runs the scripted session (session.ts) through the real bot and
 * pipeline on the Bot API test server and writes docs/session-transcript.md.
 */
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { createAnswerService } from "../../../src/answer/answer-service.js";
import { startBotOnApiServer } from "../e2e/api-server-harness.js";
import { pipelineConfig } from "../e2e/harness.js";
import { runSession, transcriptMarkdown } from "./session.js";

const OUT = resolve(import.meta.dirname, "../../../docs/session-transcript.md");

const env = await startBotOnApiServer(await createAnswerService(pipelineConfig()), { LOG_LEVEL: "warn" });
try {
  const records = await runSession(env);
  writeFileSync(OUT, transcriptMarkdown(records));
  console.log(`wrote ${OUT}: ${records.length} steps`);
} finally {
  await env.stop();
}
