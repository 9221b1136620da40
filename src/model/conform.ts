import type { Constraint, Discriminator, SchemaNode, Variant } from './types.ts';

/**
 * Whether a value satisfies a display node: the subset of JSON Schema validation the
 * model keeps (types, nullability, const, enum, constraints, formats with fixed shapes,
 * required members, variants with `oneOf` exclusivity and discriminators).
 * The example generator uses it to vet values the contract offers (a `default` of the
 * wrong type, a pattern that cannot match) and to pick a `oneOf` option that matches
 * alone. Links (`recursive`, `truncated`) are not followed and count as satisfied.
 */
export function conforms(value: unknown, node: SchemaNode): boolean {
  if (node.recursive || node.truncated) return value !== undefined;
  if (value === null && (node.nullable || node.type === 'any')) return true;
  if (node.const !== undefined) return equal(value, node.const.value);
  if (node.enum !== undefined && node.enum.length > 0 && !node.enum.some((item) => equal(item, value))) {
    return false;
  }
  if (node.variants !== undefined && node.variants.options.length > 0) {
    if (!variantsMatch(value, node)) return false;
    return node.properties === undefined || !isPlainObject(value) || objectConforms(value, node);
  }
  if (!typeMatches(value, node)) return false;
  if (typeof value === 'string') return stringConforms(value, node);
  if (typeof value === 'number') return numberConforms(value, node);
  if (Array.isArray(value)) return arrayConforms(value, node);
  if (isPlainObject(value)) return objectConforms(value, node);
  return true;
}

/** The value of one constraint keyword, if the node has it. */
export function constraintValue(
  node: SchemaNode,
  keyword: Constraint['keyword'],
): Constraint['value'] | undefined {
  return node.constraints.find((c) => c.keyword === keyword)?.value;
}

/**
 * The discriminator values that select a variant: its mapping entries, else its schema
 * name (OpenAPI's implicit mapping).
 */
export function discriminatorValues(discriminator: Discriminator, variant: Variant): string[] {
  const name = variant.schema.ref ?? variant.name;
  const mapped = discriminator.mapping.filter((entry) => entry.schema === name).map((entry) => entry.value);
  return mapped.length > 0 ? mapped : variant.schema.ref === undefined ? [] : [name];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function equal(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function typeMatches(value: unknown, node: SchemaNode): boolean {
  const types = node.type.split(' | ');
  if (types.includes('any')) return value !== undefined;
  return types.some((type) => {
    switch (type) {
      case 'string':
        return typeof value === 'string';
      case 'integer':
        return typeof value === 'number' && Number.isInteger(value);
      case 'number':
        return typeof value === 'number';
      case 'boolean':
        return typeof value === 'boolean';
      case 'null':
        return value === null;
      case 'array':
        return Array.isArray(value);
      case 'object':
      case 'map':
        return isPlainObject(value);
      default:
        return false;
    }
  });
}

function variantsMatch(value: unknown, node: SchemaNode): boolean {
  const variants = node.variants;
  if (variants === undefined) return true;
  let options = variants.options;
  const discriminator = variants.discriminator;
  if (discriminator !== undefined && isPlainObject(value) && discriminator.propertyName in value) {
    // OpenAPI: the discriminating value selects the option; the others are not tried.
    const selected = value[discriminator.propertyName];
    const chosen = options.filter((option) =>
      discriminatorValues(discriminator, option).includes(String(selected)),
    );
    if (chosen.length > 0) options = chosen;
  }
  const matches = options.filter((option) => conforms(value, option.schema)).length;
  return variants.kind === 'oneOf' ? matches === 1 : matches >= 1;
}

/** Formats whose shape is fixed enough to check; others are taken on trust. */
const FORMAT_SHAPES: Readonly<Record<string, RegExp>> = {
  date: /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/,
  'date-time':
    /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[Tt ]([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/,
  time: /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?([Zz]|[+-]\d{2}:\d{2})?$/,
  uuid: /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/,
  email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
  ipv4: /^((25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(25[0-5]|2[0-4]\d|1?\d?\d)$/,
  uri: /^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s]*$/,
};

function stringConforms(value: string, node: SchemaNode): boolean {
  const length = [...value].length;
  const minLength = constraintValue(node, 'minLength');
  const maxLength = constraintValue(node, 'maxLength');
  if (typeof minLength === 'number' && length < minLength) return false;
  if (typeof maxLength === 'number' && length > maxLength) return false;
  const pattern = constraintValue(node, 'pattern');
  if (typeof pattern === 'string' && !matches(pattern, value)) return false;
  const shape = node.format === undefined ? undefined : FORMAT_SHAPES[node.format];
  return shape === undefined || shape.test(value);
}

function matches(pattern: string, value: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(value);
  } catch {
    try {
      return new RegExp(pattern).test(value);
    } catch {
      return true; // not an ECMAScript pattern: nothing we can check
    }
  }
}

function numberConforms(value: number, node: SchemaNode): boolean {
  const bound = (keyword: Constraint['keyword']) => {
    const found = constraintValue(node, keyword);
    return typeof found === 'number' ? found : undefined;
  };
  const minimum = bound('minimum');
  const maximum = bound('maximum');
  const exclusiveMinimum = bound('exclusiveMinimum');
  const exclusiveMaximum = bound('exclusiveMaximum');
  const multipleOf = bound('multipleOf');
  if (minimum !== undefined && value < minimum) return false;
  if (maximum !== undefined && value > maximum) return false;
  if (exclusiveMinimum !== undefined && value <= exclusiveMinimum) return false;
  if (exclusiveMaximum !== undefined && value >= exclusiveMaximum) return false;
  if (multipleOf !== undefined && multipleOf > 0) {
    const ratio = value / multipleOf;
    if (Math.abs(ratio - Math.round(ratio)) > 1e-9) return false;
  }
  return true;
}

function arrayConforms(value: unknown[], node: SchemaNode): boolean {
  const minItems = constraintValue(node, 'minItems');
  const maxItems = constraintValue(node, 'maxItems');
  if (typeof minItems === 'number' && value.length < minItems) return false;
  if (typeof maxItems === 'number' && value.length > maxItems) return false;
  if (constraintValue(node, 'uniqueItems') === true) {
    if (new Set(value.map((item) => JSON.stringify(item))).size !== value.length) return false;
  }
  const prefix = node.prefixItems ?? [];
  return value.every((item, index) => {
    const schema = prefix[index] ?? node.items;
    return schema === undefined || conforms(item, schema);
  });
}

function objectConforms(value: Record<string, unknown>, node: SchemaNode): boolean {
  const known = new Set<string>();
  for (const field of node.properties ?? []) {
    known.add(field.name);
    if (!(field.name in value)) {
      if (field.required) return false;
      continue;
    }
    if (!conforms(value[field.name], field.schema)) return false;
  }
  const extra = node.additionalProperties;
  if (typeof extra === 'object') {
    for (const [key, member] of Object.entries(value))
      if (!known.has(key) && !conforms(member, extra)) return false;
  }
  const count = Object.keys(value).length;
  const minProperties = constraintValue(node, 'minProperties');
  const maxProperties = constraintValue(node, 'maxProperties');
  if (typeof minProperties === 'number' && count < minProperties) return false;
  return !(typeof maxProperties === 'number' && count > maxProperties);
}
