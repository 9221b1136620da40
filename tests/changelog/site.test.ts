import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { describe, expect, inject, it } from 'vitest';
import { CHANGELOG_URL, FEED_URL, parseChangelog } from '../../src/changelog.ts';
import { resolveSiteConfig } from '../../src/config.ts';
import { loadModel } from '../../src/model/load.ts';
import { pageUrl } from '../../src/model/pages.ts';
import { parseLlmsTxt } from '../markdown/llms-txt.ts';
import { checkFeed } from './feed-check.ts';

/** The changelog of the committed site (tests/support/committed-site.ts): its feed, page and twin. */
const config = resolveSiteConfig({}, {});
const model = loadModel(config.contractPath, config);
const dist = inject('committedSite');
const read = (file: string) => readFileSync(join(dist, file), 'utf8');

describe('the changelog of the committed site', () => {
  it('has an Atom feed with an entry per release of docs/changelog.md, each at a heading of the page', () => {
    const releases = parseChangelog(readFileSync('docs/changelog.md', 'utf8'), 'docs/changelog.md');
    expect(releases.length).toBeGreaterThan(0);
    checkFeed(
      dist,
      config.site,
      releases.map((release) => release.version),
    );
  });

  it('names the feed in the head of every kind of page', () => {
    const pages = ['/', '/quickstart/', CHANGELOG_URL, pageUrl(model.operations[0]?.slug ?? ''), '/404.html'];
    for (const page of pages) {
      const file = page.endsWith('.html') ? page : join(page, 'index.html');
      const links = selectAll(
        'head link[rel~="alternate"][type="application/atom+xml"]',
        fromHtml(read(file)),
      );
      expect(
        links.map((link) => link.properties.href),
        page,
      ).toEqual([FEED_URL]);
    }
  });

  it('keeps its twin and its llms.txt entry', () => {
    const twin = read('changelog.md');
    expect(twin).toMatch(/^# Changelog$/m);
    expect(twin).not.toContain('{#');
    for (const release of parseChangelog(readFileSync('docs/changelog.md', 'utf8'), 'docs/changelog.md'))
      expect(twin).toContain(`\n## ${release.title}\n`);
    const links = (parseLlmsTxt(read('llms.txt')).file?.sections ?? []).flatMap((section) => section.links);
    expect(links.map((link) => link.url)).toContain(new URL('/changelog.md', config.site).href);
  });
});
