/**
 * Scenario: two syncs into a scratch project (one operation's `x-fern-sdk-method-name` changes and
 * it gets deprecated and a parameter, another operation is removed, one is added, a schema gains
 * a field), then one build of the site from that state. Old URLs must keep working (the moved
 * page's redirects, the removed page's notice, the host files), the feed must land on the
 * changelog's anchors, and the pages must tell their history.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sync } from '../../scripts/sync/sync.ts';
import { parseLlmsTxt } from '../markdown/llms-txt.ts';
import { runBuild, STUB_GUIDES, scratchDir } from '../support/site.ts';
import { contract, options, removeTempDirs, tempSource, writeFiles } from '../sync/helpers.ts';
import { checkFeed } from './feed-check.ts';

type Json = Record<string, unknown>;

const SITE = 'https://docs.ocpplab.com';
const MOVED_FROM = '/api-reference/things/list-things/';
const MOVED_TO = '/api-reference/things/all/';
const REMOVED = '/api-reference/things/create-thing/';

const work = scratchDir('moved-pages');
const root = join(work, 'project');
const dist = join(work, 'dist');
let log = '';

beforeAll(async () => {
  mkdirSync(root, { recursive: true });
  cpSync('redocly.yaml', join(root, 'redocly.yaml'));
  // The stub guides of the link-check test; the Quickstart keeps a link to the removed page.
  cpSync(STUB_GUIDES, join(root, 'docs'), { recursive: true });
  rmSync(join(root, 'docs/changelog.md'));
  const quickstart = join(root, 'docs/quickstart.mdx');
  writeFileSync(
    quickstart,
    readFileSync(quickstart, 'utf8').replace(
      'BROKEN_LINKS',
      `Saved links: [create a thing](${REMOVED}), [list things](${MOVED_FROM}).`,
    ),
  );
  const source = await tempSource({ 'openapi/openapi.json': contract() });
  await sync(options(root, { from: source }));
  await writeFiles(source, {
    'openapi/openapi.json': contract((doc) => {
      (doc.info as Json).version = '1.1.0';
      const things = doc.paths['/things'] as Json;
      const list = things.get as Json;
      list['x-fern-sdk-method-name'] = 'all';
      list.deprecated = true;
      (list.parameters as Json[]).push({ name: 'color', in: 'query', schema: { type: 'string' } });
      Reflect.deleteProperty(things, 'post');
      doc.paths['/things/{thing_id}'] = {
        get: {
          operationId: 'getThing',
          summary: 'Get a thing',
          parameters: [{ name: 'thing_id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '200': { description: 'The thing.' }, '404': { description: 'No such thing.' } },
        },
      };
      const thing = (doc.components.schemas as Record<string, Json>).Thing as Json;
      (thing.properties as Json).weight = { type: 'number' };
    }),
  });
  await sync(options(root, { from: source }));
  const build = await runBuild(dist, {
    OCPPLAB_CONTRACT: join(root, 'openapi/openapi.json'),
    OCPPLAB_DOCS_DIR: relative(process.cwd(), join(root, 'docs')),
    // Every link of the changelog and the guides must land: the old URLs included.
    OCPPLAB_BROKEN_LINKS: 'error',
    NO_COLOR: '1',
  });
  log = build.log;
  if (build.code !== 0) throw new Error(`the build failed (exit ${build.code}):\n${log.slice(-3000)}`);
}, 300_000);

afterAll(async () => {
  rmSync(work, { recursive: true, force: true });
  await removeTempDirs();
});

const read = (file: string) => readFileSync(join(dist, file), 'utf8');
const page = (url: string) => fromHtml(read(join(url, 'index.html')));
/** `_redirects` as rows of words: the library aligns its columns with spaces. */
const redirects = () =>
  read('_redirects')
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/));

describe('a page whose URL changed', () => {
  it('is served at its old URL by a redirect page: meta refresh and canonical link to the new URL', () => {
    const tree = page(MOVED_FROM);
    expect(select('meta[http-equiv="refresh"]', tree)?.properties.content).toBe(`0;url=${MOVED_TO}`);
    expect(select('link[rel="canonical"]', tree)?.properties.href).toBe(`${SITE}${MOVED_TO}`);
    expect(toText(select('h1', page(MOVED_TO)) ?? { type: 'root', children: [] })).toBe('List things');
  });

  it('gets a 301 in _redirects, its twin too', () => {
    expect(redirects()).toContainEqual([MOVED_FROM, MOVED_TO, '301']);
    expect(redirects()).toContainEqual([
      '/api-reference/things/list-things.md',
      '/api-reference/things/all.md',
      '301',
    ]);
  });
});

describe('a removed page', () => {
  it('serves at its old URL a notice linking to its changelog entry and to the closest page', () => {
    const tree = page(REMOVED);
    expect(toText(select('h1', tree) ?? tree)).toBe('Create a thing (removed in 1.1.0)');
    const content = select('.sl-markdown-content', tree);
    expect(content).toBeDefined();
    expect(toText(content ?? tree)).toContain(
      'This page documented the operation POST /things (Create a thing). It was removed in 1.1.0',
    );
    const html = read(join(REMOVED, 'index.html'));
    expect(html).toContain('href="/changelog/#v1-1-0"');
    expect(html).toContain('href="/api-reference/things/"');
    expect(select('meta[name="robots"]', tree)?.properties.content).toBe('noindex');
  });

  it('has a twin saying the same, outside llms.txt', () => {
    const twin = read('api-reference/things/create-thing.md');
    expect(twin).toContain('# Create a thing (removed in 1.1.0)');
    expect(twin).toContain(`[the changelog entry](${SITE}/changelog.md#v1-1-0)`);
    expect(twin).toContain(`[Things](${SITE}/api-reference/things.md)`);
    const listed = (parseLlmsTxt(read('llms.txt')).file?.sections ?? []).flatMap((s) => s.links);
    expect(listed.map((link) => link.url)).not.toContain(`${SITE}/api-reference/things/create-thing.md`);
  });

  it('gets a 410 in _redirects, forced over the notice file', () => {
    expect(redirects()).toContainEqual([REMOVED, REMOVED, '410!']);
  });
});

describe('the changelog of those syncs', () => {
  it('links the removed operation to its old URL, and every link of the site landed, old URLs included', () => {
    const html = read('changelog/index.html');
    expect(html).toMatch(new RegExp(`<a href="${REMOVED}"><code[^>]*>POST /things</code></a>`));
    // Its other changes link to where the page is now.
    expect(html).toMatch(new RegExp(`<a href="${MOVED_TO}"><code[^>]*>GET /things</code></a>`));
    expect(log).not.toMatch(/broken internal link/);
  });

  it('has a feed whose entries land on the explicit anchors of the built page', () => {
    const feed = checkFeed(dist, SITE, ['1.1.0', '1.0.0']);
    expect(feed.items.map((item) => item.url)).toEqual([
      `${SITE}/changelog/#v1-1-0`,
      `${SITE}/changelog/#v1-0-0`,
    ]);
  });
});

describe('the history on the pages', () => {
  const historyOf = (url: string) => {
    const line = select('.ref-history', page(url));
    return line === undefined ? undefined : toText(line).trim();
  };

  it('says on each page what the releases did to it, linked to their changelog entries', () => {
    expect(historyOf(MOVED_TO)).toBe('Changed in 1.1.0 · Deprecated in 1.1.0.');
    expect(historyOf('/api-reference/things/get-thing/')).toBe('Added in 1.1.0.');
    expect(historyOf('/api-reference/schemas/thing/')).toBe('Changed in 1.1.0.');
    // Nothing recorded: no line.
    expect(historyOf('/api-reference/schemas/status/')).toBeUndefined();
    const line = select('.ref-history', page(MOVED_TO));
    expect(selectAll('a', line ?? { type: 'root', children: [] }).map((a) => a.properties.href)).toEqual([
      '/changelog/#v1-1-0',
      '/changelog/#v1-1-0',
    ]);
  });

  it('says the same in the twins, linked to the changelog twin', () => {
    const link = `[1.1.0](${SITE}/changelog.md#v1-1-0)`;
    expect(read('api-reference/things/all.md')).toContain(
      `\n\nChanged in ${link} · Deprecated in ${link}.\n\n`,
    );
    expect(read('api-reference/things/get-thing.md')).toContain(`\n\nAdded in ${link}.\n\n`);
    expect(read('api-reference/schemas/thing.md')).toContain(`Changed in ${link}.`);
    expect(read('api-reference/schemas/status.md')).not.toContain('Changed in');
  });
});
