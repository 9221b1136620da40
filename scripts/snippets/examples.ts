/**
 * Examples: every example the contract carries (request and response bodies, parameters, headers,
 * webhook payloads, component schemas) validates against its schema. Pure: document in, problems out.
 * OpenAPI 3.1 schemas are JSON Schema 2020-12; 3.0 schemas are the draft-04-like dialect with
 * `nullable` and boolean `exclusiveMinimum`, validated with Ajv's draft-07 mode after a rewrite.
 */
import type { ErrorObject } from 'ajv';
import { contractValidator } from '../../src/model/validator.ts';
import type { Contract } from './contract.ts';

export interface ExampleProblem {
  /** JSON pointer of the example: `/paths/~1ocpp~1locations/post/requestBody/content/application~1json/example`. */
  example: string;
  message: string;
}

export interface ExampleReport {
  checked: number;
  problems: ExampleProblem[];
}

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const escapeSegment = (segment: string) => segment.replaceAll('~', '~0').replaceAll('/', '~1');
const child = (pointer: string, ...segments: string[]) => [pointer, ...segments.map(escapeSegment)].join('/');

function resolvePointer(document: unknown, pointer: string): unknown {
  let node = document;
  for (const raw of pointer.split('/').slice(1)) {
    const segment = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    node = isRecord(node) ? node[segment] : Array.isArray(node) ? node[Number(segment)] : undefined;
  }
  return node;
}

interface Sample {
  /** Pointer to the schema the example must match. */
  schema: string;
  /** Pointer to the example itself, for the message. */
  example: string;
  value: unknown;
}

/** Follows local `$ref`s; returns the pointer of the object they lead to. */
function follow(document: unknown, pointer: string): string {
  const seen = new Set<string>();
  let current = pointer;
  for (;;) {
    const node = resolvePointer(document, current);
    const ref = isRecord(node) ? node.$ref : undefined;
    if (typeof ref !== 'string' || !ref.startsWith('#') || seen.has(current)) return current;
    seen.add(current);
    current = decodeURIComponent(ref.slice(1));
  }
}

/** Collects example/schema pairs by walking the places OpenAPI allows examples. */
function collectSamples(document: unknown): Sample[] {
  const samples: Sample[] = [];
  const visited = new Set<string>();
  const once = (pointer: string) => {
    const target = follow(document, pointer);
    if (visited.has(target) || !isRecord(resolvePointer(document, target))) return undefined;
    visited.add(target);
    return target;
  };
  const get = (pointer: string): Json => {
    const node = resolvePointer(document, pointer);
    return isRecord(node) ? node : {};
  };

  // `example` or `examples` next to a `schema`: media types, parameters, headers.
  const withSchema = (pointer: string) => {
    const holder = get(pointer);
    if (holder.schema === undefined) return;
    const schema = child(pointer, 'schema');
    if (holder.example !== undefined) {
      samples.push({ schema, example: child(pointer, 'example'), value: holder.example });
    }
    for (const name of Object.keys(isRecord(holder.examples) ? holder.examples : {})) {
      const at = follow(document, child(pointer, 'examples', name));
      const example = get(at);
      if ('value' in example) samples.push({ schema, example: child(at, 'value'), value: example.value });
    }
  };
  const content = (pointer: string) => {
    for (const media of Object.keys(get(child(pointer, 'content'))))
      withSchema(child(pointer, 'content', media));
  };
  const parameter = (pointer: string) => {
    const at = once(pointer);
    if (at === undefined) return;
    withSchema(at);
    content(at);
  };
  const headers = (pointer: string) => {
    for (const name of Object.keys(get(child(pointer, 'headers'))))
      parameter(child(pointer, 'headers', name));
  };
  const body = (pointer: string) => {
    const at = once(pointer);
    if (at === undefined) return;
    content(at);
    headers(at);
  };
  const operation = (pointer: string) => {
    const parameters = get(pointer).parameters;
    const count = Array.isArray(parameters) ? parameters.length : 0;
    for (let index = 0; index < count; index++) parameter(child(pointer, 'parameters', String(index)));
    if (get(pointer).requestBody !== undefined) body(child(pointer, 'requestBody'));
    for (const status of Object.keys(get(child(pointer, 'responses'))))
      body(child(pointer, 'responses', status));
  };
  const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
  for (const section of ['paths', 'webhooks']) {
    for (const name of Object.keys(get(`/${section}`))) {
      const item = follow(document, child(`/${section}`, name));
      operation(item); // path-level parameters
      for (const method of methods) if (isRecord(get(item)[method])) operation(child(item, method));
    }
  }
  for (const name of Object.keys(get('/components/parameters')))
    parameter(child('/components/parameters', name));
  for (const name of Object.keys(get('/components/headers'))) parameter(child('/components/headers', name));
  for (const name of Object.keys(get('/components/requestBodies')))
    body(child('/components/requestBodies', name));
  for (const name of Object.keys(get('/components/responses'))) body(child('/components/responses', name));
  for (const name of Object.keys(get('/components/schemas')))
    schemaExamples(document, child('/components/schemas', name), samples);
  return samples;
}

const subschemaMaps = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'];
const subschemaLists = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const subschemas = [
  'items',
  'additionalProperties',
  'not',
  'contains',
  'if',
  'then',
  'else',
  'propertyNames',
];

/** `examples` (2020-12 array) and `example` (OpenAPI) on a schema and its sub-schemas. */
function schemaExamples(document: unknown, pointer: string, samples: Sample[]): void {
  const schema = resolvePointer(document, pointer);
  if (!isRecord(schema)) return;
  if (Array.isArray(schema.examples)) {
    schema.examples.forEach((value: unknown, index) => {
      samples.push({ schema: pointer, example: child(pointer, 'examples', String(index)), value });
    });
  }
  if (schema.example !== undefined) {
    samples.push({ schema: pointer, example: child(pointer, 'example'), value: schema.example });
  }
  for (const key of subschemaMaps) {
    const map = schema[key];
    if (isRecord(map))
      for (const name of Object.keys(map)) schemaExamples(document, child(pointer, key, name), samples);
  }
  for (const key of subschemaLists) {
    const list = schema[key];
    const count = Array.isArray(list) ? list.length : 0;
    for (let index = 0; index < count; index++)
      schemaExamples(document, child(pointer, key, String(index)), samples);
  }
  for (const key of subschemas)
    if (isRecord(schema[key])) schemaExamples(document, child(pointer, key), samples);
}

function describe(errors: readonly ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .map((error) => `${error.instancePath || '(root)'} ${error.message ?? 'is invalid'}`)
    .join('; ');
}

export function checkContractExamples(contract: Contract): ExampleReport {
  const validatorFor = contractValidator(contract.document, contract.version);
  const samples = collectSamples(contract.document);
  const problems: ExampleProblem[] = [];
  for (const sample of samples) {
    let message: string | undefined;
    try {
      const validate = validatorFor(sample.schema);
      if (!validate(sample.value)) message = describe(validate.errors);
    } catch (error) {
      message = `its schema ${sample.schema} cannot be compiled (${(error as Error).message})`;
    }
    if (message !== undefined) problems.push({ example: sample.example, message });
  }
  return { checked: samples.length, problems };
}

/** `openapi/openapi.json: example at /paths/… does not match its schema: /name must be string` */
export function formatExampleProblem(contractPath: string, problem: ExampleProblem): string {
  return `${contractPath}: example at ${problem.example} does not match its schema: ${problem.message}`;
}
