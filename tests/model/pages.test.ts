import { describe, expect, it } from 'vitest';
import { pageUrl, referencePages, twinUrl } from '../../src/model/pages.ts';
import { allContracts, modelOf } from './fixtures.ts';

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
