/**
 * JSON Schema validation of values against the contract's own schemas, for the example checks of
 * the snippet tests and the `check_request` tool of the MCP server. OpenAPI 3.1 (and 3.2) schemas
 * are JSON Schema 2020-12; 3.0 schemas are the draft-04-like dialect with `nullable` and boolean
 * `exclusiveMinimum`, validated with Ajv's draft-07 mode after a rewrite.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * OpenAPI 3.0 → draft-07 spellings Ajv understands: boolean `exclusiveMinimum`/`exclusiveMaximum`
 * become numbers. `nullable` beside a `type` is understood by Ajv itself; without one (beside a
 * `$ref` or an `allOf`, as generators write it) Ajv refuses the schema, so it becomes
 * `anyOf: [schema, {type: 'null'}]`, what the author meant. Returns a rewritten copy.
 */
export function normalizeOpenApi30(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(normalizeOpenApi30);
  if (!isRecord(node)) return node;
  const copy: Json = {};
  for (const [key, value] of Object.entries(node)) copy[key] = normalizeOpenApi30(value);
  for (const [flag, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (typeof copy[flag] !== 'boolean') continue;
    if (copy[flag] === true && typeof copy[bound] === 'number') {
      copy[flag] = copy[bound];
      delete copy[bound];
    } else {
      delete copy[flag];
    }
  }
  if (typeof copy.nullable === 'boolean' && copy.type === undefined) {
    const nullable = copy.nullable;
    delete copy.nullable;
    if (nullable) return { anyOf: [copy, { type: 'null' }] };
  }
  return copy;
}

const contractId = 'urn:ocpplab:contract';

/** A compiled validator per schema pointer (`/components/schemas/Charger`), compiled on first use. */
export type ValidatorFor = (schemaPointer: string) => ValidateFunction;

/** `version` is the contract's `openapi` major.minor: `3.0` selects the draft-07 dialect. */
export function contractValidator(document: Readonly<Json>, version: string): ValidatorFor {
  const options = { strict: false, allErrors: true, validateSchema: false, logger: false } as const;
  const legacy = version === '3.0';
  const ajv = legacy ? new Ajv(options) : new Ajv2020(options);
  addFormats(ajv);
  // OpenAPI's own formats: numeric widths are checked, the others are annotations.
  ajv.addFormat('int32', {
    type: 'number',
    validate: (n: number) => Number.isInteger(n) && Math.abs(n) <= 2 ** 31,
  });
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  for (const name of ['float', 'double']) ajv.addFormat(name, { type: 'number', validate: () => true });
  for (const name of ['byte', 'binary', 'password']) ajv.addFormat(name, true);
  const root = legacy ? normalizeOpenApi30(document) : document;
  ajv.addSchema({ ...(isRecord(root) ? root : {}), $id: contractId });
  const cache = new Map<string, ValidateFunction>();
  return (schemaPointer) => {
    let validate = cache.get(schemaPointer);
    if (!validate) {
      validate = ajv.compile({
        $ref: `${contractId}#${schemaPointer.split('/').map(encodeURIComponent).join('/')}`,
      });
      cache.set(schemaPointer, validate);
    }
    return validate;
  };
}
