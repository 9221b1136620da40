import { constraintText, typeLabel } from '../model/format.ts';
import type { Field, SchemaNode } from '../model/types.ts';
import { inlineCode } from './markdown.ts';

/**
 * Field trees as nested Markdown bullet lists, one line per field:
 *
 * ```md
 * - `identity` (string, required, max length 64): OCPP charge point identity.
 * - `target` (ChargerTarget | LocationTarget, required): Which chargers to act on. One of:
 *   - `ChargerTarget`: One charger.
 *     - `charger_id` (string, required): Internal deployment identifier.
 * ```
 *
 * A named schema is expanded the first time it appears in a scope (a page
 * section) and named by its type label afterwards, so a page never repeats a
 * large nested schema; recursive and depth-truncated nodes point at the schema's page.
 */
export interface FieldScope {
  /** Named schemas already expanded in this scope. */
  expanded: Set<string>;
  /** Expand named schemas below the top level; `false` on a schema's own page, which links them instead. */
  expandNamed: boolean;
  /** The twin URL of a component schema's page, for links to schemas not expanded here. */
  schemaLink: (name: string) => string | undefined;
  /**
   * Leave out what a reader infers (llms-full.txt): `default null` on an optional
   * nullable field says no more than `| null` without `required`.
   */
  terse: boolean;
}

/** The bullet lines of a node's members (object properties, array items' members, variants). */
export function memberLines(node: SchemaNode, scope: FieldScope, depth = 0): string[] {
  const indent = '  '.repeat(depth);
  const lines: string[] = [];
  const target = elementNode(node);
  // The base of an allOf hierarchy (or one of its subtypes): which schema each value selects.
  if (target.discriminator !== undefined && target.variants === undefined) {
    const { propertyName, mapping } = target.discriminator;
    const choices = mapping.map((entry) => {
      const link = scope.schemaLink(entry.schema);
      return `${inlineCode(entry.value)} → ${link === undefined ? inlineCode(entry.schema) : `[${entry.schema}](${link})`}`;
    });
    lines.push(
      `${indent}The ${inlineCode(propertyName)} field selects the schema${choices.length > 0 ? `: ${choices.join(', ')}` : ''}.`,
    );
  }
  if (target.variants !== undefined) {
    const { discriminator } = target.variants;
    for (const variant of target.variants.options) {
      const mapped = discriminator?.mapping.filter((entry) => entry.schema === variant.name) ?? [];
      const when =
        discriminator !== undefined && mapped.length > 0
          ? ` (${inlineCode(discriminator.propertyName)} = ${mapped.map((entry) => inlineCode(entry.value)).join(' or ')})`
          : '';
      const nested = childLines(variant.schema, scope, depth + 1);
      const link = scope.expandNamed ? undefined : scope.schemaLink(variant.schema.ref ?? '');
      const label =
        variant.schema.ref === undefined
          ? variant.name
          : link === undefined
            ? inlineCode(variant.name)
            : `[${variant.name}](${link})`;
      const about = sentence(variant.schema.description);
      const type = variant.schema.ref === undefined ? ` (${typeLabel(variant.schema)})` : '';
      lines.push(`${indent}- ${label}${type}${when}${about ? `: ${about}` : ''}`, ...nested);
    }
  }
  for (const field of target.properties ?? []) lines.push(...fieldLines(field, scope, depth));
  return lines;
}

/** One field's line and its nested members. */
export function fieldLines(field: Field, scope: FieldScope, depth: number): string[] {
  const line = `${'  '.repeat(depth)}- ${inlineCode(field.name)} (${facts(field.schema, field.required, scope.terse).join(', ')})`;
  const text = [sentence(field.schema.description), valueNotes(field.schema), linkNote(field.schema, scope)]
    .filter((part) => part !== '')
    .join(' ');
  return [text === '' ? line : `${line}: ${text}`, ...childLines(field.schema, scope, depth + 1)];
}

/** Members of a nested node, unless it is a named schema expanded before or linked instead. */
function childLines(node: SchemaNode, scope: FieldScope, depth: number): string[] {
  const target = elementNode(node);
  if (!hasMembers(target)) return [];
  const named = namedElement(node);
  if (named !== undefined) {
    if (named.recursive || named.truncated || !scope.expandNamed || scope.expanded.has(named.ref ?? '')) {
      return [];
    }
    scope.expanded.add(named.ref ?? '');
  }
  return memberLines(target, scope, depth);
}

/** The node whose members a field shows: arrays and maps show their element's members. */
function elementNode(node: SchemaNode): SchemaNode {
  if (node.type === 'array' && node.items !== undefined) return elementNode(node.items);
  if (node.type === 'map' && typeof node.additionalProperties === 'object') {
    return elementNode(node.additionalProperties);
  }
  return node;
}

/** The named schema a field's members come from (itself, or its array/map element). */
function namedElement(node: SchemaNode): SchemaNode | undefined {
  if (node.ref !== undefined && (hasMembers(node) || node.recursive || node.truncated)) return node;
  if (node.type === 'array' && node.items !== undefined) return namedElement(node.items);
  if (node.type === 'map' && typeof node.additionalProperties === 'object') {
    return namedElement(node.additionalProperties);
  }
  return undefined;
}

function hasMembers(node: SchemaNode): boolean {
  return (node.properties?.length ?? 0) > 0 || (node.variants?.options.length ?? 0) > 0;
}

/** `string, required, max length 64, default "x"`: what fits in the parentheses. */
function facts(node: SchemaNode, required: boolean, terse: boolean): string[] {
  const out = [typeLabel(node)];
  if (required) out.push('required');
  if (node.deprecated) out.push('deprecated');
  if (node.readOnly) out.push('read-only');
  if (node.writeOnly) out.push('write-only');
  out.push(...node.constraints.map(constraintText));
  const items = node.type === 'array' ? node.items : undefined;
  if (items !== undefined) out.push(...items.constraints.map((c) => `items ${constraintText(c)}`));
  const inferable = terse && !required && node.nullable && node.default?.value === null;
  if (node.default !== undefined && !inferable)
    out.push(`default ${inlineCode(literal(node.default.value))}`);
  return out;
}

/** `One of: `A`, `B`.` for enums (of the field or its array items), `Always `x`.` for a const. */
function valueNotes(node: SchemaNode): string {
  const source = node.enum === undefined && node.type === 'array' && node.items ? node.items : node;
  const notes: string[] = [];
  if (source.const !== undefined) notes.push(`Always ${inlineCode(literal(source.const.value))}.`);
  if (source.enum !== undefined && source.enum.length > 0) {
    notes.push(`One of: ${source.enum.map((value) => inlineCode(literal(value))).join(', ')}.`);
  }
  return notes.join(' ');
}

/** Named schemas not expanded here (recursive, too deep, or on a schema page): say where their members are. */
function linkNote(node: SchemaNode, scope: FieldScope): string {
  const named = namedElement(node);
  if (named?.ref === undefined) return '';
  const linked = named.recursive || named.truncated || (!scope.expandNamed && hasMembers(elementNode(node)));
  const url = linked ? scope.schemaLink(named.ref) : undefined;
  return url === undefined ? '' : `See [${named.ref}](${url}).`;
}

/** Strings bare (`A`), everything else as JSON (`1`, `null`, `["a"]`). */
export function literal(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? 'undefined');
}

/** A description on one line, ending with a full stop, so notes can follow it. */
function sentence(text: string | undefined): string {
  const flat = (text ?? '').trim().replace(/\s*\n\s*/g, ' ');
  if (flat === '') return '';
  return /[.!?:)`]$/.test(flat) ? flat : `${flat}.`;
}
