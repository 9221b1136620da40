import RandExp from 'randexp';
import type { Constraint, SchemaNode } from './types.ts';

/**
 * Builds an example value from a schema node when the contract gives none.
 * Deterministic (same schema, same value) and valid against the schema:
 * enums, consts, formats, patterns, lengths and bounds are all honoured.
 * Tests check every generated example with Ajv.
 */
export function exampleFor(node: SchemaNode): unknown {
  return generate(node, 0);
}

const MAX_DEPTH = 12;

const FORMAT_EXAMPLES: Readonly<Record<string, string>> = {
  'date-time': '2026-01-15T09:30:00Z',
  date: '2026-01-15',
  time: '09:30:00Z',
  duration: 'PT15M',
  email: 'ops@example.com',
  'idn-email': 'ops@example.com',
  hostname: 'csms.example.com',
  'idn-hostname': 'csms.example.com',
  ipv4: '192.0.2.10',
  ipv6: '2001:db8::10',
  uri: 'https://example.com/resource',
  'uri-reference': '/resource',
  iri: 'https://example.com/resource',
  url: 'https://example.com/resource',
  uuid: '3f2b8c1e-7d4a-4e5b-9c6d-1a2b3c4d5e6f',
  byte: 'b2NwcGxhYg==',
  binary: 'ocpplab',
  password: 'correct-horse-battery',
  regex: '^[a-z]+$',
  'json-pointer': '/data/0',
};

function constraint(node: SchemaNode, keyword: Constraint['keyword']): number | undefined {
  const found = node.constraints.find((c) => c.keyword === keyword);
  return typeof found?.value === 'number' ? found.value : undefined;
}

function generate(node: SchemaNode, depth: number): unknown {
  if (node.examples.length > 0) return node.examples[0];
  if (node.const !== undefined) return node.const.value;
  if (node.enum !== undefined && node.enum.length > 0) return node.enum[0];
  if (node.default !== undefined && node.default.value !== null) return node.default.value;
  if (node.recursive || node.truncated || depth > MAX_DEPTH) return node.nullable ? null : emptyOf(node);
  if (node.variants !== undefined && node.variants.options.length > 0) {
    const first = node.variants.options[0];
    if (first === undefined) return null;
    const value = generate(first.schema, depth + 1);
    return mergeShared(node, value, depth);
  }
  switch (node.type.split(' | ')[0]) {
    case 'string':
      return stringFor(node);
    case 'integer':
      return numberFor(node, true);
    case 'number':
      return numberFor(node, false);
    case 'boolean':
      return true;
    case 'null':
      return null;
    case 'array':
      return arrayFor(node, depth);
    case 'object':
    case 'map':
      return objectFor(node, depth);
    default:
      if (node.properties !== undefined) return objectFor(node, depth);
      return node.nullable ? null : 'value';
  }
}

/** Properties declared beside `oneOf`/`anyOf` apply to every variant. */
function mergeShared(node: SchemaNode, value: unknown, depth: number): unknown {
  if (node.properties === undefined || typeof value !== 'object' || value === null || Array.isArray(value))
    return value;
  const { variants: _variants, ...plain } = node;
  const shared = objectFor(plain, depth);
  return typeof shared === 'object' && shared !== null ? { ...shared, ...value } : value;
}

function emptyOf(node: SchemaNode): unknown {
  if (node.type === 'array') return [];
  if (node.type === 'string') return '';
  return {};
}

function stringFor(node: SchemaNode): string {
  const pattern = node.constraints.find((c) => c.keyword === 'pattern');
  const minLength = constraint(node, 'minLength') ?? 0;
  const maxLength = constraint(node, 'maxLength');
  let value: string;
  if (typeof pattern?.value === 'string') {
    value = fromPattern(pattern.value, minLength, maxLength);
  } else if (node.format !== undefined && FORMAT_EXAMPLES[node.format] !== undefined) {
    value = FORMAT_EXAMPLES[node.format] ?? 'string';
  } else {
    value = 'string';
  }
  if (value.length < minLength) value = value.padEnd(minLength, 'x');
  if (maxLength !== undefined && value.length > maxLength) value = value.slice(0, maxLength);
  return value;
}

/** A deterministic string matching the pattern: randexp driven by a fixed-seed generator. */
function fromPattern(pattern: string, minLength: number, maxLength: number | undefined): string {
  const generator = new RandExp(pattern);
  generator.max = Math.max(4, Math.min(maxLength ?? 8, 8));
  // Printable ASCII only, so examples read well and survive any quoting.
  generator.defaultRange.subtract(0, 31);
  generator.defaultRange.subtract(127, 65535);
  let seed = 42;
  generator.randInt = (from: number, to: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return from + (seed % (to - from + 1));
  };
  for (let attempt = 0; attempt < 20; attempt++) {
    const value = generator.gen();
    if (value.length >= minLength && (maxLength === undefined || value.length <= maxLength)) return value;
  }
  return generator.gen();
}

function numberFor(node: SchemaNode, integer: boolean): number {
  const minimum = constraint(node, 'minimum');
  const exclusiveMinimum = constraint(node, 'exclusiveMinimum');
  const maximum = constraint(node, 'maximum');
  const exclusiveMaximum = constraint(node, 'exclusiveMaximum');
  const multipleOf = constraint(node, 'multipleOf');
  let low = minimum ?? (exclusiveMinimum !== undefined ? exclusiveMinimum + (integer ? 1 : 0.5) : undefined);
  const high =
    maximum ?? (exclusiveMaximum !== undefined ? exclusiveMaximum - (integer ? 1 : 0.5) : undefined);
  if (low === undefined) low = high !== undefined ? Math.min(1, high) : 1;
  let value = integer ? Math.ceil(low) : low;
  if (multipleOf !== undefined && multipleOf > 0) value = Math.ceil(value / multipleOf) * multipleOf;
  return value;
}

function arrayFor(node: SchemaNode, depth: number): unknown[] {
  if (node.items === undefined) return [];
  const minItems = constraint(node, 'minItems') ?? 1;
  const count = Math.max(1, minItems);
  const item = generate(node.items, depth + 1);
  const unique = node.constraints.some((c) => c.keyword === 'uniqueItems');
  if (count > 1 && unique) {
    // Distinct items for uniqueItems: vary strings and numbers by position.
    return Array.from({ length: count }, (_, index) =>
      typeof item === 'number' ? item + index : typeof item === 'string' ? `${item}${index}` : item,
    );
  }
  return Array.from({ length: count }, () => item);
}

function objectFor(node: SchemaNode, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of node.properties ?? []) {
    if (!field.required && (field.schema.recursive || field.schema.truncated || field.schema.deprecated))
      continue;
    out[field.name] = generate(field.schema, depth + 1);
  }
  const minProperties = constraint(node, 'minProperties') ?? 0;
  if (node.properties === undefined && node.additionalProperties !== undefined) {
    const value =
      node.additionalProperties === true ? 'value' : generate(node.additionalProperties, depth + 1);
    out.key = value;
  }
  for (let n = Object.keys(out).length; n < minProperties; n++) out[`key${n}`] = 'value';
  return out;
}
