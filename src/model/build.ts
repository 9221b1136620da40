import { isDataKey, NAME_MAPS } from './data.ts';
import { asArray, asObject, asString, isObject, type JsonObject } from './json.ts';
import { navigation, pathItemOperations, REFERENCE_BASE, rawOperations } from './navigation.ts';
import { operationParts } from './operation.ts';
import { SCHEMA_LETTER_SLUGS } from './pages.ts';
import { escapePointerToken } from './pointer.ts';
import { componentSchemaName, Resolver } from './resolver.ts';
import { codeSamples } from './samples/index.ts';
import { schemaNode } from './schema.ts';
import { securityRequirements, securitySchemes } from './security.ts';
import { exampleLimit, shortExample } from './short-example.ts';
import { SlugScope, slugify } from './slug.ts';
import type {
  ApiModel,
  NamedSchema,
  OperationDetail,
  OperationSummary,
  RequestBody,
  SchemaNode,
  Webhook,
} from './types.ts';

export interface ModelOptions {
  /** Environment variable code samples read the credential from. */
  tokenEnv: string;
  /** Nesting depth after which named schemas are linked rather than expanded. */
  maxSchemaDepth: number;
  /** The contract file the document was read from, named in $ref errors. */
  source?: string;
}

/**
 * The model of a bundled OpenAPI 3.0/3.1 document. Navigation, slugs and the
 * schema index are computed at once; each operation's details are resolved on
 * first use and kept.
 */
export function buildModel(document: JsonObject, options: ModelOptions): ApiModel {
  const resolver = new Resolver(document, options.source);
  const info = asObject(document.info);
  const servers = asArray(document.servers)
    .filter(isObject)
    .map((server) => {
      const url = asString(server.url) ?? '/';
      const description = asString(server.description);
      return description === undefined ? { url } : { url, description };
    });
  const schemes = securitySchemes(document.components);
  const raw = rawOperations(document.paths);
  const groups = navigation(document, raw);
  const operations = groups.flatMap((group) => group.tags.flatMap((tag) => tag.operations));
  const context = {
    resolver,
    maxDepth: options.maxSchemaDepth,
    securitySchemes: schemes,
    defaultSecurity: document.security,
  };
  const baseUrl = sampleBaseUrl(asArray(document.servers).find(isObject));

  const rawByKey = new Map(raw.map((op) => [`${op.method} ${op.path}`, op]));
  const details = new Map<string, OperationDetail>();
  const detail = (summary: OperationSummary): OperationDetail => {
    const known = details.get(summary.key);
    if (known !== undefined) return known;
    const source = rawByKey.get(summary.key);
    if (source === undefined) throw new Error(`Unknown operation '${summary.key}'.`);
    const at = `#/paths/${escapePointerToken(summary.path)}/${summary.method}`;
    const parts = withinBudget(
      (maxDepth) => operationParts(source.operation, source.pathItem, { ...context, maxDepth }, at),
      context.maxDepth,
    );
    const input = {
      baseUrl,
      method: summary.method,
      path: summary.path,
      parameters: parts.parameters,
      requestBody: parts.requestBody,
      responses: parts.responses,
      security: parts.security,
      tokenEnv: options.tokenEnv,
    };
    const samples = codeSamples(input);
    const made: OperationDetail = { ...summary, ...parts, samples };
    const shownBody = shownRequestBody(parts.requestBody, exampleLimit(parts, true));
    if (shownBody !== parts.requestBody)
      made.shownSamples = codeSamples({ ...input, requestBody: shownBody });
    details.set(summary.key, made);
    return made;
  };

  // Letter pages of the schemas index sit next to schema pages (src/model/pages.ts).
  const schemaSlugs = new SlugScope(SCHEMA_LETTER_SLUGS);
  const usage = schemaUsage(raw, resolver);
  const schemas: NamedSchema[] = Object.entries(asObject(asObject(document.components).schemas)).map(
    ([name, value]) => {
      const schema: NamedSchema = {
        name,
        slug: `${REFERENCE_BASE}/schemas/${schemaSlugs.take(slugify(name))}`,
        usedBy: [...(usage.get(name) ?? [])],
      };
      const description = asString(asObject(value).description);
      if (description !== undefined) schema.description = description;
      return schema;
    },
  );
  const schemaNodes = new Map<string, SchemaNode>();

  const model: ApiModel = {
    title: asString(info.title) ?? 'API',
    version: asString(info.version) ?? '',
    servers,
    baseUrl,
    securitySchemes: schemes,
    security: securityRequirements(document.security, schemes),
    groups,
    operations,
    webhooks: webhooks(document, context),
    schemas,
    detail,
    schemaNode(schema) {
      const known = schemaNodes.get(schema.name);
      if (known !== undefined) return known;
      const ref = `#/components/schemas/${escapePointerToken(schema.name)}`;
      const node = withinBudget(
        (maxDepth) => schemaNode({ $ref: ref }, { resolver, direction: 'both', maxDepth }, ref),
        options.maxSchemaDepth,
      );
      schemaNodes.set(schema.name, node);
      return node;
    },
  };
  const description = asString(info.description);
  if (description !== undefined) model.description = description;
  return model;
}

/**
 * Schema nodes one page expands at most. Contracts whose objects embed each other (Stripe: an
 * invoice holds a customer, its subscriptions, their items, their prices…) otherwise grow pages
 * of megabytes long before the depth limit; past the budget a page shows its schemas a level
 * less deep, and the truncated ones link to their own pages. Our contract's largest operation
 * has 68 nodes at depth 6, far below.
 */
export const PAGE_NODE_BUDGET = 500;

/** Keys of a node that hold data, not nodes. */
const NODE_DATA_KEYS = new Set(['examples', 'default', 'const', 'enum']);

/** Counts the schema nodes a page renders (shared nodes once per place), stopping past `limit`. */
function countNodes(value: unknown, limit: number, seen = { count: 0 }): number {
  if (seen.count > limit || typeof value !== 'object' || value === null) return seen.count;
  if (Array.isArray(value)) {
    for (const member of value) countNodes(member, limit, seen);
    return seen.count;
  }
  const node = value as Record<string, unknown>;
  if (typeof node.type === 'string' && Array.isArray(node.constraints)) seen.count += 1;
  for (const [key, member] of Object.entries(node))
    if (!NODE_DATA_KEYS.has(key)) countNodes(member, limit, seen);
  return seen.count;
}

/** What `make` gives at the deepest depth (from `maxDepth` down to 2) whose nodes fit the budget. */
function withinBudget<T>(make: (maxDepth: number) => T, maxDepth: number): T {
  let depth = maxDepth;
  let made = make(depth);
  while (depth > 2 && countNodes(made, PAGE_NODE_BUDGET) > PAGE_NODE_BUDGET) {
    depth -= 1;
    made = make(depth);
  }
  return made;
}

/**
 * The URL samples call: the first server with its variables at their defaults
 * (`https://{region}.example.com` → `https://eu.example.com`), a scheme-relative URL made
 * https, no trailing slash; `''` (paths stay relative) when the contract names no server.
 */
function sampleBaseUrl(server: JsonObject | undefined): string {
  if (server === undefined) return '';
  const variables = asObject(server.variables);
  const url = (asString(server.url) ?? '').replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const value = asObject(variables[name]).default;
    return typeof value === 'string' ? value : whole;
  });
  return (url.startsWith('//') ? `https:${url}` : url).replace(/\/+$/, '');
}

function webhooks(document: JsonObject, context: Parameters<typeof operationParts>[2]): Webhook[] {
  const out: Webhook[] = [];
  const slugs = new SlugScope();
  for (const [name, entry] of Object.entries(asObject(document.webhooks))) {
    const pathItem = context.resolver.deref(entry, `#/webhooks/${name}`).value;
    for (const { method, operation, pointer } of pathItemOperations(pathItem)) {
      const parts = operationParts(operation, pathItem, context, `#/webhooks/${name}/${pointer}`);
      const webhook: Webhook = {
        name,
        method,
        summary: asString(operation.summary) ?? name,
        slug: `${REFERENCE_BASE}/webhooks/${slugs.take(slugify(name))}`,
        deprecated: operation.deprecated === true,
        parameters: parts.parameters,
        responses: parts.responses,
      };
      if (parts.description !== undefined) webhook.description = parts.description;
      if (parts.requestBody !== undefined) webhook.requestBody = parts.requestBody;
      out.push(webhook);
    }
  }
  return out;
}

/** Component schema name → keys of the operations that use it, directly or through other schemas. */
function schemaUsage(
  operations: ReturnType<typeof rawOperations>,
  resolver: Resolver,
): Map<string, Set<string>> {
  /**
   * Component schemas a value names, following refs to anything else (parameters, responses…).
   * Example data and extension values are data: a `$ref` key inside them is not a reference.
   * `names`: the value is a map keyed by names (`properties`), where those keys are not keywords.
   */
  const namedIn = (value: unknown, into: Set<string>, seen: Set<unknown>, names = false) => {
    if (typeof value !== 'object' || value === null || seen.has(value)) return;
    seen.add(value);
    if (isObject(value) && typeof value.$ref === 'string' && !names) {
      const name = componentSchemaName(value.$ref);
      if (name !== undefined) into.add(name);
      else namedIn(resolver.lookup(value.$ref, value.$ref), into, seen);
      return;
    }
    if (Array.isArray(value)) {
      for (const member of value) namedIn(member, into, seen);
      return;
    }
    for (const [key, member] of Object.entries(value)) {
      if (!names && (isDataKey(key, member) || key === 'examples')) continue;
      namedIn(member, into, seen, !names && NAME_MAPS.has(key));
    }
  };
  // Each component's own references, found once: operations share most of their schemas.
  const direct = new Map<string, Set<string>>();
  const pointerOf = (name: string) => `#/components/schemas/${escapePointerToken(name)}`;
  /** `usedAt`: the operation or schema that names it, for the error when it does not exist. */
  const directOf = (name: string, usedAt: string): Set<string> => {
    let names = direct.get(name);
    if (names === undefined) {
      names = new Set();
      direct.set(name, names);
      namedIn(resolver.lookup(pointerOf(name), usedAt), names, new Set());
    }
    return names;
  };
  const usage = new Map<string, Set<string>>();
  for (const op of operations) {
    const { callbacks: _callbacks, ...operation } = op.operation;
    const pending = new Map<string, string>();
    const named = new Set<string>();
    namedIn({ operation, parameters: op.pathItem.parameters }, named, new Set());
    const at = `#/paths/${escapePointerToken(op.path)}/${op.method}`;
    for (const name of named) pending.set(name, at);
    const reached = new Set<string>();
    for (const [name, usedAt] of pending) {
      if (reached.has(name)) continue;
      reached.add(name);
      for (const next of directOf(name, usedAt)) if (!reached.has(next)) pending.set(next, pointerOf(name));
    }
    for (const name of reached) {
      const users = usage.get(name) ?? new Set<string>();
      users.add(`${op.method} ${op.path}`);
      usage.set(name, users);
    }
  }
  return usage;
}

/**
 * The request body with each media type's first example as an HTML page shows it (shortened
 * past the page's limit, src/model/short-example.ts), or the body itself when every one fits: the samples a page shows
 * send what its request example shows. An example too long even shortened is left whole here.
 */
function shownRequestBody(body: RequestBody | undefined, limit: number): RequestBody | undefined {
  if (body === undefined) return undefined;
  let changed = false;
  const content = body.content.map((media) => {
    const [first, ...rest] = media.examples;
    if (first === undefined) return media;
    const shown = shortExample(first.value, media.schema, limit);
    if (shown === undefined || !shown.cut) return media;
    changed = true;
    return { ...media, examples: [{ ...first, value: shown.value }, ...rest] };
  });
  return changed ? { ...body, content } : body;
}
