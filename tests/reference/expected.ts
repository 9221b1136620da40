import type { SchemaNode } from '../../src/model/types.ts';

/**
 * What a page lists so far, as src/render/fields-html.ts keeps it: a named schema's members are
 * listed where it first occurs on a page (per direction: request or response), later occurrences
 * link there. Keys are `in Name` / `out Name`.
 */
export type SeenSchemas = Set<string>;

function memberOf(node: SchemaNode): SchemaNode | undefined {
  const value = node.additionalProperties;
  if (node.type === 'array') return node.items;
  if (node.type === 'map' && value !== undefined && value !== true) return value;
  return undefined;
}

/**
 * What a reader must find in a field list for a schema node: every field name
 * in reading order, down to the depth the model expanded (it stops at recursive
 * and depth-limited nodes, which link to their schema page instead), less the members of
 * named schemas the page listed earlier (`seen`, shared by the page's lists in reading order).
 * `root` says whether `node` is a list's own schema (a body's), or a field's (a parameter's).
 */
export function expectedFieldNames(
  node: SchemaNode,
  seen: SeenSchemas = new Set(),
  direction: 'in' | 'out' = 'in',
  root = true,
): string[] {
  const out: string[] = [];
  const listedBefore = (current: SchemaNode): boolean => {
    const name = current.ref ?? memberOf(current)?.ref;
    const member = memberOf(current);
    if (name === undefined || member?.recursive === true || member?.truncated === true) return false;
    const key = `${direction} ${name}`;
    if (seen.has(key)) return true;
    seen.add(key);
    return false;
  };
  const walk = (current: SchemaNode, nested: boolean) => {
    if (current.recursive === true || current.truncated === true) return;
    if (nested && listedBefore(current)) return;
    for (const field of current.properties ?? []) {
      out.push(field.name);
      walk(field.schema, true);
    }
    for (const variant of current.variants?.options ?? []) walk(variant.schema, true);
    const member = memberOf(current);
    if (member !== undefined) walk(member, false);
  };
  if (root && node.ref !== undefined) seen.add(`${direction} ${node.ref}`);
  walk(node, !root);
  return out;
}
