import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { resolveSiteConfig } from '../../src/config.ts';
import { buildModel, type ModelOptions } from '../../src/model/build.ts';
import { isObject, type JsonObject } from '../../src/model/json.ts';
import { readContract } from '../../src/model/load.ts';
import type { ApiModel } from '../../src/model/types.ts';

const defaults = resolveSiteConfig({}, {});

export const CONTRACTS_DIR = join(import.meta.dirname, '../fixtures/contracts');
/** The synced contract, where `src/config.ts` says it is. */
export const REAL_CONTRACT = join(import.meta.dirname, '../..', defaults.contractPath);

/** The options the site builds with: `src/config.ts`'s defaults, read from there. */
export const MODEL_OPTIONS: ModelOptions = {
  tokenEnv: defaults.tokenEnv,
  maxSchemaDepth: defaults.maxSchemaDepth,
};

export interface Contract {
  /** File name without extension, e.g. `oai-petstore`; `ocpplab` for the synced contract. */
  name: string;
  document: JsonObject;
}

/** Every fixture contract (YAML parsed to JSON), by file name. */
export function fixtureContracts(): Contract[] {
  return readdirSync(CONTRACTS_DIR)
    .filter((file) => /\.(json|ya?ml)$/.test(file))
    .sort()
    .map((file) => {
      const text = readFileSync(join(CONTRACTS_DIR, file), 'utf8');
      const document: unknown = file.endsWith('.json') ? JSON.parse(text) : parse(text);
      if (!isObject(document)) throw new Error(`${file}: not a JSON object.`);
      return { name: file.replace(/\.(json|ya?ml)$/, ''), document };
    });
}

/** The fixtures and the synced contract. */
export function allContracts(): Contract[] {
  return [...fixtureContracts(), { name: 'ocpplab', document: readContract(REAL_CONTRACT) }];
}

export function modelOf(contract: Contract): ApiModel {
  return buildModel(contract.document, MODEL_OPTIONS);
}
