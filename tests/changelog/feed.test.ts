import { parseFeed } from '@rowanmanning/feed-parser';
import { describe, expect, it } from 'vitest';
import { parseChangelog } from '../../src/changelog.ts';
import { changelogFeed } from '../../src/feed.ts';

const PAGE = `---
title: Changelog
---

Intro text, with a [link](/quickstart/).

## 1.7.0 (2026-12-03) {#v1-7-0}

Synced.

**Breaking changes**

- **Breaking:** [\`DELETE /things/{id}\`](/api-reference/things/delete-thing/): operation removed

## 1.6.0 (2026-11-24)

Initial contract.
`;

const feedOf = (source: string | undefined) =>
  changelogFeed({
    source,
    file: 'docs/changelog.md',
    site: 'https://docs.example.test',
    title: 'Fixture API',
  });

describe('the changelog feed', () => {
  it('is Atom with one entry per release, each linking to its heading on the changelog page', () => {
    const feed = parseFeed(feedOf(PAGE));
    expect(feed.meta.type).toBe('atom');
    expect(feed.title).toBe('Fixture API changelog');
    expect(feed.self).toBe('https://docs.example.test/changelog.xml');
    expect(feed.url).toBe('https://docs.example.test/changelog/');
    expect(feed.items.map((item) => [item.title, item.url, item.id, item.updated?.toISOString()])).toEqual([
      [
        '1.7.0 (2026-12-03)',
        'https://docs.example.test/changelog/#v1-7-0',
        'https://docs.example.test/changelog/#v1-7-0',
        '2026-12-03T00:00:00.000Z',
      ],
      // A heading without {#id} keeps the id the site derives from its text.
      [
        '1.6.0 (2026-11-24)',
        'https://docs.example.test/changelog/#160-2026-11-24',
        'https://docs.example.test/changelog/#160-2026-11-24',
        '2026-11-24T00:00:00.000Z',
      ],
    ]);
  });

  it('carries each release as HTML whose links are absolute, the intro left out', () => {
    const [newest, oldest] = parseFeed(feedOf(PAGE)).items;
    expect(newest?.content).toContain(
      '<a href="https://docs.example.test/api-reference/things/delete-thing/"><code>DELETE /things/{id}</code></a>',
    );
    expect(newest?.content).toContain('<strong>Breaking:</strong>');
    expect(newest?.content).not.toContain('Initial contract');
    expect(oldest?.content).toBe('<p>Initial contract.</p>');
    expect(feedOf(PAGE)).not.toContain('Intro text');
  });

  it('dates a release written without a date as the release below it', () => {
    const items = parseFeed(
      feedOf(PAGE.replace('## 1.7.0 (2026-12-03) {#v1-7-0}', '## 1.7.0 {#v1-7-0}')),
    ).items;
    expect(items.map((item) => [item.title, item.updated?.toISOString()])).toEqual([
      ['1.7.0', '2026-11-24T00:00:00.000Z'],
      ['1.6.0 (2026-11-24)', '2026-11-24T00:00:00.000Z'],
    ]);
  });

  it('is a valid empty feed when the docs have no changelog', () => {
    const feed = parseFeed(feedOf(undefined));
    expect(feed.meta.type).toBe('atom');
    expect(feed.items).toEqual([]);
  });
});

describe('the changelog page', () => {
  it('names the file and line of a level-2 heading that is not a release', () => {
    expect(() =>
      parseChangelog(PAGE.replace('## 1.6.0', '## Notes on upgrades\n\n## 1.6.0'), 'docs/changelog.md'),
    ).toThrow('docs/changelog.md:15: "## Notes on upgrades" is not a release heading');
  });

  it('counts lines from the top of the file, frontmatter included', () => {
    expect(parseChangelog(PAGE, 'docs/changelog.md').map((release) => release.line)).toEqual([7, 15]);
  });
});
