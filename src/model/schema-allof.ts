import { asArray, asObject, asStringArray, isObject, type JsonObject } from './json.ts';
import { componentSchemaName } from './resolver.ts';
import { annotate, hasStructure, type Walk } from './schema-walk.ts';
import type { SchemaNode } from './types.ts';

/**
 * `allOf` is merged into one object. The common FastAPI/Pydantic shape
 * `{ allOf: [{ $ref }], description }` keeps the referenced name.
 */
export function convertAllOf(raw: JsonObject, allOf: unknown[], walk: Walk): SchemaNode {
  const { allOf: _allOf, ...rest } = raw;
  const only = allOf[0];
  if (allOf.length === 1 && isObject(only) && typeof only.$ref === 'string' && !hasStructure(rest)) {
    // A bare `$ref`: the dispatcher converts it as any other reference.
    return annotate(walk.convert(only, walk), rest);
  }
  const merged: JsonObject = {};
  const properties: JsonObject = {};
  const required = new Set<string>();
  const names: string[] = [];
  for (const part of [...allOf, rest]) {
    const { value, ref } = walk.options.resolver.deref(part, walk.at);
    const name = ref === undefined ? undefined : componentSchemaName(ref);
    // An ancestor part still contributes its members; the stack turns its self-references into links.
    if (name !== undefined && !names.includes(name)) names.push(name);
    const resolved =
      asArray(value.allOf).length > 0 ? flattenAllOf(value, walk, new Set(name ? [name] : [])) : value;
    for (const [key, member] of Object.entries(asObject(resolved.properties))) {
      // Both parts constrain a property they share: keep both, as `allOf` means.
      properties[key] = key in properties ? { allOf: [properties[key], member] } : member;
    }
    for (const key of asStringArray(resolved.required)) required.add(key);
    for (const [key, member] of Object.entries(resolved)) {
      if (key === 'properties' || key === 'required' || key === 'allOf') continue;
      if (!(key in merged)) merged[key] = member;
    }
  }
  if (Object.keys(properties).length > 0) {
    merged.properties = properties;
    merged.type ??= 'object';
  }
  if (required.size > 0) merged.required = [...required];
  for (const key of ['description', 'title'] as const) if (rest[key] !== undefined) merged[key] = rest[key];
  return walk.convert(merged, { ...walk, stack: [...walk.stack, ...names] });
}

/**
 * Nested `allOf` inside an `allOf` part, merged the same way (properties and required only).
 * `seen` holds the component schemas on the way down, so `A: allOf [B]`, `B: allOf [A]` ends.
 */
function flattenAllOf(schema: JsonObject, walk: Walk, seen: Set<string>): JsonObject {
  const out: JsonObject = { ...schema, properties: { ...asObject(schema.properties) } };
  const required = new Set(asStringArray(schema.required));
  for (const part of asArray(schema.allOf)) {
    const { value, ref } = walk.options.resolver.deref(part, walk.at);
    const name = ref === undefined ? undefined : componentSchemaName(ref);
    if (name !== undefined && seen.has(name)) continue;
    const flat =
      asArray(value.allOf).length > 0
        ? flattenAllOf(value, walk, new Set([...seen, ...(name ? [name] : [])]))
        : value;
    Object.assign(asObject(out.properties), asObject(flat.properties));
    for (const key of asStringArray(flat.required)) required.add(key);
    for (const [key, member] of Object.entries(flat)) if (!(key in out)) out[key] = member;
  }
  delete out.allOf;
  out.required = [...required];
  return out;
}
