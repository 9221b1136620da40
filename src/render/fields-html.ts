import { constraintText, typeLabel, valueText } from '../model/format.ts';
import type { Discriminator, Parameter, SchemaNode } from '../model/types.ts';
import { escapeHtml } from './highlight.ts';
import type { ReferenceLinks } from './links.ts';
import { renderMarkdown } from './markdown-html.ts';
import { childrenTitle, hasChildren, memberNode } from './schema-tree.ts';

/**
 * Field lists as HTML strings: the largest and most repeated part of a
 * reference page (a response can list a hundred fields, nested). Rendering
 * them here, not as nested Astro components, keeps a 1,000-operation build
 * fast, and the markup terse: classes are short and only where CSS needs them.
 *
 * The vocabulary (styled in src/styles/reference.css):
 *   ul.ref-fields > li          one field
 *     div.f-h                   its head line: code.f-n name, .f-t type (a link
 *                               when the type is a named schema), flags
 *                               span.f-req / span.f-dep / span.f-acc
 *     div.ref-md                its description (sanitized Markdown)
 *     dl.f-x                    its facts: default, allowed values, constraints, example
 *     details.f-c               its nested fields (object members, array items, map values, variants)
 *
 * The pieces of a head line are separated by a space, which the flex layout ignores: without
 * it, Pagefind would index `namestringrequired` as one word and never find the field by name.
 *
 * Every text from the contract goes through `escapeHtml` (or the Markdown
 * sanitizer); attribute values through `escapeAttribute`.
 */

export interface FieldListOptions {
  /** Show read-only / write-only markers (a schema's own page keeps both kinds of fields). */
  showAccess?: boolean;
  depth?: number;
}

const ATTRIBUTE_ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;' };

/** Escapes a double-quoted attribute value. */
function escapeAttribute(text: string): string {
  return text.replace(/[&"<>]/g, (char) => ATTRIBUTE_ESCAPES[char] ?? char);
}

/** Contract Markdown as a `div.ref-md` block, or nothing for an empty text. */
export function markdownHtml(
  text: string | undefined,
  headingOffset = 2,
  idPrefix = '',
  className?: string,
): string {
  if (text === undefined || text.trim() === '') return '';
  const { html } = renderMarkdown(text, { headingOffset, idPrefix });
  if (html === '') return '';
  const classes = className === undefined ? 'ref-md' : `ref-md ${escapeAttribute(className)}`;
  // Most descriptions are one paragraph: the paragraph itself carries the class.
  if (/^<p>(?:(?!<p>)[\s\S])*<\/p>$/.test(html)) return `<p class="${classes}">${html.slice(3)}`;
  return `<div class="${classes}">${html}</div>`;
}

/** A node's type, linked to the schema a reader may want to open (its own, its items' or values'). */
export function typeHtml(node: SchemaNode, links: ReferenceLinks): string {
  const label = escapeHtml(typeLabel(node));
  const value = node.additionalProperties;
  const named =
    node.ref ?? node.items?.ref ?? (value !== undefined && value !== true ? value.ref : undefined);
  const href = named === undefined ? undefined : links.schema(named);
  return href === undefined
    ? `<span class="f-t">${label}</span>`
    : `<a class="f-t" href="${escapeAttribute(href)}">${label}</a>`;
}

/** Long values are cut for the one-line facts; the full examples are in the example blocks. */
function shortValue(value: unknown): string {
  const text = valueText(value);
  return escapeHtml(text.length > 120 ? `${text.slice(0, 117)}…` : text);
}

const codes = (texts: readonly string[]) => texts.map((text) => `<code>${text}</code>`).join(' ');

/**
 * A node's facts as `dl.f-x`: default, constant, allowed values, constraints and
 * an example (the parameter's own when `example` is given), or nothing.
 */
export function factsHtml(node: SchemaNode, example?: { value: unknown }): string {
  const facts: [string, string[]][] = [];
  if (node.default !== undefined) facts.push(['Default', [shortValue(node.default.value)]]);
  if (node.const !== undefined) facts.push(['Constant', [shortValue(node.const.value)]]);
  if ((node.enum?.length ?? 0) > 0) facts.push(['Allowed values', (node.enum ?? []).map(shortValue)]);
  if ((node.items?.enum?.length ?? 0) > 0)
    facts.push(['Allowed items', (node.items?.enum ?? []).map(shortValue)]);
  const constraints = (list: SchemaNode['constraints']) =>
    list.map((constraint) => escapeHtml(constraintText(constraint).replace(/`/g, '')));
  if (node.constraints.length > 0) facts.push(['Constraints', constraints(node.constraints)]);
  if ((node.items?.constraints.length ?? 0) > 0) {
    facts.push(['Item constraints', constraints(node.items?.constraints ?? [])]);
  }
  const shown = example ?? (node.examples.length > 0 ? { value: node.examples[0] } : undefined);
  if (shown !== undefined) facts.push(['Example', [shortValue(shown.value)]]);
  if (facts.length === 0) return '';
  return `<dl class="f-x">${facts.map(([term, values]) => `<dt>${term}</dt> <dd>${codes(values)}</dd>`).join(' ')}</dl>`;
}

function flagsHtml(node: SchemaNode, required: boolean, showAccess: boolean): string {
  let html = required ? ' <span class="f-req">required</span>' : '';
  if (node.deprecated) html += ' <span class="f-dep">deprecated</span>';
  if (showAccess && node.readOnly) html += ' <span class="f-acc">read-only</span>';
  if (showAccess && node.writeOnly) html += ' <span class="f-acc">write-only</span>';
  return html;
}

function schemaLink(name: string | undefined, links: ReferenceLinks): string {
  if (name === undefined) return '';
  const href = links.schema(name);
  return href === undefined
    ? `<code>${escapeHtml(name)}</code>`
    : `<a href="${escapeAttribute(href)}">${escapeHtml(name)}</a>`;
}

/** A field's nested list under a toggle, when it has one. */
function childrenHtml(
  node: SchemaNode,
  links: ReferenceLinks,
  options: Required<FieldListOptions>,
  open: boolean,
): string {
  if (!hasChildren(node)) return '';
  const nested = fieldsHtml(node, links, { ...options, depth: options.depth + 1 });
  return `<details class="f-c"${open ? ' open' : ''}><summary>${childrenTitle(node)}</summary>${nested}</details>`;
}

/**
 * The nested field list of a schema node: members with their type, rules and
 * description; arrays and maps show their elements' members; oneOf/anyOf show
 * each variant by name with the discriminator mapping. Recursive and
 * depth-limited nodes link to their schema page instead of expanding again.
 */
export function fieldsHtml(node: SchemaNode, links: ReferenceLinks, options: FieldListOptions = {}): string {
  const settings: Required<FieldListOptions> = {
    showAccess: options.showAccess ?? false,
    depth: options.depth ?? 0,
  };
  if (node.recursive === true) {
    return `<p class="ref-note ref-recursive">Recursive: a ${schemaLink(node.ref, links)} again, with the fields listed above.</p>`;
  }
  if (node.truncated === true) {
    return `<p class="ref-note">Fields of ${schemaLink(node.ref, links)} are listed on its own page.</p>`;
  }
  // The base of an allOf hierarchy (or one of its subtypes): which schema each value selects.
  let html =
    node.discriminator !== undefined && node.variants === undefined
      ? discriminatorHtml(node.discriminator, 'selects the schema', links)
      : '';
  const properties = node.properties ?? [];
  if (properties.length > 0) {
    html += `<ul class="ref-fields" data-depth="${settings.depth}">`;
    for (const field of properties) {
      const schema = field.schema;
      html += fieldItemHtml(field.name, schema, links, {
        flags: flagsHtml(schema, field.required, settings.showAccess),
        nested: childrenHtml(schema, links, settings, settings.depth === 0 && schema.variants !== undefined),
      });
    }
    html += '</ul>';
  }
  if (node.variants !== undefined) html += variantsHtml(node.variants, links, settings);
  const member = memberNode(node);
  if (member !== undefined && hasChildren(member)) html += fieldsHtml(member, links, settings);
  return html;
}

/** `The kind field tells the variants apart: circle → Circle, square → Square.` */
function discriminatorHtml(discriminator: Discriminator, what: string, links: ReferenceLinks): string {
  const mapping = discriminator.mapping
    .map((entry) => `<code>${escapeHtml(entry.value)}</code> → ${schemaLink(entry.schema, links)}`)
    .join(', ');
  return `<p class="ref-discriminator">The <code>${escapeHtml(discriminator.propertyName)}</code> field ${what}${mapping === '' ? '' : `: ${mapping}`}.</p>`;
}

function variantsHtml(
  variants: NonNullable<SchemaNode['variants']>,
  links: ReferenceLinks,
  options: Required<FieldListOptions>,
): string {
  let html = '<div class="ref-variants">';
  if (variants.discriminator !== undefined) {
    html += discriminatorHtml(variants.discriminator, 'tells the variants apart', links);
  }
  html += `<p class="ref-variants-title">${variants.kind === 'oneOf' ? 'Exactly one of:' : 'Any of:'}</p><ul class="ref-fields ref-variant-list">`;
  for (const variant of variants.options) {
    const href = variant.schema.ref === undefined ? undefined : links.schema(variant.schema.ref);
    const name =
      href === undefined
        ? escapeHtml(variant.name)
        : `<a href="${escapeAttribute(href)}">${escapeHtml(variant.name)}</a>`;
    html += `<li class="ref-variant"><div class="f-h"><span class="ref-variant-name">${name}</span> ${typeHtml(variant.schema, links)}</div>`;
    html += markdownHtml(variant.schema.description, 3);
    html += factsHtml(variant.schema);
    html += childrenHtml(variant.schema, links, options, false);
    html += '</li>';
  }
  return `${html}</ul></div>`;
}

/** The schema of a body or response: its type (linked to the schema page), its description, its fields. */
export function schemaRootHtml(
  node: SchemaNode,
  links: ReferenceLinks,
  options: FieldListOptions = {},
): string {
  return (
    `<div class="ref-schema"><p class="ref-schema-type">Type: ${typeHtml(node, links)}</p>` +
    markdownHtml(node.description, 3) +
    factsHtml(node) +
    fieldsHtml(node, links, options) +
    '</div>'
  );
}

export interface FieldItemParts {
  /** Flag spans after the type, each led by a space (` <span class="f-req">required</span>`). */
  flags?: string;
  /** Markdown shown under the head; the node's own description when absent. */
  description?: string | undefined;
  /** An example to show in the facts in place of the node's own. */
  example?: { value: unknown };
  /** HTML of the nested list (a `details.f-c`), if any. */
  nested?: string;
  /** Attributes of the `<li>`, already escaped (` data-parameter="id"`). */
  attributes?: string;
}

/** One field line: head (name, type, flags), description, facts, nested list. */
export function fieldItemHtml(
  name: string,
  node: SchemaNode,
  links: ReferenceLinks,
  parts: FieldItemParts = {},
): string {
  return (
    `<li${parts.attributes ?? ''}><div class="f-h"><code class="f-n">${escapeHtml(name)}</code> ${typeHtml(node, links)}${parts.flags ?? ''}</div>` +
    markdownHtml(parts.description ?? node.description, 3) +
    factsHtml(node, parts.example) +
    `${parts.nested ?? ''}</li>`
  );
}

/** One parameter as a field line, with its nested fields when its schema has members. */
export function parameterHtml(parameter: Parameter, links: ReferenceLinks): string {
  const schema = parameter.schema;
  let flags = parameter.required ? ' <span class="f-req">required</span>' : '';
  if (parameter.deprecated || schema.deprecated) flags += ' <span class="f-dep">deprecated</span>';
  const nested = hasChildren(schema)
    ? `<details class="f-c"><summary>Fields</summary>${fieldsHtml(schema, links, { depth: 1 })}</details>`
    : '';
  return fieldItemHtml(parameter.name, schema, links, {
    flags,
    description: parameter.description,
    example: { value: parameter.example.value },
    nested,
    attributes: ` data-parameter="${escapeAttribute(parameter.name)}"`,
  });
}
