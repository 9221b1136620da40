// `npm run bench -- --load [--dist dist] [--calls 2000] [--concurrency 50]`: a bounded load test of
// `npm start`'s server on loopback. It serves a built site (run `npm run build` first), sends
// MCP tool calls (search, page reads, request checks, in turn) and static GETs at a fixed
// concurrency, then prints p50/p99 latency, errors and the server's memory before and after.
import { existsSync } from 'node:fs';
import { resolveSiteConfig } from '../../src/config.ts';
import { MCP_PATH, startServer } from '../../src/server/http.ts';
import { markdownTable } from './table.ts';

function option(argv: string[], name: string, fallback: string): string {
  const at = argv.indexOf(name);
  return at === -1 ? fallback : (argv[at + 1] ?? fallback);
}

const MCP_CALLS = [
  { name: 'search_docs', arguments: { query: 'start transaction' } },
  { name: 'get_page', arguments: { url: '/quickstart/' } },
  { name: 'list_operations', arguments: { method: 'POST' } },
  { name: 'check_request', arguments: { method: 'GET', path: '/ocpp/chargers', query: { limit: '10' } } },
];
const STATIC_PATHS = ['/', '/quickstart/', '/quickstart.md', '/llms.txt', '/api-reference/'];

interface Sample {
  kind: 'mcp' | 'static';
  ms: number;
  ok: boolean;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? 0 : (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

export async function benchLoad(argv: string[]): Promise<void> {
  const distDir = option(argv, '--dist', 'dist');
  const calls = Number(option(argv, '--calls', '2000'));
  const concurrency = Number(option(argv, '--concurrency', '50'));
  if (!existsSync(`${distDir}/index.html`))
    throw new Error(`bench --load: no built site in ${distDir}/. Run 'npm run build' first.`);
  const { site } = resolveSiteConfig();
  const { server, url } = await startServer({ distDir, host: '127.0.0.1', port: 0, site, version: 'bench' });
  global.gc?.();
  const before = process.memoryUsage().rss;
  const samples: Sample[] = [];
  // Every MCP call is followed by a static GET: the two kinds share the server as in real use.
  const jobs: (() => Promise<Sample>)[] = [];
  for (let i = 0; i < calls; i++) {
    const call = MCP_CALLS[i % MCP_CALLS.length];
    jobs.push(async () => {
      const started = performance.now();
      const response = await fetch(`${url}${MCP_PATH}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' },
        body: JSON.stringify({ jsonrpc: '2.0', id: i, method: 'tools/call', params: call }),
      });
      const body = (await response.json()) as { error?: unknown; result?: { isError?: boolean } };
      return { kind: 'mcp', ms: performance.now() - started, ok: response.ok && body.error === undefined };
    });
    const path = STATIC_PATHS[i % STATIC_PATHS.length];
    jobs.push(async () => {
      const started = performance.now();
      const response = await fetch(`${url}${path}`, { headers: { 'Accept-Encoding': 'br' } });
      await response.arrayBuffer();
      return { kind: 'static', ms: performance.now() - started, ok: response.ok };
    });
  }
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < jobs.length) {
        const job = jobs[next++];
        if (job === undefined) break;
        samples.push(await job().catch(() => ({ kind: 'static' as const, ms: 0, ok: false })));
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const after = process.memoryUsage().rss;
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  const rows = (['mcp', 'static'] as const).map((kind) => {
    const of = samples.filter((sample) => sample.kind === kind);
    const sorted = of.map((sample) => sample.ms).sort((a, b) => a - b);
    return [
      kind === 'mcp' ? 'MCP tools/call' : 'static GET',
      String(of.length),
      `${percentile(sorted, 50).toFixed(1)} ms`,
      `${percentile(sorted, 99).toFixed(1)} ms`,
      String(of.filter((sample) => !sample.ok).length),
    ];
  });
  console.log(
    `\nLoad on loopback: ${samples.length} requests at ${concurrency} concurrent in ${seconds.toFixed(1)} s (${(samples.length / seconds).toFixed(0)} requests/s); server RSS ${mb(before)} before, ${mb(after)} after.\n`,
  );
  console.log(markdownTable(['requests', 'count', 'p50', 'p99', 'errors'], rows));
}
