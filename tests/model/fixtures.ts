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

/**
 * A contract with more schemas than one listing page holds (`SCHEMAS_PER_PAGE`): 450 under B
 * (split over pages), a few under A, C and E, names a letter page's slug would take (`A`,
 * `Other`), names under no letter (`_links`, `2FA`), an accented one (`Éclair`, under E) and a
 * description longer than a listing shows. One operation uses `Account`.
 */
export function manySchemasContract(): JsonObject {
  const schemas: JsonObject = {};
  const add = (name: string, description?: string) => {
    schemas[name] = {
      type: 'object',
      properties: { id: { type: 'string' } },
      ...(description === undefined ? {} : { description }),
    };
  };
  for (let index = 1; index <= 450; index++)
    add(`Balance${String(index).padStart(3, '0')}`, `Balance number ${index}.`);
  add('A', 'A schema whose slug a letter page would take.');
  add('Account', 'An account.\n\nA second paragraph no listing shows.');
  add('Charger', `A charger: ${'it charges cars, '.repeat(8)}and \`charging_status_value\` says how it is.`);
  add('Éclair', 'Listed under E.');
  add('Other', 'A schema whose slug the letter page of other names would take.');
  add('_links');
  add('2FA', 'Two-factor settings.');
  return {
    openapi: '3.1.0',
    info: { title: 'Many schemas API', version: '1.0.0' },
    paths: {
      '/accounts': {
        get: {
          operationId: 'listAccounts',
          summary: 'List accounts',
          responses: {
            '200': {
              description: 'The accounts.',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Account' } } },
            },
          },
        },
      },
    },
    components: { schemas },
  };
}
