/**
 * The embedding-cache key of a passage as the build records it for every chunk (the store's
 * `chunks.vector_key`): a chunk of a re-read document takes over the vector label of a previous
 * chunk with the same key, and an artefact folder's own cache keeps the vectors of the keys its
 * live and previous builds list.
 */
import { PASSAGE_INSTRUCTION } from "../embed/cached-embedder.js";
import type { Embedder } from "../embed/embedder.js";
import { vectorKey } from "../embed/vector-cache.js";

/**
 * The key function of a model's passages (hex). A model without a pinned checksum is keyed by
 * its id: such keys only ever compare builds of one artefact folder, whose manifest pins the model.
 */
export function passageKeyFunction(
  embedder: Pick<Embedder, "modelId" | "checksum">,
): (text: string) => string {
  const identity = embedder.checksum ?? `unpinned ${embedder.modelId}`;
  return (text) => vectorKey(text, PASSAGE_INSTRUCTION, identity).toString("hex");
}
