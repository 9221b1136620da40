import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import GithubSlugger from 'github-slugger';
import { select, selectAll } from 'hast-util-select';
import { describe, expect, inject, it } from 'vitest';
import { resolveSiteConfig } from '../../src/config.ts';
import { splitFrontmatter } from '../../src/markdown/frontmatter.ts';
import { useBrowserSite } from '../support/browser-site.ts';
import { readPage } from '../support/site.ts';

/**
 * The recipes of Common workflows were `## ` sections of /workflows/ before each became a page of
 * its own under /workflows/ (docs/workflows/). A link to an old section,
 * `/workflows/#<heading id>`, still lands on the recipe's page (src/components/MovedAnchors.astro),
 * and without JavaScript the overview links to every recipe. Each recipe's title is its old
 * heading, so the old id is the slug of the title.
 */
const config = resolveSiteConfig({}, {});
const outDir = inject('committedSite');
const recipesDir = join(config.docsDir, 'workflows');

const recipes = readdirSync(recipesDir)
  .filter((name) => name.endsWith('.mdx'))
  .map((name) => {
    const { data } = splitFrontmatter(readFileSync(join(recipesDir, name), 'utf8'));
    return { oldId: new GithubSlugger().slug(String(data.title)), url: `/${String(data.slug)}/` };
  });

describe('the old section links of /workflows/', () => {
  const site = useBrowserSite(outDir);

  it('are all known: every recipe page was a section', () => {
    expect(recipes.map(({ url }) => url).sort()).toEqual([
      '/workflows/cpo-bundle/',
      '/workflows/inject-a-fault/',
      '/workflows/local-auth-list/',
      '/workflows/location-commands/',
      '/workflows/provision-a-fleet/',
      '/workflows/proxy-message/',
    ]);
  });

  it('land on the page that holds the section now, in place of the old history entry', async () => {
    const page = await site.browser.newPage();
    try {
      for (const { oldId, url } of recipes) {
        await page.goto(`${site.base}/`);
        await page.goto(`${site.base}/workflows/#${oldId}`);
        await page.waitForURL(`${site.base}${url}`);
        expect(page.url(), oldId).toBe(`${site.base}${url}`);
        // The redirect replaced /workflows/#…: one step back is the page before it.
        await page.goBack();
        expect(page.url(), oldId).toBe(`${site.base}/`);
      }
      // Any other fragment stays on the overview.
      await page.goto(`${site.base}/workflows/#constructor`);
      await page.waitForLoadState('load');
      expect(page.url()).toBe(`${site.base}/workflows/#constructor`);
    } finally {
      await page.close();
    }
  });

  it('leave a reader without JavaScript on the overview, whose text links to every recipe', () => {
    const content = select('.sl-markdown-content', readPage(outDir, '/workflows/'));
    const links = selectAll('a', content ?? { type: 'root', children: [] }).map((a) => a.properties.href);
    for (const { url } of recipes) expect(links, url).toContain(url);
  });
});
