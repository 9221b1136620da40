/**
 * Mentions: guide pages → the API things their prose names (`GET /ocpp/chargers`, `status_url`,
 * `422`, `X-Organization-Id`), checked against the contract. Pure: page text and the contract
 * document in, mentions and problem lines out.
 */
import type { InlineCode, Text } from 'mdast';
import { visit } from 'unist-util-visit';
import { parsePage } from '../snippets/extract.ts';

export type MentionKind = 'operation' | 'path' | 'field' | 'status' | 'header';

export interface Mention {
  /** `docs/quickstart.mdx` */
  page: string;
  line: number;
  kind: MentionKind;
  /** As the reader sees it: `GET /ocpp/chargers/{charger_id}/logs`, `status_url`, `422`. */
  text: string;
}

const METHODS = 'GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS';
// In prose and at the start of inline code: `POST /ocpp/locations/{location_id}/chargers`.
const operationPattern = new RegExp(`\\b(${METHODS}) (/[\\w\\-./{}]*)`, 'g');
const pathPattern = /^\/[\w\-./{}]+$/;
// snake_case, at least one underscore: single words (`code`, `failed`, `ac`) are as often values
// or plain English as fields.
const fieldPattern = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$/;
// `error.code`, `results.failed`: every segment is a field. `quickstart.ts` is a file.
const fieldPathPattern = /^[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)+$/;
const fileNamePattern = /\.(?:ts|js|mjs|py|json|sh|md|mdx|txt|ya?ml)$/;
// `422` or `202 Accepted`. Bare numbers in prose are limits and durations as often as statuses,
// so only `HTTP 404` and `status 404` count there.
const statusCodePattern = /^([1-5]\d\d)(?: [A-Z][A-Za-z -]*)?$/;
const statusProsePattern = /\b(?:HTTP|status) ([1-5]\d\d)\b/g;
const headerPattern = /^(?:X-[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*|[A-Z][a-z]+(?:-[A-Z][a-z]+)+|Authorization)$/;

/** A path as the contract would template it, parameter names dropped: `/a/{id}/b` → `/a/{}/b`. */
export function normalizePath(path: string): string {
  const bare = path.split(/[?#]/)[0] ?? path;
  const trimmed = bare.replace(/[.,;:]+$/, '');
  return trimmed.replace(/\{[^}]*\}/g, '{}');
}

/** Every mention of the API in a page's prose and inline code (code blocks are the snippet tests' job). */
export function collectMentions(source: { page: string; markdown: string }): Mention[] {
  const tree = parsePage(source);
  const mentions: Mention[] = [];
  const add = (node: Text | InlineCode, kind: MentionKind, text: string) =>
    mentions.push({ page: source.page, line: node.position?.start.line ?? 0, kind, text });

  const prose = (node: Text) => {
    for (const match of node.value.matchAll(operationPattern))
      add(node, 'operation', `${match[1]} ${match[2]?.replace(/[.,;:]+$/, '')}`);
    for (const match of node.value.matchAll(statusProsePattern)) add(node, 'status', match[1] ?? '');
  };
  const inline = (node: InlineCode) => {
    const code = node.value.trim();
    const operation = new RegExp(`^(${METHODS}) (/\\S*)`).exec(code);
    const status = statusCodePattern.exec(code);
    if (operation) add(node, 'operation', `${operation[1]} ${operation[2]}`);
    else if (pathPattern.test(code)) add(node, 'path', code);
    else if (fieldPattern.test(code) || (fieldPathPattern.test(code) && !fileNamePattern.test(code)))
      add(node, 'field', code);
    else if (status) add(node, 'status', status[1] ?? '');
    else if (headerPattern.test(code)) add(node, 'header', code);
  };
  // Text in MDX expressions and JSX attributes is not prose; fenced code is the snippet tests' job.
  visit(tree, (node) => {
    if (node.type === 'text') prose(node);
    else if (node.type === 'inlineCode') inline(node);
  });
  return mentions;
}

/** What the contract declares, in the shape the mentions are compared with. */
export interface Vocabulary {
  /** `GET /ocpp/chargers/{}/logs` */
  operations: Set<string>;
  /** `/ocpp/chargers/{}/logs` */
  paths: Set<string>;
  /** First segments of the contract's paths (`ocpp`, `ocpi`, `health`): other paths are the site's. */
  roots: Set<string>;
  /** Property and parameter names. */
  fields: Set<string>;
  /** `error.code`: a property and one of the properties of its schema, for dotted mentions. */
  fieldPairs: Set<string>;
  /**
   * Enum and const values, webhook names and the inline code of descriptions: inline code may
   * name a value (`charger_offline`) rather than a field.
   */
  values: Set<string>;
  statuses: Set<string>;
  /** Lowercased: parameters `in: header`, response headers, and `Authorization` for HTTP auth. */
  headers: Set<string>;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isObject(value: Json | undefined): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Walks every object of the document once, wherever it sits (paths, components, webhooks). */
function eachObject(
  value: Json,
  visitor: (object: { [key: string]: Json }, key: string | undefined) => void,
) {
  const walk = (node: Json, key: string | undefined) => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item, key);
    } else if (isObject(node)) {
      visitor(node, key);
      for (const [child, item] of Object.entries(node)) walk(item, child);
    }
  };
  walk(value, undefined);
}

/**
 * The property names a schema offers one level down, through `$ref`s, compositions and array
 * items, and those a free-form object's description names: `failed` (an array of objects with
 * `code`) and `results` (documented as holding `created` and `failed`) let a reader write
 * `failed.code` and `results.failed`.
 */
function memberNames(document: { [key: string]: Json }): (schema: Json) => Set<string> {
  const resolve = (schema: Json): Json => {
    if (!isObject(schema) || typeof schema.$ref !== 'string') return schema;
    let target: Json = document;
    for (const part of schema.$ref.replace(/^#\//, '').split('/'))
      target = isObject(target) ? (target[part.replaceAll('~1', '/').replaceAll('~0', '~')] ?? null) : null;
    return target;
  };
  return (start) => {
    const names = new Set<string>();
    const seen = new Set<Json>();
    const walk = (schema: Json) => {
      const resolved = resolve(schema);
      if (!isObject(resolved) || seen.has(resolved)) return;
      seen.add(resolved);
      if (isObject(resolved.properties)) for (const name of Object.keys(resolved.properties)) names.add(name);
      // A free-form object documents its members in words: "`created` lists what was made and `failed` …".
      if (typeof resolved.description === 'string')
        for (const match of resolved.description.matchAll(/`([a-z][a-z0-9_]*)`/g)) names.add(match[1] ?? '');
      for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
        const variants = resolved[key];
        if (Array.isArray(variants)) for (const variant of variants) walk(variant);
      }
      if (resolved.items !== undefined) walk(resolved.items);
      if (isObject(resolved.additionalProperties)) walk(resolved.additionalProperties);
    };
    walk(start);
    return names;
  };
}

export function contractVocabulary(document: Json): Vocabulary {
  const vocabulary: Vocabulary = {
    operations: new Set(),
    paths: new Set(),
    roots: new Set(),
    fields: new Set(),
    fieldPairs: new Set(),
    values: new Set(),
    statuses: new Set(),
    headers: new Set(),
  };
  if (!isObject(document)) return vocabulary;
  const paths = isObject(document.paths) ? document.paths : {};
  for (const [path, item] of Object.entries(paths)) {
    const normalized = normalizePath(path);
    vocabulary.paths.add(normalized);
    vocabulary.roots.add(path.split('/')[1] ?? '');
    if (!isObject(item)) continue;
    for (const [method, operation] of Object.entries(item)) {
      if (!isObject(operation) || !new RegExp(`^(${METHODS})$`, 'i').test(method)) continue;
      vocabulary.operations.add(`${method.toUpperCase()} ${normalized}`);
      if (isObject(operation.responses))
        for (const status of Object.keys(operation.responses)) vocabulary.statuses.add(status);
    }
  }
  if (isObject(document.webhooks))
    for (const name of Object.keys(document.webhooks)) vocabulary.values.add(name);
  const members = memberNames(document);
  eachObject(document, (object, key) => {
    if (isObject(object.properties))
      for (const [name, schema] of Object.entries(object.properties)) {
        vocabulary.fields.add(name);
        for (const member of members(schema)) vocabulary.fieldPairs.add(`${name}.${member}`);
      }
    if (Array.isArray(object.required))
      for (const name of object.required) if (typeof name === 'string') vocabulary.fields.add(name);
    if (typeof object.name === 'string' && typeof object.in === 'string') {
      vocabulary.fields.add(object.name);
      if (object.in === 'header') vocabulary.headers.add(object.name.toLowerCase());
    }
    if (key === 'headers') for (const name of Object.keys(object)) vocabulary.headers.add(name.toLowerCase());
    if (object.type === 'http') vocabulary.headers.add('authorization');
    if (Array.isArray(object.enum))
      for (const value of object.enum) if (typeof value === 'string') vocabulary.values.add(value);
    if (typeof object.const === 'string') vocabulary.values.add(object.const);
    // Values a description gives as examples: "Machine-readable reason, for example `charger_offline`."
    if (typeof object.description === 'string')
      for (const match of object.description.matchAll(/`([^`]+)`/g)) vocabulary.values.add(match[1] ?? '');
  });
  return vocabulary;
}

/** Mentions the guides may make although the contract does not declare them, each with its reason. */
export interface Allowed {
  statuses: ReadonlyMap<string, string>;
  headers: ReadonlyMap<string, string>;
}

/** `a.b.c` → `a.b`, `b.c` */
function dottedPairs(text: string): string[] {
  const parts = text.split('.');
  return parts.slice(1).map((part, index) => `${parts[index]}.${part}`);
}

function known(mention: Mention, vocabulary: Vocabulary, allowed: Allowed): boolean {
  switch (mention.kind) {
    case 'operation': {
      const [method = '', path = ''] = mention.text.split(' ');
      return vocabulary.operations.has(`${method} ${normalizePath(path)}`);
    }
    case 'path': {
      const path = normalizePath(mention.text);
      // `/ocpp/commands/` names the family of paths under it.
      if (path.endsWith('/')) return [...vocabulary.paths].some((candidate) => candidate.startsWith(path));
      return vocabulary.paths.has(path);
    }
    case 'field':
      return (
        vocabulary.fields.has(mention.text) ||
        vocabulary.values.has(mention.text) ||
        (mention.text.includes('.') &&
          dottedPairs(mention.text).every((pair) => vocabulary.fieldPairs.has(pair)))
      );
    case 'status':
      return vocabulary.statuses.has(mention.text) || allowed.statuses.has(mention.text);
    case 'header':
      return vocabulary.headers.has(mention.text.toLowerCase()) || allowed.headers.has(mention.text);
  }
}

/** Whether a mention is about the API at all: a bare path outside the contract's roots is a page of the site. */
function aboutTheApi(mention: Mention, vocabulary: Vocabulary): boolean {
  return mention.kind !== 'path' || vocabulary.roots.has(mention.text.split('/')[1] ?? '');
}

/** `docs/quickstart.mdx:42: GET /ocpp/nope is not in the contract`, one line per unknown mention. */
export function checkMentions(
  mentions: readonly Mention[],
  vocabulary: Vocabulary,
  allowed: Allowed,
): string[] {
  return mentions
    .filter((mention) => aboutTheApi(mention, vocabulary) && !known(mention, vocabulary, allowed))
    .map((mention) => `${mention.page}:${mention.line}: ${mention.text} is not in the contract`);
}

/**
 * What the guides name that no operation of the contract declares, and why they may: the
 * statuses come from the proxies and the rate limiter in front of the API (Making requests and
 * Support tell readers to retry them), the headers from HTTP itself.
 */
export const OUTSIDE_THE_CONTRACT: Allowed = {
  statuses: new Map([
    ['408', 'Request Timeout from a proxy in front of the API: retried'],
    ['429', 'Too Many Requests from the rate limiter, with Retry-After: retried'],
    ['502', 'Bad Gateway from a proxy: retried with backoff'],
    ['503', 'Service Unavailable from a proxy or during a deploy: retried with backoff'],
    ['504', 'Gateway Timeout from a proxy on a slow call: retried with backoff'],
  ]),
  headers: new Map([
    ['Retry-After', 'sent with 429 by the rate limiter, which the contract does not describe'],
    ['Content-Type', 'HTTP itself: every JSON body is sent as application/json'],
    ['Accept', 'HTTP itself'],
  ]),
};
