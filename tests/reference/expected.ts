import type { SchemaNode } from '../../src/model/types.ts';

/**
 * What a reader must find in a field list for a schema node: every field name
 * in reading order, down to the depth the model expanded (it stops at recursive
 * and depth-limited nodes, which link to their schema page instead).
 */
export function expectedFieldNames(node: SchemaNode): string[] {
  const out: string[] = [];
  const walk = (current: SchemaNode) => {
    if (current.recursive === true || current.truncated === true) return;
    for (const field of current.properties ?? []) {
      out.push(field.name);
      walk(field.schema);
    }
    for (const variant of current.variants?.options ?? []) walk(variant.schema);
    const value = current.additionalProperties;
    if (current.type === 'array' && current.items !== undefined) walk(current.items);
    else if (current.type === 'map' && value !== undefined && value !== true) walk(value);
  };
  walk(node);
  return out;
}
