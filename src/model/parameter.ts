import { asObject, asString, type JsonObject } from './json.ts';
import { declaredExamples, examplesWithFallback } from './media.ts';
import type { Resolver } from './resolver.ts';
import { componentExpander, type SchemaOptions, schemaNode } from './schema.ts';
import type { Parameter, ParameterLocation } from './types.ts';

const LOCATIONS: readonly ParameterLocation[] = ['path', 'query', 'header', 'cookie'];
/** Headers the HTTP layer owns: OpenAPI says these parameter definitions are ignored. */
const IGNORED_HEADERS = new Set(['accept', 'content-type', 'authorization']);

/**
 * The parameters of an operation: path-item parameters overridden by operation
 * parameters with the same name and location, in declaration order, grouped by location.
 */
export function parameters(
  pathItemParams: unknown[],
  operationParams: unknown[],
  options: SchemaOptions,
  resolver: Resolver,
  at: string,
): Parameter[] {
  const byKey = new Map<string, { raw: JsonObject; where: string }>();
  const collect = (list: unknown[], where: string) =>
    list.forEach((entry, index) => {
      const { value } = resolver.deref(entry, `${where}/${index}`);
      const name = asString(value.name);
      const location = asString(value.in);
      if (name === undefined || location === undefined) return;
      byKey.set(`${location}:${name}`, { raw: value, where: `${where}/${index}` });
    });
  collect(pathItemParams, `${at}/../parameters`);
  collect(operationParams, `${at}/parameters`);

  const out: Parameter[] = [];
  for (const { raw, where } of byKey.values()) {
    const location = asString(raw.in) as ParameterLocation;
    if (!LOCATIONS.includes(location)) continue;
    const name = asString(raw.name) ?? '';
    if (location === 'header' && IGNORED_HEADERS.has(name.toLowerCase())) continue;
    out.push(parameter(raw, name, location, options, where));
  }
  return out.sort((a, b) => LOCATIONS.indexOf(a.in) - LOCATIONS.indexOf(b.in));
}

function parameter(
  raw: JsonObject,
  name: string,
  location: ParameterLocation,
  options: SchemaOptions,
  where: string,
): Parameter {
  // A parameter may describe itself with `content` instead of `schema` (one media type).
  const contentSchema = Object.values(asObject(raw.content)).map((media) => asObject(media).schema)[0];
  const schema = schemaNode(raw.schema ?? contentSchema, options, `${where}/schema`);
  const [example] = examplesWithFallback(declaredExamples(raw, options.resolver, where), schema, {
    expand: componentExpander(options),
  });
  const out: Parameter = {
    name,
    in: location,
    required: location === 'path' || raw.required === true,
    deprecated: raw.deprecated === true,
    schema,
    example: example ?? { value: name, generated: true },
  };
  const description = asString(raw.description) ?? schema.description;
  if (description !== undefined) out.description = description;
  return out;
}
