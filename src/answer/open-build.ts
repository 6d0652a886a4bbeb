/**
 * Opens the build the service answers from (load-artefacts.ts `openArtefacts`, the one loading
 * path of `ask`, the bot and the live service), rebuilding it first when the caller allows and
 * the artefacts are stale — `ask` does; the bot and the service fail with a message instead.
 */
import type { AppConfig } from "../config.js";
import type { Embedder } from "../embed/embedder.js";
import { ArtefactError } from "../index/artefact-store.js";
import { buildArtefacts } from "../index/build-artefacts.js";
import { openArtefacts, type OpenArtefacts, type VectorReadAhead } from "../index/load-artefacts.js";

/** What {@link openOrRebuild} may do (the service's options of the same names). */
export interface RebuildOptions {
  /** Rebuild stale or missing artefacts instead of failing (default false: fail with a message). */
  rebuildIfStale?: boolean;
  /** Where progress lines go (default: nowhere). */
  log?: (line: string) => void;
}

/** Opens the current build, rebuilding it first when allowed and it is stale or missing. */
export async function openOrRebuild(
  config: AppConfig,
  embedder: Embedder,
  options: RebuildOptions,
  readAhead: VectorReadAhead | null,
): Promise<OpenArtefacts> {
  const requirements = {
    artefactDir: config.artefactDir,
    corpusDir: config.corpusDirs,
    modelId: embedder.modelId,
    ...(embedder.checksum ? { modelChecksum: embedder.checksum } : {}),
    dimension: embedder.dimension,
  };
  try {
    return await openArtefacts(requirements, readAhead ?? undefined);
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
    return openArtefacts(requirements);
  }
}
