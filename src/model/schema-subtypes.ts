import { asArray, asObject, isObject } from './json.ts';
import { componentSchemaName, type Resolver } from './resolver.ts';

/**
 * For a discriminator declared on the base of an `allOf` hierarchy (`Pet` with `petType`), the
 * component schemas that extend that base, directly or through another subtype (`Cat: allOf
 * [Pet, …]`, `Kitten: allOf [Cat, …]`): each is selected by its own name unless the mapping
 * says otherwise. The base is found by the discriminator object itself: `allOf` merging copies
 * members by reference, so a subtype's merged schema holds its base's very object.
 */
const hierarchies = new WeakMap<Resolver, Map<unknown, string[]>>();

export function allOfSubtypes(resolver: Resolver, discriminator: unknown): string[] {
  let known = hierarchies.get(resolver);
  if (known === undefined) {
    known = new Map();
    const schemas = asObject(asObject(resolver.document.components).schemas);
    const children = new Map<string, string[]>();
    for (const [name, schema] of Object.entries(schemas)) {
      for (const part of asArray(asObject(schema).allOf)) {
        const parent =
          isObject(part) && typeof part.$ref === 'string' ? componentSchemaName(part.$ref) : undefined;
        if (parent !== undefined && parent !== name)
          children.set(parent, [...(children.get(parent) ?? []), name]);
      }
    }
    for (const [name, schema] of Object.entries(schemas)) {
      if (!isObject(schema) || !isObject(schema.discriminator)) continue;
      const found: string[] = [];
      const queue = [...(children.get(name) ?? [])];
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
        if (next === name || found.includes(next)) continue;
        found.push(next);
        queue.push(...(children.get(next) ?? []));
      }
      known.set(schema.discriminator, found);
    }
    hierarchies.set(resolver, known);
  }
  return known.get(discriminator) ?? [];
}
