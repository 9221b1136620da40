import {
  asArray,
  asObject,
  asString,
  asStringArray,
  isObject,
  type JsonObject,
  SlugScope,
  slugify,
} from './json.ts';
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

/** Every operation of `paths`, in document order. */
export function rawOperations(paths: unknown): RawOperation[] {
  const out: RawOperation[] = [];
  for (const [path, rawItem] of Object.entries(asObject(paths))) {
    const pathItem = asObject(rawItem);
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (isObject(operation)) out.push({ method, path, operation, pathItem });
    }
  }
  return out;
}

/**
 * Sidebar order and page slugs: `x-tagGroups` → tags → operations.
 * Without `x-tagGroups` every tag is a group of its own (its pages skip the
 * repeated level); tags no group lists, and untagged operations, get a group of
 * their own at the end.
 */
export function navigation(document: JsonObject, operations: RawOperation[]): NavGroup[] {
  const tagInfo = new Map<string, string | undefined>();
  for (const tag of asArray(document.tags)) {
    const name = asString(asObject(tag).name);
    if (name !== undefined) tagInfo.set(name, asString(asObject(tag).description));
  }
  const tagOf = (op: RawOperation) => asStringArray(op.operation.tags)[0] ?? UNTAGGED;
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
  const plan =
    declaredGroups.length > 0
      ? [...declaredGroups, { name: UNTAGGED, tags: tagOrder.filter((tag) => !grouped.has(tag)) }]
      : tagOrder.map((tag) => ({ name: tag, tags: [tag] }));

  const groupSlugs = new SlugScope(RESERVED_GROUP_SLUGS);
  const groups: NavGroup[] = [];
  const placed = new Set<string>();
  for (const { name, tags } of plan) {
    const members = tags.filter((tag) => !placed.has(tag) && operations.some((op) => tagOf(op) === tag));
    if (members.length === 0) continue;
    const slug = groupSlugs.take(slugify(name));
    const group: NavGroup = { name, slug, pageSlug: `${REFERENCE_BASE}/${slug}`, tags: [] };
    const collapse = declaredGroups.length === 0; // one tag per group: no repeated level in URLs
    const tagSlugs = new SlugScope();
    for (const tagName of members) {
      placed.add(tagName);
      const tagSlug = collapse ? slug : tagSlugs.take(slugify(tagName));
      const base = collapse ? group.pageSlug : `${group.pageSlug}/${tagSlug}`;
      const tag: NavTag = { name: tagName, slug: tagSlug, pageSlug: base, operations: [] };
      const description = tagInfo.get(tagName);
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
    tag: { name: tag.name, slug: tag.slug },
    slug,
  };
  const operationId = asString(op.operation.operationId);
  if (operationId !== undefined) out.operationId = operationId;
  return out;
}
