import { asNumber, asObject, asString, asStringArray, isObject, type JsonObject } from './json.ts';
import { discriminatorOf } from './schema-discriminator.ts';
import { allOfSubtypes } from './schema-subtypes.ts';
import { annotate, emptyNode, type Walk } from './schema-walk.ts';
import type { Constraint, Field, SchemaNode } from './types.ts';

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
 * A schema with no `$ref`, `allOf`, `oneOf` or `anyOf` of its own: its type, format, enum,
 * constraints, and its members (properties, items, additional properties) converted in turn.
 */
export function convertPlain(raw: JsonObject, walk: Walk): SchemaNode {
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
      const schema = walk.convert(member, { ...child, at: `${walk.at}/properties/${name}` });
      if (walk.options.direction === 'request' && schema.readOnly) continue;
      if (walk.options.direction === 'response' && schema.writeOnly) continue;
      fields.push({ name, required: required.has(name), schema });
    }
    node.properties = fields;
  }
  if (Array.isArray(raw.prefixItems) && raw.prefixItems.length > 0) {
    node.prefixItems = raw.prefixItems.map((item, index) =>
      walk.convert(item, { ...child, at: `${walk.at}/prefixItems/${index}` }),
    );
  }
  if (raw.items !== undefined && raw.items !== false && !Array.isArray(raw.items)) {
    node.items = walk.convert(raw.items, { ...child, at: `${walk.at}/items` });
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
    node.additionalProperties = walk.convert(raw.additionalProperties, {
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
