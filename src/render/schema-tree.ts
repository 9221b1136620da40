import type { SchemaNode } from '../model/types.ts';

/**
 * What a field list shows below a node: its members, its array items' or map
 * values' members, its variants, or a link where expansion stopped.
 */

/** The node whose members stand for this one: arrays and maps show their element's members. */
export function memberNode(node: SchemaNode): SchemaNode | undefined {
  if (node.type === 'array' && node.items !== undefined) return node.items;
  const value = node.additionalProperties;
  if (node.type === 'map' && value !== undefined && value !== true) return value;
  return undefined;
}

/** Whether the field list has anything to show below this node's own line. */
export function hasChildren(node: SchemaNode): boolean {
  if (node.recursive === true || node.truncated === true) return true;
  if ((node.properties?.length ?? 0) > 0) return true;
  if ((node.variants?.options.length ?? 0) > 0) return true;
  const member = memberNode(node);
  return member !== undefined && hasChildren(member);
}
