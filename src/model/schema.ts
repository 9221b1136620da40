// Raw schema → display node. This module is the entry point and the dispatcher: it follows
// `$ref`s (cycles, depth) and hands each other kind of schema to its own module, `allOf` to
// schema-allof.ts, `oneOf`/`anyOf` to schema-alternatives.ts, the rest to schema-plain.ts.
// Code outside the schema modules imports from here only.
import { asArray, isObject, type JsonObject } from './json.ts';
import { escapePointerToken } from './pointer.ts';
import { componentSchemaName, type Resolver } from './resolver.ts';
import { convertAllOf } from './schema-allof.ts';
import { convertAlternatives } from './schema-alternatives.ts';
import { convertPlain } from './schema-plain.ts';
import { annotate, emptyNode, type SchemaOptions, type Walk } from './schema-walk.ts';
import type { SchemaNode } from './types.ts';

export { emptyNode, type SchemaOptions };

/**
 * Turns a raw schema (possibly a `$ref`) into a display node. A bare `$ref` to a component
 * is converted once per document and direction: operations share their error and list
 * schemas, so the nodes are shared too (they are read-only data).
 */
export function schemaNode(raw: unknown, options: SchemaOptions, at: string): SchemaNode {
  if (isObject(raw) && typeof raw.$ref === 'string' && Object.keys(raw).length === 1) {
    const name = componentSchemaName(raw.$ref);
    if (name !== undefined) return componentNode(name, options, at);
  }
  return convert(raw, start(options, at));
}

const expansions = new WeakMap<Resolver, Map<string, SchemaNode>>();

/**
 * Expands component schemas by name for one direction, memoised per document: what the
 * example generator follows when a required field links to a recursive or truncated schema.
 */
export function componentExpander(options: SchemaOptions): (name: string) => SchemaNode | undefined {
  return (name) => componentNode(name, options, `#/components/schemas/${name}`);
}

function componentNode(name: string, options: SchemaOptions, at: string): SchemaNode {
  let cache = expansions.get(options.resolver);
  if (cache === undefined) {
    cache = new Map();
    expansions.set(options.resolver, cache);
  }
  const key = `${options.direction}|${options.maxDepth}|${name}`;
  const known = cache.get(key);
  if (known !== undefined) return known;
  const ref = `#/components/schemas/${escapePointerToken(name)}`;
  const node = convert({ $ref: ref }, start(options, at));
  cache.set(key, node);
  return node;
}

/** The walk at the top of a conversion: nothing expanded above it yet. */
function start(options: SchemaOptions, at: string): Walk {
  return { options, stack: [], depth: 0, at, convert };
}

function convert(raw: unknown, walk: Walk): SchemaNode {
  if (raw === true || raw === undefined) return emptyNode('any');
  if (raw === false) return emptyNode('never');
  if (!isObject(raw)) return emptyNode('any');

  if (typeof raw.$ref === 'string') return convertRef(raw, raw.$ref, walk);

  const allOf = asArray(raw.allOf);
  if (allOf.length > 0) return convertAllOf(raw, allOf, walk);

  const alternatives =
    asArray(raw.oneOf).length > 0 ? 'oneOf' : asArray(raw.anyOf).length > 0 ? 'anyOf' : undefined;
  if (alternatives) return convertAlternatives(raw, alternatives, walk);

  return convertPlain(raw, walk);
}

/** A `$ref`, with 3.1 sibling keywords (description, deprecated…) laid over the target. */
function convertRef(raw: JsonObject, ref: string, walk: Walk): SchemaNode {
  const name = componentSchemaName(ref);
  const { $ref: _ref, ...siblings } = raw;
  if (name !== undefined && walk.stack.includes(name)) {
    return annotate({ ...emptyNode('object'), ref: name, recursive: true }, siblings);
  }
  const target = walk.options.resolver.lookup(ref, walk.at);
  if (name !== undefined && walk.depth >= walk.options.maxDepth && isComposite(target)) {
    return annotate({ ...emptyNode('object'), ref: name, truncated: true }, siblings);
  }
  const inner = convert(target, {
    ...walk,
    stack: name === undefined ? walk.stack : [...walk.stack, name],
  });
  const node = name === undefined ? inner : { ...inner, ref: name };
  return annotate(node, siblings);
}

/** Whether expanding the schema adds nested rows (enums and scalars are cheap to show inline). */
function isComposite(raw: unknown): boolean {
  return (
    isObject(raw) &&
    ['properties', 'items', 'allOf', 'oneOf', 'anyOf', 'additionalProperties'].some((key) => key in raw)
  );
}
