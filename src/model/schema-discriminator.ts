import { asObject, type JsonObject } from './json.ts';
import { componentSchemaName } from './resolver.ts';
import type { Discriminator, Variant } from './types.ts';

/**
 * The explicit mapping, then OpenAPI's implicit one (the schema name is the value) for
 * every `$ref` variant, or subtype schema name, the mapping leaves out.
 */
export function discriminatorOf(
  raw: JsonObject,
  propertyName: string,
  variants: Variant[],
  subtypes: readonly string[] = [],
): Discriminator {
  const mapping = Object.entries(asObject(raw.mapping)).map(([value, target]) => ({
    value,
    schema: componentSchemaName(String(target)) ?? String(target),
  }));
  const names = [...variants.map((variant) => variant.schema.ref), ...subtypes];
  for (const name of names) {
    if (name !== undefined && !mapping.some((entry) => entry.schema === name)) {
      mapping.push({ value: name, schema: name });
    }
  }
  return { propertyName, mapping };
}
