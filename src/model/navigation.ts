import { asArray, asObject, asString, asStringArray, isObject, type JsonObject } from './json.ts';
import { escapePointerToken } from './pointer.ts';
import { SlugScope, slugify } from './slug.ts';
import { HTTP_METHODS, type HttpMethod, type NavGroup, type NavTag, type OperationSummary } from './types.ts';

/** Where the reference lives below the site root. */
export const REFERENCE_BASE = 'api-reference';
/** Group slugs the reference keeps for its own pages. */
const RESERVED_GROUP_SLUGS = ['webhooks', 'schemas', 'llms-txt'];
const UNTAGGED = 'Other';

export interface RawOperation {
  method: HttpMethod;
  path: string;
  operation: JsonObject;
  pathItem: JsonObject;
}

/** The operations of one Path Item: its fixed method fields, then OpenAPI 3.2's `additionalOperations`. */
export function pathItemOperations(
  pathItem: JsonObject,
): { method: HttpMethod; operation: JsonObject; pointer: string }[] {
  const out: { method: HttpMethod; operation: JsonObject; pointer: string }[] = [];
  for (const method of HTTP_METHODS) {
    const operation = pathItem[method];
    if (isObject(operation)) out.push({ method, operation, pointer: method });
  }
  for (const [name, operation] of Object.entries(asObject(pathItem.additionalOperations))) {
    const method = name.toLowerCase();
    // A fixed method's field wins: the specification forbids repeating it here.
    if (!isObject(operation) || out.some((known) => known.method === method)) continue;
    out.push({
      method,
      operation,
      pointer: `additionalOperations/${escapePointerToken(name)}`,
    });
  }
  return out;
}

/** Every operation of `paths`, in document order. */
export function rawOperations(paths: unknown): RawOperation[] {
  const out: RawOperation[] = [];
  for (const [path, rawItem] of Object.entries(asObject(paths))) {
    const pathItem = asObject(rawItem);
    for (const { method, operation } of pathItemOperations(pathItem))
      out.push({ method, path, operation, pathItem });
  }
  return out;
}

/** Path segments that name no resource: API versions (`v1`, `2010-04-01`) and common prefixes. */
const NOT_A_RESOURCE = /^(v\d[\w.]*|\d[\d.-]*|api|rest)$/i;

/**
 * The group of an operation without tags: its path's first segment that names a resource
 * (`/v1/payment_intents/{intent}` → `Payment intents`), as an API's own docs group by resource;
 * `Other` for `/` and paths of parameters only.
 */
function resourceOf(path: string): string {
  const segment = path
    .split('/')
    .map((part) => part.replace(/\.(json|xml)$/i, ''))
    .find((part) => part !== '' && !part.startsWith('{') && !NOT_A_RESOURCE.test(part));
  if (segment === undefined) return UNTAGGED;
  const words = segment
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[-_.]+/g, ' ')
    .trim()
    .toLowerCase();
  return words === '' ? UNTAGGED : words.charAt(0).toUpperCase() + words.slice(1);
}

interface TagInfo {
  /** What readers see: OpenAPI 3.2's `summary`, else the name. */
  title: string;
  description?: string;
  /** OpenAPI 3.2: the tag this one is nested under. */
  parent?: string;
  /** OpenAPI 3.2: what sort of tag it is (`nav`, `badge`, `audience`…). */
  kind?: string;
}

/** Declared tags by name. */
function declaredTags(document: JsonObject): Map<string, TagInfo> {
  const tags = new Map<string, TagInfo>();
  for (const raw of asArray(document.tags)) {
    const tag = asObject(raw);
    const name = asString(tag.name);
    if (name === undefined) continue;
    const info: TagInfo = { title: asString(tag.summary) ?? name };
    const description = asString(tag.description);
    if (description !== undefined) info.description = description;
    const parent = asString(tag.parent);
    if (parent !== undefined && parent !== name) info.parent = parent;
    const kind = asString(tag.kind);
    if (kind !== undefined) info.kind = kind;
    tags.set(name, info);
  }
  return tags;
}

/** The top of a tag's `parent` chain (a cycle, which the specification forbids, stops where it repeats). */
function rootOf(name: string, tags: Map<string, TagInfo>): string {
  let current = name;
  const seen = new Set([current]);
  for (
    let parent = tags.get(current)?.parent;
    parent !== undefined && tags.has(parent) && !seen.has(parent);
  ) {
    current = parent;
    seen.add(current);
    parent = tags.get(current)?.parent;
  }
  return current;
}

/**
 * Sidebar order and page slugs: `x-tagGroups` → tags → operations.
 * Without `x-tagGroups` every tag is a group of its own (its pages skip the
 * repeated level), unless OpenAPI 3.2 nests tags with `parent`: then each top tag is a
 * group holding itself and every tag below it. Tags no group lists get a group of their
 * own at the end; operations without tags are grouped by resource (`resourceOf`).
 */
export function navigation(document: JsonObject, operations: RawOperation[]): NavGroup[] {
  const tagInfo = declaredTags(document);
  // An operation sits under its first navigation tag: one without a `kind`, or of kind `nav`
  // (a `badge` or `audience` tag describes it, it does not place it); else its first tag.
  const tagOf = (op: RawOperation) => {
    const names = asStringArray(op.operation.tags);
    const kindOf = (name: string) => tagInfo.get(name)?.kind;
    return (
      names.find((name) => kindOf(name) === undefined || kindOf(name) === 'nav') ??
      names[0] ??
      resourceOf(op.path)
    );
  };
  // Tag order: as declared in `tags`, then as first used by operations.
  const tagOrder = [...tagInfo.keys()];
  for (const op of operations) if (!tagOrder.includes(tagOf(op))) tagOrder.push(tagOf(op));

  const declaredGroups = asArray(document['x-tagGroups'])
    .map((group) => ({
      name: asString(asObject(group).name) ?? '',
      tags: asStringArray(asObject(group).tags),
    }))
    .filter((group) => group.name !== '');
  const grouped = new Set(declaredGroups.flatMap((group) => group.tags));
  const nested = [...tagInfo.values()].some((info) => info.parent !== undefined);
  const roots = [...new Set(tagOrder.map((tag) => rootOf(tag, tagInfo)))];
  const plan =
    declaredGroups.length > 0
      ? [...declaredGroups, { name: UNTAGGED, tags: tagOrder.filter((tag) => !grouped.has(tag)) }]
      : nested
        ? roots.map((root) => ({
            name: tagInfo.get(root)?.title ?? root,
            tags: tagOrder.filter((tag) => rootOf(tag, tagInfo) === root),
          }))
        : tagOrder.map((tag) => ({ name: tagInfo.get(tag)?.title ?? tag, tags: [tag] }));

  const groupSlugs = new SlugScope(RESERVED_GROUP_SLUGS);
  const groups: NavGroup[] = [];
  const placed = new Set<string>();
  for (const { name, tags } of plan) {
    const members = tags.filter((tag) => !placed.has(tag) && operations.some((op) => tagOf(op) === tag));
    if (members.length === 0) continue;
    const slug = groupSlugs.take(slugify(name));
    const group: NavGroup = { name, slug, pageSlug: `${REFERENCE_BASE}/${slug}`, tags: [] };
    // one tag per group: no repeated level in URLs
    const collapse = declaredGroups.length === 0 && tags.length === 1;
    const tagSlugs = new SlugScope();
    for (const tagName of members) {
      placed.add(tagName);
      const tagSlug = collapse ? slug : tagSlugs.take(slugify(tagName));
      const base = collapse ? group.pageSlug : `${group.pageSlug}/${tagSlug}`;
      const tag: NavTag = {
        name: tagInfo.get(tagName)?.title ?? tagName,
        slug: tagSlug,
        pageSlug: base,
        operations: [],
      };
      const description = tagInfo.get(tagName)?.description;
      if (description !== undefined) tag.description = description;
      const opSlugs = new SlugScope();
      for (const op of operations.filter((candidate) => tagOf(candidate) === tagName)) {
        tag.operations.push(summary(op, group, tag, `${base}/${opSlugs.take(operationSlug(op))}`));
      }
      group.tags.push(tag);
    }
    groups.push(group);
  }
  return groups;
}

/** The last part of an operation's URL: SDK method name, else operationId, else method and path. */
function operationSlug(op: RawOperation): string {
  const sdkName = asString(op.operation['x-fern-sdk-method-name']);
  if (sdkName !== undefined) return slugify(sdkName);
  const operationId = asString(op.operation.operationId);
  if (operationId !== undefined) return slugify(operationId);
  return slugify(`${op.method} ${op.path.replace(/[{}]/g, '')}`);
}

function summary(op: RawOperation, group: NavGroup, tag: NavTag, slug: string): OperationSummary {
  const out: OperationSummary = {
    key: `${op.method} ${op.path}`,
    method: op.method,
    path: op.path,
    summary: asString(op.operation.summary) ?? `${op.method.toUpperCase()} ${op.path}`,
    deprecated: op.operation.deprecated === true,
    group: { name: group.name, slug: group.slug },
    tag: { name: tag.name, slug: tag.slug, pageSlug: tag.pageSlug },
    slug,
  };
  const operationId = asString(op.operation.operationId);
  if (operationId !== undefined) out.operationId = operationId;
  return out;
}
