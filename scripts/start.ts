// `npm start`: build the site from the committed contract, then serve dist/
// together with the MCP server at /_mcp/server.
// HOST and PORT override the address (default http://127.0.0.1:4321).
import { existsSync, readFileSync } from 'node:fs';
import { resolveConfig } from '../src/config.ts';
import { MCP_PATH, startServer } from '../src/server/http.ts';
import { astroBuild } from './astro-build.ts';
import { helpRequested } from './usage.ts';

helpRequested(
  process.argv.slice(2),
  `
Usage: npm start [-- --no-build]

Builds the site from the committed contract (npm run build), then serves dist/ with content
negotiation (Markdown twins for Accept: text/markdown), the 404 page, brotli and gzip copies,
cache headers, and the MCP server at ${MCP_PATH}.

  --no-build   Serve the last build in dist/ without building first.
  --help, -h   Show this help.

Environment: HOST and PORT set the address (default 127.0.0.1:4321).
`,
);

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

if (!existsSync('dist/index.html')) {
  console.error(
    "start: there is no built site in dist/ to serve. Run 'npm run build' first, or 'npm start' without --no-build.",
  );
  process.exit(1);
}

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
const { site } = resolveConfig();
try {
  const { url, pages } = await startServer({ distDir: 'dist', host, port, site, version });
  console.log(`Serving the docs on ${url}/ (${pages} Markdown twins; MCP server at ${url}${MCP_PATH})`);
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') {
    console.error(
      `start: ${host}:${port} is already in use (another 'npm start' or 'npm run dev'?). Stop it, or pick another port: PORT=${port + 1} npm start -- --no-build`,
    );
  } else if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') {
    console.error(`start: cannot listen on ${host}: this machine has no such address. Set HOST=127.0.0.1.`);
  } else if (code === 'EACCES') {
    console.error(
      `start: not allowed to listen on port ${port}. Pick a port above 1023: PORT=4321 npm start`,
    );
  } else {
    console.error(`start: cannot serve dist/: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exit(1);
}
