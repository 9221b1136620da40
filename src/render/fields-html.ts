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
 * Keeps a page's size flat in schema depth and breadth. A named schema's members are listed once
 * per page, where it first occurs; a later occurrence links to that first one (a reader reaches
 * the same fields in one click, a deep link opens them). Once a page's field lists pass `budget`
 * bytes, nested named schemas link to their own schema page instead of expanding, which applies
 * the same rule there. What has no page of its own past the budget (an inline nested object, the
 * rest of a long list of fields or variants) is deferred: its toggle stays on the page, and its
 * list, rendered with a budget of its own, goes to `deferred`, which the page's fields file
 * (`/fields/<page>.json`) serves and the toggle loads when it opens. Every field of the contract
 * stays one click away, and no page's field markup grows past the budget by more than one field
 * line and a toggle per level. The Markdown twins are not concerned: they stay complete on their own.
 */
export interface FieldPage {
  /** Schema name → anchor of its first expansion on this page. */
  readonly seen: Map<string, string>;
  /** Bytes of field markup written so far. */
  bytes: number;
  readonly budget: number;
  /** Deferred lists by id (`f1`, `f2`…), shared by the page and every list deferred from it. */
  readonly deferred: Map<string, string>;
  /** The page's Markdown twin: where a deferred list's fields are without JavaScript. */
  readonly twin?: string | undefined;
}

/**
 * Field markup a page may hold before nested lists link to their schema page or are deferred.
 * An operation page's frame (sidebar, head, scripts, table of contents) measured 15 to 25 KB
 * on OpenAI's and Stripe's contracts, and its code samples and examples, capped apart
 * (src/model/short-example.ts), up to about 30 KB: 40 KB of fields (and the field line and
 * toggles past them) keeps the page below 100 KB.
 */
export const FIELD_PAGE_BUDGET = 40_000;

export function fieldPage(budget = FIELD_PAGE_BUDGET, twin?: string): FieldPage {
  return { seen: new Map(), bytes: 0, budget, deferred: new Map(), twin };
}

/** A page for a deferred list: its own budget and what it lists, the page's deferred lists. */
function deferredPage(page: FieldPage): FieldPage {
  return { seen: new Map(), bytes: 0, budget: page.budget, deferred: page.deferred, twin: page.twin };
}

const overBudget = (page: FieldPage) => page.bytes > page.budget;

/**
 * Defers `render`'s list: stores it under a new id, rendered against a fresh budget, and returns
 * the toggle that loads it (`summary` is its label). Without JavaScript the note says where else
 * the fields are.
 */
function deferredHtml(
  page: FieldPage,
  summary: string,
  render: (page: FieldPage) => string,
  what: 'fields' | 'values' = 'fields',
): string {
  const id = `f${page.deferred.size + 1}`;
  page.deferred.set(id, '');
  page.deferred.set(id, render(deferredPage(page)));
  const version =
    page.twin === undefined
      ? 'Markdown version'
      : `<a href="${escapeAttribute(page.twin)}">Markdown version</a>`;
  const html = `<details class="f-c f-later" data-fields="${id}"><summary>${summary}</summary><p class="ref-note">Loading the ${what}… They are also listed in the ${version} of this page.</p></details>`;
  page.bytes += html.length;
  return html;
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
 * Allowed values a field line shows before the rest fold away: a list of hundreds of values
 * (Stripe's merchant categories: 300, 13 KB a field) would make one line outweigh the page.
 */
const VALUES_SHOWN = 40;

/** A list of values, past `VALUES_SHOWN` the rest deferred (loaded when their toggle opens). */
function valuesHtml(values: readonly string[], page: FieldPage | undefined): string {
  if (page === undefined || values.length <= VALUES_SHOWN + 10) return codes(values);
  const rest = values.slice(VALUES_SHOWN);
  return `${codes(values.slice(0, VALUES_SHOWN))} ${deferredHtml(page, `and ${rest.length} more`, () => codes(rest), 'values')}`;
}

/**
 * A node's facts as `dl.f-x`: default, constant, allowed values, constraints and
 * an example (the parameter's own when `example` is given), or nothing.
 */
function factsHtml(node: SchemaNode, example?: { value: unknown }, page?: FieldPage): string {
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
  return `<dl class="f-x">${facts.map(([term, values]) => `<dt>${term}</dt> <dd>${valuesHtml(values, page)}</dd>`).join(' ')}</dl>`;
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
  if (overBudget(options.page)) {
    return deferredHtml(options.page, childrenSummary(node, name), (page) =>
      fieldsHtml(node, links, { ...deeper, page }),
    );
  }
  const head = counted(
    options.page,
    `<details class="f-c"${open ? ' open' : ''}><summary>${childrenSummary(node, name)}</summary>`,
  );
  return `${head}${fieldsHtml(node, links, deeper)}${counted(options.page, '</details>')}`;
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
    return counted(
      options.page,
      `<p class="ref-note f-same">Fields of ${schemaLink(name, links)}: as listed <a href="#${escapeAttribute(first)}">above</a>.</p>`,
    );
  }
  const href = links.schema(name);
  if (overBudget(options.page) && href !== undefined) {
    return counted(
      options.page,
      `<p class="ref-note">Fields of ${schemaLink(name, links)} are listed on its own page.</p>`,
    );
  }
  options.page.seen.set(key, options.path);
  return undefined;
}

/** `html`, its bytes added to the page's. */
function counted(page: FieldPage, html: string): string {
  page.bytes += html.length;
  return html;
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
  const page = settings.page;
  if (node.recursive === true) {
    return counted(
      page,
      `<p class="ref-note ref-recursive">Recursive: a ${schemaLink(node.ref, links)} again, with the fields listed above.</p>`,
    );
  }
  if (node.truncated === true) {
    return counted(
      page,
      `<p class="ref-note">Fields of ${schemaLink(node.ref, links)} are listed on its own page.</p>`,
    );
  }
  // The base of an allOf hierarchy (or one of its subtypes): which schema each value selects.
  let html = counted(
    page,
    node.discriminator !== undefined && node.variants === undefined
      ? discriminatorHtml(node.discriminator, 'selects the schema', links)
      : '',
  );
  const properties = node.properties ?? [];
  if (properties.length > 0) {
    html += counted(page, `<ul class="ref-fields" data-depth="${settings.depth}">`);
    for (const [index, field] of properties.entries()) {
      if (overBudget(settings.page) && index < properties.length - 1) {
        // The rest of a long list, past the budget: one toggle, listed when it opens.
        const { variants: _v, discriminator: _d, items: _i, additionalProperties: _a, ...plain } = node;
        const rest: SchemaNode = { ...plain, properties: properties.slice(index) };
        const summary = `Show ${properties.length - index} more fields`;
        html += `${counted(page, '<li class="f-rest">')}${deferredHtml(page, summary, (later) =>
          fieldsHtml(rest, links, { ...settings, page: later }),
        )}${counted(page, '</li>')}`;
        break;
      }
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
    html += counted(page, '</ul>');
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
  if (overBudget(options.page) && variants.options.length > 1) {
    // Past the budget, the whole list with its discriminator mapping (which grows with it).
    const summary = `Show ${variants.options.length} variants`;
    return deferredHtml(options.page, summary, (later) =>
      variantsHtml(variants, links, { ...options, page: later }),
    );
  }
  let html = '<div class="ref-variants">';
  if (variants.discriminator !== undefined) {
    html += discriminatorHtml(variants.discriminator, 'tells the variants apart', links);
  }
  html += `<p class="ref-variants-title">${variants.kind === 'oneOf' ? 'Exactly one of:' : 'Any of:'}</p><ul class="ref-fields ref-variant-list">`;
  options.page.bytes += html.length;
  for (const [index, variant] of variants.options.entries()) {
    if (overBudget(options.page) && index < variants.options.length - 1) {
      // The rest of a long list of variants, past the budget: one toggle, listed when it opens.
      const rest = { kind: variants.kind, options: variants.options.slice(index) };
      const summary = `Show ${rest.options.length} more variants`;
      html += `${counted(options.page, '<li class="f-rest">')}${deferredHtml(options.page, summary, (later) =>
        variantsHtml(rest, links, { ...options, page: later }),
      )}${counted(options.page, '</li>')}`;
      break;
    }
    const href = variant.schema.ref === undefined ? undefined : links.schema(variant.schema.ref);
    const name =
      href === undefined
        ? escapeHtml(variant.name)
        : `<a href="${escapeAttribute(href)}">${escapeHtml(variant.name)}</a>`;
    // The variant's place is an anchor like a field's: "as listed above" notes link to it.
    const path = fieldAnchor(options.path, variant.name);
    const before = html.length;
    html += `<li class="ref-variant" id="${escapeAttribute(path)}"><div class="f-h"><span class="ref-variant-name">${name}</span> ${typeHtml(variant.schema, links)}</div>`;
    html += markdownHtml(variant.schema.description, 3);
    html += factsHtml(variant.schema, undefined, options.page);
    options.page.bytes += html.length - before;
    html += childrenHtml(variant.schema, variant.name, links, { ...options, path }, false);
    html += counted(options.page, '</li>');
  }
  return `${html}${counted(options.page, '</ul></div>')}`;
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
  const head =
    `<div class="ref-schema"${id}><p class="ref-schema-type">Type: ${typeHtml(node, links)}</p>` +
    markdownHtml(node.description, 3) +
    factsHtml(node, undefined, options.page);
  if (options.page !== undefined) options.page.bytes += head.length + '</div>'.length;
  return `${head}${fieldsHtml(node, links, options)}</div>`;
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
    factsHtml(node, parts.example, parts.page);
  if (parts.page !== undefined) parts.page.bytes += own.length + '</li>'.length;
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
