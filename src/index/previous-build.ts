/**
 * What a build can take over from the build before it: the manifest, the segment list and the
 * vector index of the generation the manifest names, when they were made for the same schema,
 * model and dimension and their files match the manifest's checksums. Anything else (no build
 * yet, another model, a damaged file) gives null with the reason, and the new build starts
 * from the per-document cache alone.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { MANIFEST_FILE, describeFile, readJson, type ArtefactManifest } from "./artefact-store.js";
import { ARTEFACT_FILES, SCHEMA_VERSION } from "./artefact-layout.js";
import { readSegmentList, type SegmentList } from "./segment-list.js";
import { VectorKeys } from "./vector-keys.js";
import { loadVectorIndex, vectorCount, type VectorIndex } from "./vector-index.js";

/** The previous build as a new build uses it. */
export interface PreviousBuild {
  manifest: ArtefactManifest;
  /** Its generation folder (`gen-…`). */
  generation: string;
  list: SegmentList;
  /** Loads its vector index (only when the new build updates it). */
  loadIndex: () => VectorIndex;
  /** Its labels' embedding-cache keys; null when it has none (an older build) or they are damaged. */
  keys: () => VectorKeys | null;
}

/** The model a build embeds with. */
export interface BuildModel {
  modelId: string;
  checksum?: string;
  dimension: number;
}

/** The previous build in `artefactDir`, or `{ reason }` when there is none usable. */
export function readPreviousBuild(
  artefactDir: string,
  model: BuildModel,
): { previous: PreviousBuild } | { previous: null; reason: string } {
  const none = (reason: string) => ({ previous: null, reason }) as const;
  if (!existsSync(join(artefactDir, MANIFEST_FILE))) return none("no previous build");
  let manifest: ArtefactManifest;
  try {
    manifest = readJson<ArtefactManifest>(join(artefactDir, MANIFEST_FILE));
  } catch (e) {
    return none((e as Error).message);
  }
  if (manifest.schemaVersion !== SCHEMA_VERSION) return none(`schema ${manifest.schemaVersion}`);
  if (manifest.modelId !== model.modelId || manifest.dimension !== model.dimension)
    return none(`built with ${manifest.modelId} (${manifest.dimension})`);
  if ((manifest.modelChecksum ?? "") !== (model.checksum ?? "")) return none("model checksum differs");
  const listKey = Object.keys(manifest.files ?? {}).find((k) => k.endsWith(`/${ARTEFACT_FILES.segments}`));
  const generation = listKey?.split("/")[0];
  if (!listKey || !generation) return none("the manifest lists no segment list");
  const vectorsKey = `${generation}/${ARTEFACT_FILES.vectors}`;
  for (const key of [listKey, vectorsKey]) {
    const info = manifest.files[key];
    if (!info || !existsSync(join(artefactDir, key))) return none(`${key} is missing`);
    if (describeFile(join(artefactDir, key)).sha256 !== info.sha256) return none(`${key} is damaged`);
  }
  let list: SegmentList;
  try {
    list = readSegmentList(join(artefactDir, listKey), artefactDir);
  } catch (e) {
    return none((e as Error).message);
  }
  const loadIndex = () => {
    const index = loadVectorIndex(join(artefactDir, vectorsKey), model.dimension);
    if (vectorCount(index) !== list.labels)
      throw new Error(`${vectorsKey} holds ${vectorCount(index)} vectors, its list ${list.labels}`);
    return index;
  };
  const keysKey = `${generation}/${ARTEFACT_FILES.vectorKeys}`;
  const keys = () => {
    const info = manifest.files[keysKey];
    const path = join(artefactDir, keysKey);
    if (!info || !existsSync(path) || describeFile(path).sha256 !== info.sha256) return null;
    return VectorKeys.read(path, list.labels);
  };
  return { previous: { manifest, generation, list, loadIndex, keys } };
}
