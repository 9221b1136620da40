import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveSiteConfig } from '../../src/config.ts';
import { loadModel } from '../../src/model/load.ts';
import { pageUrl, referencePages } from '../../src/model/pages.ts';
import { startBrowserSite } from '../support/browser-site.ts';
import { parityProblems } from '../support/parity.ts';
import { asJsonContract, buildSite, readHtml, scratchDir } from '../support/site.ts';
import { checkOperations, checkWebhooksAndSchemas } from './coverage.ts';

// Public contracts (tests/fixtures/contracts/README.md) built as whole sites:
// x-tagGroups, discriminators, recursion, callbacks, webhooks, 3.0 nullable.
const FIXTURES = [
  'redoc-petstore-3.1.yaml',
  'crafted-edge-cases-3.1.yaml',
  'readme-discriminators.json',
  'crafted-nullable-3.0.yaml',
];

const work = scratchDir('reference-fixtures');
const sites = new Map<string, { contract: string; outDir: string }>();

beforeAll(async () => {
  for (const name of FIXTURES) {
    const contract = asJsonContract(join('tests/fixtures/contracts', name), work);
    const outDir = join(work, name.replace(/\W+/g, '-'));
    await buildSite(contract, outDir);
    sites.set(name, { contract, outDir });
  }
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

/** A page's content, one element per line, so golden diffs read well. */
function golden(outDir: string, url: string): string {
  const html = readHtml(outDir, url);
  const start = html.indexOf('<div class="sl-markdown-content">');
  const end = html.indexOf('<footer', start);
  if (start === -1 || end === -1) throw new Error(`${url}: no content`);
  // Bundled assets are named by content hash: any change to any script would touch every golden.
  const content = html
    .slice(start, end)
    .replace(/\/_astro\/([^"]+)\.[\w-]{8}\.(js|css)"/g, '/_astro/$1.[hash].$2"');
  return `${content.replace(/></g, '>\n<')}\n`;
}

describe.each(FIXTURES)('the site built from %s', (name) => {
  const site = () => {
    const found = sites.get(name);
    if (found === undefined) throw new Error(`${name} was not built`);
    return {
      ...found,
      model: loadModel(found.contract, resolveSiteConfig({ contractPath: found.contract }, {})),
    };
  };

  it('has every operation, webhook and schema page with all their parts', () => {
    const { model, outDir } = site();
    checkOperations(model, outDir);
    checkWebhooksAndSchemas(model, outDir);
  });

  it('gives every reference page and its twin the same headings, field names and notes', () => {
    const { model, outDir } = site();
    const pages = referencePages(model);
    expect(pages.flatMap((page) => parityProblems(model, page, outDir))).toEqual([]);
  });

  it('links every in-page anchor of its reference pages to an element of that page', () => {
    const { model, outDir } = site();
    const broken = referencePages(model).flatMap((page) => {
      const html = readHtml(outDir, pageUrl(page.slug));
      const ids = new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((match) => match[1]));
      return [...html.matchAll(/\shref="#([^"]+)"/g)]
        .map((match) => match[1] ?? '')
        .filter((id) => !ids.has(id))
        .map((id) => `${pageUrl(page.slug)}#${id}`);
    });
    expect(broken).toEqual([]);
  });

  it('renders its pages as recorded in the golden files', async () => {
    const { model, outDir } = site();
    const pages = referencePages(model);
    // The overview, the first operation, the first webhook and the largest schema page.
    const picks = [
      pages.find((page) => page.kind === 'api-overview'),
      pages.find((page) => page.kind === 'operation'),
      pages.find((page) => page.kind === 'webhook'),
      pages
        .filter((page) => page.kind === 'schema')
        .sort(
          (a, b) =>
            readFileSync(join(outDir, pageUrl(b.slug), 'index.html')).length -
            readFileSync(join(outDir, pageUrl(a.slug), 'index.html')).length,
        )[0],
    ];
    // Every contract has an overview, an operation and a schema; webhooks are optional.
    expect(picks[0], 'overview').toBeDefined();
    expect(picks[1], 'an operation').toBeDefined();
    expect(picks[3], 'a schema').toBeDefined();
    for (const page of picks) {
      if (page === undefined) continue;
      const file = `../fixtures/reference/golden/${name.replace(/\.(ya?ml|json)$/, '')}/${page.slug.replace(/\//g, '__')}.html`;
      await expect(golden(outDir, pageUrl(page.slug))).toMatchFileSnapshot(file);
    }
  });
});

describe('the Try it console on a contract with cookies', () => {
  it('names the cookies a browser will not send and puts the cookie key in the curl as $OCPPLAB_TOKEN', async () => {
    const found = sites.get('crafted-edge-cases-3.1.yaml');
    if (found === undefined) throw new Error('crafted-edge-cases-3.1.yaml was not built');
    const model = loadModel(found.contract, resolveSiteConfig({ contractPath: found.contract }, {}));
    const stray = model.operations.find((operation) => operation.key === 'get /stray');
    if (stray === undefined) throw new Error('no get /stray');
    const site = await startBrowserSite(found.outDir);
    try {
      const page = await site.browser.newPage();
      await page.goto(`${site.base}${pageUrl(stray.slug)}`);
      await page.click('.ref-try-open');
      await page.waitForSelector('.ref-try-send');
      expect(await page.textContent('.ref-try-cookies')).toBe(
        'A browser does not let a page set cookies on a request: session is left out of the request sent from here. The curl command below sends it.',
      );
      await page.fill('.ref-try-form input[type="password"]', 'cookie-secret');
      await page.dispatchEvent('.ref-try-form input[type="password"]', 'input');
      const curl = (await page.textContent('.ref-try-curl pre')) ?? '';
      expect(curl).toContain('-b "session=$OCPPLAB_TOKEN"');
      expect(curl).not.toContain('cookie-secret');
    } finally {
      await site.stop();
    }
  });
});
