/**
 * The build step of `npm run bench:public`: copy documents into a fresh corpus folder, build it
 * into an empty artefact folder as `npm run build-index` does (progress passed through), then
 * time the model alone on passages of the built store, so the build can be set against the
 * model's own time for the same passages.
 */
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { Embedder } from "../embed/embedder.js";
import { ARTEFACT_FILES } from "../index/artefact-layout.js";
import { MANIFEST_FILE, readJson, type ArtefactManifest } from "../index/artefact-store.js";
import { manifestGeneration } from "../index/previous-build.js";
import { modelTimePerPassage, samplePassages, type ModelTime } from "./bench-model.js";
import { runScript, type Measured } from "./bench-process.js";

/** A build measured against the model's own time. */
export interface BuildMeasure {
  /** The build process: wall time and peak RSS. */
  build: Omit<Measured, "stdout" | "stderr">;
  /** The build's counts (documents, chunks, rows …) as build-index prints them. */
  counts: Record<string, number>;
  /** Passages whose vector came from the embedding cache, and passages the model embedded. */
  cached: number;
  embedded: number;
  /** Seconds the build waited for the model (build-index's own figure). */
  modelSecondsInBuild: number;
  /** The model alone on a sample of the built passages. */
  model: ModelTime;
  /** Passages in the sample the model was timed on. */
  sampled: number;
}

/** Where and how {@link measureBuild} builds. */
export interface BuildSetup {
  /** Folder holding the documents. */
  source: string;
  /** Their file names. */
  documents: readonly string[];
  /** A folder of its own (emptied first): `corpus/` and `artefacts/` go there. */
  out: string;
  /** Environment beyond CORPUS_DIR and ARTEFACT_DIR (an EMBEDDING_CACHE_DIR, say). */
  env?: Record<string, string>;
  /** Passages the model is timed on (taken evenly from the built store). */
  modelSample: number;
  /** Prefix of the build's progress lines. */
  label: string;
}

const count = (text: string, pattern: RegExp) => Number(pattern.exec(text)?.[1] ?? NaN);

/** Builds `setup.documents` from an empty artefact folder and times the model alone. */
export async function measureBuild(setup: BuildSetup, embedder: Embedder): Promise<BuildMeasure> {
  rmSync(setup.out, { recursive: true, force: true });
  const corpus = join(setup.out, "corpus");
  const artefacts = join(setup.out, "artefacts");
  mkdirSync(corpus, { recursive: true });
  for (const f of setup.documents) copyFileSync(join(setup.source, f), join(corpus, f));
  const env = { ...setup.env, CORPUS_DIR: corpus, ARTEFACT_DIR: artefacts };
  const run = await runScript("src/cli/build-index.ts", [], env, setup.label);
  const counts = JSON.parse(/counts (\{.*\})/u.exec(run.stdout)?.[1] ?? "{}") as Record<string, number>;
  const manifest = readJson<ArtefactManifest>(join(artefacts, MANIFEST_FILE));
  const store = join(artefacts, manifestGeneration(manifest)!, ARTEFACT_FILES.store);
  const passages = samplePassages(store, setup.modelSample);
  return {
    build: { seconds: run.seconds, peakRssMb: run.peakRssMb },
    counts,
    cached: count(run.stdout, /, (\d+) from the cache/u),
    embedded: count(run.stdout, /, (\d+) embedded \(/u),
    modelSecondsInBuild: count(run.stdout, /embedded \(([\d.]+) s in the model\)/u),
    model: await modelTimePerPassage(embedder, passages),
    sampled: passages.length,
  };
}

/**
 * The build from scratch and the model's own seconds for it. Measured when the build's cache
 * started empty (`filledCache` false): the build as it ran, against the model's time for the
 * passages it embedded. Projected when the cache was filled beforehand: the build's time plus the
 * model's time for the passages the cache supplied (reading is assumed to overlap none of it, so
 * this is an upper bound), against the model's time for all of them; its peak RSS is the build's
 * plus what the model's batches add (unless the build embedded some passages itself).
 */
export function fromScratch(
  m: BuildMeasure,
  filledCache: boolean,
): { modelSeconds: number; seconds: number; peakRssMb: number } {
  const perPassage = m.model.millisPerPassage / 1000;
  if (!filledCache)
    return {
      modelSeconds: perPassage * m.embedded,
      seconds: m.build.seconds,
      peakRssMb: m.build.peakRssMb ?? NaN,
    };
  return {
    modelSeconds: perPassage * (m.embedded + m.cached),
    seconds: m.build.seconds + perPassage * m.cached,
    // A build that embedded some passages already holds the model's batch memory in its peak.
    peakRssMb: (m.build.peakRssMb ?? NaN) + (m.embedded > 0 ? 0 : m.model.batchMb),
  };
}
