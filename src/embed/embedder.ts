/**
 * Sentence embeddings for retrieval, computed locally with Transformers.js (ONNX runtime).
 *
 * The model is bge-small-zh-v1.5 in Transformers.js layout
 * (`<modelDir>/<modelId>/onnx/model_quantized.onnx` plus its config and tokenizer files),
 * fetched by `npm run fetch-model`. Vectors use CLS pooling and are L2-normalised, so the
 * dot product of two vectors is their cosine similarity.
 *
 * The build embeds every chunk with {@link Embedder.embedPassages}; the answering layer embeds
 * each question with {@link Embedder.embedQuery}. Both must use the same model, which is why
 * the artefact manifest records {@link Embedder.modelId} and {@link Embedder.dimension}.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { env, pipeline } from "@xenova/transformers";
import { readModelChecksums, verifyModelFiles } from "./verify-model.js";

/** The checksums pinned for the default model (committed with the project). */
export const PINNED_CHECKSUMS_FILE = resolve(import.meta.dirname, "../../embeddings/model-checksums.json");

/**
 * The instruction bge-zh models expect in front of a short query when retrieving passages
 * (see the model card). Passages are embedded without it. {@link Embedder.embedQuery} adds it;
 * export it for tools that embed queries some other way and must match.
 */
export const BGE_QUERY_INSTRUCTION = "为这个句子生成表示以用于检索相关文章：";

/**
 * How many passages {@link Embedder.embedPassages} sends through the model at once unless
 * {@link LoadEmbedderOptions.batchSize} says otherwise. One: measured on 400 public-corpus
 * passages sorted by length as the build sends them (this 2-core machine, shared), batch 1 took
 * 27 ms a passage and raised the process's peak memory by 10 MB; batch 2 30–35 ms and 60–160 MB;
 * batch 4 30 ms and 190 MB; batch 8 34–42 ms and 420–430 MB (the activations of 8 padded
 * sequences). Batching buys nothing on CPU here and costs the build's peak memory.
 */
export const DEFAULT_EMBED_BATCH_SIZE = 1;

/** The files that must exist inside `<modelDir>/<modelId>/` to load the quantized model offline. */
const REQUIRED_MODEL_FILES = [
  "config.json",
  "tokenizer.json",
  "tokenizer_config.json",
  "onnx/model_quantized.onnx",
];

/** Turns texts into vectors. Load one per process with {@link loadEmbedder}; it is safe to share. */
export interface Embedder {
  /** The model id the vectors come from, e.g. `BAAI/bge-small-zh-v1.5`; stored in the manifest. */
  readonly modelId: string;
  /** Length of every vector (512 for bge-small-zh-v1.5), read from the model's own output. */
  readonly dimension: number;
  /**
   * The model's checksum (over its pinned file checksums), verified at load and stored in the
   * manifest; undefined for a model without pinned checksums.
   */
  readonly checksum?: string;
  /**
   * Embeds passages (chunks) as they are, in batches, and returns one unit-length plain
   * `number[]` per text, in input order. Text beyond the model's 512 tokens is truncated, so
   * keep chunks shorter than that (≈500 Chinese characters). An empty list gives `[]`.
   */
  embedPassages(texts: string[]): Promise<number[][]>;
  /**
   * Embeds a search query: prefixes {@link BGE_QUERY_INSTRUCTION} and returns one unit-length
   * plain `number[]` (hnswlib-node only accepts plain arrays). Takes a few milliseconds.
   */
  embedQuery(text: string): Promise<number[]>;
}

/** Options of {@link loadEmbedder}; usually taken from the app config. */
export interface LoadEmbedderOptions {
  /** Folder holding models in Transformers.js layout, e.g. `<project>/embeddings/models`. */
  modelDir: string;
  /** Model id inside modelDir (and on the hub), e.g. `BAAI/bge-small-zh-v1.5`. */
  modelId: string;
  /**
   * Allow downloading the model from the Hugging Face hub when it is not found in modelDir.
   * Downloaded files are cached into modelDir, so later runs work offline.
   */
  allowRemote: boolean;
  /** Passages per model call in {@link Embedder.embedPassages}; default {@link DEFAULT_EMBED_BATCH_SIZE}. */
  batchSize?: number;
  /** Pinned checksums to verify the files against; default {@link PINNED_CHECKSUMS_FILE}. */
  checksumsFile?: string;
}

/**
 * Thrown when the embedding model cannot be loaded or behaves unexpectedly (missing files,
 * wrong dimension). The message names the folder and says how to fix it; callers should stop.
 */
export class EmbeddingModelError extends Error {
  constructor(
    message: string,
    /** The models folder that was searched. */
    readonly modelDir: string,
    /** The model id that was requested. */
    readonly modelId: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "EmbeddingModelError";
  }
}

/** The part of a Transformers.js Tensor we read. */
interface OutputTensor {
  dims: number[];
  data: ArrayLike<number>;
}

type FeatureExtractor = (
  texts: string | string[],
  options: { pooling: "cls"; normalize: boolean },
) => Promise<OutputTensor>;

/** Splits a `[rows, dimension]` tensor into plain arrays (hnswlib-node rejects typed arrays). */
function toRows(output: OutputTensor, expectedRows: number): number[][] {
  const [rows, dimension] = output.dims;
  if (output.dims.length !== 2 || rows !== expectedRows || dimension === undefined) {
    throw new Error(
      `embedding output has shape [${output.dims.join(", ")}], expected [${expectedRows}, dimension]`,
    );
  }
  const result: number[][] = [];
  for (let r = 0; r < rows; r++) {
    result.push(Array.from({ length: dimension }, (_, i) => output.data[r * dimension + i]!));
  }
  return result;
}

/** Reads `hidden_size` from the local config.json, or null when it cannot be read. */
function configuredHiddenSize(modelPath: string): number | null {
  try {
    const config = JSON.parse(readFileSync(join(modelPath, "config.json"), "utf8")) as {
      hidden_size?: unknown;
    };
    return typeof config.hidden_size === "number" ? config.hidden_size : null;
  } catch {
    return null;
  }
}

/**
 * Loads the embedding model (≈0.2 s from local files) and returns an {@link Embedder}.
 * Call once at start-up and share the result: Transformers.js keeps its settings in one global
 * `env`, so embedders loaded with different folders in one process would interfere.
 *
 * Fails fast with {@link EmbeddingModelError} when the model files are missing locally and
 * `allowRemote` is false, naming the path and how to get the model.
 */
export async function loadEmbedder(options: LoadEmbedderOptions): Promise<Embedder> {
  const { modelId, allowRemote } = options;
  const modelDir = options.modelDir.endsWith("/") ? options.modelDir : `${options.modelDir}/`;
  const batchSize = options.batchSize ?? DEFAULT_EMBED_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
  }
  const modelPath = join(modelDir, modelId);
  const missing = REQUIRED_MODEL_FILES.filter((file) => !existsSync(join(modelPath, file)));
  if (missing.length > 0 && !allowRemote) {
    throw new EmbeddingModelError(
      `embedding model ${modelId} not found at ${modelPath} (missing ${missing.join(", ")}); ` +
        "run `npm run fetch-model`, or set EMBEDDING_MODEL_DIR to a folder holding the model, " +
        "or set EMBEDDING_ALLOW_REMOTE=1 to download it",
      options.modelDir,
      modelId,
    );
  }

  // Verify the files against the pinned checksums (cached by size and mtime) before use.
  const pins = readModelChecksums(options.checksumsFile ?? PINNED_CHECKSUMS_FILE);
  let checksum: string | undefined;
  if (pins && pins.modelId === modelId && missing.length === 0) {
    const verified = verifyModelFiles(modelPath, pins);
    if (!verified.ok) {
      throw new EmbeddingModelError(
        `embedding model file ${join(modelPath, verified.file)} is damaged (${verified.problem}); ` +
          "run `npm run fetch-model` to restore it",
        options.modelDir,
        modelId,
      );
    }
    checksum = verified.checksum;
  }

  env.localModelPath = modelDir;
  env.allowLocalModels = true;
  env.allowRemoteModels = allowRemote;
  let extract: FeatureExtractor;
  try {
    const loaded = await pipeline("feature-extraction", modelId, { quantized: true, cache_dir: modelDir });
    extract = loaded as unknown as FeatureExtractor;
  } catch (error) {
    throw new EmbeddingModelError(
      `could not load embedding model ${modelId} from ${modelPath}: ${(error as Error).message}; ` +
        "run `npm run fetch-model` to restore it",
      options.modelDir,
      modelId,
      { cause: error },
    );
  }

  const embed = async (texts: string[]): Promise<number[][]> =>
    toRows(await extract(texts, { pooling: "cls", normalize: true }), texts.length);

  // Read the dimension from a real output rather than trusting the config alone.
  const dimension = (await embed([BGE_QUERY_INSTRUCTION]))[0]!.length;
  const hiddenSize = configuredHiddenSize(modelPath);
  if (hiddenSize !== null && hiddenSize !== dimension) {
    throw new EmbeddingModelError(
      `embedding model ${modelId} at ${modelPath} outputs ${dimension}-dimensional vectors ` +
        `but its config.json says hidden_size ${hiddenSize}; run \`npm run fetch-model\` to restore it`,
      options.modelDir,
      modelId,
    );
  }

  return {
    modelId,
    dimension,
    ...(checksum ? { checksum } : {}),
    async embedPassages(texts: string[]): Promise<number[][]> {
      const vectors: number[][] = [];
      for (let i = 0; i < texts.length; i += batchSize) {
        vectors.push(...(await embed(texts.slice(i, i + batchSize))));
      }
      return vectors;
    },
    async embedQuery(text: string): Promise<number[]> {
      return (await embed([BGE_QUERY_INSTRUCTION + text]))[0]!;
    },
  };
}
