/**
 * What the change report compares, read from one bundled contract: each operation with its
 * parameters, request-body properties and success-response properties, flattened to paths such
 * as `address.city` or `data[].status`. Pure; internal `$ref`s are followed, cycles cut.
 */

type Json = Record<string, unknown>;

export interface Field {
  /** JSON pointer of the schema that defines it (after following `$ref`s). */
  pointer: string;
  /** Normalised type, e.g. `string`, `integer|null`, `object`. */
  type: string;
  /** Allowed values, or null when not an enum. */
  enum: string[] | null;
  required: boolean;
  deprecated: boolean;
}

export interface Parameter extends Field {
  name: string;
  in: string;
}

export interface Operation {
  /** `GET /ocpp/chargers/{charger_id}` */
  label: string;
  pointer: string;
  deprecated: boolean;
  /** Keyed by `in:name`. */
  parameters: Map<string, Parameter>;
  /** Keyed by property path. */
  request: Map<string, Field>;
  /** Keyed by `status path`, e.g. `200 data[].id`. */
  response: Map<string, Field>;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const escapePointer = (segment: string): string => segment.replaceAll('~', '~0').replaceAll('/', '~1');

/** Follow internal `$ref`s; returns the target and its pointer, or undefined for a cycle or a dangling ref. */
function deref(doc: Json, node: unknown, pointer: string, seen: ReadonlySet<string>) {
  let current = node;
  let at = pointer;
  const visited = new Set(seen);
  while (isObject(current) && typeof current.$ref === 'string') {
    const ref = current.$ref;
    if (!ref.startsWith('#/') || visited.has(ref)) return undefined;
    visited.add(ref);
    at = ref.slice(1);
    current = at
      .split('/')
      .slice(1)
      .reduce<unknown>(
        (value, segment) =>
          isObject(value) ? value[segment.replaceAll('~1', '/').replaceAll('~0', '~')] : undefined,
        doc,
      );
  }
  return isObject(current) ? { node: current, pointer: at, seen: visited } : undefined;
}

function branches(schema: Json): unknown[] {
  return [schema.anyOf, schema.oneOf, schema.allOf].flatMap((list) => (Array.isArray(list) ? list : []));
}

function typeOf(doc: Json, node: unknown, seen: ReadonlySet<string>): string[] {
  const target = deref(doc, node, '', seen);
  if (target === undefined) return [];
  const { node: schema } = target;
  const types = new Set<string>();
  if (typeof schema.type === 'string') types.add(schema.type);
  if (Array.isArray(schema.type)) for (const type of schema.type) types.add(String(type));
  if (schema.nullable === true) types.add('null');
  if (types.size === 0 && isObject(schema.properties)) types.add('object');
  for (const branch of branches(schema)) for (const type of typeOf(doc, branch, target.seen)) types.add(type);
  return [...types].sort();
}

function enumOf(doc: Json, node: unknown, seen: ReadonlySet<string>): string[] | null {
  const target = deref(doc, node, '', seen);
  if (target === undefined) return null;
  const values = new Set<string>();
  if (Array.isArray(target.node.enum)) {
    for (const value of target.node.enum)
      values.add(typeof value === 'string' ? value : JSON.stringify(value));
  }
  for (const branch of branches(target.node))
    for (const value of enumOf(doc, branch, target.seen) ?? []) values.add(value);
  return values.size === 0 ? null : [...values].sort();
}

/**
 * How many `$ref`s deep a field is still expanded. Contracts whose objects embed each other
 * (Stripe's expandable fields: a charge has a customer, which has a default source, which has a
 * customer…) otherwise multiply their fields at every level, without a cycle to cut them. A field
 * deeper than this is compared by its type and enum only, the same in both contracts, so the
 * report stays stable; a change inside the schema is reported where it is nearer the top.
 */
export const MAX_REF_DEPTH = 4;

/** Flatten a schema's properties (through `$ref`, `allOf`/`anyOf`/`oneOf` and array items) into `out`. */
function flatten(
  doc: Json,
  node: unknown,
  pointer: string,
  prefix: string,
  out: Map<string, Field>,
  seen: ReadonlySet<string>,
) {
  const target = deref(doc, node, pointer, seen);
  if (target === undefined || target.seen.size > MAX_REF_DEPTH) return;
  const { node: schema } = target;
  const required = new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
  if (isObject(schema.properties)) {
    for (const [name, property] of Object.entries(schema.properties)) {
      const propertyPointer = `${target.pointer}/properties/${escapePointer(name)}`;
      const resolved = deref(doc, property, propertyPointer, target.seen);
      out.set(`${prefix}${name}`, {
        pointer: resolved?.pointer ?? propertyPointer,
        type: typeOf(doc, property, target.seen).join('|') || 'any',
        enum: enumOf(doc, property, target.seen),
        required: required.has(name),
        deprecated: isObject(property) && property.deprecated === true,
      });
      flatten(doc, property, propertyPointer, `${prefix}${name}.`, out, target.seen);
    }
  }
  if (schema.items !== undefined) {
    flatten(
      doc,
      schema.items,
      `${target.pointer}/items`,
      `${prefix.replace(/\.$/, '')}[].`,
      out,
      target.seen,
    );
  }
  for (const [keyword, list] of Object.entries({
    allOf: schema.allOf,
    anyOf: schema.anyOf,
    oneOf: schema.oneOf,
  })) {
    if (!Array.isArray(list)) continue;
    list.forEach((branch, index) => {
      flatten(doc, branch, `${target.pointer}/${keyword}/${index}`, prefix, out, target.seen);
    });
  }
}

/** The schema of a JSON body (or of the first media type that has one). */
function bodySchema(doc: Json, body: unknown, pointer: string) {
  const target = deref(doc, body, pointer, new Set());
  if (target === undefined || !isObject(target.node.content)) return undefined;
  const entries = Object.entries(target.node.content);
  const [mediaType, media] = entries.find(([type]) => type.includes('json')) ?? entries[0] ?? [];
  if (mediaType === undefined || !isObject(media) || media.schema === undefined) return undefined;
  return { schema: media.schema, pointer: `${target.pointer}/content/${escapePointer(mediaType)}/schema` };
}

function parametersOf(doc: Json, lists: Array<{ list: unknown; pointer: string }>): Map<string, Parameter> {
  const parameters = new Map<string, Parameter>();
  for (const { list, pointer } of lists) {
    if (!Array.isArray(list)) continue;
    list.forEach((item, index) => {
      const target = deref(doc, item, `${pointer}/${index}`, new Set());
      if (target === undefined) return;
      const { node: parameter } = target;
      const name = String(parameter.name);
      const location = String(parameter.in);
      parameters.set(`${location}:${name}`, {
        name,
        in: location,
        pointer: target.pointer,
        type: typeOf(doc, parameter.schema, target.seen).join('|') || 'any',
        enum: enumOf(doc, parameter.schema, target.seen),
        required: parameter.required === true,
        deprecated: parameter.deprecated === true,
      });
    });
  }
  return parameters;
}

/** How many operations `paths` holds, without looking into their schemas. */
export function countOperations(doc: Json): number {
  const paths = isObject(doc.paths) ? doc.paths : {};
  return Object.values(paths).reduce<number>(
    (sum, item) => sum + (isObject(item) ? METHODS.filter((method) => isObject(item[method])).length : 0),
    0,
  );
}

/** Operations keyed by method and path with parameter names blanked, so a renamed path parameter is not a new operation. */
export function operationsOf(doc: Json): Map<string, Operation> {
  const operations = new Map<string, Operation>();
  const paths = isObject(doc.paths) ? doc.paths : {};
  for (const [route, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    const itemPointer = `/paths/${escapePointer(route)}`;
    for (const method of METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      const pointer = `${itemPointer}/${method}`;
      const request = new Map<string, Field>();
      const body = bodySchema(doc, operation.requestBody, `${pointer}/requestBody`);
      if (body !== undefined) flatten(doc, body.schema, body.pointer, '', request, new Set());
      const response = new Map<string, Field>();
      const responses = isObject(operation.responses) ? operation.responses : {};
      for (const [status, answer] of Object.entries(responses)) {
        if (!/^2(\d\d|XX)$/.test(status)) continue;
        const content = bodySchema(doc, answer, `${pointer}/responses/${status}`);
        const fields = new Map<string, Field>();
        if (content !== undefined) flatten(doc, content.schema, content.pointer, '', fields, new Set());
        for (const [path, field] of fields) response.set(`${status} ${path}`, field);
      }
      operations.set(`${method.toUpperCase()} ${route.replaceAll(/\{[^}]*\}/g, '{}')}`, {
        label: `${method.toUpperCase()} ${route}`,
        pointer,
        deprecated: operation.deprecated === true,
        parameters: parametersOf(doc, [
          { list: item.parameters, pointer: `${itemPointer}/parameters` },
          { list: operation.parameters, pointer: `${pointer}/parameters` },
        ]),
        request,
        response,
      });
    }
  }
  return operations;
}
