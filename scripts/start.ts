// `npm start`: build the site from the committed contract, then serve dist/
// together with the MCP server at /_mcp/server.
// HOST and PORT override the address (default http://127.0.0.1:4321).
import { readFileSync } from 'node:fs';
import { resolveConfig } from '../src/config.ts';
import { MCP_PATH, startServer } from '../src/server/http.ts';
import { astroBuild } from './astro-build.ts';

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 4321);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`start: PORT must be a whole number from 0 to 65535, not '${process.env.PORT}'.`);
  process.exit(2);
}

if (!process.argv.includes('--no-build')) {
  const status = await new Promise<number | string>((done) => {
    astroBuild([], { stdio: 'inherit' }).on('close', (code, signal) => done(code ?? signal ?? 1));
  });
  if (status !== 0) {
    console.error(`start: 'astro build' failed (exit ${status}); nothing to serve.`);
    process.exit(typeof status === 'number' ? status : 1);
  }
}

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
const { site } = resolveConfig();
const { url, pages } = await startServer({ distDir: 'dist', host, port, site, version });
console.log(`Serving the docs on ${url}/ (${pages} Markdown twins; MCP server at ${url}${MCP_PATH})`);
