/**
 * The answering layer's entry point: loads the artefacts and the embedding model once and
 * answers questions. The CLI (`npm run ask`) and the Telegram bot both call this.
 *
 *   message → understand (src/understand) → conversation (follow-up.ts) → scope → evidence
 *           (one search, candidate rows) → route table (routes.ts) → Answer (+ route, declines)
 */
import type { AppConfig } from "../config.js";
import { loadEmbedder, type Embedder } from "../embed/embedder.js";
import { loadVocabulary } from "../indicators/aliases.js";
import { readVectorsAhead, type OpenArtefacts } from "../index/load-artefacts.js";
import { storeCorpusReader } from "../index/store-corpus-reader.js";
import { createTokenizer } from "../index/tokenize.js";
import type { CorpusReader } from "../retrieve/corpus-reader.js";
import { taskReader } from "../retrieve/task-reader.js";
import type {
  Answer,
  Citation,
  DocumentMeta,
  IndicatorRow,
  SourceListing,
  SourceSpan,
  TaskRow,
} from "../types.js";
import type { ConversationState } from "../understand/conversation.js";
import type { Lexicon } from "../understand/subject.js";
import { createNearNameIndex, type HeldNames } from "../understand/near-names.js";
import { understand } from "../understand/understand.js";
import {
  holdingsOf,
  indicatorsOf,
  neighbouringPeriods,
  parentRegion,
  periodsOf as indicatorPeriods,
  type Holding,
  type NeighbouringPeriods,
} from "./catalog.js";
import { formatExcerpt } from "./citation-book.js";
import { answerTurn } from "./conversation.js";
import { ANSWER_DEFAULTS, type AnswerDefaults } from "./defaults.js";
import { heldExamples } from "./examples.js";
import { openOrRebuild } from "./open-build.js";
import { answerQuestion, type Routed } from "./pipeline.js";
import { toAnswer } from "./to-answer.js";
import type { AnswerContext, NearNameFinder } from "./types.js";

/** Answers questions over the built corpus. Create one per process; it is safe to share. */
export interface AnswerService {
  /**
   * Answers one question. Understands plain questions and the command forms
   * `/cite <问题>` and `/compare <指标> <年份> <年份>`. Never throws for user input:
   * bad input gives status `not_found` or `clarify` with a helpful text.
   */
  ask(question: string): Promise<Answer>;
  /**
   * Answers one message of a conversation: a follow-up (`那2021年呢`, `它去年增长多少`, `下一个`,
   * `原文呢`) takes what it does not say from the chat's state, and the answer starts with what
   * was taken (`按上一问：铁东区，2023年`). Returns the answer and the chat's next state; the
   * caller keeps the state (one per chat, one per user in a group). Small talk leaves it as it was.
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
  /** Example questions answerable from the corpus held (for /help and /start). */
  examples(): readonly string[];
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

/** An answer in a conversation and the chat's state after it. */
export interface ConversationTurn {
  answer: Answer;
  state: ConversationState;
}

export type { HeldNames };

/** Options of {@link createAnswerService}. */
export interface AnswerServiceOptions {
  /** Rebuild stale or missing artefacts instead of failing (default false: fail with a message). */
  rebuildIfStale?: boolean;
  /** Where progress lines go (default: nowhere). */
  log?: (line: string) => void;
  /** Thresholds and counts of answering (default {@link ANSWER_DEFAULTS}). */
  defaults?: Partial<AnswerDefaults>;
  /**
   * Builds the near-name finder of a build (src/understand/near-names.ts: pinyin homophones and
   * one-edit typos of held names) — the hook where a name the question nearly writes becomes a
   * `clarify` with the held names as options. Default: that module's index over the held names.
   */
  nearNames?: (held: HeldNames) => NearNameFinder;
}

/** Creates the service: loads the model, the artefacts and the tokenizer once. */
export async function createAnswerService(
  config: AppConfig,
  options: AnswerServiceOptions = {},
): Promise<AnswerService> {
  // The vector index (the largest file) is read while the model loads; it is used once the
  // manifest has been checked against the model.
  const readAhead = readVectorsAhead(config.artefactDir);
  const embedder = await loadEmbedder({
    modelDir: config.modelDir,
    modelId: config.modelId,
    allowRemote: config.allowRemoteModels,
  });
  const artefacts = await openOrRebuild(config, embedder, options, readAhead);
  return serviceFromArtefacts(artefacts, embedder, options);
}

/** The near-name finder of src/understand/near-names.ts over the names held, prepared on first use. */
const defaultNearNames = (held: HeldNames): NearNameFinder => {
  let index: ReturnType<typeof createNearNameIndex> | null = null;
  return (text) => (index ??= createNearNameIndex(held)).find(text);
};

/** The reply to a defect (not a user mistake): reported, answered politely, the service keeps serving. */
function defect(message: string, e: unknown): Routed {
  console.error(`answer failed for ${JSON.stringify(message.slice(0, 200))}:`, e);
  const text = "抱歉，处理这个问题时出错了，已记录。请换个说法再试。";
  return {
    draft: { status: "not_found", text, facts: [], book: null, options: [] },
    route: "error",
    declines: [],
  };
}

/**
 * A service over an opened build, sharing a loaded model. The live service
 * (live-answer-service.ts) builds one per build it loads. Rows, texts, sections and chunks are
 * read from the store as questions need them (storeCorpusReader); only document metadata, the
 * task tables (small) and per chunk its label, length and document are held.
 */
export function serviceFromArtefacts(
  artefacts: OpenArtefacts,
  embedder: Embedder,
  options: Pick<AnswerServiceOptions, "defaults" | "nearNames"> = {},
): AnswerService {
  const vocabulary = loadVocabulary();
  const tokenizer = createTokenizer(vocabulary.terms);
  const { store } = artefacts;
  const tasks = store.tasks();
  const reader: CorpusReader = storeCorpusReader(store, taskReader(tasks), artefacts.chunks);
  const metas = reader.metas();
  const lexicon: Lexicon = {
    vocabulary,
    units: reader.taskUnits(),
    places: [...new Set(metas.map((m) => m.region))],
    tokens: (text) => tokenizer.tokens(text),
    parts: (term) => tokenizer.parts(term),
  };
  /** Read on first use: the names are matched only when a question is about to be refused. */
  let heldIndicators: string[] | null = null;
  const held: HeldNames = {
    get indicators() {
      return (heldIndicators ??= [
        ...new Set(
          store
            .heldIndicators()
            .flatMap((indicator) => [indicator, ...(vocabulary.entries.get(indicator)?.aliases ?? [])]),
        ),
      ]);
    },
    places: [...new Set(metas.map((m) => m.region))],
  };
  /** The indicator rows of a region's documents (the catalogue's reads go through the reader too). */
  const rowsOfRegion = (region: string) =>
    reader.indicatorRowsOfDocs(new Set(metas.filter((m) => m.region === region).map((m) => m.id)));
  /** Every row, read the first time a front end charts or exports (tables()); never at start. */
  let allRows: IndicatorRow[] | null = null;
  let examples: readonly string[] | null = null;
  const ctx: AnswerContext = {
    reader,
    lexicon,
    search: {
      docIdAt: (position) => artefacts.chunks.docIdAt(position),
      chunkAt: (position) => {
        const chunk = reader.chunk(position);
        if (!chunk) throw new Error(`no chunk at search position ${position}`);
        return chunk;
      },
      bm25: artefacts.bm25,
      vectors: artefacts.vectors,
      tokenizer,
      embedder,
    },
    defaults: { ...ANSWER_DEFAULTS, ...options.defaults },
    /** Made on first use (help, small talk, an unreadable message), from the rows of a few places. */
    get examples() {
      return (examples ??= heldExamples({
        holdings: holdingsOf(metas),
        indicatorsOf: (region, period) => indicatorsOf(rowsOfRegion(region), region, period),
        tasks,
      }));
    },
    nearNames: (options.nearNames ?? defaultNearNames)(held),
  };
  const read = (message: string) => understand(message, lexicon);
  const corpus = {
    periodsOf: (region: string) => metas.filter((m) => m.region === region).map((m) => m.period),
  };

  return {
    async ask(message: string): Promise<Answer> {
      const started = performance.now();
      const q = read(message);
      let routed: Routed;
      try {
        routed = await answerQuestion(q, ctx);
      } catch (e) {
        routed = defect(message, e);
      }
      return toAnswer(message, q, routed, started);
    },
    async askInConversation(message: string, state: ConversationState): Promise<ConversationTurn> {
      const started = performance.now();
      try {
        const turn = await answerTurn(message, state, ctx, read, corpus);
        return { answer: toAnswer(message, turn.question, turn.routed, started), state: turn.state };
      } catch (e) {
        return { answer: toAnswer(message, read(message), defect(message, e), started), state };
      }
    },
    sources: () =>
      metas.map((m) => ({
        file: m.file,
        title: m.title,
        region: m.region,
        period: m.period,
        kind: m.kind,
        notes: m.notes,
      })),
    excerpt: formatExcerpt,
    tables: () => ({
      get rows() {
        return (allRows ??= store.rows());
      },
      tasks,
      meta: (docId) => reader.meta(docId),
      quote: (span) => (reader.meta(span.docId) ? reader.text(span.docId, span.start, span.end) : ""),
      section: (sectionId) => reader.sectionLabel(sectionId),
    }),
    examples: () => ctx.examples,
    holdings: () => holdingsOf(metas),
    indicatorsOf: (region, period) => indicatorsOf(rowsOfRegion(region), region, period),
    periodsOf: (region, indicator) => indicatorPeriods(rowsOfRegion(region), region, indicator),
    neighbouringPeriods: (region, indicator, period) =>
      neighbouringPeriods(rowsOfRegion(region), region, indicator, period),
    parentRegion: (region) => parentRegion(metas, region),
  };
}
