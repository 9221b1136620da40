/**
 * The contract as the MCP tools see it: operations to list and look up, their request and
 * response schemas (references resolved one level, cycles marked), named schemas, and a check of
 * a request an agent is about to send. Read once from the built site's `openapi.json`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ErrorObject } from 'ajv';
import { buildModel } from '../model/build.ts';
import { readContract } from '../model/load.ts';
import type { ApiModel, OperationSummary } from '../model/types.ts';
import { contractValidator, type ValidatorFor } from '../model/validator.ts';

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const escapePointer = (segment: string) => segment.replaceAll('~', '~0').replaceAll('/', '~1');
const unescapePointer = (segment: string) => segment.replaceAll('~1', '/').replaceAll('~0', '~');

export interface OperationRow {
  method: string;
  path: string;
  operationId?: string;
  summary: string;
  tag: string;
  deprecated: boolean;
  /** Absolute URL of the operation's page. */
  url: string;
  /** Site path of the operation's Markdown twin. */
  twin: string;
}

export interface RequestToCheck {
  method: string;
  path: string;
  query?: Record<string, string | string[]> | undefined;
  headers?: Record<string, string> | undefined;
  body?: unknown;
}

export interface Violation {
  /** Where the problem is: `/query/limit`, `/body/coordinates/latitude`, `/headers/authorization`. */
  pointer: string;
  message: string;
}

/**
 * Headers HTTP clients send on their own, never reported as undeclared, each with who sends it
 * (curl 8, python-requests 2, Node's fetch). `Authorization` is not here: it is allowed only where
 * a security scheme asks for it.
 */
const TRANSPORT_HEADERS: ReadonlyMap<string, string> = new Map([
  ['accept', 'curl, requests and fetch: `*/*` unless the caller sets it'],
  ['accept-encoding', 'requests (`gzip, deflate`) and fetch (`gzip, deflate, br`)'],
  ['accept-language', 'fetch: `*`'],
  ['connection', 'requests and fetch: `keep-alive`'],
  ['content-length', 'any client sending a body of known size'],
  ['content-type', 'any client sending a body'],
  ['expect', 'curl: `100-continue` before a body over 1 MB'],
  ['host', 'HTTP/1.1 itself'],
  ['sec-fetch-mode', 'fetch: `cors`'],
  ['transfer-encoding', 'fetch and requests: `chunked` for a body of unknown size'],
  ['user-agent', 'curl, requests and fetch'],
]);

export class ContractIndex {
  readonly model: ApiModel;
  readonly #document: Json;
  readonly #site: string;
  readonly #validator: ValidatorFor;
  #credentials: Set<string> | undefined;

  constructor(document: Json, site: string) {
    this.#document = document;
    this.#site = site;
    this.model = buildModel(document, { tokenEnv: 'OCPPLAB_TOKEN', maxSchemaDepth: 6 });
    const version = /^3\.(\d+)/.exec(String(document.openapi))?.[0] ?? '3.1';
    this.#validator = contractValidator(document, version);
  }

  /** The contract a built site publishes at `/openapi.json`, or undefined when it has none. */
  static fromDist(distDir: string, site: string): ContractIndex | undefined {
    const file = join(distDir, 'openapi.json');
    if (!existsSync(file)) return undefined;
    return new ContractIndex(readContract(file), site);
  }

  operations(filter: { tag?: string | undefined; method?: string | undefined } = {}): OperationRow[] {
    const tag = filter.tag?.toLowerCase();
    const method = filter.method?.toLowerCase();
    return this.model.operations
      .filter((op) => tag === undefined || op.tag.name.toLowerCase() === tag || op.tag.slug === tag)
      .filter((op) => method === undefined || op.method === method)
      .map((op) => this.#row(op));
  }

  #row(op: OperationSummary): OperationRow {
    const row: OperationRow = {
      method: op.method.toUpperCase(),
      path: op.path,
      summary: op.summary,
      tag: op.tag.name,
      deprecated: op.deprecated,
      url: `${this.#site}/${op.slug}/`,
      twin: `/${op.slug}.md`,
    };
    if (op.operationId !== undefined) row.operationId = op.operationId;
    return row;
  }

  /** An operation by its operationId or by `METHOD /path` (the path as written in the contract). */
  find(reference: string): OperationRow | undefined {
    const wanted = reference.trim();
    const spaced = /^([A-Za-z]+)\s+(\/\S*)$/.exec(wanted);
    const op = this.model.operations.find((candidate) =>
      spaced === null
        ? candidate.operationId === wanted
        : candidate.method === spaced[1]?.toLowerCase() && candidate.path === spaced[2],
    );
    return op === undefined ? undefined : this.#row(op);
  }

  /** The raw Operation Object of a row, from the document. */
  #operationObject(row: OperationRow): Json {
    const paths = isRecord(this.#document.paths) ? this.#document.paths : {};
    const item = paths[row.path];
    const op = isRecord(item) ? item[row.method.toLowerCase()] : undefined;
    return isRecord(op) ? op : {};
  }

  /** Request and response JSON Schemas of an operation, references resolved one level. */
  schemas(row: OperationRow): { request?: Json; responses: Record<string, Json> } {
    const op = this.#operationObject(row);
    const result: { request?: Json; responses: Record<string, Json> } = { responses: {} };
    const body = this.#follow(op.requestBody);
    const requestSchema = jsonSchemaOf(body);
    if (requestSchema !== undefined) result.request = this.#expand(requestSchema);
    const responses = isRecord(op.responses) ? op.responses : {};
    for (const [status, response] of Object.entries(responses)) {
      const schema = jsonSchemaOf(this.#follow(response));
      if (schema !== undefined) result.responses[status] = this.#expand(schema);
    }
    return result;
  }

  /** A named component schema, its own references resolved one level. */
  schema(name: string): Json | undefined {
    const schemas = this.#componentSchemas();
    const schema = schemas[name];
    return isRecord(schema)
      ? this.#expand({ $ref: `#/components/schemas/${escapePointer(name)}` })
      : undefined;
  }

  schemaNames(): string[] {
    return Object.keys(this.#componentSchemas()).sort();
  }

  #componentSchemas(): Json {
    const components = isRecord(this.#document.components) ? this.#document.components : {};
    return isRecord(components.schemas) ? components.schemas : {};
  }

  #resolve(ref: string): unknown {
    if (!ref.startsWith('#/')) return undefined;
    let node: unknown = this.#document;
    for (const segment of ref.slice(2).split('/')) {
      const key = unescapePointer(decodeURIComponent(segment));
      node = isRecord(node) ? node[key] : Array.isArray(node) ? node[Number(key)] : undefined;
    }
    return node;
  }

  #follow(node: unknown): Json {
    const seen = new Set<string>();
    let current = node;
    while (isRecord(current) && typeof current.$ref === 'string' && !seen.has(current.$ref)) {
      seen.add(current.$ref);
      current = this.#resolve(current.$ref);
    }
    return isRecord(current) ? current : {};
  }

  /**
   * Inlines the schema's own references and the references one level below them; deeper ones stay
   * `$ref`s with the name to ask `get_schema` for, and a reference back to a schema being expanded
   * is marked `x-circular` instead of being followed.
   */
  #expand(schema: Json): Json {
    const walk = (node: unknown, refsLeft: number, stack: string[]): unknown => {
      if (Array.isArray(node)) return node.map((item) => walk(item, refsLeft, stack));
      if (!isRecord(node)) return node;
      if (typeof node.$ref === 'string') {
        const ref = node.$ref;
        const name = /^#\/components\/schemas\/(.+)$/.exec(ref)?.[1];
        const readable = name === undefined ? ref : unescapePointer(name);
        if (stack.includes(ref)) return { $ref: ref, 'x-circular': `${readable} contains itself here` };
        const target = this.#resolve(ref);
        if (refsLeft === 0 || !isRecord(target))
          return { $ref: ref, 'x-schema': `get_schema with name "${readable}"` };
        const inlined = walk(target, refsLeft - 1, [...stack, ref]);
        return isRecord(inlined) && name !== undefined ? { title: readable, ...inlined } : inlined;
      }
      const copy: Json = {};
      for (const [key, value] of Object.entries(node)) {
        // Example data is data: a `$ref` key inside it is not a reference.
        copy[key] =
          key === 'example' || key === 'examples' || key.startsWith('x-')
            ? value
            : walk(value, refsLeft, stack);
      }
      return copy;
    };
    const expanded = walk(schema, 2, []);
    return isRecord(expanded) ? expanded : {};
  }

  /**
   * The violations of a request against the contract: unknown operation, missing or invalid
   * parameters, undeclared query parameters and headers, and a body that does not match its schema.
   */
  check(request: RequestToCheck): { operation?: OperationRow; violations: Violation[] } {
    const found = this.#match(request);
    if ('violations' in found) return found;
    const { row, params } = found;
    const op = this.#operationObject(row);
    const violations: Violation[] = [];
    const query = request.query ?? {};
    const headers = lowerCaseKeys(request.headers);
    const declared = this.#parameters(row, op);
    const values: Record<string, Record<string, unknown>> = {
      path: params,
      query,
      header: headers,
      cookie: {},
    };
    for (const { parameter, pointer } of declared) {
      const where = String(parameter.in);
      const name = where === 'header' ? String(parameter.name).toLowerCase() : String(parameter.name);
      const value = values[where]?.[name];
      const at = `/${where === 'header' ? 'headers' : where}/${escapePointer(name)}`;
      if (value === undefined) {
        if (parameter.required === true)
          violations.push({
            pointer: at,
            message: `the required ${where} parameter ${parameter.name} is missing`,
          });
        continue;
      }
      if (!isRecord(parameter.schema)) continue;
      const coerced = coerce(value, this.#follow(parameter.schema));
      const validate = this.#validator(`${pointer}/schema`);
      if (!validate(coerced)) violations.push(...describeErrors(at, validate.errors));
    }
    violations.push(...this.#undeclared(row, op, Object.keys(query), Object.keys(headers)));
    const security = this.#securityHeaders(op);
    if (security.size > 0 && ![...security].some((name) => name in headers || name in query))
      violations.push({
        pointer: '/headers/authorization',
        message: `${row.method} ${row.path} needs credentials: send the ${[...security].join(' or the ')} header`,
      });
    violations.push(...this.#checkBody(op, row, request.body));
    return { operation: row, violations };
  }

  /**
   * The query parameters and headers of a request that its operation does not declare, beyond
   * `TRANSPORT_HEADERS` and the credentials its security asks for. A request no operation
   * answers gives none (the path or method is the problem, which `check` reports).
   */
  undeclared(request: Pick<RequestToCheck, 'method' | 'path' | 'query' | 'headers'>): Violation[] {
    const found = this.#match(request);
    if ('violations' in found) return [];
    const op = this.#operationObject(found.row);
    return this.#undeclared(
      found.row,
      op,
      Object.keys(request.query ?? {}),
      Object.keys(lowerCaseKeys(request.headers)),
    );
  }

  #undeclared(row: OperationRow, op: Json, query: string[], headers: string[]): Violation[] {
    const declared = this.#parameters(row, op);
    const names = (where: string) =>
      new Set(
        declared
          .filter(({ parameter }) => parameter.in === where)
          .map(({ parameter }) =>
            where === 'header' ? String(parameter.name).toLowerCase() : String(parameter.name),
          ),
      );
    const violations: Violation[] = [];
    const queryNames = names('query');
    // `filter[status]=on` is how a deepObject parameter `filter` is sent.
    const base = (name: string) => /^([^[\]]+)\[/.exec(name)?.[1] ?? name;
    for (const name of query)
      if (!queryNames.has(name) && !queryNames.has(base(name)))
        violations.push({
          pointer: `/query/${escapePointer(name)}`,
          message: `${row.method} ${row.path} declares no query parameter ${name}`,
        });
    const headerNames = names('header');
    const security = this.#securityHeaders(op);
    const credentials = this.#credentialHeaders();
    for (const name of headers)
      if (
        !headerNames.has(name) &&
        !TRANSPORT_HEADERS.has(name) &&
        !security.has(name) &&
        !credentials.has(name)
      )
        violations.push({
          pointer: `/headers/${escapePointer(name)}`,
          message: `${row.method} ${row.path} declares no header ${name}`,
        });
    return violations;
  }

  /** The operation a request is for, with its path parameters, or why there is none. */
  #match(
    request: Pick<RequestToCheck, 'method' | 'path'>,
  ): { row: OperationRow; params: Record<string, string> } | { violations: Violation[] } {
    const method = request.method.toLowerCase();
    const path = request.path.split('?')[0] ?? request.path;
    const matches = this.model.operations
      .map((op) => ({ op, params: matchPath(op.path, path) }))
      .filter((entry) => entry.params !== undefined);
    if (matches.length === 0)
      return {
        violations: [
          {
            pointer: '/path',
            message: `no operation has the path ${path}; call list_operations for the paths`,
          },
        ],
      };
    // A literal segment beats a template: `/chargers/bulk` before `/chargers/{id}`.
    matches.sort((a, b) => templateCount(a.op.path) - templateCount(b.op.path));
    const match = matches.find((entry) => entry.op.method === method);
    if (match === undefined) {
      const allowed = matches.map((entry) => entry.op.method.toUpperCase()).join(', ');
      return {
        violations: [
          {
            pointer: '/method',
            message: `${path} does not take ${method.toUpperCase()}; it takes ${allowed}`,
          },
        ],
      };
    }
    return { row: this.#row(match.op), params: match.params ?? {} };
  }

  #parameters(row: OperationRow, op: Json): { parameter: Json; pointer: string }[] {
    const itemPointer = `/paths/${escapePointer(row.path)}`;
    const byKey = new Map<string, { parameter: Json; pointer: string }>();
    const collect = (list: unknown, base: string) => {
      if (!Array.isArray(list)) return;
      list.forEach((entry, index) => {
        let pointer = `${base}/${index}`;
        let parameter: unknown = entry;
        if (isRecord(entry) && typeof entry.$ref === 'string' && entry.$ref.startsWith('#/')) {
          pointer = entry.$ref.slice(1);
          parameter = this.#follow(entry);
        }
        if (isRecord(parameter)) byKey.set(`${parameter.in} ${parameter.name}`, { parameter, pointer });
      });
    };
    const paths = isRecord(this.#document.paths) ? this.#document.paths : {};
    const item = paths[row.path];
    collect(isRecord(item) ? item.parameters : undefined, `${itemPointer}/parameters`);
    collect(op.parameters, `${itemPointer}/${row.method.toLowerCase()}/parameters`);
    return [...byKey.values()];
  }

  /**
   * Header names any security scheme of the contract carries credentials in, lower-cased. A
   * client configured once (a `requests.Session`, an openapi-fetch client) sends them on every
   * call, public operations included, which harms nothing; so they are never undeclared.
   */
  #credentialHeaders(): Set<string> {
    if (this.#credentials !== undefined) return this.#credentials;
    const components = isRecord(this.#document.components) ? this.#document.components : {};
    const schemes = isRecord(components.securitySchemes) ? components.securitySchemes : {};
    const names = new Set<string>();
    for (const entry of Object.values(schemes)) {
      const scheme = this.#follow(entry);
      if (scheme.type === 'apiKey') {
        if (scheme.in === 'header' && typeof scheme.name === 'string') names.add(scheme.name.toLowerCase());
      } else if (scheme.type !== 'mutualTLS') names.add('authorization');
    }
    this.#credentials = names;
    return names;
  }

  /** Header (or query) names that carry the operation's credentials, lower-cased. */
  #securityHeaders(op: Json): Set<string> {
    const requirements = Array.isArray(op.security) ? op.security : this.#document.security;
    const names = new Set<string>();
    if (!Array.isArray(requirements)) return names;
    const components = isRecord(this.#document.components) ? this.#document.components : {};
    const schemes = isRecord(components.securitySchemes) ? components.securitySchemes : {};
    for (const requirement of requirements) {
      if (!isRecord(requirement)) continue;
      // An empty requirement means the operation may be called without credentials.
      if (Object.keys(requirement).length === 0) return new Set();
      for (const key of Object.keys(requirement)) {
        const scheme = this.#follow(schemes[key]);
        if (scheme.type === 'apiKey' && typeof scheme.name === 'string') names.add(scheme.name.toLowerCase());
        else names.add('authorization');
      }
    }
    return names;
  }

  #checkBody(op: Json, row: OperationRow, body: unknown): Violation[] {
    const requestBody = this.#follow(op.requestBody);
    const content = isRecord(requestBody.content) ? requestBody.content : {};
    const json = Object.keys(content).find((type) => /json/i.test(type));
    if (body === undefined)
      return requestBody.required === true
        ? [{ pointer: '/body', message: `${row.method} ${row.path} requires a request body` }]
        : [];
    if (json === undefined)
      return Object.keys(content).length === 0
        ? [{ pointer: '/body', message: `${row.method} ${row.path} takes no request body` }]
        : [];
    const bodyPointer =
      isRecord(op.requestBody) && typeof op.requestBody.$ref === 'string'
        ? op.requestBody.$ref.slice(1)
        : `/paths/${escapePointer(row.path)}/${row.method.toLowerCase()}/requestBody`;
    const media = content[json];
    if (!isRecord(media) || media.schema === undefined) return [];
    const validate = this.#validator(`${bodyPointer}/content/${escapePointer(json)}/schema`);
    return validate(body) ? [] : describeErrors('/body', validate.errors);
  }
}

function lowerCaseKeys(headers: Record<string, string> | undefined): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]),
  );
}

function jsonSchemaOf(holder: Json): Json | undefined {
  const content = isRecord(holder.content) ? holder.content : {};
  const type = Object.keys(content).find((name) => /json/i.test(name)) ?? Object.keys(content)[0];
  const media = type === undefined ? undefined : content[type];
  return isRecord(media) && isRecord(media.schema) ? media.schema : undefined;
}

function templateCount(path: string): number {
  return (path.match(/\{[^}]+\}/g) ?? []).length;
}

/** The path parameters of `actual` when it fits the `template` (`/chargers/{id}`), else undefined. */
function matchPath(template: string, actual: string): Record<string, string> | undefined {
  const names: string[] = [];
  const source = template
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const name = /^\{([^}]+)\}$/.exec(part)?.[1];
      if (name === undefined) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(name);
      return '([^/]+)';
    })
    .join('');
  const found = new RegExp(`^${source}/?$`).exec(actual);
  if (found === null) return undefined;
  return Object.fromEntries(names.map((name, index) => [name, decodeURIComponent(found[index + 1] ?? '')]));
}

/** Query, path and header values arrive as strings: read them as the schema's type says. */
function coerce(value: unknown, schema: Json): unknown {
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.includes('array')) {
    const list = Array.isArray(value) ? value : String(value).split(',');
    const items = isRecord(schema.items) ? schema.items : {};
    return list.map((item) => coerce(item, items));
  }
  if (Array.isArray(value)) return value.map((item) => coerce(item, schema));
  if (typeof value !== 'string') return value;
  if (
    (types.includes('integer') || types.includes('number')) &&
    value.trim() !== '' &&
    !Number.isNaN(Number(value))
  )
    return Number(value);
  if (types.includes('boolean') && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}

function describeErrors(base: string, errors: readonly ErrorObject[] | null | undefined): Violation[] {
  return (errors ?? []).map((error) => {
    const missing =
      error.keyword === 'required' ? `/${escapePointer(String(error.params.missingProperty))}` : '';
    const extra =
      error.keyword === 'additionalProperties'
        ? `/${escapePointer(String(error.params.additionalProperty))}`
        : '';
    const allowed =
      error.keyword === 'enum'
        ? `: ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`
        : '';
    return {
      pointer: `${base}${error.instancePath}${missing}${extra}`,
      message:
        error.keyword === 'required'
          ? 'is required and missing'
          : `${error.message ?? 'is invalid'}${allowed}`,
    };
  });
}
