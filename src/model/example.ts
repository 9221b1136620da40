import RandExp from 'randexp';
import { conforms, constraintValue, discriminatorValues } from './conform.ts';
import type { SchemaNode } from './types.ts';

export interface ExampleOptions {
  /**
   * Expands a component schema by name: lets a required recursive or depth-truncated
   * field get a real value instead of an empty one. Without it such fields are left out
   * (optional) or filled with the emptiest value of their type (required).
   */
  expand?: (ref: string) => SchemaNode | undefined;
}

/**
 * Builds an example value from a schema node when the contract gives none.
 * Deterministic (same schema, same value) and valid against the schema: enums, consts,
 * formats, patterns, lengths, bounds, discriminators and `oneOf` exclusivity are honoured,
 * and values the contract itself offers (`example`, `default`) are used only when they
 * satisfy the schema. Tests check every generated example with Ajv.
 */
export function exampleFor(node: SchemaNode, options: ExampleOptions = {}): unknown {
  return generate(node, { expand: options.expand, depth: 0, expanding: [] });
}

interface Gen {
  expand: ExampleOptions['expand'];
  depth: number;
  /** Component schemas expanded above this value: bounds recursion. */
  expanding: readonly string[];
}

const MAX_DEPTH = 12;
/** How often one recursive schema may be expanded inside itself for a required field. */
const MAX_SELF_EXPANSIONS = 2;

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
  'iri-reference': '/resource',
  'uri-template': 'https://example.com/{id}',
  url: 'https://example.com/resource',
  uuid: '3f2b8c1e-7d4a-4e5b-9c6d-1a2b3c4d5e6f',
  byte: 'b2NwcGxhYg==',
  binary: 'ocpplab',
  password: 'correct-horse-battery',
  regex: '^[a-z]+$',
  'json-pointer': '/data/0',
  'relative-json-pointer': '0/data',
};

function child(gen: Gen): Gen {
  return { ...gen, depth: gen.depth + 1 };
}

function generate(node: SchemaNode, gen: Gen): unknown {
  if (node.const !== undefined) return node.const.value;
  const declared = declaredValue(node);
  if (declared.found) return declared.value;
  if (node.enum !== undefined && node.enum.length > 0) return node.enum[0];
  if (node.recursive || node.truncated) return expandLink(node, gen);
  if (gen.depth > MAX_DEPTH) return emptyOf(node);
  if (node.variants !== undefined && node.variants.options.length > 0) return variantExample(node, gen);
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
    case 'never':
      return null;
    case 'array':
      return arrayFor(node, gen);
    case 'object':
    case 'map':
      return objectFor(node, gen);
    default:
      if (node.properties !== undefined) return objectFor(node, gen);
      return node.nullable ? null : 'value';
  }
}

/** The contract's own `example`/`examples`, enum values and `default`, if one satisfies the schema. */
function declaredValue(node: SchemaNode): { found: boolean; value?: unknown } {
  const candidates = [...node.examples, ...(node.enum ?? [])];
  if (node.default !== undefined) candidates.push(node.default.value);
  for (const value of candidates) if (conforms(value, node)) return { found: true, value };
  return { found: false };
}

/** A node that links to its schema instead of expanding it: `null` when allowed, else the expansion. */
function expandLink(node: SchemaNode, gen: Gen): unknown {
  if (node.nullable) return null;
  const ref = node.ref;
  const uses = gen.expanding.filter((name) => name === ref).length;
  if (ref === undefined || gen.expand === undefined || uses >= MAX_SELF_EXPANSIONS || gen.depth > MAX_DEPTH) {
    return emptyOf(node);
  }
  const expanded = gen.expand(ref);
  if (expanded === undefined) return emptyOf(node);
  return generate(expanded, { ...gen, depth: gen.depth + 1, expanding: [...gen.expanding, ref] });
}

/** Whether filling the field would walk into a recursive or depth-truncated schema. */
function leadsToLink(node: SchemaNode): boolean {
  if (node.recursive || node.truncated) return true;
  if (node.items !== undefined && leadsToLink(node.items)) return true;
  return typeof node.additionalProperties === 'object' && leadsToLink(node.additionalProperties);
}

/**
 * The first option whose example satisfies the whole node (for `oneOf`: exactly one option),
 * with the discriminating property set to the value that selects the option.
 */
function variantExample(node: SchemaNode, gen: Gen): unknown {
  const variants = node.variants;
  if (variants === undefined) return null;
  const candidates: unknown[] = [];
  for (const option of variants.options) {
    let value = generate(option.schema, child(gen));
    // Without one of its own, an option's discriminator inherited through `allOf` (`Cat: allOf [Pet]`).
    const discriminator = variants.discriminator ?? option.schema.discriminator;
    if (discriminator !== undefined && isPlainObject(value)) {
      const values = discriminatorValues(discriminator, option);
      const current = value[discriminator.propertyName];
      if (values.length > 0 && !(typeof current === 'string' && values.includes(current))) {
        const chosen = values.find((candidate) =>
          conforms(
            { ...(value as Record<string, unknown>), [discriminator.propertyName]: candidate },
            option.schema,
          ),
        );
        if (chosen !== undefined) value = { ...value, [discriminator.propertyName]: chosen };
      }
    }
    const merged = mergeShared(node, value, gen);
    if (conforms(merged, node)) return merged;
    candidates.push(merged);
  }
  return candidates[0] ?? null;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Properties declared beside `oneOf`/`anyOf` apply to every variant. */
function mergeShared(node: SchemaNode, value: unknown, gen: Gen): unknown {
  if (node.properties === undefined || !isPlainObject(value)) return value;
  const { variants: _variants, ...plain } = node;
  return { ...objectFor(plain, gen), ...value };
}

function emptyOf(node: SchemaNode): unknown {
  if (node.nullable) return null;
  const type = node.type.split(' | ')[0];
  if (type === 'array') return [];
  if (type === 'string') return '';
  if (type === 'integer' || type === 'number') return 0;
  if (type === 'boolean') return false;
  return {};
}

function stringFor(node: SchemaNode): string {
  const pattern = constraintValue(node, 'pattern');
  const minLength = numeric(constraintValue(node, 'minLength')) ?? 0;
  const maxLength = numeric(constraintValue(node, 'maxLength'));
  const candidates: string[] = [];
  const formatExample = node.format === undefined ? undefined : FORMAT_EXAMPLES[node.format];
  if (formatExample !== undefined) candidates.push(formatExample);
  if (typeof pattern === 'string') candidates.push(...fromPattern(pattern, minLength, maxLength));
  candidates.push(fitLength('string', minLength, maxLength));
  if (formatExample !== undefined) candidates.push(fitLength(formatExample, minLength, maxLength));
  return candidates.find((value) => conforms(value, node)) ?? candidates[0] ?? 'string';
}

function numeric(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

function fitLength(value: string, minLength: number, maxLength: number | undefined): string {
  const long = value.length < minLength ? value.padEnd(minLength, 'x') : value;
  return maxLength !== undefined && long.length > maxLength ? long.slice(0, maxLength) : long;
}

/** Deterministic strings matching the pattern: randexp driven by a fixed-seed generator. */
function fromPattern(pattern: string, minLength: number, maxLength: number | undefined): string[] {
  let generator: RandExp;
  try {
    generator = new RandExp(pattern);
  } catch {
    return [];
  }
  generator.max = Math.max(4, Math.min(maxLength ?? 8, 8));
  // Printable ASCII only, so examples read well and survive any quoting.
  generator.defaultRange.subtract(0, 31);
  generator.defaultRange.subtract(127, 65535);
  let seed = 42;
  generator.randInt = (from: number, to: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return from + (seed % (to - from + 1));
  };
  const out: string[] = [];
  for (let attempt = 0; attempt < 20; attempt++) {
    const value = generator.gen();
    if (value.length >= minLength && (maxLength === undefined || value.length <= maxLength)) out.push(value);
    if (out.length >= 3) break;
  }
  return out;
}

function numberFor(node: SchemaNode, integer: boolean): number {
  const minimum = numeric(constraintValue(node, 'minimum'));
  const exclusiveMinimum = numeric(constraintValue(node, 'exclusiveMinimum'));
  const maximum = numeric(constraintValue(node, 'maximum'));
  const exclusiveMaximum = numeric(constraintValue(node, 'exclusiveMaximum'));
  const multipleOf = numeric(constraintValue(node, 'multipleOf'));
  const step = multipleOf !== undefined && multipleOf > 0 ? multipleOf : integer ? 1 : 0.5;
  let high = maximum;
  if (exclusiveMaximum !== undefined && (high === undefined || exclusiveMaximum <= high)) {
    high = exclusiveMaximum - (integer && multipleOf === undefined ? 1 : Math.min(step, 1) / 2);
  }
  let low = minimum;
  if (exclusiveMinimum !== undefined && (low === undefined || exclusiveMinimum >= low)) {
    // A whole step above the bound reads best (`> 0` → 1); a half step when the range is narrower.
    const whole = exclusiveMinimum + (multipleOf === undefined ? 1 : step);
    low = high === undefined || whole <= high ? whole : exclusiveMinimum + Math.min(step, 1) / 2;
  }
  if (low === undefined) low = high !== undefined ? Math.min(1, high) : 1;
  let value = integer ? Math.ceil(low) : low;
  if (multipleOf !== undefined && multipleOf > 0) {
    // Whole multiples, rounded to the step's decimals: 0.1 * 3 must print as 0.3.
    const decimals = (String(multipleOf).split('.')[1] ?? '').length;
    value = Number((Math.ceil(value / multipleOf - 1e-9) * multipleOf).toFixed(decimals));
    if (integer && !Number.isInteger(value)) value = Math.ceil(value);
  }
  return value;
}

function arrayFor(node: SchemaNode, gen: Gen): unknown[] {
  const minItems = numeric(constraintValue(node, 'minItems')) ?? 0;
  const maxItems = numeric(constraintValue(node, 'maxItems'));
  const prefix = (node.prefixItems ?? []).map((item) => generate(item, child(gen)));
  if (node.items === undefined) return prefix;
  const itemsLink = leadsToLink(node.items);
  // One item reads better than none, unless the item would recurse or the array must be short.
  const wanted = Math.max(minItems, prefix.length > 0 || itemsLink ? 0 : 1);
  const count = maxItems === undefined ? wanted : Math.min(wanted, maxItems);
  const out = [...prefix];
  if (out.length >= count) return out;
  const unique = node.constraints.some((c) => c.keyword === 'uniqueItems' && c.value === true);
  const pool = unique && node.items.enum !== undefined ? node.items.enum : [];
  const first = generate(node.items, child(gen));
  for (let index = 0; out.length < count; index++) {
    let item = pool.length > 0 ? pool[index % pool.length] : first;
    if (unique && pool.length === 0) {
      // Distinct items for uniqueItems: vary strings and numbers by position.
      if (typeof first === 'number') item = first + index * numberStep(node.items);
      else if (typeof first === 'string') item = index === 0 ? first : `${first}${index}`;
    }
    out.push(item);
  }
  return out;
}

function numberStep(node: SchemaNode): number {
  const multipleOf = numeric(constraintValue(node, 'multipleOf'));
  return multipleOf !== undefined && multipleOf > 0 ? multipleOf : 1;
}

function objectFor(node: SchemaNode, gen: Gen): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of node.properties ?? []) {
    if (!field.required && (field.schema.deprecated || leadsToLink(field.schema))) continue;
    const value = generate(field.schema, child(gen));
    // An optional field the generator cannot satisfy (an impossible pattern…) is better left out.
    if (!field.required && !conforms(value, field.schema)) continue;
    out[field.name] = value;
  }
  const extra = node.additionalProperties;
  const extraValue = () => (extra === undefined || extra === true ? 'value' : generate(extra, child(gen)));
  if (node.properties === undefined && extra !== undefined) out.key = extraValue();
  const minProperties = numeric(constraintValue(node, 'minProperties')) ?? 0;
  for (let n = Object.keys(out).length; n < minProperties; n++) out[`key${n}`] = extraValue();
  return out;
}
