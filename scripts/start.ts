// `npm start`: build the site from the committed contract, then serve dist/
// together with the MCP server at /_mcp/server and a Prism mock of the contract at /_mock/
// (the default target of every operation page's "Try it" console; --no-mock leaves it out).
// HOST and PORT override the address (default http://127.0.0.1:4321).
import { existsSync, readFileSync } from 'node:fs';
import { resolveSiteConfig, SERVE_DEFAULTS, serveAddress } from '../src/config.ts';
import { MCP_PATH, startServer } from '../src/server/http.ts';
import { MOCK_PATH, MockGateway } from '../src/server/mock.ts';
import { astroBuild } from './astro-build.ts';
import { type MockServer, startPrism } from './snippets/prism.ts';
import { helpRequested } from './usage.ts';

helpRequested(
  process.argv.slice(2),
  `
Usage: npm start [-- --no-build] [-- --no-mock]

Builds the site from the committed contract (npm run build), then serves dist/ with content
negotiation (Markdown twins for Accept: text/markdown), the 404 page, brotli and gzip copies,
cache headers, the MCP server at ${MCP_PATH}, and a Prism mock of the contract at ${MOCK_PATH}/
for the "Try it" console of every operation page.

  --no-build   Serve the last build in dist/ without building first.
  --no-mock    Start no mock ("Try it" then offers the contract's servers only).
  --help, -h   Show this help.

Environment: HOST and PORT set the address (default ${SERVE_DEFAULTS.host}:${SERVE_DEFAULTS.port}).
`,
);

const { host, port } = serveAddress();
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
const { site } = resolveSiteConfig();
// The mock starts once the server listens (Prism takes a few seconds); until then /_mock/
// answers 503 and the console says the mock is starting.
const mock = process.argv.includes('--no-mock') ? undefined : new MockGateway();
try {
  const { server, url, pages } = await startServer({
    distDir: 'dist',
    host,
    port,
    site,
    version,
    ...(mock === undefined ? {} : { mock }),
  });
  console.log(`Serving the docs on ${url}/ (${pages} Markdown twins; MCP server at ${url}${MCP_PATH})`);
  let prism: Promise<MockServer | undefined> = Promise.resolve(undefined);
  if (mock !== undefined) {
    const starting = startPrism({ root: process.cwd(), contractPath: 'dist/openapi.json' });
    prism = starting.catch(() => undefined);
    const started = starting.then((running) => running.url);
    mock.attach(started);
    started.then(
      () => console.log(`Mock of the contract for "Try it" at ${url}${MOCK_PATH}/`),
      (error: unknown) =>
        console.error(
          `start: the mock of the contract did not start, so "Try it" can only call the contract's servers: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
        ),
    );
  }
  const stop = () => {
    server.closeAllConnections();
    server.close();
    // A mock still starting is awaited, then stopped by its PID: no orphan Prism.
    void prism.then((running) => running?.stop()).then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
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
      `start: not allowed to listen on port ${port}. Pick a port above 1023: PORT=${SERVE_DEFAULTS.port} npm start`,
    );
  } else {
    console.error(`start: cannot serve dist/: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exit(1);
}
