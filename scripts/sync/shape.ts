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
  /** `date-time`, `uri`…, or null when the schema names none. */
  format: string | null;
  /** The validation keywords of `CONSTRAINTS` the schema sets, by keyword. */
  constraints: Constraints;
  required: boolean;
  deprecated: boolean;
}

/** `{ maxLength: 200, pattern: '^[A-Z]{2}$' }` */
export type Constraints = Readonly<Record<string, number | string | boolean>>;

/**
 * The validation keywords the change report compares on values a client sends. Each says which
 * way tightens: `lower` bounds tighten when raised, `upper` bounds when lowered, `flag`s when
 * they become true, a `pattern` whenever it is added or changed (a new expression cannot be
 * proved to accept every value the old one did), `multipleOf` unless the new step divides the old.
 */
export const CONSTRAINTS = {
  minimum: 'lower',
  exclusiveMinimum: 'lower',
  minLength: 'lower',
  minItems: 'lower',
  minProperties: 'lower',
  maximum: 'upper',
  exclusiveMaximum: 'upper',
  maxLength: 'upper',
  maxItems: 'upper',
  maxProperties: 'upper',
  uniqueItems: 'flag',
  pattern: 'pattern',
  multipleOf: 'step',
} as const;

export interface Parameter extends Field {
  name: string;
  in: string;
}

export interface Operation {
  /** `GET /ocpp/chargers/{charger_id}` */
  label: string;
  pointer: string;
  operationId: string | null;
  deprecated: boolean;
  /** The operation's own `security`, or null when it takes the document's. */
  security: unknown[] | null;
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

const CONSTRAINT_KEYWORDS: ReadonlySet<string> = new Set(Object.keys(CONSTRAINTS));

/** Shared by every field without constraints: Stripe has a million fields, most of them bare. */
const NO_CONSTRAINTS: Constraints = Object.freeze({});

interface Details {
  format: string | null;
  constraints: Record<string, number | string | boolean> | null;
}

/**
 * Adds the format and constraint keywords that hold for a value of `schema` (already resolved):
 * its own, its `allOf` branches', and those of the one branch of an `anyOf`/`oneOf` that is not
 * `null` (`anyOf: [{type: string, maxLength: 300}, {type: null}]`, how FastAPI writes an optional
 * field). Other unions are left out: their keywords hold for one branch only. The first value
 * met wins. Runs for every field of both contracts, so it walks the schema's few keys rather
 * than every keyword, and allocates only when a keyword is there.
 */
function addDetails(doc: Json, schema: Json, seen: ReadonlySet<string>, out: Details): void {
  for (const key in schema) {
    if (key === 'format') {
      if (out.format === null && typeof schema.format === 'string') out.format = schema.format;
      continue;
    }
    if (key === 'allOf' || key === 'anyOf' || key === 'oneOf') {
      const list = schema[key];
      if (!Array.isArray(list)) continue;
      const branches =
        key === 'allOf' ? list : list.filter((branch) => !(isObject(branch) && branch.type === 'null'));
      if (key !== 'allOf' && branches.length !== 1) continue;
      for (const branch of branches) {
        const target = deref(doc, branch, '', seen);
        if (target !== undefined) addDetails(doc, target.node, target.seen, out);
      }
      continue;
    }
    if (!CONSTRAINT_KEYWORDS.has(key)) continue;
    const value = schema[key];
    if (typeof value !== 'number' && typeof value !== 'string' && typeof value !== 'boolean') continue;
    out.constraints ??= {};
    if (out.constraints[key] === undefined) out.constraints[key] = value;
  }
}

/** The format and constraints of a resolved schema (undefined: a cycle or a dangling `$ref`). */
function detailsOf(
  doc: Json,
  schema: Json | undefined,
  seen: ReadonlySet<string>,
): { format: string | null; constraints: Constraints } {
  const out: Details = { format: null, constraints: null };
  if (schema !== undefined) addDetails(doc, schema, seen, out);
  return { format: out.format, constraints: out.constraints ?? NO_CONSTRAINTS };
}

/**
 * How many `$ref`s deep a field is still expanded. Contracts whose objects embed each other
 * (Stripe's expandable fields: a charge has a customer, which has a default source, which has a
 * customer…) otherwise multiply their fields at every level, without a cycle to cut them. A field
 * deeper than this is compared by its type and enum only, the same in both contracts, so the
 * report stays stable; a change inside the schema is reported where it is nearer the top.
 */
const MAX_REF_DEPTH = 4;

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
      const details = detailsOf(doc, resolved?.node, resolved?.seen ?? target.seen);
      out.set(`${prefix}${name}`, {
        pointer: resolved?.pointer ?? propertyPointer,
        type: typeOf(doc, property, target.seen).join('|') || 'any',
        enum: enumOf(doc, property, target.seen),
        format: details.format,
        constraints: details.constraints,
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
        ...detailsOf(doc, deref(doc, parameter.schema, '', target.seen)?.node, target.seen),
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

/** One operation of a path item (or of a webhook) as the change report compares it. */
function readOperation(
  doc: Json,
  item: Json,
  itemPointer: string,
  method: (typeof METHODS)[number],
  label: string,
): Operation | undefined {
  const operation = item[method];
  if (!isObject(operation)) return undefined;
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
  return {
    label,
    pointer,
    operationId: typeof operation.operationId === 'string' ? operation.operationId : null,
    deprecated: operation.deprecated === true,
    security: Array.isArray(operation.security) ? operation.security : null,
    parameters: parametersOf(doc, [
      { list: item.parameters, pointer: `${itemPointer}/parameters` },
      { list: operation.parameters, pointer: `${pointer}/parameters` },
    ]),
    request,
    response,
  };
}

/** Operations keyed by method and path with parameter names blanked, so a renamed path parameter is not a new operation. */
export function operationsOf(doc: Json): Map<string, Operation> {
  const operations = new Map<string, Operation>();
  const paths = isObject(doc.paths) ? doc.paths : {};
  for (const [route, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    const itemPointer = `/paths/${escapePointer(route)}`;
    for (const method of METHODS) {
      const label = `${method.toUpperCase()} ${route}`;
      const operation = readOperation(doc, item, itemPointer, method, label);
      if (operation !== undefined)
        operations.set(`${method.toUpperCase()} ${route.replaceAll(/\{[^}]*\}/g, '{}')}`, operation);
    }
  }
  return operations;
}

/**
 * The webhooks (OpenAPI 3.1 `webhooks`) keyed by name and method, labelled `webhook <name>`
 * (`webhook <name> PUT` for a method other than POST, which nearly every webhook uses). Their
 * request body is the payload the API sends; `request` holds its fields.
 */
export function webhooksOf(doc: Json): Map<string, Operation> {
  const webhooks = new Map<string, Operation>();
  const entries = isObject(doc.webhooks) ? doc.webhooks : {};
  for (const [name, entry] of Object.entries(entries)) {
    const target = deref(doc, entry, `/webhooks/${escapePointer(name)}`, new Set());
    if (target === undefined) continue;
    for (const method of METHODS) {
      const label = `webhook ${name}${method === 'post' ? '' : ` ${method.toUpperCase()}`}`;
      const operation = readOperation(doc, target.node, target.pointer, method, label);
      if (operation !== undefined) webhooks.set(`${name} ${method}`, operation);
    }
  }
  return webhooks;
}
