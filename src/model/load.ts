import { readFileSync } from 'node:fs';
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

const documents = new Map<string, JsonObject>();

/**
 * The contract file parsed once per process and path, shared by the model and what reads the
 * document itself (the "Try it" files), so a build parses a large contract once. Read-only.
 */
export function loadContract(path: string): JsonObject {
  const file = resolve(path);
  let document = documents.get(file);
  if (document === undefined) {
    document = readContract(path);
    documents.set(file, document);
  }
  return document;
}

const cache = new Map<string, ApiModel>();

/** The model of a contract file, built once per process and path. */
export function loadModel(path: string, options: ModelOptions): ApiModel {
  const key = `${resolve(path)}|${options.tokenEnv}|${options.maxSchemaDepth}`;
  let model = cache.get(key);
  if (model === undefined) {
    model = buildModel(loadContract(path), { ...options, source: path });
    cache.set(key, model);
  }
  return model;
}
