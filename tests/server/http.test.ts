import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CACHE_IMMUTABLE, CACHE_PAGE, prefersMarkdown } from '../../src/server/http.ts';
import { ASSET, FILES, type FixtureSite, serveFixtureSite } from './fixture-site.ts';

let site: FixtureSite;

beforeAll(async () => {
  site = await serveFixtureSite();
});

afterAll(async () => {
  await site.close();
});

/** A raw request (fetch would decompress bodies and hide Content-Encoding). */
function raw(
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(`${site.base}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('content negotiation', () => {
  it('answers a page with its twin when Markdown is preferred', async () => {
    for (const accept of ['text/markdown', 'text/markdown, text/html;q=0.5', 'text/plain']) {
      const response = await raw('/quickstart/', { Accept: accept });
      expect(response.status, accept).toBe(200);
      expect(response.headers['content-type']).toBe('text/markdown; charset=utf-8');
      expect(response.headers.vary).toBe('Accept, Accept-Encoding');
      expect(response.body.toString()).toBe(FILES['quickstart.md']);
    }
  });

  it('answers browsers with HTML that links its twin', async () => {
    const response = await raw('/quickstart/', { Accept: 'text/html,application/xhtml+xml,*/*;q=0.8' });
    expect(response.headers['content-type']).toBe('text/html;charset=utf-8');
    expect(response.headers.link).toBe('</quickstart.md>; rel="alternate"; type="text/markdown"');
    expect(response.headers.vary).toBe('Accept, Accept-Encoding');
    expect(response.body.toString()).toBe(FILES['quickstart/index.html']);
    expect((await raw('/', { Accept: 'text/markdown' })).body.toString()).toBe(FILES['index.md']);
  });

  it('reads Accept as RFC 9110 says', () => {
    expect(prefersMarkdown('text/html, text/markdown;q=0.9')).toBe(false);
    expect(prefersMarkdown('text/plain, text/html')).toBe(false);
    expect(prefersMarkdown('*/*')).toBe(false);
    expect(prefersMarkdown(undefined)).toBe(false);
  });
});

describe('the changelog feed', () => {
  it('is served as Atom', async () => {
    const feed = await raw('/changelog.xml');
    expect(feed.status).toBe(200);
    expect(feed.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
  });
});

describe('pages that moved or were removed (_redirects)', () => {
  it('answers the old URL of a moved page and of its twin with a 301 to the new one', async () => {
    const page = await raw('/api-reference/chargers/add/');
    expect(page.status).toBe(301);
    expect(page.headers.location).toBe('/api-reference/core-resources/chargers/create/');
    const twin = await raw('/api-reference/chargers/add.md');
    expect(twin.status).toBe(301);
    expect(twin.headers.location).toBe('/api-reference/core-resources/chargers/create.md');
  });

  it('answers a removed page with its notice and 410 Gone, as HTML or as its twin', async () => {
    const html = await raw('/api-reference/gone/', { accept: 'text/html' });
    expect(html.status).toBe(410);
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(html.body.toString()).toBe(FILES['api-reference/gone/index.html']);
    expect(html.headers.link).toBe('</api-reference/gone.md>; rel="alternate"; type="text/markdown"');
    const twin = await raw('/api-reference/gone/', { accept: 'text/markdown' });
    expect(twin.status).toBe(410);
    expect(twin.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(twin.body.toString()).toBe(FILES['api-reference/gone.md']);
  });
});

describe('serving', () => {
  it('serves the 404 page to browsers and plain text to others, with status 404', async () => {
    const browser = await raw('/nope/', { Accept: 'text/html' });
    expect(browser.status).toBe(404);
    expect(browser.body.toString()).toBe(FILES['404.html']);
    const agent = await raw('/nope/', { Accept: '*/*' });
    expect(agent.status).toBe(404);
    expect(agent.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(agent.body.toString()).toBe('Not found. The index of every page is at /llms.txt.\n');
  });

  it('sends the brotli or gzip copy to clients that accept it', async () => {
    const br = await raw('/_astro/app.Ab12Cd34.js', { 'Accept-Encoding': 'gzip, br' });
    expect(br.headers['content-encoding']).toBe('br');
    const { brotliDecompressSync, gunzipSync } = await import('node:zlib');
    expect(brotliDecompressSync(br.body).toString()).toBe(ASSET);
    const gz = await raw('/_astro/app.Ab12Cd34.js', { 'Accept-Encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(ASSET);
    const plain = await raw('/_astro/app.Ab12Cd34.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(ASSET);
  });

  it('caches hashed assets for a year and revalidates pages and twins', async () => {
    expect((await raw('/_astro/app.Ab12Cd34.js')).headers['cache-control']).toBe(CACHE_IMMUTABLE);
    expect(CACHE_IMMUTABLE).toBe('public, max-age=31536000, immutable');
    expect((await raw('/quickstart/')).headers['cache-control']).toBe(CACHE_PAGE);
    expect((await raw('/quickstart.md')).headers['cache-control']).toBe(CACHE_PAGE);
  });

  it('answers a repeated request with 304 when its ETag matches, with the caching headers repeated', async () => {
    const first = await raw('/quickstart.md');
    const etag = String(first.headers.etag);
    expect(etag).not.toBe('undefined');
    const again = await raw('/quickstart.md', { 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.etag).toBe(etag);
    expect(again.headers['cache-control']).toBe(CACHE_PAGE);
    expect(again.headers['content-length']).toBeUndefined();
    // A list of tags, as a browser holding several representations sends it.
    expect((await raw('/quickstart.md', { 'If-None-Match': `"other", ${etag}` })).status).toBe(304);
    expect((await raw('/quickstart.md', { 'If-None-Match': '"other"' })).status).toBe(200);
  });

  it('tags each representation strongly by its bytes, the same in every build of them', async () => {
    const digest = (body: Buffer) =>
      `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
    const page = await raw('/quickstart/');
    expect(page.headers.etag).toBe(digest(page.body));
    const plain = await raw('/_astro/app.Ab12Cd34.js');
    const br = await raw('/_astro/app.Ab12Cd34.js', { 'Accept-Encoding': 'br' });
    expect(br.headers.etag).toBe(digest(br.body));
    expect(br.headers.etag).not.toBe(plain.headers.etag);
    const again = await raw('/_astro/app.Ab12Cd34.js', {
      'Accept-Encoding': 'br',
      'If-None-Match': String(br.headers.etag),
    });
    expect(again.status).toBe(304);
    expect(again.headers.vary).toBe('Accept-Encoding');
    // Another build of the same files (new inodes, new times) gives the same tags.
    const rebuilt = await serveFixtureSite();
    try {
      const other = await fetch(`${rebuilt.base}/quickstart/`);
      expect(other.headers.get('etag')).toBe(page.headers.etag);
    } finally {
      await rebuilt.close();
    }
  });

  it('answers HEAD with the headers and no body', async () => {
    const head = await raw('/quickstart/', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(
      String(Buffer.byteLength(FILES['quickstart/index.html'] ?? '')),
    );
    expect(head.body.length).toBe(0);
  });

  it('refuses other methods on pages', async () => {
    const post = await raw('/quickstart/', {}, 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
  });

  it('survives a malformed escape in a path', async () => {
    expect((await raw('/%E0%A4%A/')).status).toBe(404);
    expect((await raw('/')).status).toBe(200);
  });
});
