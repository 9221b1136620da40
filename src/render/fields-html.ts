import { constraintText, typeLabel, valueText } from '../model/format.ts';
import type { Discriminator, Parameter, SchemaNode } from '../model/types.ts';
import { escapeAttribute, escapeHtml } from './html.ts';
import type { ReferenceLinks } from './links.ts';
import { markdownHtml } from './markdown-html.ts';
import { hasChildren, memberNode } from './schema-tree.ts';

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
  /**
   * The anchor of the place this list sits in (`body`, `query`, `response-200`): each field's
   * anchor is this path, a dot and its name (`body.coordinates.latitude`). Members of array items
   * and map values continue their field's path without a marker (`body.connectors.id` for the `id`
   * of each item of `connectors`); a variant's members go under its name (`body.shape.Circle.radius`).
   */
  path?: string;
  /** What this page has listed so far; one per page, shared by all its field lists. */
  page?: FieldPage;
}

/**
 * Keeps a page's size flat in schema depth. A named schema's members are listed once per page,
 * where it first occurs; a later occurrence links to that first one (a reader reaches the same
 * fields in one click, a deep link opens them). Once a page's field lists pass `budget` bytes,
 * nested named schemas link to their own schema page instead of expanding, which applies the
 * same rule there: every field of the contract stays reachable, and no page grows with the depth
 * or the breadth of the schemas it reaches. The Markdown twins are not concerned: they stay
 * complete on their own.
 */
export interface FieldPage {
  /** Schema name → anchor of its first expansion on this page. */
  readonly seen: Map<string, string>;
  /** Bytes of field markup written so far. */
  bytes: number;
  readonly budget: number;
}

/** Field markup a page may hold before nested named schemas link to their own pages. */
const FIELD_PAGE_BUDGET = 48_000;

export function fieldPage(budget = FIELD_PAGE_BUDGET): FieldPage {
  return { seen: new Map(), bytes: 0, budget };
}

/** The anchor of a field at `path`: no whitespace, so it stays one token in a URL's fragment. */
function fieldAnchor(path: string, name: string): string {
  const part = name.replace(/\s+/g, '-');
  return path === '' ? part : `${path}.${part}`;
}

/** Number of fields (or variants) a node's nested list shows. */
function childCount(node: SchemaNode): number {
  const properties = node.properties?.length ?? 0;
  if (properties > 0) return properties;
  if (node.variants !== undefined) return node.variants.options.length;
  const member = memberNode(node);
  return member === undefined ? 0 : childCount(member);
}

/** `Show 4 fields of <code>coordinates</code>`: the toggle of a nested list. */
function childrenSummary(node: SchemaNode, name: string): string {
  const count = childCount(node);
  const noun = node.variants !== undefined && (node.properties?.length ?? 0) === 0 ? 'variant' : 'field';
  return `Show ${count} ${noun}${count === 1 ? '' : 's'} of <code>${escapeHtml(name)}</code>`;
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
function factsHtml(node: SchemaNode, example?: { value: unknown }): string {
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

/** A field's nested list under a toggle, when it has one; a link where it is listed elsewhere. */
function childrenHtml(
  node: SchemaNode,
  name: string,
  links: ReferenceLinks,
  options: Settings,
  open: boolean,
): string {
  if (!hasChildren(node)) return '';
  const deeper = { ...options, depth: options.depth + 1 };
  // A recursive or depth-limited node is a one-line link: nothing to fold.
  const member = memberNode(node);
  const stop = (candidate: SchemaNode | undefined) =>
    candidate?.recursive === true || candidate?.truncated === true;
  if (stop(node) || ((node.properties?.length ?? 0) === 0 && node.variants === undefined && stop(member))) {
    return fieldsHtml(node, links, deeper);
  }
  const elsewhere = elsewhereHtml(node, links, options);
  if (elsewhere !== undefined) return elsewhere;
  const nested = fieldsHtml(node, links, deeper);
  return `<details class="f-c"${open ? ' open' : ''}><summary>${childrenSummary(node, name)}</summary>${nested}</details>`;
}

type Settings = Required<Omit<FieldListOptions, 'page'>> & { page: FieldPage };

/**
 * Where a nested named schema is not expanded again (see `FieldPage`): a link to its first
 * expansion on this page, or to its schema page past the budget. Records the first expansion.
 */
function elsewhereHtml(node: SchemaNode, links: ReferenceLinks, options: Settings): string | undefined {
  const name = node.ref ?? memberNode(node)?.ref;
  if (name === undefined || node.recursive === true || node.truncated === true) return undefined;
  const key = seenKey(options.path, name);
  const first = options.page.seen.get(key);
  if (first !== undefined) {
    return `<p class="ref-note f-same">Fields of ${schemaLink(name, links)}: as listed <a href="#${escapeAttribute(first)}">above</a>.</p>`;
  }
  const href = links.schema(name);
  if (options.page.bytes > options.page.budget && href !== undefined) {
    return `<p class="ref-note">Fields of ${schemaLink(name, links)} are listed on its own page.</p>`;
  }
  options.page.seen.set(key, options.path);
  return undefined;
}

/**
 * A schema lists different members in a request (no read-only ones) and a response (no
 * write-only ones): an occurrence only stands for another in the same direction.
 */
function seenKey(path: string, name: string): string {
  return `${path.startsWith('response') ? 'out' : 'in'} ${name}`;
}

/**
 * The nested field list of a schema node: members with their type, rules and
 * description; arrays and maps show their elements' members; oneOf/anyOf show
 * each variant by name with the discriminator mapping. Recursive and
 * depth-limited nodes link to their schema page instead of expanding again.
 */
export function fieldsHtml(node: SchemaNode, links: ReferenceLinks, options: FieldListOptions = {}): string {
  const settings: Settings = {
    showAccess: options.showAccess ?? false,
    depth: options.depth ?? 0,
    path: options.path ?? '',
    page: options.page ?? fieldPage(),
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
      const anchor = fieldAnchor(settings.path, field.name);
      html += fieldItemHtml(field.name, schema, links, {
        anchor,
        page: settings.page,
        flags: flagsHtml(schema, field.required, settings.showAccess),
        nested: childrenHtml(
          schema,
          field.name,
          links,
          { ...settings, path: anchor },
          settings.depth === 0 && schema.variants !== undefined,
        ),
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
  options: Settings,
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
    // The variant's place is an anchor like a field's: "as listed above" notes link to it.
    const path = fieldAnchor(options.path, variant.name);
    html += `<li class="ref-variant" id="${escapeAttribute(path)}"><div class="f-h"><span class="ref-variant-name">${name}</span> ${typeHtml(variant.schema, links)}</div>`;
    html += markdownHtml(variant.schema.description, 3);
    html += factsHtml(variant.schema);
    html += childrenHtml(variant.schema, variant.name, links, { ...options, path }, false);
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
  const path = options.path ?? '';
  // The root's own schema counts as expanded here: a nested occurrence links back to this list.
  if (node.ref !== undefined && path !== '') options.page?.seen.set(seenKey(path, node.ref), path);
  const id = path === '' ? '' : ` id="${escapeAttribute(path)}"`;
  return (
    `<div class="ref-schema"${id}><p class="ref-schema-type">Type: ${typeHtml(node, links)}</p>` +
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
  /** The field's anchor (`body.coordinates.latitude`): its link control and its fragment target. */
  anchor?: string;
  /** The page whose field budget this line counts against. */
  page?: FieldPage;
}

/** `<a id="body.x" href="#body.x">`: the field's fragment target and the control that copies its URL. */
function anchorHtml(anchor: string | undefined, name: string): string {
  if (anchor === undefined) return '';
  const id = escapeAttribute(anchor);
  return ` <a class="f-l" id="${id}" href="#${id}" aria-label="Link to field ${escapeAttribute(name)}"></a>`;
}

/** One field line: head (name, type, flags), description, facts, nested list. */
export function fieldItemHtml(
  name: string,
  node: SchemaNode,
  links: ReferenceLinks,
  parts: FieldItemParts = {},
): string {
  const own =
    `<li${parts.attributes ?? ''}><div class="f-h"><code class="f-n">${escapeHtml(name)}</code> ${typeHtml(node, links)}${parts.flags ?? ''}${anchorHtml(parts.anchor, name)}</div>` +
    markdownHtml(parts.description ?? node.description, 3) +
    factsHtml(node, parts.example);
  if (parts.page !== undefined) parts.page.bytes += own.length;
  return `${own}${parts.nested ?? ''}</li>`;
}

/** One parameter as a field line, with its nested fields when its schema has members. */
export function parameterHtml(parameter: Parameter, links: ReferenceLinks, page = fieldPage()): string {
  const schema = parameter.schema;
  let flags = parameter.required ? ' <span class="f-req">required</span>' : '';
  if (parameter.deprecated || schema.deprecated) flags += ' <span class="f-dep">deprecated</span>';
  const anchor = fieldAnchor(parameter.in, parameter.name);
  const nested = childrenHtml(
    schema,
    parameter.name,
    links,
    { showAccess: false, depth: 0, path: anchor, page },
    false,
  );
  return fieldItemHtml(parameter.name, schema, links, {
    anchor,
    page,
    flags,
    description: parameter.description,
    example: { value: parameter.example.value },
    nested,
    attributes: ` data-parameter="${escapeAttribute(parameter.name)}"`,
  });
}
