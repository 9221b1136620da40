/**
 * Site search (Starlight's Pagefind) on the committed site, queried from Node the way the page
 * queries it: the built `pagefind/pagefind.js` loaded as a module, reading its index over HTTP
 * from the site's own server. Search finds prose and reference fields, not code: guide code
 * blocks are out of the index, so a word found only in commands finds nothing.
 */
import type { Server } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { resolveSiteConfig } from '../../src/config.ts';
import { loadModel, readContract } from '../../src/model/load.ts';
import { pageUrl } from '../../src/model/pages.ts';
import { startServer } from '../../src/server/http.ts';

interface PagefindResult {
  data(): Promise<{ url: string; excerpt: string }>;
}
interface Pagefind {
  options(options: { basePath: string }): Promise<void>;
  init(): Promise<void>;
  search(query: string): Promise<{ results: PagefindResult[] }>;
}

const outDir = inject('committedSite');
const config = resolveSiteConfig({}, {});
let server: Server;
let pagefind: Pagefind;
let origin: string;

beforeAll(async () => {
  const started = await startServer({
    distDir: outDir,
    host: '127.0.0.1',
    port: 0,
    site: config.site,
    version: '0.0.0',
  });
  server = started.server;
  origin = started.url.replace(/\/$/, '');
  pagefind = (await import(
    /* @vite-ignore */ pathToFileURL(join(outDir, 'pagefind/pagefind.js')).href
  )) as Pagefind;
  await pagefind.options({ basePath: `${origin}/pagefind/` });
  await pagefind.init();
});

afterAll(async () => {
  await new Promise((done) => server.close(done));
});

/** The site paths of every result of `query`, best first. */
async function search(query: string): Promise<string[]> {
  const { results } = await pagefind.search(query);
  const pages = await Promise.all(results.map((result) => result.data()));
  return pages.map((page) => new URL(page.url, origin).pathname);
}

describe('site search', () => {
  it('finds nothing for a word that is nowhere in the prose', async () => {
    // `xyzzyq` matched `-X` in the guides' curl commands while their code blocks were indexed.
    expect(await search('xyzzyq')).toEqual([]);
  });

  it('finds a field of the contract on the page of the schema that declares it', async () => {
    const contract = readContract(config.contractPath);
    const schemas = (contract.components as { schemas: Record<string, { properties?: object }> }).schemas;
    expect(Object.keys(schemas.ConnectorEvent?.properties ?? {})).toContain('connector_id');
    const model = loadModel(config.contractPath, config);
    const schema = model.schemas.find((s) => s.name === 'ConnectorEvent');
    if (schema === undefined) throw new Error('the model has no ConnectorEvent schema');
    const found = await search('connector_id');
    expect(found).toContain(pageUrl(schema.slug));
  });

  it('keeps the guides findable by their prose', async () => {
    // A guide's own words still find it: only its code left the index.
    expect(await search('CSMS')).toEqual(expect.arrayContaining(['/concepts/']));
  });
});
