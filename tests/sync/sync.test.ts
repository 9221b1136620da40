import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fetchSource } from '../../scripts/sync/fetch.ts';
import { sha256 } from '../../scripts/sync/provenance.ts';
import { sync } from '../../scripts/sync/sync.ts';
import { generateTypes, TYPES_HEADER } from '../../scripts/sync/types.ts';
import { parseChangelog } from '../../src/changelog.ts';
import {
  contract,
  FIXTURES,
  options,
  removeTempDirs,
  snapshot,
  tempDir,
  tempProject,
  tempSource,
  writeFiles,
} from './helpers.ts';

type Json = Record<string, unknown>;

afterAll(removeTempDirs);

const read = (root: string, file: string) => readFile(path.join(root, file), 'utf8');
const readJson = async (root: string, file: string): Promise<unknown> => JSON.parse(await read(root, file));

/** Version 1.1.0 of the fixture contract: one operation more. */
const newer = contract((doc) => {
  (doc.info as Json).version = '1.1.0';
  doc.paths['/things/{thing_id}'] = {
    get: {
      operationId: 'getThing',
      summary: 'Get a thing',
      parameters: [{ name: 'thing_id', in: 'path', required: true, schema: { type: 'string' } }],
      responses: { '200': { description: 'The thing.' }, '404': { description: 'No such thing.' } },
    },
  };
});

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
}

/** A git repository whose first commit holds the fixture contract and whose second holds `newer`. */
async function repositoryWithTwoCommits(): Promise<{ dir: string; first: string; second: string }> {
  const dir = await tempDir('sync-repo-');
  git(dir, 'init', '--quiet', '--initial-branch=main');
  git(dir, 'config', 'user.email', 'sync-test@example.test');
  git(dir, 'config', 'user.name', 'Sync test');
  await writeFiles(dir, { 'openapi/openapi.json': contract() });
  git(dir, 'add', '.');
  git(dir, 'commit', '--quiet', '-m', 'Contract 1.0.0');
  const first = git(dir, 'rev-parse', 'HEAD');
  await writeFiles(dir, { 'openapi/openapi.json': newer });
  git(dir, 'commit', '--quiet', '-am', 'Contract 1.1.0');
  return { dir, first, second: git(dir, 'rev-parse', 'HEAD') };
}

describe('a directory source', () => {
  it('writes the contract, its provenance, the types and an initial changelog entry', async () => {
    const root = await tempProject();
    const source = await tempSource({ 'openapi/openapi.json': contract() });
    const result = await sync(options(root, { from: source }));

    const written = await read(root, 'openapi/openapi.json');
    expect(written).toBe(`${JSON.stringify(contract(), null, 2)}\n`);
    expect(await readJson(root, 'openapi/provenance.json')).toEqual({
      source,
      ref: null,
      commit: null,
      path: 'openapi/openapi.json',
      sha256: sha256(written),
      version: '1.0.0',
    });
    // The types of this very contract, not merely a file with the right header.
    const types = await read(root, 'src/generated/ocpplab.d.ts');
    expect(types.startsWith(TYPES_HEADER)).toBe(true);
    expect(types).toBe(await generateTypes(contract()));
    const changelog = await read(root, 'docs/changelog.md');
    expect(changelog).toMatch(/^---\ntitle: Changelog\n/);
    expect(changelog).toContain(
      `## 1.0.0 (2026-05-04) {#v1-0-0}\n\nInitial contract: version 1.0.0, 2 operations. Synced \`openapi/openapi.json\` from \`${source}\`.\n`,
    );
    expect(result.report).toEqual({ from: null, to: '1.0.0', changes: [], guides: [] });
    expect(result.outputs.map((output) => [output.path, output.status])).toEqual([
      ['openapi/openapi.json', 'new'],
      ['src/generated/ocpplab.d.ts', 'new'],
      ['docs/changelog.md', 'new'],
      ['openapi/provenance.json', 'new'],
      ['openapi/urls.json', 'new'],
      ['openapi/history.json', 'new'],
    ]);
  });

  it('changes nothing when synced a second time, provenance and changelog included', async () => {
    const root = await tempProject();
    const source = await tempSource({ 'openapi/openapi.json': contract() });
    await sync(options(root, { from: source }));
    const first = await snapshot(root);
    const again = await sync(options(root, { from: source }));
    expect(again.outputs.every((output) => output.status === 'unchanged')).toBe(true);
    expect(await snapshot(root)).toEqual(first);
  });

  it('leaves no temporary files behind', async () => {
    const root = await tempProject();
    await sync(options(root, { from: await tempSource({ 'openapi/openapi.json': contract() }) }));
    const files = await readdir(root, { recursive: true });
    expect(files.filter((file) => file.endsWith('.tmp'))).toEqual([]);
  });

  it('reports the changes and adds a changelog entry above the previous one', async () => {
    const root = await tempProject();
    const source = await tempSource({ 'openapi/openapi.json': contract() });
    await sync(options(root, { from: source }));
    await writeFiles(source, { 'openapi/openapi.json': newer });
    const result = await sync(options(root, { from: source }));

    expect(result.report.from).toBe('1.0.0');
    expect(result.report.to).toBe('1.1.0');
    expect(result.report.changes.map((change) => change.kind)).toEqual([
      'operation-added',
      'version-changed',
    ]);
    const changelog = await read(root, 'docs/changelog.md');
    const headings = changelog.split('\n').filter((line) => line.startsWith('## '));
    expect(headings).toEqual(['## 1.1.0 (2026-05-04) {#v1-1-0}', '## 1.0.0 (2026-05-04) {#v1-0-0}']);
    // The page of the new operation, where the site builds it (untagged: grouped by its path).
    expect(changelog).toContain(
      '**Other changes**\n\n- [`GET /things/{thing_id}`](/api-reference/things/get-thing/): operation added\n- version 1.0.0 → 1.1.0\n',
    );
  });

  it('gives each entry an anchor no earlier entry has, and never changes an earlier one', async () => {
    const root = await tempProject();
    const source = await tempSource({ 'openapi/openapi.json': contract() });
    await sync(options(root, { from: source }));
    // Written before entries had anchors: the site's own id for it stays what it was.
    const legacy = (await read(root, 'docs/changelog.md')).replace(' {#v1-0-0}', '');
    await writeFiles(root, { 'docs/changelog.md': legacy });
    // The same version synced again with other content, then a removal.
    await writeFiles(source, {
      'openapi/openapi.json': contract((doc) => {
        ((doc.paths['/things'] as Json).get as Json).description = 'Every thing.';
        (doc.components.schemas as Record<string, Json>).Thing = {
          ...(doc.components.schemas as Record<string, Json>).Thing,
          description: 'A thing.',
        };
      }),
    });
    await sync(options(root, { from: source }));
    await writeFiles(source, {
      'openapi/openapi.json': contract((doc) => {
        (doc.info as Json).version = '1.1.0';
        Reflect.deleteProperty(doc.paths['/things'] as Json, 'post');
      }),
    });
    await sync(options(root, { from: source }));
    const changelog = await read(root, 'docs/changelog.md');
    expect(parseChangelog(changelog, 'docs/changelog.md').map((r) => [r.version, r.anchor])).toEqual([
      ['1.1.0', 'v1-1-0'],
      ['1.0.0', 'v1-0-0'],
      ['1.0.0', '100-2026-05-04'],
    ]);
    // A removed operation links to its old URL, which keeps serving a page saying so.
    expect(changelog).toContain(
      '- **Breaking:** [`POST /things`](/api-reference/things/create-thing/): operation removed\n',
    );
  });

  it('stops with the line of a level-2 heading that is not a release, writing nothing', async () => {
    const root = await tempProject();
    const source = await tempSource({ 'openapi/openapi.json': contract() });
    await sync(options(root, { from: source }));
    const page = (await read(root, 'docs/changelog.md')).replace(
      '## 1.0.0',
      '## Notes on upgrades\n\n## 1.0.0',
    );
    await writeFiles(root, { 'docs/changelog.md': page });
    await writeFiles(source, { 'openapi/openapi.json': newer });
    const before = await snapshot(root);
    const line = page.split('\n').indexOf('## Notes on upgrades') + 1;
    await expect(sync(options(root, { from: source }))).rejects.toThrow(
      `docs/changelog.md:${line}: "## Notes on upgrades" is not a release heading`,
    );
    expect(await snapshot(root)).toEqual(before);
  });
});

describe('the record of published URLs', () => {
  const urlsOf = async (root: string) =>
    ((await readJson(root, 'openapi/urls.json')) as { urls: Record<string, Json> }).urls;

  it('records every reference page of the first contract, since its version', async () => {
    const root = await tempProject();
    await sync(options(root, { from: await tempSource({ 'openapi/openapi.json': contract() }) }));
    const urls = await urlsOf(root);
    expect(urls['/api-reference/things/list-things/']).toEqual({
      page: 'operation get /things',
      title: 'List things',
      since: '1.0.0',
      parent: 'tag Things',
    });
    expect(urls['/api-reference/schemas/thing/']).toMatchObject({ page: 'schema Thing', since: '1.0.0' });
    expect(urls['/api-reference/']).toMatchObject({ page: 'overview' });
  });

  it('marks the old URL of a renamed operation and of a removed one gone from the release that did it', async () => {
    const root = await tempProject();
    const source = await tempSource({ 'openapi/openapi.json': contract() });
    await sync(options(root, { from: source }));
    await writeFiles(source, {
      'openapi/openapi.json': contract((doc) => {
        (doc.info as Json).version = '1.1.0';
        const things = doc.paths['/things'] as Json;
        (things.get as Json)['x-fern-sdk-method-name'] = 'all';
        Reflect.deleteProperty(things, 'post');
      }),
    });
    await sync(options(root, { from: source }));
    const urls = await urlsOf(root);
    const gone = { version: '1.1.0', anchor: 'v1-1-0' };
    expect(urls['/api-reference/things/list-things/']).toEqual({
      page: 'operation get /things',
      title: 'List things',
      since: '1.0.0',
      parent: 'tag Things',
      gone,
    });
    expect(urls['/api-reference/things/all/']).toEqual({
      page: 'operation get /things',
      title: 'List things',
      since: '1.1.0',
      parent: 'tag Things',
    });
    expect(urls['/api-reference/things/create-thing/']).toMatchObject({
      page: 'operation post /things',
      gone,
    });
    // A sync of the same contract again changes nothing, the record included.
    const before = await snapshot(root);
    await sync(options(root, { from: source }));
    expect(await snapshot(root)).toEqual(before);
  });

  it('starts the record from the committed contract in a project that has none', async () => {
    const root = await tempProject();
    const source = await tempSource({ 'openapi/openapi.json': contract() });
    await sync(options(root, { from: source }));
    await rm(path.join(root, 'openapi/urls.json'));
    await writeFiles(source, { 'openapi/openapi.json': newer });
    await sync(options(root, { from: source }));
    const urls = await urlsOf(root);
    expect(urls['/api-reference/things/list-things/']).toMatchObject({ since: '1.0.0' });
    expect(urls['/api-reference/things/get-thing/']).toMatchObject({ since: '1.1.0' });
  });

  it('stops at a record it cannot read, naming the file and the place, writing nothing', async () => {
    const root = await tempProject();
    const source = await tempSource({ 'openapi/openapi.json': contract() });
    await sync(options(root, { from: source }));
    await writeFiles(root, { 'openapi/urls.json': { urls: { '/api-reference/x/': { page: 'overview' } } } });
    await writeFiles(source, { 'openapi/openapi.json': newer });
    const before = await snapshot(root);
    await expect(sync(options(root, { from: source }))).rejects.toThrow(
      /^openapi\/urls\.json\/urls\/\/api-reference\/x\/\/title: .*Fix: restore it with `git checkout openapi\/urls\.json`/,
    );
    expect(await snapshot(root)).toEqual(before);
  });
});

describe('the history of each page', () => {
  const historyOf = async (root: string) =>
    ((await readJson(root, 'openapi/history.json')) as { pages: Record<string, Json> }).pages;

  it('records what each release added, changed and deprecated, page by page', async () => {
    const root = await tempProject();
    const source = await tempSource({ 'openapi/openapi.json': contract() });
    await sync(options(root, { from: source }));
    // What the first contract had is not "added" by it: the API existed before these docs.
    expect(await historyOf(root)).toEqual({});
    const v110 = contract((doc) => {
      (doc.info as Json).version = '1.1.0';
      doc.paths['/things/{thing_id}'] = (newer.paths as Json)['/things/{thing_id}'];
      const list = (doc.paths['/things'] as Json).get as Json;
      list.deprecated = true;
      (list.parameters as Json[]).push({ name: 'color', in: 'query', schema: { type: 'string' } });
      const thing = (doc.components.schemas as Record<string, Json>).Thing as Json;
      (thing.properties as Json).weight = { type: 'number' };
    });
    await writeFiles(source, { 'openapi/openapi.json': v110 });
    await sync(options(root, { from: source }));
    const r110 = { version: '1.1.0', anchor: 'v1-1-0' };
    expect(await historyOf(root)).toEqual({
      'operation get /things': { changed: [r110], deprecated: r110 },
      'operation get /things/{thing_id}': { added: r110 },
      // Its 201 answer is a Thing, which has a new property.
      'operation post /things': { changed: [r110] },
      'schema Thing': { changed: [r110] },
    });
    const v120 = structuredClone(v110);
    (v120.info as Json).version = '1.2.0';
    Reflect.deleteProperty((v120.paths as Record<string, Json>)['/things']?.get as Json, 'deprecated');
    await writeFiles(source, { 'openapi/openapi.json': v120 });
    await sync(options(root, { from: source }));
    expect((await historyOf(root))['operation get /things']).toEqual({
      changed: [{ version: '1.2.0', anchor: 'v1-2-0' }, r110],
    });
  });
});

describe('a git source', () => {
  it('reads the commit --ref names, here the older of two', async () => {
    const { dir, first } = await repositoryWithTwoCommits();
    const root = await tempProject();
    await sync(options(root, { from: `file://${dir}`, ref: first }));
    expect(await readJson(root, 'openapi/provenance.json')).toMatchObject({
      source: `file://${dir}`,
      ref: first,
      commit: first,
      version: '1.0.0',
    });
    expect(await readJson(root, 'openapi/openapi.json')).toEqual(contract());
  });

  it('reads the default branch without --ref, and a branch or short commit given as --ref', async () => {
    const { dir, first, second } = await repositoryWithTwoCommits();
    const root = await tempProject();
    await sync(options(root, { from: dir, ref: 'main' }));
    expect(await readJson(root, 'openapi/provenance.json')).toMatchObject({
      commit: second,
      version: '1.1.0',
    });
    await sync(options(root, { from: `file://${dir}`, ref: first.slice(0, 10) }));
    expect(await readJson(root, 'openapi/provenance.json')).toMatchObject({
      commit: first,
      version: '1.0.0',
    });
    await sync(options(root, { from: `file://${dir}` }));
    expect(await readJson(root, 'openapi/provenance.json')).toMatchObject({ ref: null, commit: second });
  });

  it('removes the temporary clone once read', async () => {
    const { dir } = await repositoryWithTwoCommits();
    const checkout = await fetchSource(options(await tempProject(), { from: `file://${dir}` }));
    expect(existsSync(path.join(checkout.dir, 'openapi/openapi.json'))).toBe(true);
    await checkout.cleanup();
    expect(existsSync(checkout.dir)).toBe(false);
  });

  it('records the HEAD commit of a directory that is a git repository', async () => {
    const { dir, second } = await repositoryWithTwoCommits();
    const root = await tempProject();
    await sync(options(root, { from: dir }));
    expect(await readJson(root, 'openapi/provenance.json')).toMatchObject({
      source: dir,
      ref: null,
      commit: second,
    });
  });
});

describe('a multi-file YAML contract', () => {
  it('is bundled into one JSON document without external $refs', async () => {
    const root = await tempProject();
    const result = await sync(
      options(root, { from: path.join(FIXTURES, 'multi-file'), path: 'openapi/openapi.yaml' }),
    );
    const written = await read(root, 'openapi/openapi.json');
    expect(written).not.toMatch(/"\$ref": "\.{0,2}\//);
    await expect(written).toMatchFileSnapshot('../fixtures/sync/golden/multi-file.openapi.json');
    expect(result.report.to).toBe('2.0.0');
    expect(await read(root, 'src/generated/ocpplab.d.ts')).toContain('"/stations/{station_id}": {');
  });
});

describe('--check and --dry-run', () => {
  it('--check passes when the committed files match the source', async () => {
    const root = await tempProject();
    const source = await tempSource({ 'openapi/openapi.json': contract() });
    await sync(options(root, { from: source }));
    const result = await sync(options(root, { from: source, check: true }));
    expect(result.stale).toEqual([]);
  });

  it('--check names the stale files and writes nothing', async () => {
    const root = await tempProject();
    const source = await tempSource({ 'openapi/openapi.json': contract() });
    await sync(options(root, { from: source }));
    await writeFiles(source, { 'openapi/openapi.json': newer });
    const before = await snapshot(root);
    const result = await sync(options(root, { from: source, check: true }));
    expect(result.stale).toEqual(['openapi/openapi.json', 'src/generated/ocpplab.d.ts']);
    expect(await snapshot(root)).toEqual(before);
  });

  it('--check finds types that were edited by hand', async () => {
    const root = await tempProject();
    const source = await tempSource({ 'openapi/openapi.json': contract() });
    await sync(options(root, { from: source }));
    await writeFiles(root, {
      'src/generated/ocpplab.d.ts': `${await read(root, 'src/generated/ocpplab.d.ts')}// edited\n`,
    });
    const result = await sync(options(root, { from: source, check: true }));
    expect(result.stale).toEqual(['src/generated/ocpplab.d.ts']);
  });

  it('--dry-run reports the changes and writes nothing', async () => {
    const root = await tempProject();
    const source = await tempSource({ 'openapi/openapi.json': contract() });
    await sync(options(root, { from: source }));
    await writeFiles(source, { 'openapi/openapi.json': newer });
    const before = await snapshot(root);
    const result = await sync(options(root, { from: source, dryRun: true }));
    expect(result.report.changes.map((change) => change.kind)).toEqual([
      'operation-added',
      'version-changed',
    ]);
    expect(await snapshot(root)).toEqual(before);
  });
});
