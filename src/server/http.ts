import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import sirv from 'sirv';
import { DocsIndex, readTwins } from './docs-index.ts';
import { createMcpServer } from './mcp.ts';

export const MCP_PATH = '/_mcp/server';

export interface ServeOptions {
  distDir: string;
  host: string;
  /** 0 picks a free port. */
  port: number;
  site: string;
  version: string;
}

/**
 * Serves the built site and the MCP endpoint. Static files go through sirv;
 * `/_mcp/server` speaks MCP's Streamable HTTP transport, statelessly (a fresh
 * server per request, as the protocol allows), so there is no session to leak.
 */
export async function startServer(
  options: ServeOptions,
): Promise<{ server: Server; url: string; pages: number }> {
  const index = new DocsIndex(readTwins(options.distDir));
  const statics = sirv(options.distDir, {
    dev: false,
    etag: true,
    extensions: ['html'],
    setHeaders(res, pathname) {
      if (pathname.endsWith('.md')) res.setHeader('Content-Type', 'text/markdown; charset=utf-8');
      if (pathname.endsWith('.txt')) res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    },
  });
  const notFound = (res: ServerResponse) => {
    res.statusCode = 404;
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.end('Not found. The index of every page is at /llms.txt.\n');
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path === MCP_PATH || path === `${MCP_PATH}/`) {
      void handleMcp(req, res, index, options).catch((error: unknown) => {
        if (!res.headersSent) {
          res.statusCode = 500;
          res.end(
            JSON.stringify({ jsonrpc: '2.0', error: { code: -32603, message: String(error) }, id: null }),
          );
        }
      });
      return;
    }
    statics(req, res, () => notFound(res));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://${options.host}:${port}`, pages: index.pages.size };
}

async function handleMcp(req: IncomingMessage, res: ServerResponse, index: DocsIndex, options: ServeOptions) {
  if (req.method !== 'POST') {
    // Stateless: no server-initiated stream (GET) and no session to end (DELETE).
    res.statusCode = 405;
    res.setHeader('Allow', 'POST');
    res.setHeader('Content-Type', 'application/json');
    res.end(
      JSON.stringify({
        jsonrpc: '2.0',
        error: { code: -32000, message: 'Method not allowed: send MCP requests with POST.' },
        id: null,
      }),
    );
    return;
  }
  const mcp = createMcpServer(index, options.site, options.version);
  // No session id generator: the transport runs stateless.
  const transport = new StreamableHTTPServerTransport({ enableJsonResponse: true });
  res.on('close', () => {
    void transport.close();
    void mcp.close();
  });
  await mcp.connect(transport);
  await transport.handleRequest(req, res);
}
