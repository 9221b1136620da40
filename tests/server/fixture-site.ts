/**
 * A small built site for the server's tests: a few pages, their twins, the 404 page, a hashed
 * asset with its brotli and gzip copies, and the committed contract as `openapi.json` (the
 * contract tools of the MCP server read it). Served by `startServer` on a free loopback port.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { startServer } from '../../src/server/http.ts';

export const ASSET = `console.log(${JSON.stringify('x'.repeat(2000))});\n`;

export const FILES: Record<string, string> = {
  'index.html': '<!doctype html><title>Home</title><h1>OCPPLAB Gateway</h1>',
  'index.md': '# OCPPLAB Gateway\n\nSimulated OCPP charge points.\n',
  '404.html': '<!doctype html><title>Not found</title><h1>Page not found</h1>',
  'quickstart/index.html': '<!doctype html><h1>Quickstart</h1>',
  'quickstart.md': '# Quickstart\n\n## Create a location\n\nCall `POST /ocpp/locations` first.\n',
  'api-reference/core-resources/chargers/create/index.html': '<!doctype html><h1>Create charger</h1>',
  'api-reference/core-resources/chargers/create.md':
    '# Create charger (durable)\n\n`POST https://api.ocpplab.com/ocpp/chargers`\n\n## Request body\n\n- `ws_url` (string, required): the CSMS WebSocket URL.\n',
  'llms.txt': '# OCPPLAB Gateway\n',
  'changelog.xml': '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"></feed>',
  // A moved page and a removed one, as the build writes them (scripts/build/host-files.ts).
  'api-reference/chargers/add/index.html':
    '<!doctype html><meta http-equiv="refresh" content="0;url=/api-reference/core-resources/chargers/create/">',
  'api-reference/gone/index.html': '<!doctype html><h1>Reset charger (removed in 1.7.0)</h1>',
  'api-reference/gone.md':
    '# Reset charger (removed in 1.7.0)\n\nThis page documented the operation `POST /reset`.\n',
  _redirects: [
    '/api-reference/chargers/add/    /api-reference/core-resources/chargers/create/    301',
    '/api-reference/chargers/add.md  /api-reference/core-resources/chargers/create.md  301',
    '/api-reference/gone/            /api-reference/gone/                              410!',
    '',
  ].join('\n'),
  '_astro/app.Ab12Cd34.js': ASSET,
};

export interface FixtureSite {
  base: string;
  close(): Promise<void>;
}

export async function serveFixtureSite(): Promise<FixtureSite> {
  const dist = mkdtempSync(join(tmpdir(), 'ocpplab-serve-'));
  for (const [path, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(dist, path)), { recursive: true });
    writeFileSync(join(dist, path), text);
  }
  writeFileSync(join(dist, '_astro/app.Ab12Cd34.js.br'), brotliCompressSync(ASSET));
  writeFileSync(join(dist, '_astro/app.Ab12Cd34.js.gz'), gzipSync(ASSET));
  copyFileSync(new URL('../../openapi/openapi.json', import.meta.url), join(dist, 'openapi.json'));
  const started = await startServer({
    distDir: dist,
    host: '127.0.0.1',
    port: 0,
    site: 'https://docs.ocpplab.com',
    version: '0.0.0',
  });
  const server: Server = started.server;
  return {
    base: started.url,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      rmSync(dist, { recursive: true, force: true });
    },
  };
}
