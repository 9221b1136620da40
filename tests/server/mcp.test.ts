import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocsIndex } from '../../src/server/docs-index.ts';
import { MCP_PATH, startServer } from '../../src/server/http.ts';

// A small built site: the server only needs twins and static files.
const FILES: Record<string, string> = {
  'index.html': '<!doctype html><title>Home</title><h1>OCPPLAB Gateway</h1>',
  'index.md': '# OCPPLAB Gateway\n\nSimulated OCPP charge points.\n',
  'quickstart/index.html': '<!doctype html><h1>Quickstart</h1>',
  'quickstart.md': '# Quickstart\n\n## Create a location\n\nCall `POST /ocpp/locations` first.\n',
  'api-reference/core-resources/chargers/create.md':
    '# Create charger (durable)\n\n`POST https://api.ocpplab.com/ocpp/chargers`\n\n## Request body\n\n- `ws_url` (string, required): the CSMS WebSocket URL.\n',
  'llms.txt': '# OCPPLAB Gateway\n',
};

let dist: string;
let server: Server;
let base: string;

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'ocpplab-serve-'));
  for (const [path, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(dist, path)), { recursive: true });
    writeFileSync(join(dist, path), text);
  }
  const started = await startServer({
    distDir: dist,
    host: '127.0.0.1',
    port: 0,
    site: 'https://docs.ocpplab.com',
    version: '0.0.0',
  });
  server = started.server;
  base = started.url;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dist, { recursive: true, force: true });
});

async function withClient<T>(use: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ name: 'test', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(`${base}${MCP_PATH}`)));
  try {
    return await use(client);
  } finally {
    await client.close();
  }
}

function text(result: Awaited<ReturnType<Client['callTool']>>): string {
  const [first] = result.content as { type: string; text: string }[];
  return first?.text ?? '';
}

describe('the static site', () => {
  it('serves twins as Markdown and pages as HTML', async () => {
    const twin = await fetch(`${base}/quickstart.md`);
    expect(twin.status).toBe(200);
    expect(twin.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(await twin.text()).toContain('## Create a location');
    const page = await fetch(`${base}/quickstart/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toBe('<!doctype html><h1>Quickstart</h1>');
  });

  it('answers 404 with a pointer to llms.txt for unknown paths', async () => {
    const missing = await fetch(`${base}/nope/`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe('Not found. The index of every page is at /llms.txt.\n');
  });
});

describe('the MCP server', () => {
  it('lists its three read-only tools', async () => {
    const tools = await withClient((client) => client.listTools());
    expect(tools.tools.map((tool) => tool.name).sort()).toEqual(['get_page', 'list_pages', 'search_docs']);
    expect(tools.tools.every((tool) => tool.annotations?.readOnlyHint === true)).toBe(true);
  });

  it('finds the operation page that documents a field', async () => {
    const result = await withClient((client) =>
      client.callTool({ name: 'search_docs', arguments: { query: 'ws_url' } }),
    );
    expect(text(result)).toContain(
      'https://docs.ocpplab.com/api-reference/core-resources/chargers/create.md',
    );
    expect(text(result)).toContain('`ws_url` (string, required)');
  });

  it('reads a page by its HTML URL, its twin path or its full URL', async () => {
    for (const url of [
      '/quickstart/',
      '/quickstart.md',
      'https://docs.ocpplab.com/quickstart/#create-a-location',
    ]) {
      const result = await withClient((client) => client.callTool({ name: 'get_page', arguments: { url } }));
      expect(text(result)).toBe(FILES['quickstart.md']);
    }
  });

  it('says how to find the right URL when a page does not exist', async () => {
    const result = await withClient((client) =>
      client.callTool({ name: 'get_page', arguments: { url: '/nope/' } }),
    );
    expect(result.isError).toBe(true);
    expect(text(result)).toBe('No page at "/nope/". Use list_pages or search_docs to find the right URL.');
  });

  it('lists pages under a prefix', async () => {
    const result = await withClient((client) =>
      client.callTool({ name: 'list_pages', arguments: { prefix: '/api-reference/' } }),
    );
    expect(text(result)).toBe(
      '- [Create charger (durable)](https://docs.ocpplab.com/api-reference/core-resources/chargers/create.md)',
    );
  });

  it('refuses GET on the endpoint: the server keeps no sessions', async () => {
    const response = await fetch(`${base}${MCP_PATH}`);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });
});

describe('the search index', () => {
  // The body match comes first in the index, so only ranking can put the heading match first.
  const index = new DocsIndex([
    { path: '/b.md', title: 'Support', markdown: '# Support\n\nMention of organization once.\n' },
    {
      path: '/a.md',
      title: 'Authentication',
      markdown: '# Authentication\n\n## X-Organization-Id\n\nAdmin tokens only.\n',
    },
  ]);

  it('ranks a heading match above a body match', () => {
    expect(index.search('organization', 5).map((hit) => hit.path)).toEqual(['/a.md', '/b.md']);
  });

  it('falls back to any word when no page has them all', () => {
    expect(index.search('admin nonexistentword', 5).map((hit) => hit.path)).toEqual(['/a.md']);
  });
});
