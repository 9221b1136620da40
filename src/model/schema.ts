import { asArray, asNumber, asObject, asString, asStringArray, isObject, type JsonObject } from './json.ts';
import { escapePointerToken } from './pointer.ts';
import { componentSchemaName, type Resolver } from './resolver.ts';
import type {
  Constraint,
  Discriminator,
  Field,
  SchemaContext,
  SchemaNode,
  Variant,
  Variants,
} from './types.ts';

export interface SchemaOptions {
  resolver: Resolver;
  direction: SchemaContext;
  /** Nesting depth after which a named schema is linked instead of expanded (keeps pages bounded). */
  maxDepth: number;
}

interface Walk {
  options: SchemaOptions;
  /** Component schemas being expanded above this node: the cycle detector. */
  stack: readonly string[];
  depth: number;
  /** Where we are, for error messages. */
  at: string;
}

const CONSTRAINT_KEYWORDS: readonly Constraint['keyword'][] = [
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minLength',
  'maxLength',
  'pattern',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minProperties',
  'maxProperties',
];

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
  return convert(raw, { options, stack: [], depth: 0, at });
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
  const node = convert({ $ref: ref }, { options, stack: [], depth: 0, at });
  cache.set(key, node);
  return node;
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

/** Applies annotation keywords that may sit beside a `$ref` or around an `allOf`. */
function annotate(node: SchemaNode, raw: JsonObject): SchemaNode {
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

/**
 * `allOf` is merged into one object. The common FastAPI/Pydantic shape
 * `{ allOf: [{ $ref }], description }` keeps the referenced name.
 */
function convertAllOf(raw: JsonObject, allOf: unknown[], walk: Walk): SchemaNode {
  const { allOf: _allOf, ...rest } = raw;
  const only = allOf[0];
  if (allOf.length === 1 && isObject(only) && typeof only.$ref === 'string' && !hasStructure(rest)) {
    return annotate(convertRef(only, only.$ref, walk), rest);
  }
  const merged: JsonObject = {};
  const properties: JsonObject = {};
  const required = new Set<string>();
  const names: string[] = [];
  for (const part of [...allOf, rest]) {
    const { value, ref } = walk.options.resolver.deref(part, walk.at);
    const name = ref === undefined ? undefined : componentSchemaName(ref);
    // An ancestor part still contributes its members; the stack turns its self-references into links.
    if (name !== undefined && !names.includes(name)) names.push(name);
    const resolved =
      asArray(value.allOf).length > 0 ? flattenAllOf(value, walk, new Set(name ? [name] : [])) : value;
    for (const [key, member] of Object.entries(asObject(resolved.properties))) {
      // Both parts constrain a property they share: keep both, as `allOf` means.
      properties[key] = key in properties ? { allOf: [properties[key], member] } : member;
    }
    for (const key of asStringArray(resolved.required)) required.add(key);
    for (const [key, member] of Object.entries(resolved)) {
      if (key === 'properties' || key === 'required' || key === 'allOf') continue;
      if (!(key in merged)) merged[key] = member;
    }
  }
  if (Object.keys(properties).length > 0) {
    merged.properties = properties;
    merged.type ??= 'object';
  }
  if (required.size > 0) merged.required = [...required];
  for (const key of ['description', 'title'] as const) if (rest[key] !== undefined) merged[key] = rest[key];
  return convert(merged, { ...walk, stack: [...walk.stack, ...names] });
}

/**
 * Nested `allOf` inside an `allOf` part, merged the same way (properties and required only).
 * `seen` holds the component schemas on the way down, so `A: allOf [B]`, `B: allOf [A]` ends.
 */
function flattenAllOf(schema: JsonObject, walk: Walk, seen: Set<string>): JsonObject {
  const out: JsonObject = { ...schema, properties: { ...asObject(schema.properties) } };
  const required = new Set(asStringArray(schema.required));
  for (const part of asArray(schema.allOf)) {
    const { value, ref } = walk.options.resolver.deref(part, walk.at);
    const name = ref === undefined ? undefined : componentSchemaName(ref);
    if (name !== undefined && seen.has(name)) continue;
    const flat =
      asArray(value.allOf).length > 0
        ? flattenAllOf(value, walk, new Set([...seen, ...(name ? [name] : [])]))
        : value;
    Object.assign(asObject(out.properties), asObject(flat.properties));
    for (const key of asStringArray(flat.required)) required.add(key);
    for (const [key, member] of Object.entries(flat)) if (!(key in out)) out[key] = member;
  }
  delete out.allOf;
  out.required = [...required];
  return out;
}

/** Whether expanding the schema adds nested rows (enums and scalars are cheap to show inline). */
function isComposite(raw: unknown): boolean {
  return (
    isObject(raw) &&
    ['properties', 'items', 'allOf', 'oneOf', 'anyOf', 'additionalProperties'].some((key) => key in raw)
  );
}

function hasStructure(raw: JsonObject): boolean {
  return ['properties', 'items', 'type', 'oneOf', 'anyOf', 'enum', 'const', 'additionalProperties'].some(
    (key) => key in raw,
  );
}

function isNullSchema(value: unknown): boolean {
  return (
    isObject(value) &&
    (value.type === 'null' ||
      (Array.isArray(value.type) && value.type.length === 1 && value.type[0] === 'null') ||
      (value.const === null && Object.keys(value).length === 1) ||
      (Array.isArray(value.enum) && value.enum.length === 1 && value.enum[0] === null))
  );
}

/** `oneOf`/`anyOf`: a lone non-null option plus `null` is just a nullable schema. */
function convertAlternatives(raw: JsonObject, kind: 'oneOf' | 'anyOf', walk: Walk): SchemaNode {
  const options = asArray(raw[kind]);
  const nonNull = options.filter((option) => !isNullSchema(option));
  const hasNull = nonNull.length < options.length;
  const { [kind]: _options, ...rest } = raw;

  if (nonNull.length === 1) {
    const inner = convert(nonNull[0], walk);
    const node = annotate({ ...inner, nullable: inner.nullable || hasNull }, rest);
    return hasStructure(rest) ? mergePlain(node, rest, walk) : node;
  }

  const variantList: Variant[] = nonNull.map((option, index) => {
    const schema = convert(option, { ...walk, depth: walk.depth + 1, at: `${walk.at}/${kind}/${index}` });
    return { name: schema.ref ?? schema.title ?? `Option ${index + 1}`, schema };
  });
  const variants: Variants = { kind, options: variantList };
  const discriminator = asObject(raw.discriminator);
  const propertyName = asString(discriminator.propertyName);
  if (propertyName !== undefined) {
    variants.discriminator = discriminatorOf(discriminator, propertyName, variantList);
  }
  const node: SchemaNode = annotate({ ...emptyNode(kind), nullable: hasNull, variants }, rest);
  return hasStructure(rest) ? mergePlain(node, rest, walk) : node;
}

/**
 * The explicit mapping, then OpenAPI's implicit one (the schema name is the value) for
 * every `$ref` variant, or subtype schema name, the mapping leaves out.
 */
function discriminatorOf(
  raw: JsonObject,
  propertyName: string,
  variants: Variant[],
  subtypes: readonly string[] = [],
): Discriminator {
  const mapping = Object.entries(asObject(raw.mapping)).map(([value, target]) => ({
    value,
    schema: componentSchemaName(String(target)) ?? String(target),
  }));
  const names = [...variants.map((variant) => variant.schema.ref), ...subtypes];
  for (const name of names) {
    if (name !== undefined && !mapping.some((entry) => entry.schema === name)) {
      mapping.push({ value: name, schema: name });
    }
  }
  return { propertyName, mapping };
}

/**
 * For a discriminator declared on the base of an `allOf` hierarchy (`Pet` with `petType`), the
 * component schemas that extend that base, directly or through another subtype (`Cat: allOf
 * [Pet, …]`, `Kitten: allOf [Cat, …]`): each is selected by its own name unless the mapping
 * says otherwise. The base is found by the discriminator object itself: `allOf` merging copies
 * members by reference, so a subtype's merged schema holds its base's very object.
 */
const hierarchies = new WeakMap<Resolver, Map<unknown, string[]>>();

function allOfSubtypes(resolver: Resolver, discriminator: unknown): string[] {
  let known = hierarchies.get(resolver);
  if (known === undefined) {
    known = new Map();
    const schemas = asObject(asObject(resolver.document.components).schemas);
    const children = new Map<string, string[]>();
    for (const [name, schema] of Object.entries(schemas)) {
      for (const part of asArray(asObject(schema).allOf)) {
        const parent =
          isObject(part) && typeof part.$ref === 'string' ? componentSchemaName(part.$ref) : undefined;
        if (parent !== undefined && parent !== name)
          children.set(parent, [...(children.get(parent) ?? []), name]);
      }
    }
    for (const [name, schema] of Object.entries(schemas)) {
      if (!isObject(schema) || !isObject(schema.discriminator)) continue;
      const found: string[] = [];
      const queue = [...(children.get(name) ?? [])];
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
        if (next === name || found.includes(next)) continue;
        found.push(next);
        queue.push(...(children.get(next) ?? []));
      }
      known.set(schema.discriminator, found);
    }
    hierarchies.set(resolver, known);
  }
  return known.get(discriminator) ?? [];
}

/** Keeps object members declared beside `oneOf`/`anyOf` (shared properties of every variant). */
function mergePlain(node: SchemaNode, rest: JsonObject, walk: Walk): SchemaNode {
  const plain = convertPlain(rest, walk);
  const merged: SchemaNode = { ...node, constraints: [...node.constraints, ...plain.constraints] };
  if (plain.properties) merged.properties = [...(node.properties ?? []), ...plain.properties];
  if (plain.enum) merged.enum = plain.enum;
  if (node.type === 'any') merged.type = plain.type;
  return merged;
}

function ownExamples(raw: JsonObject): unknown[] {
  const examples = Array.isArray(raw.examples) ? [...raw.examples] : [];
  if ('example' in raw) examples.unshift(raw.example);
  return examples;
}

function convertPlain(raw: JsonObject, walk: Walk): SchemaNode {
  const types = Array.isArray(raw.type)
    ? asStringArray(raw.type)
    : typeof raw.type === 'string'
      ? [raw.type]
      : [];
  const nonNullTypes = types.filter((type) => type !== 'null');
  const nullable =
    types.includes('null') ||
    raw.nullable === true ||
    (Array.isArray(raw.enum) && raw.enum.includes(null) && types.length === 0);

  const onlyNull = types.length > 0 && nonNullTypes.length === 0;
  const node = annotate(emptyNode(onlyNull ? 'null' : inferType(raw, nonNullTypes)), raw);
  node.nullable = nullable && !onlyNull;
  const format = asString(raw.format);
  if (format !== undefined) node.format = format;
  if ('const' in raw) node.const = { value: raw.const };
  if (Array.isArray(raw.enum)) node.enum = raw.enum.filter((value) => value !== null || !nullable);
  node.constraints.push(...constraintsOf(raw));

  const child: Walk = { ...walk, depth: walk.depth + 1 };
  if (isObject(raw.properties)) {
    const required = new Set(asStringArray(raw.required));
    const fields: Field[] = [];
    for (const [name, member] of Object.entries(raw.properties)) {
      const schema = convert(member, { ...child, at: `${walk.at}/properties/${name}` });
      if (walk.options.direction === 'request' && schema.readOnly) continue;
      if (walk.options.direction === 'response' && schema.writeOnly) continue;
      fields.push({ name, required: required.has(name), schema });
    }
    node.properties = fields;
  }
  if (Array.isArray(raw.prefixItems) && raw.prefixItems.length > 0) {
    node.prefixItems = raw.prefixItems.map((item, index) =>
      convert(item, { ...child, at: `${walk.at}/prefixItems/${index}` }),
    );
  }
  if (raw.items !== undefined && raw.items !== false && !Array.isArray(raw.items)) {
    node.items = convert(raw.items, { ...child, at: `${walk.at}/items` });
  }
  const discriminator = asObject(raw.discriminator);
  const propertyName = asString(discriminator.propertyName);
  if (propertyName !== undefined) {
    const subtypes = allOfSubtypes(walk.options.resolver, raw.discriminator);
    node.discriminator = discriminatorOf(discriminator, propertyName, [], subtypes);
  }
  if (
    raw.additionalProperties === true ||
    (isObject(raw.additionalProperties) && Object.keys(raw.additionalProperties).length === 0)
  ) {
    if (node.properties === undefined) node.additionalProperties = true;
  } else if (isObject(raw.additionalProperties)) {
    node.additionalProperties = convert(raw.additionalProperties, {
      ...child,
      at: `${walk.at}/additionalProperties`,
    });
  }
  if (node.type === 'object' && node.properties === undefined && node.additionalProperties !== undefined) {
    node.type = 'map';
  }
  return node;
}

/**
 * The validation keywords, 2020-12 style. A 3.0 boolean `exclusiveMinimum: true` turns its
 * `minimum` into the exclusive bound (`{ minimum: 18, exclusiveMinimum: true }` → `> 18`).
 */
function constraintsOf(raw: JsonObject): Constraint[] {
  const out: Constraint[] = [];
  const exclusive30 = (bound: 'minimum' | 'maximum') =>
    raw[bound === 'minimum' ? 'exclusiveMinimum' : 'exclusiveMaximum'] === true &&
    typeof raw[bound] === 'number';
  for (const keyword of CONSTRAINT_KEYWORDS) {
    const value = raw[keyword];
    if (keyword === 'exclusiveMinimum' || keyword === 'exclusiveMaximum') {
      const bound = keyword === 'exclusiveMinimum' ? 'minimum' : 'maximum';
      if (typeof value === 'number') out.push({ keyword, value });
      else if (exclusive30(bound)) out.push({ keyword, value: raw[bound] as number });
      continue;
    }
    if ((keyword === 'minimum' || keyword === 'maximum') && exclusive30(keyword)) continue;
    if (typeof value === 'number' || typeof value === 'string' || value === true)
      out.push({ keyword, value });
  }
  return out;
}

function inferType(raw: JsonObject, types: string[]): string {
  if (types.length > 0) return types.join(' | ');
  if (isObject(raw.properties) || raw.additionalProperties !== undefined) return 'object';
  if (raw.items !== undefined || raw.prefixItems !== undefined) return 'array';
  const sample =
    'const' in raw
      ? raw.const
      : Array.isArray(raw.enum)
        ? raw.enum.find((value) => value !== null)
        : undefined;
  if (typeof sample === 'string') return 'string';
  if (typeof sample === 'number') return Number.isInteger(sample) ? 'integer' : 'number';
  if (typeof sample === 'boolean') return 'boolean';
  if (asNumber(raw.minLength) !== undefined || typeof raw.pattern === 'string') return 'string';
  return 'any';
}
