import { REFERENCE_BASE } from './navigation.ts';
import type { ApiModel, NamedSchema, NavGroup, NavTag, OperationSummary, Webhook } from './types.ts';

/** The page listing every named schema, in every rendering. */
export const SCHEMAS_INDEX_URL = `/${REFERENCE_BASE}/schemas/`;

/**
 * Every page of the site, one union: it drives the routes, the sidebars, the
 * Markdown twins and the llms.txt entries, so they cannot disagree.
 * `slug` is the path below the site root without slashes (`''` for the home page).
 */
export type Page =
  | { kind: 'guide'; slug: string; title: string; description?: string; sourcePath: string }
  | { kind: 'api-overview'; slug: string; title: string; description: string }
  | { kind: 'api-group'; slug: string; title: string; description: string; group: NavGroup }
  | { kind: 'api-tag'; slug: string; title: string; description: string; group: NavGroup; tag: NavTag }
  | { kind: 'operation'; slug: string; title: string; description: string; operation: OperationSummary }
  | { kind: 'webhook'; slug: string; title: string; description: string; webhook: Webhook }
  | { kind: 'schema'; slug: string; title: string; description: string; schema: NamedSchema };

export type ReferencePage = Exclude<Page, { kind: 'guide' }>;

/** The reference pages in reading (sidebar) order: overview, groups, tags, operations, webhooks, schemas. */
export function referencePages(model: ApiModel): ReferencePage[] {
  const pages: ReferencePage[] = [
    {
      kind: 'api-overview',
      slug: REFERENCE_BASE,
      title: 'API Reference',
      description: `Every operation of the ${model.title} ${model.version}: base URL, authentication, errors and conventions.`,
    },
  ];
  for (const group of model.groups) {
    const collapsed = group.tags.length === 1 && group.tags[0]?.pageSlug === group.pageSlug;
    if (!collapsed) {
      pages.push({
        kind: 'api-group',
        slug: group.pageSlug,
        title: group.name,
        description: `${group.name}: ${group.tags.map((tag) => tag.name).join(', ')}.`,
        group,
      });
    }
    for (const tag of group.tags) {
      pages.push({
        kind: 'api-tag',
        slug: tag.pageSlug,
        title: tag.name,
        description: tag.description ?? `Operations tagged ${tag.name}.`,
        group,
        tag,
      });
      for (const operation of tag.operations) {
        pages.push({
          kind: 'operation',
          slug: operation.slug,
          title: operation.summary,
          description: `${operation.method.toUpperCase()} ${operation.path}`,
          operation,
        });
      }
    }
  }
  for (const webhook of model.webhooks) {
    pages.push({
      kind: 'webhook',
      slug: webhook.slug,
      title: webhook.summary,
      description: `Webhook ${webhook.name}`,
      webhook,
    });
  }
  for (const schema of model.schemas) {
    pages.push({
      kind: 'schema',
      slug: schema.slug,
      title: schema.name,
      description: schema.description?.split('\n')[0] ?? `The ${schema.name} schema.`,
      schema,
    });
  }
  return pages;
}

/** `api-reference/core-resources/chargers/create` → `/api-reference/core-resources/chargers/create/`. */
export function pageUrl(slug: string): string {
  return slug === '' ? '/' : `/${slug}/`;
}

/** The Markdown twin's URL: `/concepts.md`, `/index.md` for the home page. */
export function twinUrl(slug: string): string {
  return slug === '' ? '/index.md' : `/${slug}.md`;
}
