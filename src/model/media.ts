import { type ExampleOptions, exampleFor } from './example.ts';
import { asObject, asString, isObject, type JsonObject } from './json.ts';
import type { Resolver } from './resolver.ts';
import { componentExpander, type SchemaOptions, schemaNode } from './schema.ts';
import type { Example, MediaType, SchemaNode } from './types.ts';

/**
 * Examples declared on a media type or parameter: `example`, then each entry of
 * `examples` (following `$ref`s to `components/examples`). External values are skipped.
 */
export function declaredExamples(raw: JsonObject, resolver: Resolver, at: string): Example[] {
  const out: Example[] = [];
  if ('example' in raw) out.push({ value: raw.example, generated: false });
  for (const [name, entry] of Object.entries(asObject(raw.examples))) {
    const { value } = resolver.deref(entry, `${at}/examples/${name}`);
    if (!('value' in value)) continue;
    const example: Example = { name, value: value.value, generated: false };
    const summary = asString(value.summary);
    if (summary !== undefined) example.summary = summary;
    const description = asString(value.description);
    if (description !== undefined) example.description = description;
    out.push(example);
  }
  return out;
}

/** The declared examples, else the schema's own, else one generated from the schema. */
export function examplesWithFallback(
  declared: Example[],
  schema: SchemaNode | undefined,
  options: ExampleOptions = {},
): Example[] {
  if (declared.length > 0 || schema === undefined) return declared;
  if (schema.examples.length > 0) return [{ value: schema.examples[0], generated: false }];
  return [{ value: exampleFor(schema, options), generated: true }];
}

/** Every entry of a `content` map, schema expanded for the given direction. */
export function mediaTypes(content: unknown, options: SchemaOptions, at: string): MediaType[] {
  return Object.entries(asObject(content)).map(([mediaType, rawMedia]) => {
    const media = asObject(rawMedia);
    const where = `${at}/content/${mediaType.replace(/\//g, '~1')}`;
    const schema = isObject(media.schema) ? schemaNode(media.schema, options, `${where}/schema`) : undefined;
    const examples = examplesWithFallback(declaredExamples(media, options.resolver, where), schema, {
      expand: componentExpander(options),
    });
    return schema === undefined ? { mediaType, examples } : { mediaType, schema, examples };
  });
}

/** Whether a media type carries JSON (`application/json`, `application/problem+json`, …). */
export function isJson(mediaType: string): boolean {
  const base = mediaType.split(';')[0]?.trim().toLowerCase() ?? '';
  return base === 'application/json' || base.endsWith('+json');
}
