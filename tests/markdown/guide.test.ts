import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { metaValue } from '../../src/markdown/fence-meta.ts';
import { guideMarkdown } from '../../src/markdown/guide.ts';
import { twinHref } from '../../src/markdown/links.ts';
import { twinDocument } from '../../src/markdown/markdown.ts';

const SITE = 'https://docs.ocpplab.com';
const fixture = new URL('../fixtures/markdown/tabs-and-asides.mdx', import.meta.url);

describe('guide twins', () => {
  it('flatten tabs, asides, cards, steps and file trees into plain Markdown (golden file)', async () => {
    const source = readFileSync(fixture, 'utf8');
    const twin = twinDocument(
      SITE,
      'Create a charger',
      guideMarkdown(source, { site: SITE, slug: 'guides/fixture' }),
    );
    await expect(twin).toMatchFileSnapshot('../fixtures/markdown/golden/guide-tabs-and-asides.md');
  });

  it('leave no MDX behind: no import, no JSX tag, no expression comment', () => {
    const twin = guideMarkdown(readFileSync(fixture, 'utf8'), { site: SITE, slug: 'guides/fixture' });
    expect(twin).not.toMatch(/^import /m);
    expect(twin).not.toMatch(/<\/?[A-Z][A-Za-z]*[\s/>]/);
    expect(twin).not.toContain('{/*');
    expect(twin).not.toContain('no-run');
  });

  it('turn a code tab into a code block titled by its tab label, keeping the block title', () => {
    const source =
      '<Tabs>\n<TabItem label="curl">\n\n```bash title="Ping"\ncurl x\n```\n\n</TabItem>\n</Tabs>\n';
    expect(guideMarkdown(source, { site: SITE, slug: '' })).toBe('```bash title="curl: Ping"\ncurl x\n```');
  });

  it('label an aside by its type when it has no title', () => {
    const source = '<Aside type="tip">\nUse jq.\n</Aside>\n';
    expect(guideMarkdown(source, { site: SITE, slug: '' })).toBe('> **Tip:** Use jq.');
  });
});

describe('twinHref', () => {
  const cases: [given: string, from: string, want: string][] = [
    ['/quickstart/', '/', `${SITE}/quickstart.md`],
    ['/', '/', `${SITE}/index.md`],
    [
      '/api-reference/core-resources/chargers/create/#request-body',
      '/',
      `${SITE}/api-reference/core-resources/chargers/create.md#request-body`,
    ],
    ['../concepts/', '/guides/auth/', `${SITE}/guides/concepts.md`],
    ['/openapi.json', '/', `${SITE}/openapi.json`],
    ['#fast-checks', '/support/', '#fast-checks'],
    ['https://jqlang.github.io/jq/', '/', 'https://jqlang.github.io/jq/'],
    ['mailto:support@ocpplab.com', '/', 'mailto:support@ocpplab.com'],
  ];
  it.each(cases)('points %s (on %s) at %s', (given, from, want) => {
    expect(twinHref(given, SITE, from)).toBe(want);
  });
});

describe('metaValue', () => {
  it('reads quoted, escaped and bare values from fence meta', () => {
    expect(metaValue('title="A \\"b\\"" no-run="x"', 'title')).toBe('A "b"');
    expect(metaValue("no-run='why' title=short", 'title')).toBe('short');
    expect(metaValue('frame="none"', 'title')).toBeUndefined();
  });

  it('keep what is written for agents and drop what is written for people', () => {
    const source =
      'Intro.\n\n<ForAgents>\n1. Call `GET /health`.\n</ForAgents>\n\n<ForHumans>\nTake your time.\n</ForHumans>\n';
    expect(guideMarkdown(source, { site: SITE, slug: '' })).toBe('Intro.\n\n1. Call `GET /health`.');
  });
});
