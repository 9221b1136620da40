import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/model/build.ts';
import {
  pageUrl,
  referencePages,
  SCHEMA_LETTER_SLUGS,
  SCHEMAS_INDEX_URL,
  SCHEMAS_PER_PAGE,
  schemaListing,
  twinUrl,
} from '../../src/model/pages.ts';
import { pageKey } from '../../src/model/published.ts';
import type { NamedSchema } from '../../src/model/types.ts';
import { referenceSidebar } from '../../src/render/sidebar.ts';
import { updateUrlRecord, urlPlan } from '../../src/urls.ts';
import { allContracts, MODEL_OPTIONS, manySchemasContract, modelOf } from './fixtures.ts';

describe('every contract gives one page per operation, webhook and schema, at distinct URLs', () => {
  for (const contract of allContracts()) {
    it(`${contract.name}: page slugs are unique and cover the model`, () => {
      const model = modelOf(contract);
      const pages = referencePages(model);
      const slugs = pages.map((page) => page.slug);
      expect(slugs.filter((slug, index) => slugs.indexOf(slug) !== index)).toEqual([]);
      expect(slugs.every((slug) => /^api-reference(\/[a-z0-9]+(-[a-z0-9]+)*)*$/.test(slug))).toBe(true);
      const kinds = (kind: string) => pages.filter((page) => page.kind === kind).length;
      expect(kinds('operation')).toBe(model.operations.length);
      expect(kinds('webhook')).toBe(model.webhooks.length);
      expect(kinds('schema')).toBe(model.schemas.length);
      expect(new Set(model.operations.map((op) => op.key)).size).toBe(model.operations.length);
    });
  }
});

describe('page URLs', () => {
  const cases: { given: string; html: string; twin: string }[] = [
    { given: '', html: '/', twin: '/index.md' },
    { given: 'quickstart', html: '/quickstart/', twin: '/quickstart.md' },
    {
      given: 'api-reference/core-resources/chargers/create',
      html: '/api-reference/core-resources/chargers/create/',
      twin: '/api-reference/core-resources/chargers/create.md',
    },
  ];
  for (const { given, html, twin } of cases) {
    it(`"${given}" is served at ${html} with its twin at ${twin}`, () => {
      expect(pageUrl(given)).toBe(html);
      expect(twinUrl(given)).toBe(twin);
    });
  }
});

describe('the schemas index', () => {
  for (const contract of allContracts()) {
    const model = modelOf(contract);
    if (model.schemas.length > SCHEMAS_PER_PAGE) continue;
    it(`${contract.name}: is one page listing every schema, alphabetically, as before letter pages`, () => {
      const pages = referencePages(model);
      const listings = pages.filter((page) => page.kind === 'schema-index' || page.kind === 'schema-letter');
      if (model.schemas.length === 0) {
        expect(listings).toEqual([]);
        return;
      }
      expect(listings.map((page) => [page.kind, pageUrl(page.slug), page.title])).toEqual([
        ['schema-index', SCHEMAS_INDEX_URL, 'Schemas'],
      ]);
      const [index] = listings;
      if (index?.kind !== 'schema-index' || index.listing.kind !== 'all') throw new Error('not one page');
      expect(index.listing.schemas.map((schema) => schema.name)).toEqual(
        model.schemas.map((schema) => schema.name).sort((a, b) => a.localeCompare(b)),
      );
      // Before the first schema page, as in the sidebar.
      expect(pages.indexOf(index)).toBe(pages.findIndex((page) => page.kind === 'schema') - 1);
    });
  }

  const many = buildModel(manySchemasContract(), MODEL_OPTIONS);
  const pages = referencePages(many);
  const letterPages = pages.flatMap((page) => (page.kind === 'schema-letter' ? [page] : []));
  const names = (schemas: readonly NamedSchema[]) => schemas.map((schema) => schema.name);

  it(`past ${SCHEMAS_PER_PAGE} schemas, lists first letters, each a page or a few of at most ${SCHEMAS_PER_PAGE}`, () => {
    const index = pages.find((page) => page.kind === 'schema-index');
    if (index?.listing.kind !== 'letters') throw new Error('no letters');
    expect(index.listing.letters.map((letter) => [letter.letter, letter.count, letter.pages.length])).toEqual(
      [
        ['A', 2, 1],
        ['B', 450, 3],
        ['C', 1, 1],
        ['E', 1, 1],
        ['O', 1, 1],
        ['#', 2, 1],
      ],
    );
    expect(letterPages.map((page) => [pageUrl(page.slug), page.title, page.page.schemas.length])).toEqual([
      ['/api-reference/schemas/a/', 'Schemas: A', 2],
      ['/api-reference/schemas/b/', 'Schemas: B (1 of 3)', 150],
      ['/api-reference/schemas/b/2/', 'Schemas: B (2 of 3)', 150],
      ['/api-reference/schemas/b/3/', 'Schemas: B (3 of 3)', 150],
      ['/api-reference/schemas/c/', 'Schemas: C', 1],
      ['/api-reference/schemas/e/', 'Schemas: E', 1],
      ['/api-reference/schemas/o/', 'Schemas: O', 1],
      ['/api-reference/schemas/other/', 'Schemas: #', 2],
    ]);
    expect(names(letterPages.find((page) => page.slug.endsWith('/other'))?.page.schemas ?? [])).toEqual([
      '_links',
      '2FA',
    ]);
    expect(letterPages.map((page) => pageKey(page))).toEqual([
      'schemas A',
      'schemas B',
      'schemas B 2',
      'schemas B 3',
      'schemas C',
      'schemas E',
      'schemas O',
      'schemas #',
    ]);
  });

  it('puts every schema on exactly one letter page, in the order of the one-page index', () => {
    const listed = letterPages.flatMap((page) => names(page.page.schemas));
    expect(listed).toHaveLength(many.schemas.length);
    expect(new Set(listed).size).toBe(many.schemas.length);
    expect([...listed].sort()).toEqual(names(many.schemas).sort());
    for (const page of letterPages) expect(page.page.schemas.length).toBeLessThanOrEqual(SCHEMAS_PER_PAGE);
  });

  it('keeps letter slugs from schema pages, whatever the count, so a schema named A or Other keeps its URL', () => {
    const slugs = pages.map((page) => page.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    const slugOf = (name: string) => many.schemas.find((schema) => schema.name === name)?.slug;
    expect([slugOf('A'), slugOf('Other')]).toEqual([
      'api-reference/schemas/a-2',
      'api-reference/schemas/other-2',
    ]);
    for (const schema of many.schemas)
      expect(SCHEMA_LETTER_SLUGS).not.toContain(schema.slug.slice('api-reference/schemas/'.length));
  });

  it('bounds the number of pages by the letters and the schema count, not by how they fall', () => {
    const schemas = (count: number, name: (index: number) => string): NamedSchema[] =>
      Array.from({ length: count }, (_, index) => ({ name: name(index), slug: `s${index}`, usedBy: [] }));
    for (const [count, name] of [
      [5000, (index: number) => `S${index}`],
      [5000, (index: number) => `${String.fromCharCode(65 + (index % 26))}${index}`],
      [201, (index: number) => `_${index}`],
    ] as const) {
      const listing = schemaListing(schemas(count, name));
      if (listing.kind !== 'letters') throw new Error('no letters');
      const parts = listing.letters.flatMap((letter) => letter.pages);
      expect(parts.length).toBeLessThanOrEqual(27 + Math.ceil(count / SCHEMAS_PER_PAGE));
      expect(Math.max(...parts.map((part) => part.schemas.length))).toBeLessThanOrEqual(SCHEMAS_PER_PAGE);
      expect(parts.reduce((sum, part) => sum + part.schemas.length, 0)).toBe(count);
    }
    expect(schemaListing(schemas(SCHEMAS_PER_PAGE, (index) => `S${index}`)).kind).toBe('all');
  });

  it('records letter pages under the index, and sends their old URLs there once the schemas fit one page', () => {
    const record = updateUrlRecord({ urls: {} }, many, '1.0.0', undefined);
    expect(record.urls['/api-reference/schemas/b/2/']).toEqual({
      page: 'schemas B 2',
      title: 'Schemas: B (2 of 3)',
      since: '1.0.0',
      parent: 'schemas',
    });
    const fewer = manySchemasContract();
    const schemas = (fewer.components as { schemas: Record<string, unknown> }).schemas;
    for (const name of Object.keys(schemas)) if (name.startsWith('Balance')) delete schemas[name];
    const plan = urlPlan(record, buildModel(fewer, MODEL_OPTIONS));
    expect(plan.moved.filter((move) => move.to === SCHEMAS_INDEX_URL).map((move) => move.from)).toEqual(
      letterPages.map((page) => pageUrl(page.slug)),
    );
    // The schemas that are gone get the removed notice, pointing at the index.
    expect(plan.removed.map((page) => page.closest.url)).toEqual(Array(450).fill(SCHEMAS_INDEX_URL));
  });

  it('gives letter pages the sidebar of the index', () => {
    const index = pages.find((page) => page.kind === 'schema-index');
    if (index === undefined) throw new Error('no index');
    for (const page of letterPages)
      expect(referenceSidebar(many, page)).toEqual(referenceSidebar(many, index));
  });
});
