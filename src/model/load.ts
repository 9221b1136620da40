import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildModel, type ModelOptions } from './build.ts';
import { isObject, type JsonObject } from './json.ts';
import type { ApiModel } from './types.ts';

/**
 * Reads a bundled contract from disk: the model's only I/O. Builds read the
 * synced `openapi/openapi.json`; fetching happens in `npm run sync` alone.
 */
export function readContract(path: string): JsonObject {
  const file = resolve(path);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(
      `${path}: cannot read the contract (${(error as Error).message}). Run 'npm run sync' to restore it.`,
    );
  }
  if (!isObject(parsed) || typeof parsed.openapi !== 'string' || !/^3\.[012]\./.test(parsed.openapi)) {
    throw new Error(
      `${path}: not an OpenAPI 3.0, 3.1 or 3.2 document (no 'openapi: 3.x' field). Run 'npm run sync' to restore it.`,
    );
  }
  return parsed;
}

/**
 * The per-process caches below live on `globalThis`, not in this module: one build loads this
 * module twice (astro.config.mjs through Node for the redirect plan, the pages through Vite's
 * bundle), and module-level maps built a large contract's model twice (Stripe's: seconds).
 * Entries are keyed by the file's size and modification time too, so `astro dev` (whose reloaded
 * modules would otherwise keep them) picks up a contract the sync rewrote.
 */
const CACHES = Symbol.for('ocpplab-docs/model/load');
const registry = globalThis as { [CACHES]?: LoadCaches };
const caches: LoadCaches = registry[CACHES] ?? { documents: new Map(), models: new Map() };
registry[CACHES] = caches;

interface LoadCaches {
  documents: Map<string, JsonObject>;
  models: Map<string, ApiModel>;
}

/**
 * The contract file parsed once per process and path, shared by the model and what reads the
 * document itself (the "Try it" files), so a build parses a large contract once. Read-only.
 */
export function loadContract(path: string): JsonObject {
  const file = fileKey(path);
  let document = caches.documents.get(file);
  if (document === undefined) {
    document = readContract(path);
    caches.documents.set(file, document);
  }
  return document;
}

/** The model of a contract file, built once per process and path. */
export function loadModel(path: string, options: ModelOptions): ApiModel {
  const key = `${fileKey(path)}|${options.tokenEnv}|${options.maxSchemaDepth}`;
  let model = caches.models.get(key);
  if (model === undefined) {
    model = buildModel(loadContract(path), { ...options, source: path });
    caches.models.set(key, model);
  }
  return model;
}

/** `/abs/path|size|mtime`, or the path alone for a file that cannot be read (readContract says why). */
function fileKey(path: string): string {
  const file = resolve(path);
  try {
    const stats = statSync(file);
    return `${file}|${stats.size}|${stats.mtimeMs}`;
  } catch {
    return file;
  }
}
