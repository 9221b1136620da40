import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveSiteConfig } from '../../src/config.ts';
import { loadModel } from '../../src/model/load.ts';
import { pageUrl } from '../../src/model/pages.ts';
import { startBrowserSite } from '../support/browser-site.ts';
import { buildSite, scratchDir } from '../support/site.ts';

// A contract with script-running markup in every free-text place (see
// tests/fixtures/reference/README.md), built once.
const CONTRACT = 'tests/fixtures/reference/hostile.json';
const MARKER = '__xss';
const config = resolveSiteConfig({ contractPath: CONTRACT }, {});
const model = loadModel(config.contractPath, config);
const work = scratchDir('reference-xss');
const outDir = join(work, 'dist');

beforeAll(async () => {
  await buildSite(CONTRACT, outDir);
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

function htmlPages(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return htmlPages(path);
    return entry.name.endsWith('.html') ? [path] : [];
  });
}

const URL_ATTRIBUTES = ['href', 'src', 'action', 'formAction', 'xLinkHref', 'data'];

describe('a contract full of hostile markup', () => {
  it('builds into reference pages where none of it is markup', () => {
    const pages = htmlPages(join(outDir, 'api-reference'));
    expect(pages.length).toBeGreaterThan(4);
    for (const file of pages) {
      const where = relative(outDir, file);
      const tree = fromHtml(readFileSync(file, 'utf8'));
      for (const script of selectAll('script', tree)) {
        // Astro's and Starlight's own scripts only: none carries the payload.
        expect(toText(script), `${where}: script`).not.toContain(MARKER);
        expect(String(script.properties.src ?? ''), `${where}: script src`).not.toContain(MARKER);
      }
      for (const element of selectAll('*', tree) as Element[]) {
        for (const [name, value] of Object.entries(element.properties)) {
          expect(/^on/i.test(name), `${where}: <${element.tagName} ${name}>`).toBe(false);
          if (URL_ATTRIBUTES.includes(name)) {
            expect(String(value).trim().toLowerCase(), `${where}: <${element.tagName} ${name}>`).not.toMatch(
              /^(javascript|vbscript|data):/,
            );
          }
        }
        expect(['iframe', 'object', 'embed'], `${where}: <${element.tagName}>`).not.toContain(
          element.tagName,
        );
      }
    }
  });

  it('shows the hostile text as text', () => {
    const operation = model.operations[0];
    if (operation === undefined) throw new Error('the fixture has one operation');
    const page = readFileSync(join(outDir, pageUrl(operation.slug), 'index.html'), 'utf8');
    const text = toText(fromHtml(page));
    expect(text).toContain('Create <script>window.__xss=24</script> thing');
    expect(text).toContain('</script><script>window.__xss=34</script>');
  });

  it('runs no injected script in Chromium', async () => {
    const site = await startBrowserSite(outDir);
    const { browser } = site;
    try {
      const page = await browser.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      for (const file of htmlPages(join(outDir, 'api-reference'))) {
        const url = `/${relative(outDir, file).replace(/index\.html$/, '')}`;
        await page.goto(`${site.base}${url}`, { waitUntil: 'load' });
        // Hover and click everything a reader might touch, to fire any handler.
        for (const handle of await page.locator('main a, main details > summary, main [role="tab"]').all()) {
          await handle.hover({ timeout: 1000 }).catch(() => undefined);
        }
        const leaked = await page.evaluate(() => (window as unknown as Record<string, unknown>).__xss);
        expect(leaked, url).toBeUndefined();
      }
      expect(dialogs).toEqual([]);
    } finally {
      await site.stop();
    }
  });
});
