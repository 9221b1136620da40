import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocsIndex } from '../../src/server/docs-index.ts';
import { MCP_PATH } from '../../src/server/http.ts';
import { FILES, type FixtureSite, serveFixtureSite } from './fixture-site.ts';

let site: FixtureSite;

beforeAll(async () => {
  site = await serveFixtureSite();
});

afterAll(async () => {
  await site.close();
});

async function withClient<T>(use: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ name: 'test', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(`${site.base}${MCP_PATH}`)));
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

const call = (name: string, args: Record<string, unknown>) =>
  withClient((client) => client.callTool({ name, arguments: args }));

/** The JSON-RPC error a call ends with (the client throws it as an McpError). */
async function rpcError(
  name: string,
  args: Record<string, unknown>,
): Promise<{ code: number; message: string }> {
  try {
    await call(name, args);
  } catch (error) {
    const { code, message } = error as { code: number; message: string };
    return { code, message };
  }
  throw new Error(`${name} answered without an error`);
}

describe('the MCP server', () => {
  it('lists its read-only tools and advertises no list changes, being stateless', async () => {
    const { tools, capabilities } = await withClient(async (client) => ({
      tools: (await client.listTools()).tools,
      capabilities: client.getServerCapabilities(),
    }));
    expect(tools.map((tool) => tool.name).sort()).toEqual([
      'check_request',
      'get_operation',
      'get_page',
      'get_schema',
      'list_operations',
      'list_pages',
      'search_docs',
    ]);
    expect(tools.every((tool) => tool.annotations?.readOnlyHint === true)).toBe(true);
    expect(capabilities).toEqual({ tools: {}, resources: {} });
    const search = tools.find((tool) => tool.name === 'search_docs');
    expect(search?.inputSchema.properties?.query).toMatchObject({ type: 'string', maxLength: 1000 });
  });

  it('finds the operation page that documents a field', async () => {
    const result = await call('search_docs', { query: 'ws_url' });
    expect(text(result)).toContain(
      'https://docs.ocpplab.com/api-reference/core-resources/chargers/create.md',
    );
    expect(text(result)).toContain('`ws_url` (string, required)');
  });

  it('searches one section when asked', async () => {
    expect(text(await call('search_docs', { query: 'location', section: 'reference' }))).toBe(
      'No page matches "location". Try fewer or other words.',
    );
    expect(text(await call('search_docs', { query: 'location', section: 'guides' }))).toContain(
      'https://docs.ocpplab.com/quickstart.md',
    );
  });

  it('reads a page by its HTML URL, its twin path or its full URL', async () => {
    for (const url of [
      '/quickstart/',
      '/quickstart.md',
      'https://docs.ocpplab.com/quickstart/#create-a-location',
    ]) {
      expect(text(await call('get_page', { url }))).toBe(FILES['quickstart.md']);
    }
  });

  it('answers a missing, blank or foreign page with a JSON-RPC error that says what to do', async () => {
    expect(await rpcError('get_page', { url: '/nope/' })).toEqual({
      code: -32602,
      message: 'MCP error -32602: No page at "/nope/". Use list_pages or search_docs to find the right URL.',
    });
    expect((await rpcError('get_page', { url: '   ' })).message).toBe(
      'MCP error -32602: url is blank: give a page path such as "/quickstart/".',
    );
    expect((await rpcError('get_page', { url: 'https://example.com/quickstart/' })).message).toBe(
      'MCP error -32602: https://example.com is not this site: give a path or a URL on https://docs.ocpplab.com.',
    );
  });

  it('answers an unknown tool and bad arguments with JSON-RPC errors naming the fix', async () => {
    expect(await rpcError('delete_everything', {})).toEqual({
      code: -32602,
      message:
        'MCP error -32602: Unknown tool "delete_everything". This server has: search_docs, get_page, list_pages, list_operations, get_operation, get_schema, check_request (see tools/list).',
    });
    expect((await rpcError('search_docs', { query: 42 })).message).toBe(
      'MCP error -32602: Invalid arguments for search_docs: query: Invalid input: expected string, received number. See its inputSchema in tools/list.',
    );
  });

  it('refuses a query past its limit at once, and the server keeps answering others', async () => {
    const started = Date.now();
    const [error, home] = await Promise.all([
      rpcError('search_docs', { query: 'charger '.repeat(12_800) }),
      fetch(`${site.base}/`).then((response) => response.status),
    ]);
    expect(error.message).toBe(
      'MCP error -32602: Invalid arguments for search_docs: query: Too big: expected string to have <=1000 characters. See its inputSchema in tools/list.',
    );
    expect(home).toBe(200);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('lists pages under a prefix, not the notice of a removed page (410 in _redirects)', async () => {
    expect(text(await call('list_pages', { prefix: '/api-reference/' }))).toBe(
      '- [Create charger (durable)](https://docs.ocpplab.com/api-reference/core-resources/chargers/create.md)',
    );
  });

  it('lists operations, filtered by tag and method', async () => {
    const lines = text(await call('list_operations', { tag: 'chargers', method: 'post' })).split('\n');
    expect(lines).toContain(
      '- POST /ocpp/chargers (operationId chargers_create): Create charger (durable). Tag Chargers. https://docs.ocpplab.com/api-reference/core-resources/chargers/create/',
    );
    expect(lines.every((line) => line.startsWith('- POST '))).toBe(true);
  });

  it('reads an operation by operationId or by method and path, with its JSON Schemas', async () => {
    const byId = text(await call('get_operation', { operation: 'chargers_create' }));
    const byPath = text(await call('get_operation', { operation: 'POST /ocpp/chargers' }));
    expect(byId).toBe(byPath);
    expect(byId.startsWith(FILES['api-reference/core-resources/chargers/create.md'] ?? '')).toBe(true);
    const schemas = JSON.parse(/```json\n([\s\S]+)\n```/.exec(byId)?.[1] ?? '{}');
    expect(schemas.request.required).toContain('ws_url');
    expect(schemas.request.title).toBe('ChargerCreate');
    expect(Object.keys(schemas.responses)).toContain('202');
    expect((await rpcError('get_operation', { operation: 'GET /nowhere' })).message).toBe(
      'MCP error -32602: No operation "GET /nowhere": give an operationId or "METHOD /path" as list_operations prints them.',
    );
  });

  it('reads a named schema and suggests near names for a wrong one', async () => {
    const schema = JSON.parse(text(await call('get_schema', { name: 'ChargerCreate' })));
    expect(schema.title).toBe('ChargerCreate');
    expect(schema.properties.ws_url.type).toBe('string');
    expect((await rpcError('get_schema', { name: 'chargercreat' })).message).toBe(
      'MCP error -32602: No schema "chargercreat". Did you mean ChargerCreate? The reference lists every schema under /api-reference/schemas/.',
    );
  });

  it('checks a request: each violation with its pointer, or valid', async () => {
    const bad = text(
      await call('check_request', {
        method: 'GET',
        path: '/ocpp/chargers',
        query: { limit: 'many', old_name: '1' },
      }),
    );
    expect(bad).toBe(
      [
        'GET /ocpp/chargers (https://docs.ocpplab.com/api-reference/core-resources/chargers/list/): 3 violations:',
        '- /query/limit: must be integer',
        '- /query/old_name: GET /ocpp/chargers declares no query parameter old_name',
        '- /headers/authorization: GET /ocpp/chargers needs credentials: send the authorization header',
      ].join('\n'),
    );
    const missing = text(
      await call('check_request', {
        method: 'POST',
        path: '/ocpp/chargers',
        headers: { Authorization: 'Bearer t' },
        body: { identity: 'CP-1' },
      }),
    );
    expect(missing).toContain('- /body/ws_url: is required and missing');
    const good = text(
      await call('check_request', {
        method: 'GET',
        path: '/ocpp/chargers',
        query: { limit: '10' },
        headers: { Authorization: 'Bearer t' },
      }),
    );
    expect(good).toBe(
      'GET /ocpp/chargers (https://docs.ocpplab.com/api-reference/core-resources/chargers/list/): valid.',
    );
    expect(text(await call('check_request', { method: 'GET', path: '/nowhere' }))).toBe(
      '1 violation:\n- /path: no operation has the path /nowhere; call list_operations for the paths',
    );
  });

  it('offers every page as a resource', async () => {
    const { resources } = await withClient((client) => client.listResources());
    expect(resources.map((resource) => resource.uri)).toContain('https://docs.ocpplab.com/quickstart.md');
    const read = await withClient((client) =>
      client.readResource({ uri: 'https://docs.ocpplab.com/quickstart.md' }),
    );
    expect(read.contents).toEqual([
      {
        uri: 'https://docs.ocpplab.com/quickstart.md',
        mimeType: 'text/markdown',
        text: FILES['quickstart.md'],
      },
    ]);
    await expect(
      withClient((client) => client.readResource({ uri: 'https://docs.ocpplab.com/nope.md' })),
    ).rejects.toThrow('No page at "https://docs.ocpplab.com/nope.md"');
  });

  it('refuses GET on the endpoint: the server keeps no sessions', async () => {
    const response = await fetch(`${site.base}${MCP_PATH}`);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });

  it('answers a body over 1 MB with 413 and malformed JSON with a parse error', async () => {
    const headers = { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' };
    const big = await fetch(`${site.base}${MCP_PATH}`, {
      method: 'POST',
      headers,
      body: 'x'.repeat(1024 * 1024 + 1),
    });
    expect(big.status).toBe(413);
    expect((await big.json()).error.message).toBe(
      'The request body is larger than 1048576 bytes; send less.',
    );
    const broken = await fetch(`${site.base}${MCP_PATH}`, { method: 'POST', headers, body: '{"jsonrpc":' });
    expect(broken.status).toBe(400);
    expect((await broken.json()).error).toEqual({
      code: -32700,
      message: 'Parse error: the request body is not JSON.',
    });
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

  it('looks up a bounded number of words however long the query', () => {
    // 4,000 distinct long words: only the first ones are searched, so this returns quickly.
    const words = Array.from({ length: 4000 }, (_, i) => `organizationword${i}`).join(' ');
    expect(index.search(`admin ${words}`, 5).map((hit) => hit.path)).toEqual(['/a.md']);
  });
});
