/**
 * Where an OpenAPI document holds data rather than keywords: example values, extension values,
 * `default`/`const`/`enum`. A `$ref` key inside data (an example that is itself a JSON Schema,
 * a code generator's settings in `x-…`) is part of the value, never a reference to follow.
 */

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Keys whose values are maps from names to objects (`properties: { example: {…} }`), not keywords. */
export const NAME_MAPS: ReadonlySet<string> = new Set([
  'properties',
  'patternProperties',
  'dependentSchemas',
  '$defs',
  'definitions',
  'schemas',
  'parameters',
  'headers',
  'content',
  'encoding',
  'responses',
  'securitySchemes',
  'links',
  'callbacks',
  'pathItems',
  'paths',
  'webhooks',
  'variables',
  'mapping',
  'scopes',
  'requestBodies',
]);

/**
 * Whether a key, met where keywords are (not inside a `NAME_MAPS` map), holds data. `examples`
 * is data as a list (JSON Schema's keyword); as a map (Media Type, Parameter, Components) its
 * entries are Example Objects, whose `value` and `dataValue` are data (see `exampleData`).
 */
export function isDataKey(key: string, value: unknown): boolean {
  if (key.startsWith('x-')) return true;
  if (key === 'example' || key === 'default' || key === 'const' || key === 'enum') return true;
  return key === 'examples' && Array.isArray(value);
}

/** The data values of an `examples` map: each Example Object's `value` and `dataValue`. */
function exampleData(examples: unknown): unknown[] {
  if (!isObject(examples)) return [];
  return Object.values(examples).flatMap((entry) => (isObject(entry) ? [entry.value, entry.dataValue] : []));
}

/** The key a `$ref` inside data is given while Redocly reads the document, so that it is not followed. */
export const HIDDEN_REF = '$ref\u0000data';

/** Renames one key of an object in place, keeping the order of its keys. */
function renameKey(node: Json, from: string, to: string): void {
  const entries = Object.entries(node);
  for (const [key] of entries) delete node[key];
  for (const [key, value] of entries) node[key === from ? to : key] = value;
}

/** Every `$ref` key anywhere below a data value, hidden (or shown again). */
function renameIn(value: unknown, from: string, to: string, seen: Set<object>): void {
  if (typeof value !== 'object' || value === null || seen.has(value)) return;
  seen.add(value);
  if (isObject(value) && from in value) renameKey(value, from, to);
  for (const member of Array.isArray(value) ? value : Object.values(value)) renameIn(member, from, to, seen);
}

/**
 * Hides the `$ref` keys inside the document's data from a tool that would follow them (the
 * bundler, the linter), in place. `showDataRefs` puts them back.
 */
export function hideDataRefs(document: Json): void {
  const seen = new Set<object>();
  const data = new Set<object>();
  const visit = (node: unknown, names: boolean) => {
    if (typeof node !== 'object' || node === null || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) {
      for (const member of node) visit(member, false);
      return;
    }
    for (const [key, member] of Object.entries(node as Json)) {
      const asData = names
        ? undefined
        : isDataKey(key, member)
          ? [member]
          : key === 'examples'
            ? exampleData(member)
            : undefined;
      if (asData === undefined) visit(member, !names && NAME_MAPS.has(key));
      else for (const value of asData) if (typeof value === 'object' && value !== null) data.add(value);
    }
  };
  visit(document, false);
  const renamed = new Set<object>();
  for (const value of data) renameIn(value, '$ref', HIDDEN_REF, renamed);
}

/** Undoes `hideDataRefs` on a document (or the bundle made from it), in place. */
export function showDataRefs(document: Json): void {
  renameIn(document, HIDDEN_REF, '$ref', new Set());
}
