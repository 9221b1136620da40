import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { isObject, type JsonObject } from '../../src/model/json.ts';

export type Direction = 'request' | 'response';

/**
 * Validates values against schemas of one contract with JSON Schema 2020-12 semantics.
 * A 3.0 document is first rewritten to them (`nullable` → a `null` type, boolean
 * `exclusiveMinimum` → numeric); `readOnly` properties stop being required in requests
 * and `writeOnly` ones in responses, as OpenAPI says.
 */
export class ContractValidator {
  readonly #ajv: Ajv2020;
  readonly #cache = new Map<string, ValidateFunction>();

  constructor(document: JsonObject) {
    this.#ajv = new Ajv2020({
      strict: false,
      allErrors: true,
      validateFormats: true,
      multipleOfPrecision: 9,
    });
    addFormats(this.#ajv);
    for (const format of ['int32', 'int64', 'float', 'double', 'byte', 'binary', 'password', 'url'])
      this.#ajv.addFormat(format, true);
    // OpenAPI leaves `format` open: a tool that has no check for a format treats the value as its
    // type alone (ReadMe's `json`, `html`, `blob`, the sized integers of the format registry).
    // Declared as annotations here, Ajv neither checks them nor reports each one as unknown.
    for (const format of formatsIn(document))
      if (this.#ajv.formats[format] === undefined) this.#ajv.addFormat(format, true);
    const is30 = typeof document.openapi === 'string' && document.openapi.startsWith('3.0');
    for (const direction of ['request', 'response'] as const) {
      const schema = rewrite(document, direction, is30);
      if (isObject(schema)) this.#ajv.addSchema({ ...schema, $id: `https://contract.test/${direction}` });
    }
  }

  /** Ajv's error text, or `undefined` when the value is valid against the schema at `pointer`. */
  errors(value: unknown, pointer: string, direction: Direction): string | undefined {
    const key = `${direction}${pointer}`;
    let validate = this.#cache.get(key);
    if (validate === undefined) {
      const fragment = pointer.split('/').map(encodeURIComponent).join('/');
      validate = this.#ajv.compile({ $ref: `https://contract.test/${direction}#${fragment}` });
      this.#cache.set(key, validate);
    }
    return validate(value) ? undefined : this.#ajv.errorsText(validate.errors);
  }
}

/** Every `format` a schema of the document names. */
function formatsIn(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) formatsIn(item, found);
  else if (isObject(value))
    for (const [key, member] of Object.entries(value)) {
      if (key === 'format' && typeof member === 'string') found.add(member);
      else formatsIn(member, found);
    }
  return found;
}

function rewrite(value: unknown, direction: Direction, is30: boolean): unknown {
  if (Array.isArray(value)) return value.map((item) => rewrite(item, direction, is30));
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const [key, member] of Object.entries(value)) out[key] = rewrite(member, direction, is30);
  if (is30) rewrite30(out);
  discriminate(out);
  if (isObject(out.properties) && Array.isArray(out.required)) {
    const hidden = direction === 'request' ? 'readOnly' : 'writeOnly';
    const properties = out.properties;
    out.required = out.required.filter((name) => {
      const property = properties[String(name)];
      return !(isObject(property) && property[hidden] === true);
    });
  }
  return out;
}

/**
 * OpenAPI's discriminator picks the `oneOf`/`anyOf` option by the value of a property;
 * JSON Schema knows nothing of it. Each `$ref` option gets the values that select it
 * (its mapping entries, else its schema name) as an extra condition, in place.
 */
function discriminate(schema: JsonObject): void {
  const discriminator = schema.discriminator;
  if (!isObject(discriminator) || typeof discriminator.propertyName !== 'string') return;
  const property = discriminator.propertyName;
  const mapping = isObject(discriminator.mapping) ? Object.entries(discriminator.mapping) : [];
  for (const kind of ['oneOf', 'anyOf'] as const) {
    const options = schema[kind];
    if (!Array.isArray(options)) continue;
    schema[kind] = options.map((option) => {
      if (!isObject(option) || typeof option.$ref !== 'string') return option;
      const ref = option.$ref;
      const name = ref.split('/').pop() ?? ref;
      const mapped = mapping
        .filter(([, target]) => target === ref || target === name)
        .map(([value]) => value);
      const values = mapped.length > 0 ? mapped : [name];
      return { allOf: [option, { properties: { [property]: { enum: values } }, required: [property] }] };
    });
  }
}

/** 3.0 → 2020-12 in place, for one schema object. */
function rewrite30(schema: JsonObject): void {
  for (const [bound, exclusive] of [
    ['minimum', 'exclusiveMinimum'],
    ['maximum', 'exclusiveMaximum'],
  ] as const) {
    if (schema[exclusive] === true && typeof schema[bound] === 'number') {
      schema[exclusive] = schema[bound];
      delete schema[bound];
    } else if (typeof schema[exclusive] === 'boolean') {
      delete schema[exclusive];
    }
  }
  if (schema.nullable === true) {
    delete schema.nullable;
    if (typeof schema.type === 'string') schema.type = [schema.type, 'null'];
    if (Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum = [...schema.enum, null];
    if (schema.type === undefined) {
      // `nullable` beside `allOf`/`$ref` only: the whole schema or null.
      const { ...copy } = schema;
      for (const key of Object.keys(schema)) delete schema[key];
      schema.anyOf = [copy, { type: 'null' }];
    }
  }
}
