/**
 * The "Try it" console's request, without the page: what the inputs start with, the request
 * they make, the equivalent curl command and the contract violations of the inputs. The console
 * (console.ts) and the tests that send every operation to the mock share these functions.
 */

import { unescapePointerToken } from '../../model/pointer.ts';
import type { TryItParameter, TryItScheme, TryItSpec } from '../../model/try-it.ts';

/** What the reader typed: parameter values by anchor (`query.limit`), and the body text. */
export interface Inputs {
  parameters: Record<string, string>;
  body: string;
}

/** The credentials typed for each scheme of the chosen alternative, by scheme key. */
export type Credentials = Record<string, { secret: string; user?: string }>;

export interface BuiltRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface InputProblem {
  /** The anchor of the field on the page (`query.limit`, `body.coordinates.latitude`). */
  field: string;
  message: string;
}

/** The inputs as the page's examples fill them. */
export function defaultInputs(spec: TryItSpec): Inputs {
  return {
    parameters: Object.fromEntries(spec.parameters.map((parameter) => [parameter.anchor, parameter.value])),
    body: spec.body?.value ?? '',
  };
}

/** The schema at a pointer of the spec's document, its `$ref` chain followed. */
function schemaAt(spec: TryItSpec, pointer: string): Record<string, unknown> {
  let node: unknown = spec.document;
  const seen = new Set<string>();
  let path = pointer;
  for (;;) {
    node = spec.document;
    for (const raw of path.split('/').slice(1)) {
      const key = unescapePointerToken(decodeURIComponent(raw));
      node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined;
    }
    const ref = typeof node === 'object' && node !== null ? (node as { $ref?: unknown }).$ref : undefined;
    if (typeof ref !== 'string' || seen.has(ref)) break;
    seen.add(ref);
    path = ref.slice(1);
  }
  return typeof node === 'object' && node !== null ? (node as Record<string, unknown>) : {};
}

/** The JSON types a schema allows, through `anyOf`/`oneOf`/`allOf` and `$ref`s; `[]` when any. */
function schemaTypes(spec: TryItSpec, schema: Record<string, unknown>, depth = 0): string[] {
  if (depth > 8) return [];
  if (typeof schema.$ref === 'string')
    return schemaTypes(spec, schemaAt(spec, schema.$ref.slice(1)), depth + 1);
  const own = Array.isArray(schema.type) ? schema.type : typeof schema.type === 'string' ? [schema.type] : [];
  const members = ['anyOf', 'oneOf', 'allOf'].flatMap((key) =>
    Array.isArray(schema[key]) ? schema[key] : [],
  );
  return [
    ...own.filter((type): type is string => typeof type === 'string'),
    ...members.flatMap((member) =>
      typeof member === 'object' && member !== null
        ? schemaTypes(spec, member as Record<string, unknown>, depth + 1)
        : [],
    ),
  ];
}

/** The value a parameter's text stands for: JSON for numbers, booleans, arrays and objects. */
function parameterValue(spec: TryItSpec, parameter: TryItParameter, text: string): unknown {
  const types = schemaTypes(spec, schemaAt(spec, parameter.schema)).filter((type) => type !== 'null');
  if (types.length === 0 || types.every((type) => type === 'string')) return text;
  try {
    const parsed: unknown = JSON.parse(text);
    // A string-typed alternative keeps text that merely looks like JSON (`"123"` for a string id).
    if (types.includes('string') && typeof parsed !== 'object') return text;
    return parsed;
  } catch {
    // An array typed as `a,b`: its items, as strings (the checker reports a wrong item type).
    return types.includes('array') ? text.split(',') : text;
  }
}

/** Values of an array parameter in the query, one `name=value` each (OpenAPI's default `form`, exploded). */
function queryValues(value: unknown): string[] {
  if (Array.isArray(value))
    return value.map((item) => (typeof item === 'string' ? item : JSON.stringify(item)));
  return [typeof value === 'string' ? value : JSON.stringify(value)];
}

const base64 = (text: string) => btoa(String.fromCharCode(...new TextEncoder().encode(text)));

/** The request the inputs make, against `target` (a base URL without trailing slash). */
export function buildRequest(
  spec: TryItSpec,
  inputs: Inputs,
  target: string,
  schemes: TryItScheme[],
  credentials: Credentials,
): BuiltRequest {
  let path = spec.path;
  const query = new URLSearchParams();
  const headers: Record<string, string> = { Accept: 'application/json' };
  const cookies: string[] = [];
  for (const parameter of spec.parameters) {
    const text = inputs.parameters[parameter.anchor] ?? '';
    if (text === '' && !(parameter.in === 'path')) continue;
    const value = parameterValue(spec, parameter, text);
    if (parameter.in === 'path') path = path.replaceAll(`{${parameter.name}}`, encodeURIComponent(text));
    else if (parameter.in === 'query')
      for (const item of queryValues(value)) query.append(parameter.name, item);
    else if (parameter.in === 'header') headers[parameter.name] = text;
    else cookies.push(`${parameter.name}=${encodeURIComponent(text)}`);
  }
  for (const scheme of schemes) {
    const given = credentials[scheme.key];
    if (given === undefined || given.secret === '') continue;
    if (scheme.kind === 'bearer') headers.Authorization = `Bearer ${given.secret}`;
    else if (scheme.kind === 'basic')
      headers.Authorization = `Basic ${base64(`${given.user ?? ''}:${given.secret}`)}`;
    else if (scheme.in === 'header' && scheme.name !== undefined) headers[scheme.name] = given.secret;
    else if (scheme.in === 'query' && scheme.name !== undefined) query.append(scheme.name, given.secret);
    else if (scheme.name !== undefined) cookies.push(`${scheme.name}=${encodeURIComponent(given.secret)}`);
  }
  if (cookies.length > 0) headers.Cookie = cookies.join('; ');
  const search = query.toString();
  const request: BuiltRequest = {
    method: spec.method,
    url: `${target}${path}${search === '' ? '' : `?${search}`}`,
    headers,
  };
  if (spec.body !== undefined && inputs.body.trim() !== '') {
    request.headers['Content-Type'] = spec.body.mediaType;
    request.body = inputs.body;
  }
  return request;
}

/** A word for a POSIX shell, single-quoted. */
const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/**
 * The curl command of a request. Secrets are never printed: the credential headers read the
 * environment variable the code samples use (`$OCPPLAB_TOKEN`), so a copied command does not
 * put the token into a shell history.
 */
export function curlCommand(
  request: BuiltRequest,
  schemes: TryItScheme[],
  credentials: Credentials,
  tokenEnv: string,
): string {
  const lines = [`curl -sS -X ${request.method} ${quote(request.url)}`];
  let url = request.url;
  const secretHeaders = new Set<string>();
  /** `session=<secret>` → `session=$OCPPLAB_TOKEN`, for API keys sent as cookies. */
  const secretCookies = new Map<string, string>();
  for (const scheme of schemes) {
    const given = credentials[scheme.key];
    if (given === undefined || given.secret === '') continue;
    if (scheme.kind === 'bearer') {
      secretHeaders.add('authorization');
      lines.push(`-H "Authorization: Bearer $${tokenEnv}"`);
    } else if (scheme.kind === 'basic') {
      secretHeaders.add('authorization');
      lines.push(`-u "${given.user ?? ''}:$${tokenEnv}"`);
    } else if (scheme.in === 'header' && scheme.name !== undefined) {
      secretHeaders.add(scheme.name.toLowerCase());
      lines.push(`-H "${scheme.name}: $${tokenEnv}"`);
    } else if (scheme.in === 'query' && scheme.name !== undefined) {
      url = url.replace(`${scheme.name}=${encodeURIComponent(given.secret)}`, `${scheme.name}=$${tokenEnv}`);
      lines[0] = `curl -sS -X ${request.method} "${url.replace(/(["\\`])/g, '\\$1')}"`;
    } else if (scheme.in === 'cookie' && scheme.name !== undefined) {
      secretCookies.set(`${scheme.name}=${encodeURIComponent(given.secret)}`, `${scheme.name}=$${tokenEnv}`);
    }
  }
  for (const [name, value] of Object.entries(request.headers)) {
    if (secretHeaders.has(name.toLowerCase())) continue;
    if (name.toLowerCase() === 'cookie') lines.push(`-b ${cookieArgument(value, secretCookies)}`);
    else lines.push(`-H ${quote(`${name}: ${value}`)}`);
  }
  if (request.body !== undefined) lines.push(`--data-raw ${quote(request.body)}`);
  return lines.join(' \\\n  ');
}

/** The `-b` value of a Cookie header: single-quoted, or double-quoted when a secret reads the environment. */
function cookieArgument(header: string, secretCookies: ReadonlyMap<string, string>): string {
  const pairs = header.split('; ');
  if (!pairs.some((pair) => secretCookies.has(pair))) return quote(header);
  const text = pairs.map((pair) => secretCookies.get(pair) ?? pair.replace(/(["\\`$])/g, '\\$1')).join('; ');
  return `"${text}"`;
}

/**
 * The cookies an operation takes (cookie parameters and API keys sent as cookies), by name. A page
 * cannot set the Cookie header of a request (browsers drop it from fetch), so the console sends
 * the request without them and says so; the curl command carries them.
 */
export function cookieNames(spec: TryItSpec, schemes: readonly TryItScheme[]): string[] {
  return [
    ...spec.parameters.filter((parameter) => parameter.in === 'cookie').map((parameter) => parameter.name),
    ...schemes.filter((scheme) => scheme.in === 'cookie').flatMap((scheme) => scheme.name ?? []),
  ];
}

/** Ajv's answer, reduced to what the console shows. */
export interface SchemaError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}
export type Check = (pointer: string, value: unknown) => SchemaError[];

/** The page anchor of a body error: `/coordinates/latitude` → `body.coordinates.latitude`; array indexes dropped. */
function errorAnchor(root: string, error: SchemaError): string {
  const parts = error.instancePath
    .split('/')
    .slice(1)
    .map((raw) => unescapePointerToken(raw))
    .filter((part) => !/^\d+$/.test(part));
  const missing = error.params.missingProperty;
  if (error.keyword === 'required' && typeof missing === 'string') parts.push(missing);
  return [root, ...parts].join('.');
}

function describe(error: SchemaError): string {
  const extra = error.params.additionalProperty;
  if (error.keyword === 'additionalProperties' && typeof extra === 'string')
    return `has "${extra}", which the schema does not allow`;
  if (error.keyword === 'required') return 'is required';
  if (error.keyword === 'enum' && Array.isArray(error.params.allowedValues))
    return `must be one of ${error.params.allowedValues.map((value) => JSON.stringify(value)).join(', ')}`;
  return error.message ?? `fails "${error.keyword}"`;
}

/** The problems of the inputs against the contract, each at its field; `[]` when none. */
export function inputProblems(spec: TryItSpec, inputs: Inputs, check: Check): InputProblem[] {
  const problems: InputProblem[] = [];
  for (const parameter of spec.parameters) {
    const text = inputs.parameters[parameter.anchor] ?? '';
    if (text === '') {
      if (parameter.required) problems.push({ field: parameter.anchor, message: 'is required' });
      continue;
    }
    for (const error of check(parameter.schema, parameterValue(spec, parameter, text)))
      problems.push({ field: parameter.anchor, message: describe(error) });
  }
  const body = spec.body;
  if (body === undefined) return problems;
  if (inputs.body.trim() === '') {
    if (body.required)
      problems.push({ field: 'body', message: 'is required: this operation takes a JSON body' });
    return problems;
  }
  if (body.schema === undefined) return problems;
  let value: unknown;
  try {
    value = JSON.parse(inputs.body);
  } catch (error) {
    problems.push({ field: 'body', message: `is not JSON: ${(error as Error).message}` });
    return problems;
  }
  const seen = new Set<string>();
  for (const error of check(body.schema, value)) {
    const problem = { field: errorAnchor('body', error), message: describe(error) };
    const key = `${problem.field} ${problem.message}`;
    if (!seen.has(key)) problems.push(problem);
    seen.add(key);
  }
  return problems;
}
