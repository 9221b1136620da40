import type { Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { describe, expect, inject, it } from 'vitest';
import { resolveSiteConfig } from '../../src/config.ts';
import { loadModel } from '../../src/model/load.ts';
import { pageUrl } from '../../src/model/pages.ts';
import type { OperationSummary } from '../../src/model/types.ts';
import { startBrowserSite } from '../support/browser-site.ts';
import { readPage } from '../support/site.ts';
import { checkOperations, checkSchemaLinks, checkWebhooksAndSchemas } from './coverage.ts';

const config = resolveSiteConfig({}, {});
const model = loadModel(config.contractPath, config);
// The real site, built once per run by tests/support/committed-site.ts.
const outDir = inject('committedSite');

describe('the reference built from openapi/openapi.json', () => {
  it('has a page for every operation with every parameter, body field, response and example', () => {
    expect(model.operations.length).toBeGreaterThan(0);
    checkOperations(model, outDir);
  });

  it('has a page for every webhook with its payload and for every schema', () => {
    checkWebhooksAndSchemas(model, outDir);
  });

  it('links every field that uses a named schema to that schema page', () => {
    const summary = model.operations.find((operation) => model.detail(operation).requestBody !== undefined);
    if (summary === undefined) throw new Error('no operation with a body');
    expect(checkSchemaLinks(outDir, pageUrl(summary.slug))).toBeGreaterThan(0);
  });

  it("gives an operation page a sidebar with its own tag's operations only", () => {
    const summary = model.operations[0] as OperationSummary;
    const tree = readPage(outDir, pageUrl(summary.slug));
    const links = selectAll('#starlight__sidebar a', tree).map((link) => String(link.properties.href));
    const sameTag = model.operations.filter(
      (operation) => operation.tag.slug === summary.tag.slug && operation.group.slug === summary.group.slug,
    );
    const others = model.operations.filter((operation) => !sameTag.includes(operation));
    for (const operation of sameTag) expect(links).toContain(pageUrl(operation.slug));
    for (const operation of others) expect(links).not.toContain(pageUrl(operation.slug));
    for (const group of model.groups)
      expect(links.some((link) => link.startsWith(pageUrl(group.pageSlug)))).toBe(true);
  });

  it('marks the API Reference area as current in the top switch, and Docs on guides', () => {
    const reference = readPage(outDir, '/api-reference/');
    const guide = readPage(outDir, '/');
    const current = (tree: Root) => toText(select('.site-switch a[aria-current="page"]', tree) ?? tree);
    expect(current(reference)).toBe('API Reference');
    expect(current(guide)).toBe('Docs');
  });

  it('remembers the code language across pages, opens a shared error body from its link and finds an operation by operationId, summary and path', async () => {
    const site = await startBrowserSite(outDir);
    const { browser } = site;
    try {
      const page = await browser.newPage();
      const [first, second] = model.operations;
      if (first === undefined || second === undefined) throw new Error('need two operations');
      const selected = page.locator('.ref-samples [role="tab"][aria-selected="true"]');
      const shownLang = () =>
        page.locator('.ref-samples [role="tabpanel"]:not([hidden]) figure').getAttribute('data-lang');
      await page.goto(`${site.base}${pageUrl(first.slug)}`);
      // Keyboard first (ARIA tabs pattern): Right moves to, selects and focuses the next tab.
      await selected.focus();
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => selected.textContent()).toBe('Python');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Python');
      await page.keyboard.press('End');
      await expect.poll(shownLang).toBe('ts');
      await page.getByRole('tab', { name: 'Python' }).first().click();
      await page.goto(`${site.base}${pageUrl(second.slug)}`);
      await expect.poll(() => selected.textContent()).toContain('Python');
      await expect.poll(shownLang).toBe('python');
      // The guides' tabs share the choice, both ways.
      await page.goto(`${site.base}/authentication/`);
      const guideTab = page.locator('starlight-tabs [role="tab"][aria-selected="true"]').first();
      await expect.poll(() => guideTab.textContent()).toContain('Python');
      await page.locator('starlight-tabs [role="tab"]', { hasText: 'TypeScript' }).first().click();
      await page.goto(`${site.base}${pageUrl(first.slug)}`);
      await expect.poll(shownLang).toBe('ts');

      // An error that shares the first error's schema links there, and the link unfolds its body.
      const shared = model.operations.find((operation) =>
        model.detail(operation).responses.some((response, index, all) => {
          const name = response.content[0]?.schema?.ref;
          return (
            response.isError &&
            name !== undefined &&
            all.slice(0, index).some((earlier) => earlier.isError && earlier.content[0]?.schema?.ref === name)
          );
        }),
      );
      if (shared === undefined) throw new Error('no operation whose errors share a schema');
      await page.goto(`${site.base}${pageUrl(shared.slug)}`);
      const pointer = page.locator('[data-same-as]').first();
      const status = await pointer.getAttribute('data-same-as');
      const body = page
        .locator(`section.ref-response[data-status="${status}"] details.ref-response-body`)
        .first();
      expect(await body.evaluate((details) => (details as HTMLDetailsElement).open)).toBe(false);
      await pointer.locator('..').locator('summary').click();
      await pointer.locator('a[href^="#"]').click();
      await expect.poll(() => body.evaluate((details) => (details as HTMLDetailsElement).open)).toBe(true);

      // Search finds an operation by its operationId, its summary and its path. The target has the
      // longest path, so the path query is distinctive; its page must be among the results.
      const target = [...model.operations].sort((a, b) => b.path.length - a.path.length)[0] ?? first;
      // Search in a fresh page: Pagefind's UI loads when the dialog first opens.
      const searchPage = await browser.newPage();
      await searchPage.goto(`${site.base}/api-reference/`, { waitUntil: 'load' });
      await searchPage.locator('button[data-open-modal]').first().click();
      const input = searchPage.locator('#starlight__search input');
      await input.waitFor({ timeout: 60_000 });
      const result = searchPage.locator(`.pagefind-ui__result-link[href*="${pageUrl(target.slug)}"]`).first();
      const queries = [target.operationId, target.summary, target.path];
      expect(queries.every((query) => query !== undefined)).toBe(true);
      for (const query of queries) {
        // Clear first and wait for the previous hit to go, so each query must find it anew.
        await input.fill('');
        await result.waitFor({ state: 'detached', timeout: 60_000 });
        await input.fill(query ?? '');
        await result.waitFor({ timeout: 60_000 });
      }
    } finally {
      await site.stop();
    }
  }, 240_000);
});
