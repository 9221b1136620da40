import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { selectAll } from 'hast-util-select';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveSiteConfig } from '../../src/config.ts';
import { loadModel } from '../../src/model/load.ts';
import {
  pageUrl,
  referencePages,
  SCHEMA_LETTER_SLUGS,
  SCHEMAS_INDEX_URL,
  SCHEMAS_PER_PAGE,
  twinUrl,
} from '../../src/model/pages.ts';
import type { ApiModel } from '../../src/model/types.ts';
import { manySchemasContract } from '../model/fixtures.ts';
import { parityProblems } from '../support/parity.ts';
import { buildSite, readHtml, readPage, scratchDir } from '../support/site.ts';

// A site whose contract has more schemas than one listing page holds (tests/model/fixtures.ts):
// the schemas index lists letters, each letter has its pages, each page its twin.
const work = scratchDir('schema-listing');
const outDir = join(work, 'dist');
let model: ApiModel;

beforeAll(async () => {
  const contract = join(work, 'many-schemas.json');
  writeFileSync(contract, JSON.stringify(manySchemasContract()));
  await buildSite(contract, outDir);
  model = loadModel(contract, resolveSiteConfig({ contractPath: contract }, {}));
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

const listings = () =>
  referencePages(model).filter((page) => page.kind === 'schema-index' || page.kind === 'schema-letter');

/** The schema pages a listing page links to, by URL, in the order it lists them. */
function schemaLinks(url: string): string[] {
  return selectAll('.sl-markdown-content table a', readPage(outDir, url))
    .map((link) => String(link.properties.href))
    .filter((href) => !SCHEMA_LETTER_SLUGS.includes(href.split('/').at(-2) ?? '') && !/\/\d+\/$/.test(href));
}

describe(`a site with more than ${SCHEMAS_PER_PAGE} schemas`, () => {
  it('builds the index, every letter page and a twin of each, in agreement', () => {
    const pages = listings();
    expect(pages.length).toBe(9);
    for (const page of pages) {
      expect(existsSync(join(outDir, pageUrl(page.slug), 'index.html')), page.slug).toBe(true);
      expect(existsSync(join(outDir, twinUrl(page.slug))), page.slug).toBe(true);
    }
    expect(pages.flatMap((page) => parityProblems(model, page, outDir))).toEqual([]);
  });

  it('renders the index as a table of letters (golden file)', async () => {
    const html = readHtml(outDir, SCHEMAS_INDEX_URL);
    const start = html.indexOf('<div class="sl-markdown-content">');
    const end = html.indexOf('<footer', start);
    await expect(`${html.slice(start, end).replace(/></g, '>\n<')}\n`).toMatchFileSnapshot(
      '../fixtures/reference/golden/many-schemas/api-reference__schemas.html',
    );
    expect(schemaLinks(SCHEMAS_INDEX_URL)).toEqual([]);
  });

  it('links every schema from exactly one letter page, each page small', () => {
    const linked = listings()
      .filter((page) => page.kind === 'schema-letter')
      .flatMap((page) => {
        const url = pageUrl(page.slug);
        expect(statSync(join(outDir, url, 'index.html')).size, url).toBeLessThan(100_000);
        return schemaLinks(url);
      });
    expect(linked.sort()).toEqual(model.schemas.map((schema) => pageUrl(schema.slug)).sort());
  });

  it('gives letter pages the reference sidebar, and lists them in the sitemap and llms.txt', () => {
    const sidebar = (url: string) =>
      selectAll('#starlight__sidebar a', readPage(outDir, url)).map((link) => String(link.properties.href));
    const index = sidebar(SCHEMAS_INDEX_URL);
    expect(index).toContain(SCHEMAS_INDEX_URL);
    expect(sidebar('/api-reference/schemas/b/2/')).toEqual(index);
    const sitemap = readFileSync(join(outDir, 'sitemap-0.xml'), 'utf8');
    const llms = readFileSync(join(outDir, 'llms.txt'), 'utf8');
    for (const page of listings()) {
      expect(sitemap, page.slug).toContain(`${pageUrl(page.slug)}</loc>`);
      expect(llms, page.slug).toContain(`${twinUrl(page.slug)})`);
    }
  });
});
