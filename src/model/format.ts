import type { Constraint, SchemaNode } from './types.ts';

/**
 * What a reader sees as a field's type, the same in HTML and Markdown:
 * `string`, `ChargerResponse`, `array<ChargerResponse>`, `map<string, integer>`, `string | null`.
 */
export function typeLabel(node: SchemaNode): string {
  return node.nullable && node.type !== 'any' ? `${baseLabel(node)} | null` : baseLabel(node);
}

function baseLabel(node: SchemaNode): string {
  if (node.ref !== undefined && (node.type === 'object' || node.type === 'oneOf' || node.type === 'anyOf')) {
    return node.ref;
  }
  if (node.type === 'array' && node.prefixItems !== undefined) {
    // A tuple: `[object, number, ...string]`.
    const rest = node.items === undefined ? [] : [`...${typeLabel(node.items)}`];
    return `[${[...node.prefixItems.map(typeLabel), ...rest].join(', ')}]`;
  }
  if (node.type === 'array') return `array<${node.items ? typeLabel(node.items) : 'any'}>`;
  if (node.type === 'map') {
    const value = node.additionalProperties;
    return `map<string, ${value === undefined || value === true ? 'any' : typeLabel(value)}>`;
  }
  if (node.type === 'oneOf' || node.type === 'anyOf') {
    return (node.variants?.options ?? []).map((option) => typeLabel(option.schema)).join(' | ') || node.type;
  }
  return node.format !== undefined && node.type !== 'any' ? `${node.type} (${node.format})` : node.type;
}

const CONSTRAINT_TEXT: Record<Constraint['keyword'], (value: Constraint['value']) => string> = {
  minimum: (v) => `>= ${v}`,
  maximum: (v) => `<= ${v}`,
  exclusiveMinimum: (v) => `> ${v}`,
  exclusiveMaximum: (v) => `< ${v}`,
  multipleOf: (v) => `multiple of ${v}`,
  minLength: (v) => `min length ${v}`,
  maxLength: (v) => `max length ${v}`,
  pattern: (v) => `pattern \`${v}\``,
  minItems: (v) => `min items ${v}`,
  maxItems: (v) => `max items ${v}`,
  uniqueItems: () => 'unique items',
  minProperties: (v) => `min properties ${v}`,
  maxProperties: (v) => `max properties ${v}`,
};

/** `>= 1`, `max length 64`, ``pattern `^[A-Z]{2}$` ``: one short phrase per constraint. */
export function constraintText(constraint: Constraint): string {
  return CONSTRAINT_TEXT[constraint.keyword](constraint.value);
}

/** A JSON value as inline code text: strings quoted, the rest as JSON. */
export function valueText(value: unknown): string {
  return JSON.stringify(value) ?? 'undefined';
}

/** Standard reason phrases, for response headings (`404 Not Found`). */
export const STATUS_TEXT: Readonly<Record<string, string>> = {
  '100': 'Continue',
  '200': 'OK',
  '201': 'Created',
  '202': 'Accepted',
  '204': 'No Content',
  '301': 'Moved Permanently',
  '302': 'Found',
  '304': 'Not Modified',
  '400': 'Bad Request',
  '401': 'Unauthorized',
  '403': 'Forbidden',
  '404': 'Not Found',
  '405': 'Method Not Allowed',
  '408': 'Request Timeout',
  '409': 'Conflict',
  '410': 'Gone',
  '412': 'Precondition Failed',
  '413': 'Content Too Large',
  '415': 'Unsupported Media Type',
  '422': 'Unprocessable Content',
  '429': 'Too Many Requests',
  '500': 'Internal Server Error',
  '501': 'Not Implemented',
  '502': 'Bad Gateway',
  '503': 'Service Unavailable',
  '504': 'Gateway Timeout',
};
