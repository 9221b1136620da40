import { REFERENCE_BASE } from '../model/navigation.ts';
import { pageUrl, type ReferencePage, SCHEMAS_INDEX_URL } from '../model/pages.ts';
import type { ApiModel, HttpMethod, NavGroup, NavTag } from '../model/types.ts';

/**
 * The sidebar of one reference page, passed to `<StarlightPage sidebar>`.
 *
 * A sidebar listing every operation makes every page carry the whole contract
 * (~300 KB per page at 1,000 operations). This one holds only what is near the
 * page: every group as one link, the current group's tags, the current tag's
 * operations, the webhooks, and a window of schemas on schema pages. Its size
 * depends on the page's neighbourhood, not on the number of operations.
 */

/** The shapes of Starlight's sidebar config that we use (`StarlightUserConfig['sidebar']`). */
export interface SidebarBadge {
  text: string;
  variant: 'note' | 'danger' | 'success' | 'caution' | 'tip' | 'default';
  class: string;
}
export interface SidebarLink {
  label: string;
  link: string;
  badge?: SidebarBadge;
  attrs?: Record<string, string>;
}
export interface SidebarGroup {
  label: string;
  items: SidebarItem[];
  collapsed?: boolean;
}
export type SidebarItem = SidebarLink | SidebarGroup;

/** URL of the schemas index (a page of its own next to the reference pages). */
/** How many schemas a schema page's sidebar shows around the current one. */
const SCHEMA_WINDOW = 12;

const METHOD_VARIANT: Partial<Record<HttpMethod, SidebarBadge['variant']>> = {
  get: 'success',
  post: 'note',
  put: 'caution',
  patch: 'caution',
  delete: 'danger',
  head: 'default',
  options: 'default',
  trace: 'default',
  query: 'success',
};

/** Short method labels, so badges line up in a narrow sidebar. */
export function methodLabel(method: HttpMethod): string {
  return method === 'delete' ? 'DEL' : method === 'options' ? 'OPT' : method.toUpperCase();
}

function methodBadge(method: HttpMethod): SidebarBadge {
  return {
    text: methodLabel(method),
    variant: METHOD_VARIANT[method] ?? 'default',
    // The lean reference sidebar colours a badge by this class (src/components/frame/sidebar.ts).
    class: method,
  };
}

/** Where a page sits in the navigation: the group and tag it belongs to, if any. */
function placeOf(
  model: ApiModel,
  page: ReferencePage,
): { group?: NavGroup | undefined; tag?: NavTag | undefined } {
  switch (page.kind) {
    case 'api-group':
      return { group: page.group };
    case 'api-tag':
      return { group: page.group, tag: page.tag };
    case 'operation': {
      const group = model.groups.find((candidate) => candidate.slug === page.operation.group.slug);
      return { group, tag: group?.tags.find((tag) => tag.slug === page.operation.tag.slug) };
    }
    default:
      return {};
  }
}

export function referenceSidebar(model: ApiModel, page: ReferencePage): SidebarItem[] {
  const { group: currentGroup, tag: currentTag } = placeOf(model, page);

  const items: SidebarItem[] = [{ label: 'Overview', link: pageUrl(REFERENCE_BASE) }];
  for (const group of model.groups) {
    if (group.slug !== currentGroup?.slug) {
      items.push({ label: group.name, link: pageUrl(group.pageSlug) });
      continue;
    }
    const single = group.tags.length === 1 && group.tags[0]?.pageSlug === group.pageSlug;
    const tag = group.tags[0];
    if (single && tag !== undefined) {
      // A tag that is its own group: the group lists its operations directly.
      items.push({ label: group.name, items: [overviewLink(tag.pageSlug), ...operationLinks(tag)] });
      continue;
    }
    const tagItems: SidebarItem[] = [overviewLink(group.pageSlug)];
    for (const member of group.tags) {
      tagItems.push(
        member.pageSlug === currentTag?.pageSlug
          ? { label: member.name, items: [overviewLink(member.pageSlug), ...operationLinks(member)] }
          : { label: member.name, link: pageUrl(member.pageSlug) },
      );
    }
    items.push({ label: group.name, items: tagItems });
  }
  if (model.webhooks.length > 0) {
    items.push({
      label: 'Webhooks',
      collapsed: page.kind !== 'webhook',
      items: model.webhooks.map((webhook) => ({
        label: webhook.summary,
        link: pageUrl(webhook.slug),
        badge: { text: 'HOOK', variant: 'tip', class: 'webhook' },
      })),
    });
  }
  if (model.schemas.length > 0) items.push(schemaItems(model, page));
  // The way back to the guides, as the guides' sidebar ends with the way here: on narrow
  // screens the header's Docs / API Reference switch is hidden and this menu is all there is.
  items.push({ label: 'Docs', link: '/' });
  return items;
}

function overviewLink(slug: string): SidebarLink {
  return { label: 'Overview', link: pageUrl(slug) };
}

function operationLinks(tag: NavTag): SidebarLink[] {
  return tag.operations.map((operation) => {
    const link: SidebarLink = {
      label: operation.summary,
      link: pageUrl(operation.slug),
      badge: methodBadge(operation.method),
    };
    if (operation.deprecated) link.attrs = { class: 'deprecated-link' };
    return link;
  });
}

/** The schemas index, and on a schema page the schemas declared around it. */
function schemaItems(model: ApiModel, page: ReferencePage): SidebarItem {
  if (page.kind !== 'schema') return { label: 'Schemas', link: SCHEMAS_INDEX_URL };
  const index = model.schemas.findIndex((schema) => schema.slug === page.schema.slug);
  const start = Math.max(0, Math.min(index - SCHEMA_WINDOW / 2, model.schemas.length - SCHEMA_WINDOW));
  const near = model.schemas.slice(start, start + SCHEMA_WINDOW);
  return {
    label: 'Schemas',
    items: [
      { label: `All schemas (${model.schemas.length})`, link: SCHEMAS_INDEX_URL },
      ...near.map((schema) => ({ label: schema.name, link: pageUrl(schema.slug) })),
    ],
  };
}
