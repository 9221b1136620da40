import { asString, type JsonObject } from './json.ts';
import type { Resolver } from './resolver.ts';
import type { SchemaContext, SchemaNode } from './types.ts';

export interface SchemaOptions {
  resolver: Resolver;
  direction: SchemaContext;
  /** Nesting depth after which a named schema is linked instead of expanded (keeps pages bounded). */
  maxDepth: number;
}

/** Where a conversion is, and what it carries down. */
export interface Walk {
  options: SchemaOptions;
  /** Component schemas being expanded above this node: the cycle detector. */
  stack: readonly string[];
  depth: number;
  /** Where we are, for error messages. */
  at: string;
  /**
   * The dispatcher (`schema.ts`), for a member, an item or a part: the modules of each kind
   * of schema recurse through it without importing it back.
   */
  convert: (raw: unknown, walk: Walk) => SchemaNode;
}

/** A node with nothing but its type: the start of every conversion, and what renderers use for "any value". */
export function emptyNode(type: string): SchemaNode {
  return {
    type,
    nullable: false,
    deprecated: false,
    readOnly: false,
    writeOnly: false,
    constraints: [],
    examples: [],
  };
}

/** Applies annotation keywords that may sit beside a `$ref` or around an `allOf`. */
export function annotate(node: SchemaNode, raw: JsonObject): SchemaNode {
  const out: SchemaNode = { ...node };
  const description = asString(raw.description);
  if (description !== undefined) out.description = description;
  const title = asString(raw.title);
  if (title !== undefined && out.title === undefined) out.title = title;
  if (raw.deprecated === true) out.deprecated = true;
  if (raw.readOnly === true) out.readOnly = true;
  if (raw.writeOnly === true) out.writeOnly = true;
  if (raw.nullable === true) out.nullable = true;
  if ('default' in raw) out.default = { value: raw.default };
  const examples = ownExamples(raw);
  if (examples.length > 0) out.examples = examples;
  return out;
}

function ownExamples(raw: JsonObject): unknown[] {
  const examples = Array.isArray(raw.examples) ? [...raw.examples] : [];
  if ('example' in raw) examples.unshift(raw.example);
  return examples;
}

/** Whether keywords beside an `allOf`, `oneOf` or `anyOf` describe a schema of their own. */
export function hasStructure(raw: JsonObject): boolean {
  return ['properties', 'items', 'type', 'oneOf', 'anyOf', 'enum', 'const', 'additionalProperties'].some(
    (key) => key in raw,
  );
}
