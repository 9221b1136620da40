import { cp } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diffContracts } from '../../scripts/sync/diff.ts';
import { guideLinesOf, guideLinesTouched } from '../../scripts/sync/guides.ts';
import { formatReport } from '../../scripts/sync/report.ts';
import { sync } from '../../scripts/sync/sync.ts';
import { contract, FIXTURES, options, removeTempDirs, tempProject, tempSource } from './helpers.ts';

type Json = Record<string, unknown>;

afterAll(removeTempDirs);

/** A docs folder whose pages name the fixture contract's `limit`, `POST /things` and `green`. */
const GUIDES = path.join(FIXTURES, 'guides');

const things = (doc: Json & { paths: Json }) => doc.paths['/things'] as Record<'get' | 'post', Json>;

/** `limit` renamed to `max_items`, `POST /things` removed, `green` no longer a color. */
const changed = contract((doc) => {
  ((things(doc).get.parameters as Json[])[0] as Json).name = 'max_items';
  Reflect.deleteProperty(things(doc), 'post');
  const schemas = (doc.components as Json).schemas as Record<string, Json>;
  ((schemas.ThingCreate as Json).properties as Record<string, Json>).color = {
    type: 'string',
    enum: ['red'],
  };
});

const RENAMED = 'GET /things: query parameter `limit` renamed to `max_items`';
const REMOVED = 'POST /things: operation removed';

describe('the guide lines a change touches', () => {
  it('lists each line of code naming an old parameter, and each line naming a removed operation, not the changelog', async () => {
    const changes = diffContracts(contract(), changed);
    const lines = await guideLinesTouched(GUIDES, changes);
    expect(lines.map((line) => `${line.page}:${line.line} ${line.name} | ${line.change}`)).toEqual([
      // `limit` in inline code and in both code blocks; the bare word in prose is not a field.
      `docs/things.mdx:7 limit | ${RENAMED}`,
      `docs/things.mdx:14 limit | ${RENAMED}`,
      `docs/things.mdx:23 limit | ${RENAMED}`,
      // The removed POST: its path with the method on the line (GET /things stays), its operationId.
      `docs/things.mdx:24 POST /things | ${REMOVED}`,
      `docs/things.mdx:30 POST /things | ${REMOVED}`,
      `docs/things.mdx:30 createThing | ${REMOVED}`,
      // A page in a subfolder of docs/ (as the recipes under docs/workflows/ are) is searched too.
      `docs/things/paging.md:6 limit | ${RENAMED}`,
    ]);
  });

  it('names a removed enum value where the request no longer accepts it, in code only', () => {
    const noGreen = contract((doc) => {
      const schemas = (doc.components as Json).schemas as Record<string, Json>;
      ((schemas.ThingCreate as Json).properties as Record<string, Json>).color = {
        type: 'string',
        enum: ['red'],
      };
    });
    const changes = diffContracts(contract(), noGreen);
    expect(changes.map((change) => change.kind)).toEqual(['enum-value-removed']);
    const pages = [
      { page: 'docs/a.mdx', markdown: '```python\nbody = {"color": "green"}\n```\n\nA green lamp.\n' },
      { page: 'docs/b.md', markdown: 'Pick `green` or `greenish`.\n' },
    ];
    expect(guideLinesOf(pages, changes).map((line) => `${line.page}:${line.line} ${line.name}`)).toEqual([
      'docs/a.mdx:2 green',
      'docs/b.md:1 green',
    ]);
  });

  it('matches a removed path whatever value stands for its parameters, and not a longer path', () => {
    const before = contract((doc) => {
      doc.paths['/things/{thing_id}'] = { delete: structuredClone(things(doc).get) };
    });
    const changes = diffContracts(before, contract());
    const pages = [
      {
        page: 'docs/c.md',
        markdown: [
          'curl -X DELETE "https://api.fixture.test/things/$THING_ID"',
          `await fetch(\`https://api.fixture.test/things/\${id}\`, { method: 'DELETE' })`,
          'The `/things/{thing_id}/parts` page.',
          'See /things for the list.',
        ].join('\n'),
      },
    ];
    expect(guideLinesOf(pages, changes).map((line) => `${line.line} ${line.name}`)).toEqual([
      '1 /things/{thing_id}',
      '2 /things/{thing_id}',
    ]);
  });

  it('ends the sync report with them, as page:line', async () => {
    const root = await tempProject();
    await cp(path.join(GUIDES, 'docs'), path.join(root, 'docs'), { recursive: true });
    const source = await tempSource({ 'openapi/openapi.json': contract() });
    const first = await sync(options(root, { from: source }));
    expect(first.report.guides).toEqual([]);
    const next = await tempSource({ 'openapi/openapi.json': changed });
    const { report } = await sync(options(root, { from: next }));
    expect(report.guides?.map((line) => `${line.page}:${line.line}`)).toEqual([
      'docs/things.mdx:7',
      'docs/things.mdx:14',
      'docs/things.mdx:23',
      'docs/things.mdx:24',
      'docs/things.mdx:30',
      'docs/things.mdx:30',
      'docs/things/paging.md:6',
    ]);
    const text = formatReport(report);
    expect(text).toContain(
      `\n\nGuide lines that mention what changed (7; rewrite them, then run npm run test:snippets):\n  docs/things.mdx:7  \`limit\`  ${RENAMED}\n`,
    );
    expect(text.indexOf('Breaking:')).toBeLessThan(text.indexOf('Guide lines'));
    expect(text.endsWith(`  docs/things/paging.md:6  \`limit\`  ${RENAMED}\n`)).toBe(true);
  });
});
