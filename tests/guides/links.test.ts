import { describe, expect, test } from 'vitest';
import {
  brokenLinksOf,
  formatBrokenLink,
  internalTarget,
  outputFileOf,
  pageUrlOf,
  parseBuiltPage,
} from '../../scripts/guides/links.ts';
import { docsSnippetSources } from '../../scripts/snippets/sources.ts';
import { splitFrontmatter } from '../../src/markdown/frontmatter.ts';

const site = 'https://docs.ocpplab.com';

describe('where a link points', () => {
  test.each([
    { given: '/quickstart/', want: { path: '/quickstart/', hash: '' } },
    { given: '/making-requests/#retries', want: { path: '/making-requests/', hash: 'retries' } },
    { given: '#errors', want: { path: '/support/', hash: 'errors' } },
    { given: '../concepts/', want: { path: '/concepts/', hash: '' } },
    { given: 'https://docs.ocpplab.com/openapi.json', want: { path: '/openapi.json', hash: '' } },
    { given: '/llms.txt?x=1', want: { path: '/llms.txt', hash: '' } },
    { given: '/api-reference/schemas/caf%C3%A9/', want: { path: '/api-reference/schemas/café/', hash: '' } },
    { given: 'https://github.com/ocpplab', want: undefined },
    { given: 'mailto:support@ocpplab.com', want: undefined },
  ])('$given on /support/ is $want', ({ given, want }) => {
    expect(internalTarget(given, '/support/', site)).toEqual(want);
  });

  test('maps URLs to built files and back', () => {
    expect(outputFileOf('/')).toBe('index.html');
    expect(outputFileOf('/quickstart/')).toBe('quickstart/index.html');
    expect(outputFileOf('/quickstart')).toBe('quickstart');
    expect(outputFileOf('/quickstart.md')).toBe('quickstart.md');
    expect(pageUrlOf('index.html')).toBe('/');
    expect(pageUrlOf('api-reference/index.html')).toBe('/api-reference/');
    expect(pageUrlOf('404.html')).toBe('/404.html');
  });
});

describe('brokenLinksOf', () => {
  const pages = [
    {
      url: '/',
      html: '<h2 id="start">Start</h2><a href="/quickstart/">Quickstart</a><a href="#start">here</a>',
    },
    {
      url: '/quickstart/',
      html: [
        '<h2 id="create-a-location">Create a location</h2>',
        '<a href="/">home</a>',
        '<a href="/quickstart/#create-a-location">this section</a>',
        '<a href="/openapi.json">contract</a>',
        '<a href="https://example.com/nowhere/">elsewhere</a>',
        '<a href="/api-reference/nope/">a reference page that was not built</a>',
        '<a href="/quickstart">no trailing slash</a>',
        '<a href="/#missing">a heading that is not there</a>',
        '<a href="#also-missing">on this page</a>',
      ].join(''),
    },
  ];
  const files = new Set(['openapi.json']);
  const parsed = (list: typeof pages) => list.map((page) => parseBuiltPage(page.url, page.html));

  test('reports missing pages, files and #fragments, and nothing else', () => {
    const broken = brokenLinksOf(parsed(pages), (file) => files.has(file), site);
    expect(broken.map(formatBrokenLink)).toEqual([
      '/quickstart/: broken link to /api-reference/nope/ (no page is built at that address)',
      '/quickstart/: broken link to /quickstart (no page is built at that address)',
      '/quickstart/: broken link to /#missing (/ has no element with id "missing")',
      '/quickstart/: broken link to #also-missing (/quickstart/ has no element with id "also-missing")',
    ]);
  });

  test('asks for each missing file once', () => {
    const asked: string[] = [];
    const quickstart = pages[1] ?? { url: '', html: '' };
    const twice = [quickstart, { ...quickstart, url: '/concepts/' }];
    brokenLinksOf(
      parsed(twice),
      (file) => {
        asked.push(file);
        return false;
      },
      site,
    );
    expect(asked).toEqual(['index.html', 'openapi.json', 'api-reference/nope/index.html', 'quickstart']);
  });
});

describe('the guides under docs/', () => {
  // starlight-links-validator names a page by its path below src/content/docs; ours live in docs/,
  // so each page states its slug, or every link to it is reported invalid.
  test('every page but the home page declares its slug, the file name', async () => {
    const pages = await docsSnippetSources('docs', '.');
    const wrong = pages
      .map((page) => ({ page: page.page, slug: splitFrontmatter(page.markdown).data.slug }))
      .filter(
        ({ page, slug }) =>
          page !== 'docs/index.mdx' && `docs/${String(slug)}` !== page.replace(/\.mdx?$/, ''),
      )
      .map(({ page }) => `${page}: add \`slug: ${page.replace(/^docs\/|\.mdx?$/g, '')}\` to the frontmatter`);
    expect(pages.length).toBeGreaterThan(5);
    expect(wrong).toEqual([]);
  });
});
