import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { expect } from 'vitest';
import { CHANGELOG_URL, FEED_URL } from '../../src/changelog.ts';

/** The ids of the elements of a built page. */
export function pageIds(html: string): Set<string> {
  return new Set(selectAll('[id]', fromHtml(html)).map((element) => String(element.properties.id ?? '')));
}

/** Checks that the feed of a built site is Atom and each entry lands on a heading of its changelog. */
export function checkFeed(outDir: string, site: string, versions: string[]) {
  const feed = parseFeed(readFileSync(join(outDir, FEED_URL), 'utf8'));
  expect(feed.meta.type).toBe('atom');
  expect(feed.self).toBe(new URL(FEED_URL, site).href);
  const ids = pageIds(readFileSync(join(outDir, CHANGELOG_URL, 'index.html'), 'utf8'));
  const page = new URL(CHANGELOG_URL, site).href;
  expect(feed.items.map((item) => item.title?.split(' ')[0])).toEqual(versions);
  for (const item of feed.items) {
    const url = item.url ?? '';
    expect(url.startsWith(`${page}#`), url).toBe(true);
    expect(ids.has(url.slice(page.length + 1)), `${url}: no such id on ${CHANGELOG_URL}`).toBe(true);
  }
  return feed;
}
