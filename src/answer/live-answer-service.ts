/**
 * An AnswerService that follows the builds: it watches the artefact folder's manifest and,
 * when a build (`npm run add`, `npm run build-index`, an admin upload) replaces it, loads the
 * new artefacts beside the ones in use and swaps them in between two questions. A question
 * always runs on one complete build: the old service keeps answering until the new one is
 * fully loaded, and a question in flight finishes on the service it started with. A build
 * that cannot be loaded is logged and the previous one stays in service.
 */
import { unwatchFile, watchFile, type Stats } from "node:fs";
import { join } from "node:path";
import type { AppConfig } from "../config.js";
import { loadEmbedder, type Embedder } from "../embed/embedder.js";
import { MANIFEST_FILE } from "../index/artefact-store.js";
import { openArtefacts, readVectorsAhead } from "../index/load-artefacts.js";
import type { Answer, Citation, SourceListing } from "../types.js";
import { serviceFromArtefacts, type AnswerService } from "./answer-service.js";

/** How often the manifest is checked (stat) for a new build; default of {@link LiveOptions.pollMs}. */
export const DEFAULT_MANIFEST_POLL_MS = 1000;

/** Options of {@link createLiveAnswerService}. */
export interface LiveOptions {
  /** Manifest check interval in ms (default {@link DEFAULT_MANIFEST_POLL_MS}). */
  pollMs?: number;
  /** Where reload events go (default: nowhere). */
  log?: (event: string, fields: Record<string, unknown>) => void;
}

/** The live service: answers like any AnswerService and can be told to reload now. */
export interface LiveAnswerService extends AnswerService {
  /** The loaded embedding model, shared with builds run in this process (admin uploads). */
  readonly embedder: Embedder;
  /** `builtAt` of the build in service. */
  builtAt(): string;
  /**
   * Loads the current build now if it differs from the one in service; resolves true when a
   * new build was swapped in. Concurrent calls share one load.
   */
  reload(): Promise<boolean>;
  /** Stops watching the manifest. */
  close(): void;
}

/** Creates the service over the current build and starts watching for new ones. */
export async function createLiveAnswerService(
  config: AppConfig,
  options: LiveOptions = {},
): Promise<LiveAnswerService> {
  const log = options.log ?? (() => {});
  // The vector index is read while the model loads (used once the manifest is checked).
  const readAhead = readVectorsAhead(config.artefactDir);
  const embedder = await loadEmbedder({
    modelDir: config.modelDir,
    modelId: config.modelId,
    allowRemote: config.allowRemoteModels,
  });
  const requirements = {
    artefactDir: config.artefactDir,
    corpusDir: config.corpusDir,
    corpusDirs: config.corpusDirs,
    modelId: embedder.modelId,
    dimension: embedder.dimension,
  };
  let artefacts = await openArtefacts(requirements, readAhead ?? undefined);
  let current: AnswerService = serviceFromArtefacts(artefacts, embedder);
  let loading: Promise<boolean> | null = null;

  const loadNew = async (): Promise<boolean> => {
    // Let the question being answered and the poll tick finish first.
    await new Promise((r) => setImmediate(r));
    let next;
    try {
      next = await openArtefacts(requirements);
    } catch (e) {
      log("new build not loaded; the previous one stays in service", { error: (e as Error).message });
      return false;
    }
    if (next.manifest.builtAt === artefacts.manifest.builtAt) return false;
    const service = serviceFromArtefacts(next, embedder);
    artefacts = next;
    current = service;
    log("new build in service", { builtAt: next.manifest.builtAt, counts: next.manifest.counts });
    return true;
  };
  const reload = (): Promise<boolean> => {
    loading ??= loadNew().finally(() => {
      loading = null;
    });
    return loading;
  };

  const manifestPath = join(config.artefactDir, MANIFEST_FILE);
  const onChange = (now: Stats, before: Stats) => {
    if (now.mtimeMs !== before.mtimeMs || now.ino !== before.ino) void reload();
  };
  watchFile(
    manifestPath,
    { interval: options.pollMs ?? DEFAULT_MANIFEST_POLL_MS, persistent: false },
    onChange,
  );

  return {
    embedder,
    ask: (question: string): Promise<Answer> => current.ask(question),
    askInConversation: (message, state) => current.askInConversation(message, state),
    tables: () => current.tables(),
    sources: (): SourceListing[] => current.sources(),
    excerpt: (citation: Citation): string => current.excerpt(citation),
    examples: () => current.examples(),
    holdings: () => current.holdings(),
    indicatorsOf: (region, period) => current.indicatorsOf(region, period),
    periodsOf: (region, indicator) => current.periodsOf(region, indicator),
    neighbouringPeriods: (region, indicator, period) =>
      current.neighbouringPeriods(region, indicator, period),
    parentRegion: (region) => current.parentRegion(region),
    builtAt: () => artefacts.manifest.builtAt,
    reload,
    close: () => unwatchFile(manifestPath, onChange),
  };
}
