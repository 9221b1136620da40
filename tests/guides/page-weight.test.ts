import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { resolveSiteConfig } from '../../src/config.ts';
import { splitFrontmatter } from '../../src/markdown/frontmatter.ts';
import { startBrowserSite } from '../support/browser-site.ts';
import { readHtml } from '../support/site.ts';

/**
 * The weight of the guide pages of the committed site (built once per run by
 * tests/support/committed-site.ts), and the code-block behaviour their lean markup must keep.
 * Token colours are classes whose rules live in the shared ec.css (scripts/build/code-token-classes.ts);
 * plain blocks share rows and leave the copy text to the button's script
 * (scripts/build/code-block-lines.ts).
 */
const config = resolveSiteConfig({}, {});
const outDir = inject('committedSite');

/** Most bytes of HTML a guide page may take. */
const GUIDE_BUDGET = 120_000;

/** Every page written in docs/ (subfolders included), by URL: its frontmatter `slug`, else its file name. */
const guideUrls = readdirSync(config.docsDir, { recursive: true, encoding: 'utf8' })
  .filter((name) => /\.mdx?$/.test(name))
  .map((name) => {
    const { slug } = splitFrontmatter(readFileSync(join(config.docsDir, name), 'utf8')).data;
    return typeof slug === 'string' ? slug : name.replace(/\.mdx?$/, '').replace(/(^|\/)index$/, '');
  })
  .map((slug) => (slug === '' ? '/' : `/${slug}/`));

describe('the guide pages of the committed site', () => {
  it(`stay under ${GUIDE_BUDGET} bytes of HTML each`, () => {
    expect(guideUrls.length).toBeGreaterThan(5);
    const over = guideUrls
      .map((url) => ({ url, bytes: Buffer.byteLength(readHtml(outDir, url)) }))
      .filter(({ bytes }) => bytes > GUIDE_BUDGET);
    expect(over).toEqual([]);
  });

  it('colour code tokens with shared classes, not inline styles', () => {
    for (const url of guideUrls) {
      const html = readHtml(outDir, url);
      expect(html, url).not.toMatch(/<span style="--\d/);
    }
    expect(readHtml(outDir, '/quickstart/')).toMatch(/<span class="[A-Z]\d* [a-z]\d*">/);
  });

  it('copies exactly the code each block shows, hidden tabs included', async () => {
    const site = await startBrowserSite(outDir);
    const { browser } = site;
    try {
      const context = await browser.newContext();
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.base });
      const page = await context.newPage();
      let copied = 0;
      // The recipes of Common workflows and the Quickstart: tabs whose Python and TypeScript panels are hidden.
      const tabbed = [
        ...guideUrls.filter((url) => url.startsWith('/workflows/') && url !== '/workflows/'),
        '/quickstart/',
      ];
      expect(tabbed.length).toBeGreaterThan(5);
      for (const url of tabbed) {
        await page.goto(`${site.base}${url}`);
        await page.evaluate(() => {
          for (const panel of document.querySelectorAll('[role="tabpanel"]')) panel.removeAttribute('hidden');
        });
        const figures = page.locator('.expressive-code figure');
        const count = await figures.count();
        for (let index = 0; index < count; index++) {
          const figure = figures.nth(index);
          // The text as rendered (rows as lines), which is what a reader expects to copy.
          // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point
          const shown = await figure.locator('pre').evaluate((pre) => (pre as HTMLElement).innerText);
          // A terminal block whose comments are left out of the copy keeps Expressive Code's text.
          const kept = await figure.locator('.copy button').getAttribute('data-code');
          const expected = kept === null ? shown.replace(/\n$/, '') : kept.replace(/\x7f/g, '\n');
          await page.evaluate(() => navigator.clipboard.writeText(''));
          await figure.hover();
          await figure.locator('.copy button').click();
          await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
          copied++;
        }
      }
      expect(copied).toBeGreaterThan(40);
    } finally {
      await site.stop();
    }
  });
});
