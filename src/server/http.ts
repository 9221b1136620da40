import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Server as McpProtocolServer } from '@modelcontextprotocol/sdk/server/index.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import fresh from 'fresh';
import Negotiator from 'negotiator';
import sirv from 'sirv';
import { FEED_URL } from '../changelog.ts';
import { twinPath } from '../components/page-actions/twin-path.ts';
import { ContractIndex } from './contract.ts';
import { DocsIndex, readTwins } from './docs-index.ts';
import { strongEtags } from './etags.ts';
import { mcpServerFactory } from './mcp.ts';
import { MOCK_PATH, MOCK_STATUS_PATH, type MockGateway } from './mock.ts';

export const MCP_PATH = '/_mcp/server';
/** Largest MCP request body the server reads; a larger one is answered 413 unread. */
const MAX_BODY_BYTES = 1024 * 1024;

/** Hashed build assets never change under their name; pages and twins are revalidated. */
export const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable';
export const CACHE_PAGE = 'public, max-age=300, must-revalidate';

export interface ServeOptions {
  distDir: string;
  host: string;
  /** 0 picks a free port. */
  port: number;
  site: string;
  version: string;
  /** The mock of the contract the "Try it" console calls at `/_mock/` (`npm start` runs one). */
  mock?: MockGateway;
}

/** Whether a request's `Accept` prefers Markdown: `text/markdown` first, or `text/plain` with no HTML. */
export function prefersMarkdown(accept: string | undefined): boolean {
  if (accept === undefined) return false;
  const types = new Negotiator({ headers: { accept } }).mediaTypes([
    'text/html',
    'text/markdown',
    'text/plain',
  ]);
  if (types[0] === 'text/markdown') return true;
  return types[0] === 'text/plain' && !types.includes('text/html');
}

// Browsers name text/html; curl and agents that accept anything get the short plain-text answer.
function wantsHtml(accept: string | undefined): boolean {
  if (accept === undefined) return false;
  return new Negotiator({ headers: { accept } }).mediaTypes().includes('text/html');
}

interface RedirectRule {
  target: string;
  status: number;
}

/**
 * The rules of the `_redirects` file the build writes (scripts/build/host-files.ts), by path:
 * `/old/  /new/  301` for moved pages and their twins, `/gone/  /gone/  410!` for removed ones.
 * `npm start` answers them as the hosts that read the file do. Rules with placeholders or
 * splats, which the build never writes, are not read.
 */
function readRedirects(distDir: string): Map<string, RedirectRule> {
  const file = join(distDir, '_redirects');
  const rules = new Map<string, RedirectRule>();
  if (!existsSync(file)) return rules;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const [from, target, code] = line.trim().split(/\s+/);
    if (from === undefined || target === undefined || code === undefined || from.startsWith('#')) continue;
    const status = Number.parseInt(code, 10);
    if (!Number.isInteger(status) || /[*:]/.test(from)) continue;
    rules.set(from, { target, status });
  }
  return rules;
}

/**
 * Serves the built site and the MCP endpoint. Static files go through sirv (with the brotli and
 * gzip copies the build writes next to each text file); a page is answered as its Markdown twin
 * when the request prefers Markdown; `/_mcp/server` speaks MCP's Streamable HTTP transport,
 * statelessly (a fresh server per request, as the protocol allows), so there is no session to leak.
 */
export async function startServer(
  options: ServeOptions,
): Promise<{ server: Server; url: string; pages: number }> {
  const redirects = readRedirects(options.distDir);
  // A removed page's notice answers at its old URL, but is no page to search or list.
  const goneTwins = new Set(
    [...redirects].filter(([, rule]) => rule.status === 410).map(([path]) => twinPath(path)),
  );
  const index = new DocsIndex(readTwins(options.distDir).filter((page) => !goneTwins.has(page.path)));
  const contract = ContractIndex.fromDist(options.distDir, options.site);
  const mcpServer = mcpServerFactory(index, contract, options.site, options.version);
  const notFoundPage = join(options.distDir, '404.html');
  const notFoundHtml = existsSync(notFoundPage) ? readFileSync(notFoundPage) : undefined;
  // Responses whose body depends on `Accept` (a page or its twin): sirv sets `Vary` itself, so
  // the negotiated ones are remembered here and get the fuller header in `setHeaders`.
  const negotiated = new WeakSet<ServerResponse>();
  const etagOf = await strongEtags(options.distDir);
  const statics = sirv(options.distDir, {
    dev: false,
    // Our own strong tags instead (src/server/etags.ts): sirv's are weak, and its 304 leaves out
    // the Cache-Control and Vary a 304 must repeat (RFC 9110, 15.4.5).
    etag: false,
    gzip: true,
    brotli: true,
    extensions: ['html'],
    setHeaders(res, pathname, stats) {
      if (negotiated.has(res)) res.setHeader('Vary', 'Accept, Accept-Encoding');
      res.setHeader('Cache-Control', pathname.startsWith('/_astro/') ? CACHE_IMMUTABLE : CACHE_PAGE);
      if (pathname.endsWith('.md')) res.setHeader('Content-Type', 'text/markdown; charset=utf-8');
      if (pathname.endsWith('.txt')) res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      if (pathname === FEED_URL) res.setHeader('Content-Type', 'application/atom+xml; charset=utf-8');
      const etag = etagOf(stats);
      if (etag === undefined) return;
      res.setHeader('ETag', etag);
      if (fresh(res.req.headers, { etag })) answerNotModified(res);
    },
  });
  const notFound = (req: IncomingMessage, res: ServerResponse) => {
    res.statusCode = 404;
    res.setHeader('Cache-Control', 'no-cache');
    if (notFoundHtml !== undefined && wantsHtml(req.headers.accept)) {
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end(req.method === 'HEAD' ? undefined : notFoundHtml);
      return;
    }
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.end(req.method === 'HEAD' ? undefined : 'Not found. The index of every page is at /llms.txt.\n');
  };

  /** A removed page: its notice (or the notice's twin when Markdown is preferred), with 410 Gone. */
  const gone = (req: IncomingMessage, res: ServerResponse, path: string) => {
    const twin = twinPath(path);
    const markdown = prefersMarkdown(req.headers.accept);
    const file = join(options.distDir, markdown ? twin : join(path, 'index.html'));
    if (!existsSync(file)) {
      notFound(req, res);
      return;
    }
    res.statusCode = 410;
    res.setHeader('Content-Type', markdown ? 'text/markdown; charset=utf-8' : 'text/html; charset=utf-8');
    res.setHeader('Cache-Control', CACHE_PAGE);
    res.setHeader('Vary', 'Accept, Accept-Encoding');
    if (!markdown) res.setHeader('Link', `<${twin}>; rel="alternate"; type="text/markdown"`);
    res.end(req.method === 'HEAD' ? undefined : readFileSync(file));
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let path: string;
    try {
      path = new URL(req.url ?? '/', 'http://localhost').pathname;
    } catch {
      res.statusCode = 400;
      res.end('Bad request: the URL cannot be read.\n');
      return;
    }
    if (path === MCP_PATH || path === `${MCP_PATH}/`) {
      void handleMcp(req, res, mcpServer).catch(() => {
        if (!res.headersSent) jsonRpcError(res, 500, -32603, 'The server failed to answer this request.');
      });
      return;
    }
    if (options.mock !== undefined && (path === MOCK_PATH || path.startsWith(`${MOCK_PATH}/`))) {
      options.mock.forward(req, res);
      return;
    }
    if (options.mock !== undefined && path === MOCK_STATUS_PATH && req.method === 'GET') {
      options.mock.status(res);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.statusCode = 405;
      res.setHeader('Allow', 'GET, HEAD');
      res.end('Method not allowed: the site is read with GET.\n');
      return;
    }
    const rule = redirects.get(path);
    if (rule !== undefined && rule.status >= 300 && rule.status < 400) {
      res.statusCode = rule.status;
      res.setHeader('Location', rule.target);
      res.setHeader('Cache-Control', CACHE_PAGE);
      res.end(req.method === 'HEAD' ? undefined : `Moved to ${rule.target}\n`);
      return;
    }
    if (rule?.status === 410) {
      gone(req, res, path);
      return;
    }
    const isPage = !/\.[a-z0-9]+$/i.test(path) || path.endsWith('.html');
    if (isPage) {
      let twin = '';
      try {
        twin = twinPath(path);
      } catch {
        // A malformed %-escape names no page; sirv answers it as not found.
      }
      const hasTwin = index.pages.has(twin);
      if (hasTwin) negotiated.add(res);
      if (hasTwin && prefersMarkdown(req.headers.accept)) {
        req.url = twin;
      } else if (hasTwin) {
        res.setHeader('Link', `<${twin}>; rel="alternate"; type="text/markdown"`);
      }
    }
    statics(req, res, () => notFound(req, res));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://${options.host}:${port}`, pages: index.pages.size };
}

/**
 * Turns the answer sirv is about to send into a 304 Not Modified: sirv writes its headers and pipes
 * the file right after `setHeaders`, with no way to stop it, so its status line becomes 304 with the
 * headers already set (ETag, Cache-Control, Vary, Link) and none of the file's (Content-Length,
 * Content-Encoding). Node sends no body with a 304 and ignores the piped bytes.
 */
function answerNotModified(res: ServerResponse): void {
  const writeHead = res.writeHead.bind(res);
  res.writeHead = (() => writeHead(304)) as typeof res.writeHead;
}

function jsonRpcError(res: ServerResponse, status: number, code: number, message: string) {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json');
  res.end(JSON.stringify({ jsonrpc: '2.0', error: { code, message }, id: null }));
}

/** The request body as parsed JSON, or an answer already sent (413 past the limit, 400 for bad JSON). */
async function readJsonBody(
  req: IncomingMessage,
  res: ServerResponse,
): Promise<{ body: unknown } | undefined> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) {
    jsonRpcError(res, 413, -32600, `The request body is larger than ${MAX_BODY_BYTES} bytes; send less.`);
    req.resume();
    return undefined;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) {
      jsonRpcError(res, 413, -32600, `The request body is larger than ${MAX_BODY_BYTES} bytes; send less.`);
      req.destroy();
      return undefined;
    }
    chunks.push(chunk);
  }
  try {
    return { body: JSON.parse(Buffer.concat(chunks).toString('utf8')) };
  } catch {
    jsonRpcError(res, 400, -32700, 'Parse error: the request body is not JSON.');
    return undefined;
  }
}

async function handleMcp(req: IncomingMessage, res: ServerResponse, mcpServer: () => McpProtocolServer) {
  if (req.method !== 'POST') {
    // Stateless: no server-initiated stream (GET) and no session to end (DELETE).
    res.setHeader('Allow', 'POST');
    jsonRpcError(res, 405, -32000, 'Method not allowed: send MCP requests with POST.');
    return;
  }
  const read = await readJsonBody(req, res);
  if (read === undefined) return;
  const mcp = mcpServer();
  // No session id generator: the transport runs stateless.
  const transport = new StreamableHTTPServerTransport({ enableJsonResponse: true });
  res.on('close', () => {
    void transport.close();
    void mcp.close();
  });
  await mcp.connect(transport);
  await transport.handleRequest(req, res, read.body);
}
