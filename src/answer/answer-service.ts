/**
 * The answering layer's entry point: loads the artefacts and the embedding model once and
 * answers questions. The CLI (`npm run ask`) and the Telegram bot both call this.
 */
import type { AppConfig } from "../config.js";
import { loadEmbedder, type Embedder } from "../embed/embedder.js";
import { loadVocabulary } from "../indicators/aliases.js";
import { ArtefactError } from "../index/artefact-store.js";
import { buildArtefacts } from "../index/build-artefacts.js";
import { loadArtefacts, type LoadedArtefacts } from "../index/load-artefacts.js";
import { createTokenizer } from "../index/tokenize.js";
import { parseQuestion } from "../retrieve/parse-question.js";
import type {
  Answer,
  Citation,
  DocumentMeta,
  IndicatorRow,
  SourceListing,
  SourceSpan,
  TaskRow,
} from "../types.js";
import { answerParsed, type AnswerContext, type Draft } from "./answer-question.js";
import {
  holdingsOf,
  indicatorsOf,
  neighbouringPeriods,
  parentRegion,
  periodsOf as indicatorPeriods,
  type Holding,
  type NeighbouringPeriods,
} from "./catalog.js";
import { CorpusView, formatExcerpt } from "./citations.js";
import { checkQuestion } from "./check-question.js";
import { contextNote, nextState, resolveFollowUp, type ConversationState } from "./follow-up.js";
import { clarifyNearNames, nearNameLookup } from "./near-name-answer.js";

/** Answers questions over the built corpus. Create one per process; it is safe to share. */
export interface AnswerService {
  /**
   * Answers one question. Understands plain questions and the command forms
   * `/cite <问题>` and `/compare <指标> <年份> <年份>`. Never throws for user input:
   * bad input gives status `not_found` or `clarify` with a helpful text.
   */
  ask(question: string): Promise<Answer>;
  /**
   * Answers one message of a conversation: a follow-up (`那2022年呢`, `原文呢`) takes what it
   * does not say from the chat's state, and the answer starts with what was taken
   * (`按上一问：铁东区，2023年`). Returns the answer and the chat's next state; the caller keeps
   * the state (one per chat).
   */
  askInConversation(message: string, state: ConversationState): Promise<ConversationTurn>;
  /** The corpus documents with region, period, kind and data-quality notes (for /sources). */
  sources(): SourceListing[];
  /**
   * The excerpt of a citation as plain text: heading path, the sentence with its neighbours,
   * and the figure marked with 【】. Used by /cite and the "原文 [n]" buttons.
   */
  excerpt(citation: Citation): string;
  /**
   * The indicator and task tables as built, with document titles and sentence lookups. For
   * front ends that chart or export rows (the bot's charts and /export); read-only.
   */
  tables(): CorpusTables;
  /** The documents held: places × years × kinds (catalog.ts), for browsing (/catalog). */
  holdings(): Holding[];
  /** The catalogued indicators published for a region and period, in order of first mention. */
  indicatorsOf(region: string, period: string): string[];
  /** The periods a region's indicator is published for, oldest first. */
  periodsOf(region: string, indicator: string): string[];
  /** The nearest earlier and later periods of the same kind held for a region's indicator. */
  neighbouringPeriods(region: string, indicator: string, period: string): NeighbouringPeriods;
  /** The division above a region (铁东区 → 鞍山市) when the corpus holds it; else null. */
  parentRegion(region: string): string | null;
}

/** The built tables and what a reader needs to cite one of their rows. See {@link AnswerService.tables}. */
export interface CorpusTables {
  rows: readonly IndicatorRow[];
  tasks: readonly TaskRow[];
  /** Metadata of a document by id; undefined for an unknown id. */
  meta(docId: string): DocumentMeta | undefined;
  /** The normalised text of a source span (the statement a row was read from). */
  quote(span: Pick<SourceSpan, "docId" | "start" | "end">): string;
  /** The heading path of a section, joined with ` > `. */
  section(sectionId: string): string;
}

/** Topic coverage a same-topic follow-up needs (new questions need 0.6). */
export const FOLLOW_UP_MIN_COVERAGE = 0.35;

/** An answer in a conversation and the chat's state after it. */
export interface ConversationTurn {
  answer: Answer;
  state: ConversationState;
}

/** Options of {@link createAnswerService}. */
export interface AnswerServiceOptions {
  /** Rebuild stale or missing artefacts instead of failing (default false: fail with a message). */
  rebuildIfStale?: boolean;
  /** Where progress lines go (default: nowhere). */
  log?: (line: string) => void;
}

/** Loads the artefacts, rebuilding them first when allowed and they are stale. */
async function loadOrRebuild(
  config: AppConfig,
  embedder: Embedder,
  options: AnswerServiceOptions,
): Promise<LoadedArtefacts> {
  const requirements = {
    artefactDir: config.artefactDir,
    corpusDir: config.corpusDirs,
    modelId: embedder.modelId,
    ...(embedder.checksum ? { modelChecksum: embedder.checksum } : {}),
    dimension: embedder.dimension,
  };
  try {
    return loadArtefacts(requirements);
  } catch (e) {
    if (!(e instanceof ArtefactError) || !options.rebuildIfStale) throw e;
    options.log?.(`artefacts unusable (${e.reason}): rebuilding`);
    await buildArtefacts({
      corpusDir: config.corpusDirs,
      artefactDir: config.artefactDir,
      embeddingCacheDir: config.embeddingCacheDir,
      embedder,
      log: options.log,
    });
    return loadArtefacts(requirements);
  }
}

/** Creates the service: loads the model, the artefacts and the tokenizer once. */
export async function createAnswerService(
  config: AppConfig,
  options: AnswerServiceOptions = {},
): Promise<AnswerService> {
  const embedder = await loadEmbedder({
    modelDir: config.modelDir,
    modelId: config.modelId,
    allowRemote: config.allowRemoteModels,
  });
  const artefacts = await loadOrRebuild(config, embedder, options);
  return serviceFromArtefacts(artefacts, embedder);
}

/**
 * A service over artefacts already loaded, sharing a loaded model. The live service
 * (live-answer-service.ts) builds one per build it loads.
 */
export function serviceFromArtefacts(artefacts: LoadedArtefacts, embedder: Embedder): AnswerService {
  const vocabulary = loadVocabulary();
  const tokenizer = createTokenizer(vocabulary.terms);
  const view = new CorpusView(artefacts);
  const n = artefacts.bm25.docLengths.length;
  const context: AnswerContext = {
    view,
    vocabulary,
    tokenizer,
    search: {
      chunks: artefacts.corpus.chunks,
      bm25: artefacts.bm25,
      vectors: artefacts.vectors,
      tokenizer,
      embedder,
    },
    idf: (term) => {
      const df = artefacts.bm25.postings.get(term.toLowerCase())?.length ?? 0;
      return Math.log(1 + (n - df + 0.5) / (df + 0.5));
    },
  };

  const finish = (question: string, draft: Draft, started: number, intent: Answer["intent"]): Answer => ({
    question,
    status: draft.status,
    intent,
    text: draft.text,
    facts: draft.facts,
    citations: draft.book?.citations() ?? [],
    options: draft.options,
    timing_ms: Math.round((performance.now() - started) * 100) / 100,
    ...(draft.list ? { list: draft.list } : {}),
  });
  const nearNames = nearNameLookup(view.metas(), artefacts.rows, vocabulary);

  const periodsOf = (region: string) =>
    view
      .metas()
      .filter((m) => m.region === region)
      .map((m) => m.period);

  /** A same-topic follow-up matches the established topic with less coverage. */
  const followUpContext: AnswerContext = { ...context, minCoverage: FOLLOW_UP_MIN_COVERAGE };

  async function askWith(question: string, ctx: AnswerContext): Promise<Answer> {
    const started = performance.now();
    const problem = checkQuestion(question);
    if (problem) return finish(question, problem, started, "general");
    const parsed = parseQuestion(question, vocabulary);
    try {
      const intent = parsed.command === "cite" ? "cite" : parsed.intent;
      const answer = finish(question, await answerParsed(parsed, ctx), started, intent);
      return clarifyNearNames(answer, parsed, nearNames) ?? answer;
    } catch (e) {
      // A defect, not a user mistake: report it, answer politely, keep serving.
      console.error(`answer failed for ${JSON.stringify(question.slice(0, 200))}:`, e);
      const draft: Draft = {
        status: "not_found",
        text: "抱歉，处理这个问题时出错了，已记录。请换个说法再试。",
        facts: [],
        book: null,
        options: [],
      };
      return finish(question, draft, started, parsed.intent);
    }
  }

  const service: AnswerService = {
    async askInConversation(message: string, state: ConversationState): Promise<ConversationTurn> {
      const resolved = resolveFollowUp(state, message, (q) => parseQuestion(q, vocabulary), periodsOf);
      const answer = await askWith(resolved.question, resolved.sameTopic ? followUpContext : context);
      const note = contextNote(resolved);
      const shown = note ? { ...answer, text: `${note}\n${answer.text}` } : answer;
      return { answer: { ...shown, question: message }, state: nextState(state, resolved) };
    },
    ask: (question: string): Promise<Answer> => askWith(question, context),
    sources: () =>
      view.metas().map((m) => ({
        file: m.file,
        title: m.title,
        region: m.region,
        period: m.period,
        kind: m.kind,
        notes: m.notes,
      })),
    excerpt: formatExcerpt,
    tables: () => ({
      rows: artefacts.rows,
      tasks: artefacts.tasks,
      meta: (docId) => view.docs.get(docId)?.meta,
      quote: (span) => view.docs.get(span.docId)?.text.slice(span.start, span.end) ?? "",
      section: (sectionId) => view.sectionLabel(sectionId),
    }),
    holdings: () => holdingsOf(view.metas()),
    indicatorsOf: (region, period) => indicatorsOf(artefacts.rows, region, period),
    periodsOf: (region, indicator) => indicatorPeriods(artefacts.rows, region, indicator),
    neighbouringPeriods: (region, indicator, period) =>
      neighbouringPeriods(artefacts.rows, region, indicator, period),
    parentRegion: (region) => parentRegion(view.metas(), region),
  };
  return service;
}
