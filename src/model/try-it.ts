/**
 * What the "Try it" console of an operation page needs, as one small JSON file per operation
 * (`/_ocpplab/try-it/<slug>.json`), fetched when a reader opens the console: the request's
 * parts prefilled from the examples the page shows, the targets, the credentials the operation
 * asks for, and the JSON Schemas of its parameters and body with only the components they
 * reference, so the browser checks a request with the same Ajv setup as the snippet tests.
 */
import { isDataKey, NAME_MAPS } from './data.ts';
import { asArray, asObject, asString, isObject, type JsonObject } from './json.ts';
import { pathItemOperations } from './navigation.ts';
import { escapePointerToken, unescapePointerToken } from './pointer.ts';
import { Resolver } from './resolver.ts';
import type { ApiModel, OperationDetail, ParameterLocation } from './types.ts';

/** The extension that turns the console off for one operation (or, on the document, for all). */
export const TRY_IT_EXTENSION = 'x-ocpplab-try-it';

export interface TryItScheme {
  key: string;
  /** `bearer`, `basic`, `apiKey`; other schemes (OAuth 2, OpenID Connect) take a bearer token. */
  kind: 'bearer' | 'basic' | 'apiKey';
  /** For apiKey: where the key goes and under which name. */
  in?: 'header' | 'query' | 'cookie';
  name?: string;
}

export interface TryItParameter {
  name: string;
  in: ParameterLocation;
  required: boolean;
  /** The value the page's samples use, as the text an input holds. */
  value: string;
  /** JSON pointer of the parameter's schema in `document`. */
  schema: string;
  /** Anchor of the parameter on the page, e.g. `query.limit`. */
  anchor: string;
}

export interface TryItSpec {
  key: string;
  method: string;
  path: string;
  /** False when the contract turns the console off (`x-ocpplab-try-it: false`). */
  enabled: boolean;
  servers: { url: string; description?: string }[];
  /** Alternatives; each lists the schemes used together. `[]`: no credentials needed. */
  security: TryItScheme[][];
  parameters: TryItParameter[];
  body?: {
    mediaType: string;
    required: boolean;
    /** The request example, pretty-printed, or `''` when the body has no JSON example. */
    value: string;
    /** JSON pointer of the body's schema in `document`, when it has one. */
    schema?: string;
  };
  /** Which JSON Schema dialect the schemas are written in. */
  dialect: '3.0' | '3.1';
  /** The schemas above, with every part of the contract they reference, at the same pointers. */
  document: JsonObject;
}

/** The route parameter of an operation's file: its page slug below the reference. */
export const tryItSlug = (pageSlug: string) => pageSlug.replace(/^api-reference\//, '');

/** The URL of an operation's console file. */
export const tryItUrl = (pageSlug: string) => `/try-it/${tryItSlug(pageSlug)}.json`;

/** Whether the contract lets readers try an operation (`x-ocpplab-try-it: false` on it or the document turns it off). */
export function tryItEnabled(document: JsonObject, operation: { path: string; method: string }): boolean {
  if (document[TRY_IT_EXTENSION] === false) return false;
  const resolver = new Resolver(document);
  const pathItem = resolver.deref(asObject(document.paths)[operation.path], '#/paths').value;
  const raw = pathItemOperations(pathItem).find((entry) => entry.method === operation.method);
  return raw?.operation[TRY_IT_EXTENSION] !== false;
}

/**
 * What the overview page says about the console, in Markdown: the HTML page and its twin print
 * these same words.
 */
export const TRY_IT_OVERVIEW = [
  "Every operation page has a **Try it** console in its side panel: its parameters and body start from the page's examples, the body is checked against the contract before it is sent, and the answer shows with its status, time and headers, next to the same request as a curl command. Credentials stay in the browser tab (`sessionStorage`) and go only to the chosen target.",
  "Under `npm start` the console sends to a mock of the contract at `/_mock/` by default (Prism, which checks every request as the API would and accepts any token); the contract's servers are the other targets. A static host without the Node server offers the servers only, or the mock named by `OCPPLAB_TRY_IT_MOCK` at build time.",
  `A contract turns the console off for an operation with \`${TRY_IT_EXTENSION}: false\` on the operation (or on the document, for every operation).`,
].join('\n\n');

/** Keys a validator never reads: dropping them keeps the file small. */
const ANNOTATIONS = new Set(['description', 'title', 'example', 'examples', 'externalDocs', 'xml']);

/**
 * A copy of a schema for validation: annotations and extensions dropped (but not properties that
 * happen to be named so), every local `$ref` it holds reported to `found`.
 */
function validationCopy(node: unknown, found: (ref: string) => void, names = false): unknown {
  if (Array.isArray(node)) return node.map((member) => validationCopy(member, found));
  if (!isObject(node)) return node;
  const copy: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (names) {
      copy[key] = validationCopy(value, found);
      continue;
    }
    if (key === '$ref' && typeof value === 'string') {
      if (value.startsWith('#/')) found(value);
      copy[key] = value;
    } else if (key.startsWith('x-') || ANNOTATIONS.has(key)) {
      // Extensions and annotations: data, not constraints.
    } else if (isDataKey(key, value)) {
      copy[key] = value;
    } else {
      copy[key] = validationCopy(value, found, NAME_MAPS.has(key));
    }
  }
  return copy;
}

/** Puts `value` at a JSON pointer of `target`, making the objects on the way. */
function place(target: JsonObject, pointer: string, value: unknown): void {
  const keys = pointer
    .slice(2)
    .split('/')
    .map((raw) => unescapePointerToken(decodeURIComponent(raw)));
  let node = target;
  for (const key of keys.slice(0, -1)) {
    if (!isObject(node[key])) node[key] = {};
    node = node[key] as JsonObject;
  }
  node[keys[keys.length - 1] ?? ''] = value;
}

/** A value as the text of an input: strings as they are, anything else as JSON. */
const asInput = (value: unknown) =>
  value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);

function schemeOf(scheme: ApiModel['securitySchemes'][number]): TryItScheme {
  if (scheme.type === 'apiKey' && scheme.name !== undefined && scheme.in !== undefined)
    return { key: scheme.key, kind: 'apiKey', in: scheme.in, name: scheme.name };
  if (scheme.type === 'http' && scheme.scheme?.toLowerCase() === 'basic')
    return { key: scheme.key, kind: 'basic' };
  return { key: scheme.key, kind: 'bearer' };
}

/** `servers[].url` with its variables at their defaults, without a trailing slash. */
function serverUrl(server: JsonObject): string {
  const variables = asObject(server.variables);
  const url = (asString(server.url) ?? '').replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const value = asObject(variables[name]).default;
    return typeof value === 'string' ? value : whole;
  });
  return url.replace(/\/+$/, '');
}

/** The console's file of one operation. */
export function tryItSpec(document: JsonObject, operation: OperationDetail): TryItSpec {
  const resolver = new Resolver(document);
  const pathPointer = `#/paths/${escapePointerToken(operation.path)}`;
  const pathItem = resolver.deref(asObject(document.paths)[operation.path], pathPointer).value;
  const raw = pathItemOperations(pathItem).find((entry) => entry.method === operation.method);
  const rawOperation = raw?.operation ?? {};
  const operationPointer = `${pathPointer}/${raw?.pointer ?? operation.method}`;

  const out: JsonObject = {};
  const pending: string[] = [];
  const copied = new Set<string>();
  const found = (ref: string) => {
    if (!copied.has(ref)) {
      copied.add(ref);
      pending.push(ref);
    }
  };
  /** Copies the schema at `pointer` (following its references) and returns where it now lives. */
  const include = (schema: unknown, pointer: string): string => {
    place(out, pointer, validationCopy(schema, found));
    while (pending.length > 0) {
      const ref = pending.pop() as string;
      place(out, ref, validationCopy(resolver.lookup(ref, pointer), found));
    }
    return pointer.slice(1);
  };

  // Parameters: the operation's own win over the path item's of the same name and place.
  const declared = new Map<string, { value: JsonObject; pointer: string }>();
  for (const [list, base] of [
    [pathItem.parameters, `${pathPointer}/parameters`],
    [rawOperation.parameters, `${operationPointer}/parameters`],
  ] as const) {
    asArray(list).forEach((entry, index) => {
      const { value, ref } = resolver.deref(entry, `${base}/${index}`);
      declared.set(`${asString(value.in)}.${asString(value.name)}`, {
        value,
        pointer: ref ?? `${base}/${index}`,
      });
    });
  }
  const parameters: TryItParameter[] = operation.parameters.map((parameter) => {
    const source = declared.get(`${parameter.in}.${parameter.name}`);
    const schemaPointer = `${source?.pointer ?? `${operationPointer}/parameters/${parameter.name}`}/schema`;
    return {
      name: parameter.name,
      in: parameter.in,
      required: parameter.required,
      value: asInput(parameter.example.value),
      schema: include(source?.value.schema ?? {}, schemaPointer),
      anchor: `${parameter.in}.${parameter.name}`,
    };
  });

  let body: TryItSpec['body'];
  const requestBody = operation.requestBody;
  const media =
    requestBody?.content.find((entry) => /[/+]json$/.test(entry.mediaType)) ?? requestBody?.content[0];
  if (requestBody !== undefined && media !== undefined) {
    const bodyRef = resolver.deref(rawOperation.requestBody, `${operationPointer}/requestBody`);
    const bodyPointer = bodyRef.ref ?? `${operationPointer}/requestBody`;
    const rawSchema = asObject(asObject(bodyRef.value.content)[media.mediaType]).schema;
    const example = media.examples[0]?.value;
    const isJson = /[/+]json$/.test(media.mediaType);
    body = {
      mediaType: media.mediaType,
      required: requestBody.required,
      value: example === undefined ? '' : isJson ? JSON.stringify(example, null, 2) : asInput(example),
    };
    if (rawSchema !== undefined && isJson)
      body.schema = include(
        rawSchema,
        `${bodyPointer}/content/${escapePointerToken(media.mediaType)}/schema`,
      );
  }

  return {
    key: operation.key,
    method: operation.method.toUpperCase(),
    path: operation.path,
    enabled: tryItEnabled(document, operation),
    servers: asArray(document.servers)
      .filter(isObject)
      .map((server) => {
        const description = asString(server.description);
        return description === undefined
          ? { url: serverUrl(server) }
          : { url: serverUrl(server), description };
      }),
    security: operation.security.map((requirement) =>
      requirement.schemes.map((entry) => schemeOf(entry.scheme)),
    ),
    parameters,
    ...(body === undefined ? {} : { body }),
    dialect: asString(document.openapi)?.startsWith('3.0') ? '3.0' : '3.1',
    document: out,
  };
}
