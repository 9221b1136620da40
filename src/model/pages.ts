import { REFERENCE_BASE } from './navigation.ts';
import type { ApiModel, NamedSchema, NavGroup, NavTag, OperationSummary, Webhook } from './types.ts';

/**
 * Where the API reference lives: the overview, and the prefix of every reference page. The route
 * folder src/pages/api-reference/ carries the same name.
 */
export const REFERENCE_URL = `/${REFERENCE_BASE}/`;

/** The page listing every named schema, in every rendering. */
export const SCHEMAS_INDEX_URL = `${REFERENCE_URL}schemas/`;

/**
 * The most schemas one listing page holds. Up to this many, the schemas index lists them all on
 * one page; past it, the index lists first letters and each letter gets pages of at most this
 * many. One table of every schema grew with the contract (OpenAI's 1,422: 272 KB of HTML). A
 * listed row measured 258 bytes on average and 376 at most on OpenAI's letter pages, the frame
 * 16 KB: 150 rows make about 55 KB, and stay below 75 KB with every row as long as the longest.
 */
export const SCHEMAS_PER_PAGE = 150;

/** A listed schema's description (its first paragraph) is cut past this many characters. */
export const LISTED_DESCRIPTION_LIMIT = 160;

/** The group of the names that start with no letter A–Z (`_links`, `2FA`), last in the index. */
export const OTHER_LETTER = '#';

/**
 * The last segment of the letter pages' slugs (`schemas/a`, `schemas/other`): src/model/build.ts
 * keeps them from schema pages on every contract, so a schema named `A` is at `schemas/a-2/`
 * whether or not the contract has letter pages, and its URL does not change with the count.
 */
export const SCHEMA_LETTER_SLUGS: readonly string[] = [...'abcdefghijklmnopqrstuvwxyz', 'other'];

/** One listing page of a letter: `schemas/s` (part 1), `schemas/s/2`, …, its schemas sorted by name. */
export interface SchemaListPage {
  slug: string;
  part: number;
  schemas: NamedSchema[];
}

/** The schemas whose names start with one letter (`A`, or `#` for the rest), on one or more pages. */
export interface SchemaLetter {
  letter: string;
  count: number;
  pages: SchemaListPage[];
}

/**
 * What the schemas index lists: every schema (the contract has at most `SCHEMAS_PER_PAGE`), or
 * the first letters, each with its count and pages.
 */
export type SchemaListing =
  | { kind: 'all'; schemas: NamedSchema[] }
  | { kind: 'letters'; count: number; letters: SchemaLetter[] };

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
  | { kind: 'schema'; slug: string; title: string; description: string; schema: NamedSchema }
  | { kind: 'schema-index'; slug: string; title: string; description: string; listing: SchemaListing }
  | {
      kind: 'schema-letter';
      slug: string;
      title: string;
      description: string;
      letter: SchemaLetter;
      page: SchemaListPage;
    };

export type ReferencePage = Exclude<Page, { kind: 'guide' }>;

/**
 * The reference pages in reading (sidebar) order: overview, groups, tags, operations, webhooks,
 * the schemas index and its letter pages, schemas.
 */
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
  pages.push(...schemaListingPages(model));
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

/** The schemas index and, past `SCHEMAS_PER_PAGE` schemas, its letter pages; none without schemas. */
function schemaListingPages(model: ApiModel): ReferencePage[] {
  if (model.schemas.length === 0) return [];
  const listing = schemaListing(model.schemas);
  const pages: ReferencePage[] = [
    {
      kind: 'schema-index',
      slug: SCHEMAS_INDEX_URL.slice(1, -1),
      title: 'Schemas',
      description: `The ${model.schemas.length} schemas of the ${model.title}.`,
      listing,
    },
  ];
  if (listing.kind === 'all') return pages;
  for (const letter of listing.letters) {
    for (const page of letter.pages) {
      const part = letter.pages.length === 1 ? '' : ` (${page.part} of ${letter.pages.length})`;
      const starts =
        letter.letter === OTHER_LETTER ? 'starts with no letter A–Z' : `starts with ${letter.letter}`;
      pages.push({
        kind: 'schema-letter',
        slug: page.slug,
        title: `Schemas: ${letter.letter}${part}`,
        description: `The ${letter.count} schemas of the ${model.title} whose name ${starts}${part}.`,
        letter,
        page,
      });
    }
  }
  return pages;
}

/** Schemas by name, as every listing shows them. */
function sortedSchemas(schemas: readonly NamedSchema[]): NamedSchema[] {
  return [...schemas].sort((a, b) => a.name.localeCompare(b.name));
}

/** `Éclair` → `E`, `_links` → `#`: the letter a name is listed under. */
function schemaLetter(name: string): string {
  const first = name.normalize('NFKD').charAt(0).toUpperCase();
  return /^[A-Z]$/.test(first) ? first : OTHER_LETTER;
}

/**
 * How the schemas index lists `schemas`: all of them up to `perPage`, else by first letter (A–Z,
 * then `#`), a letter with more than `perPage` schemas split into pages of even size. Every
 * schema is on exactly one page; no page holds more than `perPage`.
 */
export function schemaListing(schemas: readonly NamedSchema[], perPage = SCHEMAS_PER_PAGE): SchemaListing {
  const sorted = sortedSchemas(schemas);
  if (sorted.length <= perPage) return { kind: 'all', schemas: sorted };
  const byLetter = new Map<string, NamedSchema[]>();
  for (const schema of sorted) {
    const letter = schemaLetter(schema.name);
    const members = byLetter.get(letter);
    if (members === undefined) byLetter.set(letter, [schema]);
    else members.push(schema);
  }
  const order = (letter: string) => (letter === OTHER_LETTER ? '~' : letter);
  const letters = [...byLetter]
    .sort(([a], [b]) => (order(a) < order(b) ? -1 : 1))
    .map(([letter, members]): SchemaLetter => {
      const base = `${SCHEMAS_INDEX_URL.slice(1)}${letter === OTHER_LETTER ? 'other' : letter.toLowerCase()}`;
      const parts = Math.ceil(members.length / perPage);
      const size = Math.ceil(members.length / parts);
      const pages = Array.from({ length: parts }, (_, index) => ({
        slug: index === 0 ? base : `${base}/${index + 1}`,
        part: index + 1,
        schemas: members.slice(index * size, (index + 1) * size),
      }));
      return { letter, count: members.length, pages };
    });
  return { kind: 'letters', count: sorted.length, letters };
}

/** `api-reference/core-resources/chargers/create` → `/api-reference/core-resources/chargers/create/`. */
export function pageUrl(slug: string): string {
  return slug === '' ? '/' : `/${slug}/`;
}

/** The Markdown twin's URL: `/concepts.md`, `/index.md` for the home page. */
export function twinUrl(slug: string): string {
  return slug === '' ? '/index.md' : `/${slug}.md`;
}
